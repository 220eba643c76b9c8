import type { Rich, Section } from '../document.js';
import { code, em, strong } from '../document.js';
import type { PlanExport, QuantityExport } from '../export-model.js';
import { fact, missing, plural } from './common.js';

/** The budget lines, and the derived monthly serving cost next to the serving line. */
export function budgetSection(model: PlanExport): Section {
    const budget = model.budget;
    if (!budget) {
        return { id: 'budget', title: 'Budget', blocks: [missing('No budget defined.')] };
    }
    const line = (label: string, quantity: QuantityExport | null, note: Rich = []) =>
        quantity ? [[label], [quantity.text], note.length > 0 ? note : ['—']] as Rich[] : undefined;
    const derived = model.serving?.derived;
    const servingNote: Rich = derived?.monthlyCost
        ? [`serving is planned to cost ${derived.monthlyCost.text}`, derived.budgetShare ? ` (${derived.budgetShare.text} of this line)` : '', derived.overBudget ? ' — ' : '', ...(derived.overBudget ? [strong('over budget')] : [])]
        : [];
    const rows = [
        line('Total', budget.total),
        line('Serving', budget.serving, servingNote),
        line('Training', budget.training),
        line('Labeling', budget.labeling),
        line('Compute', budget.compute),
    ].filter((row): row is Rich[] => row !== undefined);
    const facts = budgetFacts(model);
    return {
        id: 'budget',
        title: 'Budget',
        blocks: [
            rows.length === 0 ? missing('The budget block lists no amounts.') : { kind: 'table', headers: ['Item', 'Amount', 'Note'], rows },
            ...(facts.length > 0 ? [{ kind: 'facts', items: facts } as const] : []),
        ],
    };
}

/** Months of serving, the lines added up against the total, and what labeling will cost. */
function budgetFacts(model: PlanExport): Array<{ label: string; value: Rich }> {
    const { budgetSum: sum, servingMonths: months, labelingSpend: spend } = model.derived;
    const facts: Array<{ label: string; value: Rich }> = [];
    if (sum?.servingMonthly) {
        facts.push(fact('Months of serving', [strong(String(months.months)), ' ', em(monthsWhy(months))]));
    }
    if (sum) {
        const terms = sum.lines.map(line => line.name === 'serving' && sum.servingMonthly
            ? `${line.amount.text} serving (${sum.servingMonthly.text} × ${plural(months.months, 'month')})`
            : `${line.amount.text} ${line.name}`);
        const verdict: Rich = sum.exceedsTotal
            ? [', ', strong(`over the total of ${sum.total.text}`)]
            : [`, within the total of ${sum.total.text}`];
        facts.push(fact('Sum of the lines', terms.length === 0
            ? [em(`no line in the total's currency to add up`)]
            : [`${terms.join(' + ')} = `, strong(sum.sum.text), ...verdict]));
    }
    if (spend) {
        const each = spend.datasets.flatMap((d, i) => [...(i > 0 ? ['; '] : []), code(d.dataset.name), ` ${d.cost.text}`]);
        const line = model.budget?.labeling ? [`, against a labeling line of ${model.budget.labeling.text}`] : [];
        facts.push(fact('Labeling spend', [strong(spend.text), ' (', ...each, ')', ...line]));
    }
    return facts;
}

/** Where the months of serving are counted from, in words. */
function monthsWhy(months: PlanExport['derived']['servingMonths']): string {
    if (!months.from || !months.fromDate || !months.deadline) {
        return '(a year: the rollout start or plan start, or the deadline, is not known)';
    }
    return `(from the ${months.from} ${months.fromDate} to the deadline ${months.deadline}, in 30-day months rounded up)`;
}
