import * as ast from '../../generated/ast.js';
import { dayOf, formatDay } from '../../model/dates.js';
import { SECONDS_PER_DAY, formatDuration, formatValue } from '../../model/units.js';
import type { Rule } from '../rule.js';

/**
 * A milestone that `needs` a dataset needs it labeled: labeling starts at the plan `start` and
 * takes `size` ÷ labeling `rate` days (the plan's figures). Silent without any of the four.
 * Reported on the `needs` reference, once per dataset that is late.
 */
export const labelingTooSlow: Rule = {
    code: 'labeling-too-slow',
    category: 'cross-check',
    severity: 'warning',
    title: 'every dataset a milestone needs can be labeled by its due date',
    why: 'Labeling runs at the speed of people, not of machines: a team labels a known number of rows a day, and that rate rarely doubles on request. Dividing the rows a dataset needs by that rate gives the earliest date its labels exist, and every milestone that trains or evaluates on it waits for that date. Checking it while planning shows when a milestone needs a smaller sample, more labelers, or a later date.',
    check({ facts, report }) {
        for (const milestone of facts.local.filter(ast.isMilestone)) {
            const due = dayOf(milestone.due);
            if (due === undefined) {
                continue;
            }
            (milestone.needs ?? []).forEach((reference, index) => {
                const dataset = reference.ref;
                const labeling = dataset ? facts.figures.labeling(dataset) : undefined;
                const start = facts.figures.startDay;
                if (!dataset || !labeling || start === undefined || labeling.endDay === undefined || labeling.days === undefined
                    || labeling.rows === undefined || labeling.rowsPerDay === undefined || labeling.endDay <= due) {
                    return;
                }
                const pace = `${formatValue(labeling.rows, 'rows')} at ${formatValue(labeling.rowsPerDay, 'rows/day')}`;
                report({
                    node: milestone,
                    property: 'needs',
                    index,
                    message: `labeling \`${dataset.name}\` takes ${formatDuration(labeling.days * SECONDS_PER_DAY)} (${pace}) from the plan start ${formatDay(start)}, so it ends ${formatDay(labeling.endDay)}, but milestone \`${milestone.name}\` is due ${formatDay(due)}`,
                });
            });
        }
    },
};
