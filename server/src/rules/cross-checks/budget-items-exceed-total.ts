import type { BudgetLine, BudgetSum } from '../../model/economics.js';
import type { Rule } from '../rule.js';
import { setAmountFix } from './schedule-fix.js';
import { money, monthsText } from './schedule-text.js';

/**
 * The budget's lines against its `total`, as the plan's figures add them (`budgetSum` in
 * model/economics.ts): the one-off lines as written, `serving` per month × the months of serving
 * before the deadline, in the total's currency only (a line in another currency is `unit-mismatch`).
 */
export const budgetItemsExceedTotal: Rule = {
    code: 'budget-items-exceed-total',
    category: 'cross-check',
    severity: 'error',
    title: 'the budget lines add up to no more than the total',
    why: 'A budget is only a plan if its parts fit in its whole. Serving is paid every month the model runs, so its line has to be multiplied by the months of production before the deadline, and that is the term most often left out when a total is agreed. When the lines add up to more than the total, either the total is not the real commitment or one of the lines will be cut later, usually monitoring or labeling. Settling it in the plan lets the sponsor approve the real number.',
    check({ facts, report }) {
        const sum = facts.figures.budgetSum;
        const budget = facts.budget;
        if (!budget || !sum?.exceeded || sum.lines.length === 0) {
            return;
        }
        report({ node: budget, property: 'total', message: budgetMessage(sum) });
    },
    fix(context) {
        const sum = context.facts.figures.budgetSum;
        return sum?.exceeded ? setAmountFix(context, 'total', sum.sum, 'the sum of the budget lines') : [];
    },
};

function budgetMessage(sum: BudgetSum): string {
    const terms = sum.lines.map(line => lineText(line, sum));
    const single = sum.lines.length === 1 && sum.lines[0].name !== 'serving';
    const total = single ? '' : ` = ${money(sum.sum, sum.currency)}`;
    return `${terms.join(' + ')}${total}, above the total ${money(sum.total, sum.currency)}`;
}

function lineText(line: BudgetLine, sum: BudgetSum): string {
    if (line.name === 'serving' && sum.servingMonthly !== undefined) {
        return `serving ${money(sum.servingMonthly, `${sum.currency}/month`)} × ${monthsText(sum.months)}`;
    }
    return `${line.name} ${money(line.amount, sum.currency)}`;
}
