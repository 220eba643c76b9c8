import * as ast from '../../generated/ast.js';
import { compareDates, formatDate, parseDate } from '../../model/dates.js';
import type { Rule } from '../rule.js';

export const pastDeadline: Rule = {
    code: 'past-deadline',
    category: 'consistency',
    severity: 'warning',
    title: 'every milestone and kpi date falls on or before the plan deadline',
    why: 'The deadline is the date the project has promised to deliver by. A milestone due after it, or a kpi that is only expected to be met after it, means the plan already knows it will be late, or that the deadline is not the real one. Either way stakeholders are reading two different schedules; make them agree.',
    check({ facts, report }) {
        const deadline = parseDate(facts.plan?.deadline);
        if (!deadline) {
            return;
        }
        const shown = formatDate(deadline);
        for (const milestone of facts.local.filter(ast.isMilestone)) {
            const due = parseDate(milestone.due);
            if (due && compareDates(due, deadline) > 0) {
                report({
                    node: milestone,
                    property: 'due',
                    message: `milestone \`${milestone.name}\` is due ${formatDate(due)}, after the plan deadline ${shown}`,
                });
            }
        }
        for (const objective of facts.local.filter(ast.isObjective)) {
            for (const kpi of objective.kpis ?? []) {
                const by = parseDate(kpi.by);
                if (by && compareDates(by, deadline) > 0) {
                    report({
                        node: kpi,
                        property: 'by',
                        message: `the kpi on \`${kpi.metric?.$refText ?? '?'}\` of objective \`${objective.name}\` is due by ${formatDate(by)}, after the plan deadline ${shown}`,
                    });
                }
            }
        }
    },
};
