import { replacementFixes } from '../fixes/replace.js';
import { quoted, type BoundLike } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundText, flipOperator, localNodes, pointsWrongWay } from './value-helpers.js';

const DIRECTED_BOUNDS = new Set(['Kpi', 'Success', 'Indicator']);

/**
 * kpi, success and slo indicator bounds state the good outcome, so their operator must point the
 * way the metric improves. Alerts and rollback conditions state the bad outcome and are not
 * checked. Reported on the operator.
 */
export const directionConflict: Rule = {
    code: 'direction-conflict',
    category: 'consistency',
    severity: 'warning',
    title: 'kpi, success and indicator bounds point the way their metric improves',
    why: 'A target says which outcomes count as good. When a metric improves downwards (latency, error rate, churn) a target of "at least 150 ms" rewards the model for getting slower, and an evaluation gate or SLO built on it passes exactly the releases it should stop. Such an inverted bound is almost always a slip of the operator, copied from an alert where the bad side is the one written down.',
    check({ facts, report }) {
        for (const bound of localNodes(facts).filter(n => DIRECTED_BOUNDS.has(n.$type)) as BoundLike[]) {
            const metric = bound.metric?.ref;
            if (!metric || !bound.op || !pointsWrongWay(metric.better, bound.op)) {
                continue;
            }
            const expectedOp = flipOperator(bound.op);
            report({
                node: bound,
                property: 'op',
                message: `${boundText(bound)} asks for ${metric.better === 'lower' ? 'larger' : 'smaller'} values, but ${quoted(metric.name)} is better ${metric.better}; did you mean \`${expectedOp}\`?`,
                data: { expectedOp },
            });
        }
    },
    fix: context => replacementFixes(context, [context.data.expectedOp], (written, op) => `Change \`${written}\` to \`${op}\``, true),
};
