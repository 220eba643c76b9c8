import * as ast from '../../generated/ast.js';
import { declarationFix, DRIFT_LINE, monitoringLines, propertyFix } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';

export const retrainOnDriftUnmonitored: Rule = {
    code: 'retrain-on-drift-unmonitored',
    category: 'consistency',
    severity: 'error',
    title: 'a model that retrains on drift has drift monitoring to trigger it',
    why: 'Retraining "on drift" is a promise that something measures drift and acts on it. Without a `drift` line in monitoring nothing ever fires, so the model in fact never retrains and silently ages as the data moves away from what it learned. Either monitor the drift that should trigger retraining, or retrain on a fixed schedule.',
    check({ facts, report }) {
        const drifts = facts.monitorings.reduce((n, monitoring) => n + (monitoring.drifts?.length ?? 0), 0);
        if (drifts > 0) {
            return;
        }
        for (const model of facts.local.filter(ast.isModel)) {
            if (model.retrain?.onDrift) {
                const where = facts.monitorings.length === 0 ? 'the plan has no `monitoring` block' : 'monitoring has no `drift` line';
                report({
                    node: model.retrain,
                    message: `model \`${model.name}\` retrains on drift, but ${where}: nothing would ever trigger the retraining`,
                });
            }
        }
    },
    fix({ facts, text, edits }) {
        if (facts.monitoring) {
            return propertyFix(edits(), facts.monitoring, [DRIFT_LINE]);
        }
        return facts.plan ? declarationFix(edits(), monitoringLines(facts, text)) : [];
    },
};
