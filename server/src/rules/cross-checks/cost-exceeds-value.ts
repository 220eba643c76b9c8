import { measureOf } from '../../model/derived.js';
import { costOverValue, type YearlyCost, type YearlyValue } from '../../model/economics.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import { MONTHS_PER_YEAR, formatMeasure, formatValue, type Measure } from '../../model/units.js';
import type { Rule } from '../rule.js';
import { money } from './schedule-text.js';

/**
 * What serving costs a year (`cost` × a year of `volume`, else the budget's `serving` × 12) against
 * what the objectives say the project is worth a year, in one currency only. Reported on the
 * `value` of the first objective, in source order, that counts towards the sum.
 */
export const costExceedsValue: Rule = {
    code: 'cost-exceeds-value',
    category: 'cross-check',
    severity: 'warning',
    title: 'serving costs less a year than the objectives are worth',
    why: 'A model in production is a running cost that has to be paid for by the value it creates. When the yearly inference bill is larger than the yearly value the objectives claim, the project loses money for as long as it succeeds. Putting the two numbers side by side is the business case in one line: either the value is understated, or the model needs to get cheaper to serve (a smaller model, batching, caching, fewer requests) before it is worth deploying.',
    check({ facts, report }) {
        const cost = facts.figures.planServingYearlyCost;
        const value = facts.figures.yearlyValue;
        const comparison = costOverValue(cost, value);
        const at = value?.objectives.find(objective => facts.local.includes(objective));
        if (!comparison?.exceeded || !cost || !value || !at) {
            return;
        }
        report({
            node: at,
            property: 'value',
            message: `serving costs ${money(cost.amount, cost.currency)} a year (${costDerivation(facts, cost)}) but ${valueText(value)}`,
        });
    },
};


/** "0.00004 USD/req × 730,000,000 req/year", "3,000 USD/month × 12", "the serving budget 2,500 USD/month × 12". */
function costDerivation(facts: PlanFacts, cost: YearlyCost): string {
    if (cost.basis === 'volume') {
        const perRequest = measureOf(facts.serving?.cost);
        const requests = formatValue(cost.requestsPerYear ?? 0, 'req/year');
        return perRequest ? `${formatMeasure(perRequest)} × ${requests}` : requests;
    }
    const written = measureOf(cost.basis === 'monthly cost' ? facts.serving?.cost : facts.budget?.serving);
    const source = cost.basis === 'serving budget' ? 'the serving budget ' : '';
    return `${source}${written ? asYearly(written) : formatValue(cost.amount, `${cost.currency}/year`)}`;
}

/** An amount per month or per year as written, with the × 12 that makes it yearly: `2,500 USD/month × 12`, `30,000 USD/year`. */
function asYearly(written: Measure): string {
    return written.unit.symbol.endsWith('/year') ? formatMeasure(written) : `${formatMeasure(written)} × ${MONTHS_PER_YEAR}`;
}

/** "objective `Retain` is worth 20,000 USD a year", or the sum with each objective's part. */
function valueText(value: YearlyValue): string {
    const worth = `${money(value.amount, value.currency)} a year`;
    const parts = value.objectives.map(objective => ({ name: objective.name, written: measureOf(objective.value) }));
    if (parts.length === 1) {
        const [{ name, written }] = parts;
        const perMonth = written && !written.unit.symbol.endsWith('/year') ? ` (${asYearly(written)})` : '';
        return `objective \`${name}\` is worth ${worth}${perMonth}`;
    }
    const terms = parts.map(({ name, written }) => `\`${name}\` ${written ? asYearly(written) : '?'}`);
    return `the objectives are worth ${worth} (${terms.join(' + ')})`;
}
