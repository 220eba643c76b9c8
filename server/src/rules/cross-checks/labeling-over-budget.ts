import type { LabelingBudgetUse } from '../../model/economics.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import { formatValue } from '../../model/units.js';
import type { Rule } from '../rule.js';
import { setAmountFix } from './schedule-fix.js';
import { money } from './schedule-text.js';

/**
 * What labeling the datasets costs (each dataset's `size` × its labeling `cost` per row, from the
 * plan's figures) against the budget's `labeling` line, in that line's currency. Every dataset the
 * plan can see counts, imported ones included: the plan pays for the labels it uses.
 */
export const labelingOverBudget: Rule = {
    code: 'labeling-over-budget',
    category: 'cross-check',
    severity: 'error',
    title: 'labeling the datasets costs no more than the labeling budget',
    why: 'Labels are often the largest cost of a supervised project, and they are priced per row: a dataset ten times larger costs ten times more to label. Multiplying each dataset\'s size by its price per label is simple arithmetic that is rarely done when the budget is set. When the product exceeds the labeling line, the plan needs fewer labels (sampling, active learning, weak supervision), a cheaper source, or more money, and each of those changes the model.',
    check({ facts, report }) {
        const use = labelingUse(facts);
        if (!facts.budget || !use?.exceeded) {
            return;
        }
        const terms = use.spend.datasets.map(d =>
            `\`${d.dataset.name}\` ${formatValue(d.rows ?? 0, 'rows')} × ${formatValue(d.costPerRow ?? 0, `${use.spend.currency}/row`)}`);
        report({
            node: facts.budget,
            property: 'labeling',
            message: `${terms.join(' + ')} = ${money(use.spend.sum, use.spend.currency)}, above the labeling budget ${money(use.allowed, use.spend.currency)}`,
        });
    },
    fix(context) {
        const use = labelingUse(context.facts);
        return use?.exceeded ? setAmountFix(context, 'labeling', use.spend.sum, 'what labeling the datasets costs') : [];
    },
};

function labelingUse(facts: PlanFacts): LabelingBudgetUse | undefined {
    return facts.budget && facts.figures.labelingBudgetUse(facts.budget);
}
