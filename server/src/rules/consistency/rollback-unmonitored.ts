import * as ast from '../../generated/ast.js';
import { boundSource } from '../fixes/choices.js';
import { declarationFix, monitoringLines, propertyFix } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';

export const rollbackUnmonitored: Rule = {
    code: 'rollback-unmonitored',
    category: 'consistency',
    severity: 'warning',
    title: 'every metric that triggers a rollback has an alert in monitoring',
    why: 'A rollback criterion only protects users if someone, or something, notices when it is crossed. If the metric in `rollback when` has no alert, the condition can be breached for hours before anyone looks at a dashboard, and the canary that was meant to limit the damage becomes the full rollout. Alert on every rollback metric, ideally at or before the rollback threshold.',
    check({ facts, report }) {
        const alerted = new Set<ast.Metric>();
        for (const monitoring of facts.monitorings) {
            for (const alert of monitoring.alerts ?? []) {
                if (alert.metric?.ref) {
                    alerted.add(alert.metric.ref);
                }
            }
        }
        for (const rollout of facts.rollouts) {
            for (const condition of rollout.rollback?.conditions ?? []) {
                const metric = condition.metric?.ref;
                // An unresolved metric is `unresolved-reference`; do not pile a second finding on it.
                if (!metric || alerted.has(metric)) {
                    continue;
                }
                const where = facts.monitorings.length === 0 ? 'the plan has no `monitoring` block' : 'monitoring has no `alert` on it';
                report({
                    node: condition,
                    property: 'metric',
                    message: `rollback triggers on \`${metric.name}\`, but ${where}: nobody would be told when the condition is met`,
                });
            }
        }
    },
    fix({ diagnostic, doc, facts, text, edits }) {
        if (!facts.monitoring) {
            return facts.plan ? declarationFix(edits(), monitoringLines(facts, text)) : [];
        }
        const condition = doc.nodeAt(diagnostic.range.start, ast.isRollbackCondition);
        const source = condition ? boundSource(text, condition) : undefined;
        return source ? propertyFix(edits(), facts.monitoring, [`alert ${source}`]) : [];
    },
};
