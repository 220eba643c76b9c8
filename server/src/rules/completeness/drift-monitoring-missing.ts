import * as ast from '../../generated/ast.js';
import { DRIFT_LINE, propertyFix } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { completenessRule, listOf } from './applies.js';

/**
 * Per-block rule on each `monitoring` block without a `drift` line, reported on its keyword. A plan
 * with no monitoring block at all is `monitoring-missing`'s finding, not this one's.
 */
export const driftMonitoringMissing: Rule = completenessRule({
    code: 'drift-monitoring-missing',
    stage: 'growth',
    title: 'monitoring watches for data or prediction drift',
    why: 'Labels usually arrive late (a churn label a month after the prediction, a fraud chargeback weeks later), so a drop in accuracy shows up long after it started. Drift checks on input features and on the prediction distribution (PSI, KS and similar statistics against the training data) are the early warning that needs no labels: they signal that the model is now seeing a population it was not trained on, and they are what a `retrain on drift` policy is triggered by.',
    check({ facts, report }) {
        for (const monitoring of facts.monitorings) {
            if (listOf(monitoring.drifts).length === 0) {
                report({
                    node: monitoring,
                    keyword: 'monitoring',
                    message: 'monitoring has no `drift` line: watch the input features or the predictions for drift (e.g. `drift predictions psi > 0.2`)',
                });
            }
        }
    },
    fix({ diagnostic, doc, edits }) {
        const monitoring = doc.nodeAt(diagnostic.range.start, ast.isMonitoring);
        return monitoring && listOf(monitoring.drifts).length === 0 ? propertyFix(edits(), monitoring, [DRIFT_LINE]) : [];
    },
});
