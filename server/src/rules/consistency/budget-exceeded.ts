import { measureOf } from '../../model/derived.js';
import { compareMeasures, formatMeasure, formatValue, measure } from '../../model/units.js';
import type { Rule } from '../rule.js';

/**
 * The monthly serving cost (`monthlyServingCost` in model/derived.ts computes it) against the
 * budget's `serving` per month, in the same currency only (a currency clash is `unit-mismatch`).
 * Reported on the serving `cost`, the figure the comparison is derived from.
 */
export const budgetExceeded: Rule = {
    code: 'budget-exceeded',
    category: 'consistency',
    severity: 'error',
    title: 'the monthly serving cost fits the serving budget',
    why: 'Inference cost scales with traffic, and it keeps scaling for as long as the model is in production, long after training money is spent. Multiplying the cost per request by the expected volume before launch is the cheapest capacity review there is: when the product exceeds the budget, the plan needs a cheaper model, batching, caching or a bigger budget, and it is far better to learn that from the plan than from the first invoice.',
    check({ facts, report }) {
        const allowed = measureOf(facts.budget?.serving);
        if (!allowed || allowed.unit.dimension !== 'money-per-month') {
            return;
        }
        for (const serving of facts.servings) {
            const monthly = facts.figures.serving(serving).monthlyCost;
            const cost = measureOf(serving.cost);
            if (!monthly || !cost) {
                continue;
            }
            const spent = measure(monthly.amount, `${monthly.currency}/month`);
            const difference = spent && compareMeasures(spent, allowed);
            if (!spent || difference === undefined || difference <= 0) {
                continue;
            }
            const derivation = monthly.requestsPerMonth !== undefined
                ? ` (${formatMeasure(cost)} × ${formatValue(monthly.requestsPerMonth, 'req/month')})`
                : '';
            report({
                node: serving,
                property: 'cost',
                message: `serving costs ${formatMeasure(spent)}${derivation} but the budget allows ${formatMeasure(allowed)}`,
            });
        }
    },
};
