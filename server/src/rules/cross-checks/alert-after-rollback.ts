import * as ast from '../../generated/ast.js';
import { isLooser, tightest, trigger, type SidedBound } from '../../model/bounds.js';
import { boundMeasure } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundAsWritten, inUnitOf, replaceValueOf, sameMetric, written, writtenQuantity } from './production-helpers.js';

interface Threshold {
    readonly condition: ast.RollbackCondition;
    readonly bound: SidedBound;
}

/**
 * An alert that fires later than the rollback it should announce: same metric, same direction
 * (both fire above, or both below), the alert's threshold looser. Once per alert, against the
 * tightest rollback threshold it trails (the one that fires first).
 */
export const alertAfterRollback: Rule = {
    code: 'alert-after-rollback',
    category: 'cross-check',
    severity: 'warning',
    title: 'alerts fire no later than the rollback conditions on the same metric',
    why: 'A rollback condition says when the new model must come out; the alert on the same metric is how people learn that moment has come. If the alert only fires past the rollback threshold, the rollout keeps running in the zone where it should already have been reverted, and the on-call engineer hears about it last. Alerting at or before the rollback threshold makes the rollback a decision someone sees, not a surprise found in a dashboard.',
    check({ facts, report }) {
        const thresholds: Threshold[] = [];
        for (const rollout of facts.rollouts) {
            for (const condition of rollout.rollback?.conditions ?? []) {
                const bound = trigger(condition.op, boundMeasure(condition));
                if (bound && condition.metric?.ref) {
                    thresholds.push({ condition, bound });
                }
            }
        }
        if (thresholds.length === 0) {
            return;
        }
        for (const monitoring of facts.monitorings) {
            for (const alert of monitoring.alerts ?? []) {
                const metric = alert.metric?.ref;
                const bound = trigger(alert.op, boundMeasure(alert));
                if (!metric || !bound) {
                    continue;
                }
                const trailed = thresholds.filter(t => sameMetric(t.condition.metric?.ref, metric) && isLooser(bound, t.bound));
                const first = tightest(trailed, t => t.bound);
                if (!first) {
                    continue;
                }
                const side = bound.side === 'upper' ? 'above' : 'below';
                report({
                    node: alert,
                    message: `${boundAsWritten(alert, true)} fires only past the rollback threshold ${boundAsWritten(first.condition)}: ${inUnitOf(bound.value, first.bound.value)} is ${side} ${written(first.bound.value)}, so nobody is told until after the rollout should have been rolled back`,
                    data: { replacement: writtenQuantity(first.condition.value) },
                });
            }
        }
    },
    fix: context => replaceValueOf(context, ast.isAlert, alert => alert.value, context.data.replacement,
        `Alert at \`${String(context.data.replacement)}\`, the rollback threshold`),
};
