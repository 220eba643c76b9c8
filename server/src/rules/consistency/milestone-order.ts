import * as ast from '../../generated/ast.js';
import { compareDates, formatDate, parseDate } from '../../model/dates.js';
import type { Rule } from '../rule.js';

export const milestoneOrder: Rule = {
    code: 'milestone-order',
    category: 'consistency',
    severity: 'error',
    title: 'every milestone is due after the milestones it comes after',
    why: 'A schedule in which a milestone is due before the work it depends on is not a schedule: one of the dates is wishful, and the slip will surface late, usually when the dependent work cannot start. Checking dependencies against dates catches the contradiction while it is still cheap to re-plan.',
    check({ facts, report }) {
        for (const milestone of facts.local.filter(ast.isMilestone)) {
            const due = parseDate(milestone.due);
            if (!due) {
                continue;
            }
            (milestone.after ?? []).forEach((ref, index) => {
                const before = ref.ref;
                const beforeDue = parseDate(before?.due);
                // A milestone after itself is a cycle (`milestone-cycle`), not an ordering question.
                if (!before || before === milestone || !beforeDue || compareDates(due, beforeDue) > 0) {
                    return;
                }
                const relation = compareDates(due, beforeDue) === 0 ? 'on the same day as' : 'before';
                report({
                    node: milestone,
                    property: 'after',
                    index,
                    message: `milestone \`${milestone.name}\` is due ${formatDate(due)}, ${relation} \`${before.name}\` (due ${formatDate(beforeDue)}), which it comes after`,
                });
            });
        }
    },
};
