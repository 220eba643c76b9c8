/**
 * The texts completeness fixes insert: one function per skeleton, returning lines with two spaces
 * per level (EditBuilder re-indents them to the file's style). Every skeleton parses, refers only
 * to names that resolve (see choices.ts) and satisfies the completeness rules that would otherwise
 * fire on it at once (an objective comes with a kpi, a model with an evaluation, serving with a
 * fallback), so that applying a fix leaves no new finding behind, except one: a `"TODO"` string
 * stands where only the team can write the value, and a placeholder satisfies no rule (LANGUAGE.md
 * 4.1, v2), so its finding stays, on the string, until someone writes it. test/lsp/code-actions*.test.ts
 * round-trips every one of them through the real parser and rules.
 */
import { formatDate, parseDate } from '../../model/dates.js';
import { measureOf } from '../../model/derived.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import {
    boundOn, boundSource, chooseMetric, evaluationDataset, fieldsBlock, firstBaseline, firstParty, isFeatureField, isLatencyMetric,
    KPI_METRIC, LATENCY_METRIC, PLACEHOLDER_FIELDS, rollbackCondition, successMetric, trainingDataset, type MetricNeed,
} from './choices.js';
import type { Fix } from '../rule.js';
import { headline, type EditBuilder } from './edit-helpers.js';
import { guess, type FieldSpec } from './planned.js';

export const SOURCE_LINE = 'source "TODO"';
export const VERSION_LINE = 'version "TODO"';
export const CONSENT_LINE = 'consent "TODO"';
export const RETENTION_LINE = 'retention 365 d';
export const RETRAIN_LINE = 'retrain every 30 d';
export const DRIFT_LINE = 'drift predictions psi > 0.2';
export const FINAL_STAGE_LINE = 'stage 100 %';

/** The fix that declares `lines` at the end of the plan: "Add `objective Goal`". */
export function declarationFix(edits: EditBuilder, lines: readonly string[]): Fix[] {
    const name = headline(lines);
    // Named declarations read "Add `objective Goal`"; singleton blocks "Add a `serving` block".
    const what = name.includes(' ') ? name : `a ${name} block`;
    return edits.declare(lines).result(edits.titled(`Add ${what}`, name), true);
}

/** The fix that adds property `lines` at the end of `node`'s block: "Add `source \"TODO\"`". */
export function propertyFix(edits: EditBuilder, node: Parameters<EditBuilder['addToBlock']>[0], lines: readonly string[]): Fix[] {
    const shown = lines.map(line => `\`${line}\``).join(' and ');
    return edits.addToBlock(node, lines).result(edits.titled(`Add ${shown}`), true);
}

/** `kpi churn_rate <= 10 %` on a business metric (declaring one when the plan has no metric). */
export function kpiLine(facts: PlanFacts, edits: EditBuilder): string {
    return `kpi ${boundOn(facts, chooseMetric(facts, edits, KPI_METRIC), 'good')}`;
}

/** Only a metric of kind business fits; with none visible, the placeholder declared (`kpi_metric`) is of that kind. */
const BUSINESS_METRIC: MetricNeed = {
    rank: metric => (metric.kind === 'business' ? 0 : Infinity),
    placeholder: KPI_METRIC.placeholder,
};

/** `kpi churn_rate <= 10 %` on the first business metric, declaring one when the plan has none. */
export function businessKpiLine(facts: PlanFacts, edits: EditBuilder): string {
    return `kpi ${boundOn(facts, chooseMetric(facts, edits, BUSINESS_METRIC), 'good')}`;
}

/** `success auc >= 0.8`, beating the baselines' expectations for that metric. */
export function successLine(facts: PlanFacts, edits: EditBuilder): string {
    return `success ${boundOn(facts, chooseMetric(facts, edits, successMetric(facts)), 'good', true)}`;
}

export function objectiveLines(facts: PlanFacts, edits: EditBuilder): string[] {
    const name = edits.uniqueName('Goal');
    return [`objective ${name} {`, '  description "TODO: the outcome the project is for"', `  ${kpiLine(facts, edits)}`, '}'];
}

export function datasetSkeletonLines(facts: PlanFacts, edits: EditBuilder): string[] {
    const name = edits.uniqueName('training_data');
    const owner = firstParty(facts, edits);
    edits.planned.datasets.push({ name, fields: PLACEHOLDER_FIELDS });
    return [
        `dataset ${name} {`,
        `  ${SOURCE_LINE}`,
        `  ${VERSION_LINE}`,
        ...(owner ? [`  owner ${owner}`] : []),
        ...fieldsBlock(PLACEHOLDER_FIELDS).map(line => `  ${line}`),
        '}',
    ];
}

export function baselineLines(edits: EditBuilder): string[] {
    const name = edits.uniqueName('SimpleBaseline');
    edits.planned.baselines.push(name);
    return [`baseline ${name} {`, '  kind heuristic', '  description "TODO: the rule or system the model must beat"', '}'];
}

/**
 * An evaluation on a dataset the model does not train on, sliced by its sensitive fields. `fields`
 * are those a holdout declared for it must have: the model's features and the training label.
 */
export function evaluationLines(facts: PlanFacts, edits: EditBuilder, training: readonly string[], fields?: readonly FieldSpec[]): string[] {
    return evaluationBlock(facts, edits, evaluationDataset(facts, edits, training, fields));
}

function evaluationBlock(facts: PlanFacts, edits: EditBuilder, dataset: { name: string; sensitive: readonly string[] }): string[] {
    return [
        'evaluation {',
        `  on ${dataset.name}`,
        `  ${successLine(facts, edits)}`,
        ...dataset.sensitive.map(field => `  slice by ${field}`),
        '}',
    ];
}

/**
 * A model training on the first dataset, reading its fields as features (neither the label nor
 * personal data), evaluated on another dataset that has them. When the training data declares no
 * fields, a comment says where the features will come from rather than inventing them.
 */
export function modelLines(facts: PlanFacts, edits: EditBuilder, base = 'NewModel'): string[] {
    const name = edits.uniqueName(base);
    const training = trainingDataset(facts, edits);
    const candidates = training.fields.filter(isFeatureField);
    const labels = training.fields.filter(f => f.flags.includes('label'));
    const evaluation = evaluationDataset(facts, edits, [training.name], labels.length > 0 ? [...candidates, ...labels] : []);
    const scored = new Set(evaluation.fields.map(f => f.name));
    // An evaluation dataset that lists no fields says nothing either way (evaluation-missing-feature).
    const features = scored.size === 0 ? candidates : candidates.filter(f => scored.has(f.name));
    return [
        `model ${name} {`,
        '  algorithm "TODO: the learning algorithm"',
        `  trains on ${training.name}`,
        features.length > 0
            ? `  features ${features.map(f => f.name).join(', ')}`
            : `  // TODO: features (dataset ${training.name} declares no fields to read them from)`,
        // model-version-missing applies wherever model-missing does: leave the slot to fill in.
        `  ${VERSION_LINE}`,
        `  ${RETRAIN_LINE}`,
        ...evaluationBlock(facts, edits, evaluation).map(line => `  ${line}`),
        '}',
    ];
}

/** `fallback TenureRule`, or a string to fill in when the plan has no baseline. */
export function fallbackLine(facts: PlanFacts, edits?: EditBuilder): string {
    const baseline = firstBaseline(facts) ?? edits?.planned.baselines[0];
    return `fallback ${baseline ?? '"TODO: what users get when the model fails"'}`;
}

/** Realtime when a latency slo already exists (latency-slo-missing), else batch. */
export function servingLines(facts: PlanFacts, edits?: EditBuilder): string[] {
    const realtime = facts.visible.slos.some(slo => isLatencyMetric(slo.indicator?.metric?.ref));
    return ['serving {', `  mode ${realtime ? 'realtime' : 'batch'}`, '  target cloud', `  ${fallbackLine(facts, edits)}`, '}'];
}

export function sloLines(facts: PlanFacts, edits: EditBuilder): string[] {
    const name = edits.uniqueName('Latency');
    const indicator = boundOn(facts, chooseMetric(facts, edits, LATENCY_METRIC), 'good');
    return [`slo ${name} {`, `  indicator ${indicator}`, '  objective 99.5 %', '  window 28 d', '}'];
}

export function rollbackLine(facts: PlanFacts, edits: EditBuilder): string {
    return `rollback when ${rollbackCondition(facts, edits)}`;
}

export function rolloutLines(facts: PlanFacts, edits: EditBuilder): string[] {
    return [
        'rollout {',
        '  strategy canary',
        '  stage 1 % for 1 d',
        '  stage 10 % for 2 d',
        `  ${FINAL_STAGE_LINE}`,
        `  ${rollbackLine(facts, edits)}`,
        '}',
    ];
}

/** Drift on the predictions, an alert for every rollback condition (rollback-unmonitored), logged predictions. */
export function monitoringLines(facts: PlanFacts, text: string, edits?: EditBuilder): string[] {
    const alerts = new Map<string, string>();
    for (const condition of edits?.planned.rollbackConditions ?? []) {
        alerts.set(condition.split(' ')[0], `  alert ${condition}`);
    }
    for (const rollout of facts.rollouts) {
        for (const condition of rollout.rollback?.conditions ?? []) {
            const source = condition.metric?.ref ? boundSource(text, condition) : undefined;
            if (source && !alerts.has(condition.metric!.$refText)) {
                alerts.set(condition.metric!.$refText, `  alert ${source}`);
            }
        }
    }
    return ['monitoring {', `  ${DRIFT_LINE}`, ...alerts.values(), '  log predictions for 30 d', '}'];
}

/** The plan's owner as written, when it resolves (an unresolved name is no owner to copy). */
export function planOwner(facts: PlanFacts): string | undefined {
    const owner = facts.plan?.owner;
    return owner?.ref ? owner.$refText : undefined;
}

export function personaLines(edits: EditBuilder, base = 'primary_user'): string[] {
    const name = edits.uniqueName(base);
    return [
        `persona ${name} {`,
        '  description "TODO: who uses the predictions"',
        '  decision "TODO: what they decide from a prediction"',
        '}',
    ];
}

export function riskLines(facts: PlanFacts, edits: EditBuilder): string[] {
    const name = edits.uniqueName('MainRisk');
    const owner = firstParty(facts, edits);
    return [
        `risk ${name} {`,
        '  description "TODO: what could go wrong"',
        '  likelihood medium',
        '  impact medium',
        '  mitigation "TODO: how it is prevented or contained"',
        ...(owner ? [`  owner ${owner}`] : []),
        '}',
    ];
}

/** A budget in the currency the serving cost uses (else USD), so that the two compare. */
export function budgetLines(facts: PlanFacts): string[] {
    const currency = measureOf(facts.serving?.cost)?.unit.currency ?? 'USD';
    return ['budget {', `  total ${guess('100_000')} ${currency}`, '}'];
}

/**
 * A milestone due on the plan deadline (never after it: past-deadline), else in 90 days, owned by
 * the plan's owner, else the first person or team (milestone-owner-missing).
 */
export function milestoneLines(facts: PlanFacts, edits: EditBuilder, today: Date = new Date(), base = 'FirstMilestone'): string[] {
    const name = edits.uniqueName(base);
    const deadline = parseDate(facts.plan?.deadline);
    const due = deadline ? formatDate(deadline) : new Date(today.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    const owner = planOwner(facts) ?? firstParty(facts, edits);
    return [
        `milestone ${name} {`,
        `  due ${guess(due)}`,
        '  deliverable "TODO: what is delivered"',
        ...(owner ? [`  owner ${owner}`] : []),
        '}',
    ];
}
