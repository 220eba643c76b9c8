import type * as ast from '../../generated/ast.js';
import { measureOf } from '../../model/derived.js';
import { compareMeasures, measure, type Measure } from '../../model/units.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundAsWritten, inUnitOf, written } from './production-helpers.js';

const LABELLED_KINDS = new Set(['ml', 'business']);

interface LabelDelay {
    readonly dataset: ast.Dataset;
    readonly delay: Measure;
}

/** The training dataset of `model` whose labels arrive last (the first of equals). */
function slowestLabels(model: ast.Model): LabelDelay | undefined {
    let slowest: LabelDelay | undefined;
    for (const reference of model.trainsOn ?? []) {
        const dataset = reference.ref;
        const delay = measureOf(dataset?.labelDelay);
        if (dataset && delay?.unit.dimension === 'time' && (!slowest || (compareMeasures(delay, slowest.delay) ?? 0) > 0)) {
            slowest = { dataset, delay };
        }
    }
    return slowest;
}

/**
 * A rollback condition on a metric measured against labels (kind `ml` or `business`) while the
 * served model's labels arrive later than the shortest timed stage ends. The slowest training
 * dataset is named: it is the one that decides when the metric can be known.
 */
export const rollbackUnobservable: Rule = {
    code: 'rollback-unobservable',
    category: 'cross-check',
    severity: 'warning',
    title: 'rollback conditions on labelled metrics can be known before the stages end',
    why: 'Model-quality and business metrics are computed against ground truth, and ground truth often arrives late: a churn label a month after the prediction, a fraud chargeback weeks after the payment. A rollback condition on such a metric cannot be evaluated while a stage shorter than that delay is running, so the stage moves on before anyone could know it should have stopped. Such conditions need stages at least as long as the label delay, or a proxy metric that can be read live, with the labelled metric checked later.',
    check({ facts, report }) {
        const model = facts.figures.servedModel;
        const labels = model ? slowestLabels(model) : undefined;
        if (!model || !labels) {
            return;
        }
        for (const rollout of facts.rollouts) {
            let shortest: { stage: ast.RolloutStage; seconds: number } | undefined;
            for (const { stage, seconds } of facts.figures.rolloutSchedule(rollout).stages) {
                if (seconds !== undefined && (!shortest || seconds < shortest.seconds)) {
                    shortest = { stage, seconds };
                }
            }
            const duration = shortest && measureOf(shortest.stage.duration);
            const stageLength = shortest && measure(shortest.seconds, 's');
            if (!shortest || !duration || !stageLength || (compareMeasures(labels.delay, stageLength) ?? 0) <= 0) {
                continue;
            }
            const traffic = measureOf(shortest.stage.traffic);
            const stageText = `\`stage ${traffic ? written(traffic) : '?'} for ${written(duration)}\``;
            for (const condition of rollout.rollback?.conditions ?? []) {
                const metric = condition.metric?.ref;
                if (!metric?.kind || !LABELLED_KINDS.has(metric.kind)) {
                    continue;
                }
                report({
                    node: condition,
                    message: `${boundAsWritten(condition, true)} is on ${metric.kind} metric ${quoted(metric.name)}, known only once labels arrive: ${quoted(labels.dataset.name)}, which model ${quoted(model.name)} trains on, has \`labels after ${written(labels.delay)}\`, and ${inUnitOf(labels.delay, duration)} is longer than the shortest stage, ${stageText}: the condition cannot be known before that stage ends`,
                });
            }
        }
    },
};
