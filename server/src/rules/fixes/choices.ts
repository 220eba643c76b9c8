/**
 * What an inserted skeleton refers to. A fix reuses what the plan declares (its metrics, datasets,
 * baselines, people) and declares a placeholder only when nothing fits, so that every name it writes
 * resolves. Values are chosen so that the inserted text raises no new finding: bounds point the way
 * their metric improves, use the metric's own unit, and beat the baselines' expectations.
 */
import * as ast from '../../generated/ast.js';
import { measureOf, metricUnit } from '../../model/derived.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import { compatible, convert, lookupUnit, type UnitInfo } from '../../model/units.js';
import type { EditBuilder } from './edit-helpers.js';
import { guess, type DatasetChoice, type FieldSpec } from './planned.js';

/** A metric measured in time and of kind `software`: what a latency slo bounds. */
export function isLatencyMetric(metric: ast.Metric | undefined): boolean {
    return metric?.kind === 'software' && metricUnit(metric)?.dimension === 'time';
}

export interface MetricChoice {
    readonly name: string;
    readonly unit: UnitInfo;
    readonly better?: string;
}

export interface MetricNeed {
    /** Lower is a better fit; `Infinity` rules the metric out. */
    readonly rank: (metric: ast.Metric) => number;
    /** Declared when no visible metric fits. */
    readonly placeholder: { readonly name: string; readonly kind: string; readonly unit?: string; readonly better: 'higher' | 'lower' };
}

/** The best-fitting visible metric (source order breaks ties), else a declared placeholder. */
export function chooseMetric(facts: PlanFacts, edits: EditBuilder, need: MetricNeed): MetricChoice {
    let best: { metric: ast.Metric; unit: UnitInfo; rank: number } | undefined;
    for (const metric of facts.visible.metrics) {
        const unit = metricUnit(metric);
        const rank = typeof metric.name === 'string' && unit ? need.rank(metric) : Infinity;
        if (unit && rank < (best?.rank ?? Infinity)) {
            best = { metric, unit, rank };
        }
    }
    if (best) {
        return { name: best.metric.name, unit: best.unit, better: best.metric.better };
    }
    const { kind, unit, better } = need.placeholder;
    const name = edits.uniqueName(need.placeholder.name);
    edits.declare([`metric ${name} { kind ${kind}${unit ? ` unit ${unit}` : ''} better ${better} description "TODO: what is measured" }`]);
    return { name, unit: lookupUnit(unit)!, better };
}

export const KPI_METRIC: MetricNeed = {
    rank: metric => (metric.kind === 'business' ? 0 : 1),
    placeholder: { name: 'kpi_metric', kind: 'business', unit: '%', better: 'higher' },
};

/** A success criterion: an ML metric a baseline is measured on, else any ML metric, else any with a direction. */
export function successMetric(facts: PlanFacts): MetricNeed {
    const expected = new Set(facts.visible.baselines.flatMap(b => (b.expects ?? []).map(e => e.metric?.$refText)));
    return {
        // Only an ML metric (or one of no stated kind) measures the model: a business kpi's 4.5 % ctr is no success threshold.
        rank: metric => (metric.kind === 'ml' ? 0 : metric.kind === undefined ? 2 : Infinity) + (expected.has(metric.name) ? 0 : 1) + (metric.better ? 0 : 3),
        placeholder: { name: 'quality_metric', kind: 'ml', better: 'higher' },
    };
}

export const LATENCY_METRIC: MetricNeed = {
    rank: metric => (isLatencyMetric(metric) ? 0 : Infinity),
    placeholder: { name: 'latency_p99', kind: 'software', unit: 'ms', better: 'lower' },
};

export const ROLLBACK_METRIC: MetricNeed = {
    rank: metric => (metric.kind === 'software' ? 0 : 1),
    placeholder: { name: 'error_rate', kind: 'software', unit: '%', better: 'lower' },
};

/** The operator of a target (kpi, success, indicator): the way the metric improves. */
export function goodOp(better: string | undefined): string {
    return better === 'lower' ? '<=' : '>=';
}

/** The operator of an alarm (rollback, alert): the way the metric degrades. */
export function badOp(better: string | undefined): string {
    return better === 'higher' ? '<' : '>';
}

/** A target value per unit: nothing to agree with, only something plausible to overwrite. */
const TARGETS: Readonly<Record<string, number>> = {
    '': 0.8, '%': 90, ms: 200, s: 1, min: 5, h: 1, d: 1, w: 1, rows: 1000,
};

/** A placeholder value in the metric's unit: a target (`good`) or an alarm threshold beyond it (`bad`). */
export function placeholderValue(choice: MetricChoice, side: 'good' | 'bad'): number {
    const { unit, better } = choice;
    let good = TARGETS[unit.symbol] ?? (unit.dimension === 'rate' ? 100 : 1000);
    if (unit.dimension === 'fraction' && better === 'lower') {
        good = unit.symbol === '%' ? 10 : 0.2;
    }
    if (side === 'good') {
        return good;
    }
    return round(better === 'higher' ? good * 0.8 : good * 2, 'nearest');
}

/** `0.8`, `200 ms`: a value and its unit as a plan writes them, the number marked as a guess. */
export function formatQuantity(value: number, unit: UnitInfo): string {
    const number = guess(String(value));
    return unit.symbol === '' ? number : `${number} ${unit.symbol}`;
}

/**
 * `value`, moved past every baseline's `expect` for the metric when it does not beat them
 * (a success threshold must, see success-not-above-baseline).
 */
export function beatBaselines(facts: PlanFacts, metric: MetricChoice, value: number): number {
    if (metric.better !== 'higher' && metric.better !== 'lower') {
        return value;
    }
    const expected: number[] = [];
    for (const baseline of facts.visible.baselines) {
        for (const expect of baseline.expects ?? []) {
            const measured = measureOf(expect.value);
            if (expect.metric?.$refText === metric.name && measured && compatible(measured.unit, metric.unit)) {
                const converted = convert(measured, metric.unit);
                if (converted !== undefined) {
                    expected.push(converted);
                }
            }
        }
    }
    if (expected.length === 0) {
        return value;
    }
    if (metric.better === 'higher') {
        const best = Math.max(...expected);
        return value > best ? value : round(best + Math.max(Math.abs(best) * 0.05, 0.01), 'up');
    }
    const best = Math.min(...expected);
    return value < best ? value : round(best - Math.max(Math.abs(best) * 0.05, 0.01), 'down');
}

function round(value: number, how: 'up' | 'down' | 'nearest'): number {
    const scaled = value * 100;
    const rounded = how === 'up' ? Math.ceil(scaled - 1e-9) : how === 'down' ? Math.floor(scaled + 1e-9) : Math.round(scaled);
    return rounded / 100;
}

/** A bound on the chosen metric: `auc >= 0.8`, `latency_p99 > 400 ms`. */
export function boundOn(facts: PlanFacts, metric: MetricChoice, side: 'good' | 'bad', beat = false): string {
    const base = placeholderValue(metric, side);
    const value = beat ? beatBaselines(facts, metric, base) : base;
    return `${metric.name} ${side === 'good' ? goodOp(metric.better) : badOp(metric.better)} ${formatQuantity(value, metric.unit)}`;
}

/** The first person or team, in source order (this document's, then the imports'), else one this fix declares. */
export function firstParty(facts: PlanFacts, edits?: EditBuilder): string | undefined {
    return [...facts.local, ...facts.imported].find(d => ast.isPerson(d) || ast.isTeam(d))?.name ?? edits?.planned.parties[0];
}

/** The first declared baseline. */
export function firstBaseline(facts: PlanFacts): string | undefined {
    return facts.visible.baselines.find(b => typeof b.name === 'string')?.name;
}

/**
 * The fields of a dataset the plan does not describe yet: one feature, so that a model skeleton
 * has something to list in `features` and an author sees at once where the fields go (a dataset
 * without fields says nothing of what a model can learn from). No label: when labels arrive is
 * for the team to say (label-delay-missing), not for a skeleton to invent.
 */
export const PLACEHOLDER_FIELDS: readonly FieldSpec[] = [{ name: 'feature_1', type: 'number', flags: [] }];

/** The fields of a declared dataset, as written (a field the parser could not complete is left out). */
export function fieldSpecs(dataset: ast.Dataset): FieldSpec[] {
    return (dataset.fields ?? [])
        .filter(f => typeof f?.name === 'string' && typeof f.type === 'string')
        .map(f => ({ name: f.name, type: f.type, flags: [...(f.pii ? ['pii'] : []), ...(f.sensitive ? ['sensitive'] : []), ...(f.label ? ['label'] : [])] }));
}

/** A `fields { … }` block, one field per line. */
export function fieldsBlock(fields: readonly FieldSpec[]): string[] {
    return ['fields {', ...fields.map(f => `  ${[f.name, f.type, ...f.flags].join(' ')}`), '}'];
}

/** What a model may learn from: neither the label (label-as-feature) nor personal data (pii-as-feature). */
export function isFeatureField(field: FieldSpec): boolean {
    return !field.flags.includes('label') && !field.flags.includes('pii');
}

/** A dataset declaration with its provenance and version left to fill in, and placeholder fields unless given. */
export function datasetLines(name: string, facts: PlanFacts, edits: EditBuilder, fields: readonly FieldSpec[] = PLACEHOLDER_FIELDS): string[] {
    const owner = firstParty(facts, edits);
    return [
        `dataset ${name} {`,
        '  source "TODO: where the data comes from"',
        '  version "TODO"',
        ...(owner ? [`  owner ${owner}`] : []),
        ...(fields.length > 0 ? fieldsBlock(fields).map(line => `  ${line}`) : []),
        '}',
    ];
}

/** A dataset to train on: the first declared, else one this fix declares, else a declared placeholder. */
export function trainingDataset(facts: PlanFacts, edits: EditBuilder): DatasetChoice {
    const first = facts.visible.datasets.find(d => typeof d.name === 'string');
    if (first) {
        return { name: first.name, fields: fieldSpecs(first) };
    }
    const planned = edits.planned.datasets[0];
    if (planned) {
        return planned;
    }
    const name = edits.uniqueName('training_data');
    edits.declare(datasetLines(name, facts, edits));
    return { name, fields: PLACEHOLDER_FIELDS };
}

/**
 * A dataset to evaluate on, never one of `training` (train-test-overlap): preferably one no model
 * trains on, else any other, else a declared placeholder holdout with the fields the model needs
 * (`fields`: its features and label, see evaluation-missing-feature; none at all when no label is
 * known, as a dataset listing fields without one raises evaluation-missing-label). Returns its sensitive fields too, which the evaluation
 * must slice by (fairness-missing), and its fields.
 */
export function evaluationDataset(
    facts: PlanFacts, edits: EditBuilder, training: readonly string[], fields: readonly FieldSpec[] = [],
): DatasetChoice & { sensitive: string[] } {
    const trained = new Set(facts.visible.models.flatMap(m => (m.trainsOn ?? []).map(r => r.$refText)));
    const candidates = facts.visible.datasets.filter(d => typeof d.name === 'string' && !training.includes(d.name));
    const chosen = candidates.find(d => !trained.has(d.name)) ?? candidates[0];
    if (chosen) {
        const sensitive = (chosen.fields ?? []).filter(f => f?.sensitive && typeof f.name === 'string').map(f => f.name);
        return { name: chosen.name, fields: fieldSpecs(chosen), sensitive };
    }
    const name = edits.uniqueName('holdout');
    edits.declare(datasetLines(name, facts, edits, fields));
    return { name, fields, sensitive: fields.filter(f => f.flags.includes('sensitive')).map(f => f.name) };
}

/** `metric op value` of a bound as written (the value keeps the author's spelling, e.g. `2_000`). */
export function boundSource(text: string, bound: { metric?: { $refText?: string }; op?: string; value?: ast.Quantity }): string | undefined {
    const value = bound.value?.$cstNode;
    if (!bound.metric?.$refText || !bound.op || !value) {
        return undefined;
    }
    return `${bound.metric.$refText} ${bound.op} ${text.slice(value.offset, value.end).replace(/\s+/g, ' ')}`;
}

/**
 * A rollback condition that monitoring watches (rollback-unmonitored): an existing alert's bound,
 * else a degradation of a software metric, with an alert added to the monitoring block if there is one.
 */
export function rollbackCondition(facts: PlanFacts, edits: EditBuilder): string {
    for (const monitoring of facts.monitorings) {
        for (const alert of monitoring.alerts ?? []) {
            const source = alert.metric?.ref ? boundSource(edits.doc.text, alert) : undefined;
            if (source) {
                return source;
            }
        }
    }
    const condition = boundOn(facts, chooseMetric(facts, edits, ROLLBACK_METRIC), 'bad');
    if (facts.monitoring) {
        edits.addToBlock(facts.monitoring, [`alert ${condition}`]);
    }
    edits.planned.rollbackConditions.push(condition);
    return condition;
}
