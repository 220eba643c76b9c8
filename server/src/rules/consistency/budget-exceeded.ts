import { measureOf } from '../../model/derived.js';
import { formatMeasure, formatValue, measure } from '../../model/units.js';
import type { Rule } from '../rule.js';

/**
 * The monthly serving cost against the budget's `serving` per month, as the plan's figures compare
 * them (`budgetUse` in model/derived.ts): in the same currency only (a clash is `unit-mismatch`).
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
            const use = facts.figures.serving(serving).budgetUse;
            const cost = measureOf(serving.cost);
            const spent = use && measure(use.cost.amount, `${use.cost.currency}/month`);
            if (!use?.exceeded || !cost || !spent) {
                continue;
            }
            const monthly = use.cost;
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
