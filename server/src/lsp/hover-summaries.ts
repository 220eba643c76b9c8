/**
 * The body of a declaration's hover: what a reviewer wants to see about a metric, dataset,
 * person, model, … without jumping to it. Text written in the plan is escaped before it goes into
 * Markdown; names (identifiers) go into code spans; figures come from model/derived.ts and are
 * formatted with model/units.ts.
 */
import { AstUtils, type AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { escapeMarkdownText } from '../export/markdown-escape.js';
import { measureOf } from '../model/derived.js';
import type { PlanFigures } from '../model/plan-figures.js';
import type { PlanFacts } from '../model/plan-facts.js';
import { formatDuration, formatMeasure, formatNumber } from '../model/units.js';
import type { Readiness } from '../rules/readiness.js';
import { labelingSection, milestoneNeeds } from './hover-figures.js';

/** What a summary may need besides the node itself. */
export interface SummaryContext {
    /** Facts of the document being hovered (its plan, singletons, visible declarations). */
    readonly facts: PlanFacts;
    /** The roots to search for uses of a declaration: the hovered document and its imports. */
    readonly roots: readonly ast.Document[];
    /** Readiness of the hovered document, for the plan's own hover. */
    readonly readiness?: () => Readiness;
}

/** At most this many uses are listed one by one; the rest are counted. */
const MAX_LISTED = 10;

/** An identifier in a code span (names are identifiers; backquotes are dropped just in case). */
export function code(name: string | undefined): string {
    return `\`${(name ?? '?').replace(/`/g, '')}\``;
}

/** Plan text, safe for Markdown. */
export function text(value: string | undefined): string {
    return escapeMarkdownText(value ?? '');
}

/** A quantity as written, with the figure formatted (`2,000,000 req/day`); unknown units kept. */
export function quantityText(quantity: ast.Quantity | undefined): string {
    const measure = measureOf(quantity);
    if (measure) {
        return formatMeasure(measure);
    }
    if (!quantity || typeof quantity.value !== 'number') {
        return '?';
    }
    return quantity.unit ? `${formatNumber(quantity.value)} ${quantity.unit}` : formatNumber(quantity.value);
}

interface BoundNode {
    readonly metric?: { readonly $refText?: string };
    readonly op?: string;
    readonly value?: ast.Quantity;
}

/** `latency_p99 <= 150 ms` as code. */
function boundText(bound: BoundNode, gap = false): string {
    return code(`${bound.metric?.$refText ?? '?'}${gap ? ' gap' : ''} ${bound.op ?? '?'} ${quantityText(bound.value)}`);
}

/** `- label: value` lines for the values that are present. */
function items(entries: Array<[string, string | undefined]>): string {
    return entries.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => `- ${label}: ${value}`).join('\n');
}

function names(refs: ReadonlyArray<{ readonly $refText?: string }> | undefined): string | undefined {
    const list = (refs ?? []).map(ref => code(ref.$refText));
    return list.length > 0 ? list.join(', ') : undefined;
}

/** The heading line: `**metric** \`auc\``, with a display name or title after a dash. */
function heading(kind: string, name: string | undefined, subtitle?: string): string {
    return `**${kind}** ${code(name)}${subtitle ? ` — ${text(subtitle)}` : ''}`;
}

/** Joins the non-empty parts as Markdown paragraphs. */
function paragraphs(...parts: Array<string | undefined>): string {
    return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join('\n\n');
}

/** Every node of the searched documents, once each. */
function allNodes(context: SummaryContext): AstNode[] {
    return context.roots.flatMap(root => AstUtils.streamAst(root).toArray());
}

/**
 * The summary of a declaration (after its heading and doc comment), or undefined for nodes that
 * are not declarations. `doc` is the already escaped doc comment.
 */
export function declarationSummary(node: AstNode, doc: string | undefined, context: SummaryContext): string | undefined {
    const body = summaryBody(node, context);
    if (!body) {
        return undefined;
    }
    const [head, ...rest] = body;
    return paragraphs(head, doc, ...rest);
}

function summaryBody(node: AstNode, context: SummaryContext): Array<string | undefined> | undefined {
    if (ast.isMetric(node)) return metricSummary(node, context);
    if (ast.isDataset(node)) return datasetSummary(node, context);
    if (ast.isField(node)) return fieldSummary(node, context);
    if (ast.isPerson(node)) return personSummary(node, context);
    if (ast.isTeam(node)) return teamSummary(node);
    if (ast.isBaseline(node)) return baselineSummary(node, context);
    if (ast.isModel(node)) return modelSummary(node);
    if (ast.isPersona(node)) return personaSummary(node, context);
    if (ast.isSlo(node)) return sloSummary(node, context);
    if (ast.isRisk(node)) return riskSummary(node);
    if (ast.isMilestone(node)) return milestoneSummary(node, context);
    if (ast.isObjective(node)) return objectiveSummary(node);
    if (ast.isPlan(node)) return planSummary(node, context);
    if (ast.isCatalog(node)) return catalogSummary(node);
    return undefined;
}

// ---------------------------------------------------------------- metrics

interface Use {
    readonly order: number;
    readonly line: string;
}

/** Where a metric is used, in the order LANGUAGE.md lists the kinds of use. */
function metricUses(metric: ast.Metric, context: SummaryContext): Use[] {
    const uses: Use[] = [];
    for (const node of allNodes(context)) {
        const ref = (node as { metric?: unknown }).metric;
        if (!ref || (ref as { ref?: unknown }).ref !== metric) {
            continue;
        }
        if (ast.isKpi(node)) {
            uses.push({ order: 0, line: `kpi of objective ${code(node.$container.name)}: ${boundText(node)}` });
        } else if (ast.isSuccess(node)) {
            uses.push({ order: 1, line: `success criterion of model ${code(node.$container.$container.name)}: ${boundText(node)}` });
        } else if (ast.isIndicator(node)) {
            uses.push({ order: 2, line: `indicator of slo ${code(node.$container.name)}: ${boundText(node)}` });
        } else if (ast.isAlert(node)) {
            uses.push({ order: 3, line: `alert: ${boundText(node)}` });
        } else if (ast.isRollbackCondition(node)) {
            uses.push({ order: 4, line: `rollback condition: ${boundText(node)}` });
        } else if (ast.isExpect(node)) {
            uses.push({ order: 5, line: `expected by baseline ${code(node.$container.name)}: ${boundText(node)}` });
        } else if (ast.isSlice(node)) {
            const model = node.$container.$container.name;
            uses.push({ order: 6, line: `slice by ${code(node.field?.$refText)} of model ${code(model)}: ${boundText(node, node.gap)}` });
        }
    }
    return uses.sort((a, b) => a.order - b.order);
}

function metricSummary(metric: ast.Metric, context: SummaryContext): Array<string | undefined> {
    const facts = [
        metric.kind ? `kind: ${metric.kind}` : undefined,
        `unit: ${metric.unit !== undefined ? code(metric.unit) : 'none (a ratio)'}`,
        metric.better ? `better: ${metric.better}` : undefined,
    ].filter(Boolean).join(' · ');
    const uses = metricUses(metric, context);
    let usage: string;
    if (uses.length === 0) {
        usage = 'Not used by any kpi, success criterion, SLO, alert, rollback condition, baseline or slice.';
    } else {
        const listed = uses.slice(0, MAX_LISTED).map(use => `- ${use.line}`);
        if (uses.length > MAX_LISTED) {
            listed.push(`- … and ${uses.length - MAX_LISTED} more`);
        }
        usage = `Used in ${uses.length} ${uses.length === 1 ? 'place' : 'places'}:\n${listed.join('\n')}`;
    }
    return [heading('metric', metric.name), metric.description ? text(metric.description) : undefined, facts, usage];
}

// ---------------------------------------------------------------- data

function flagsOf(field: ast.Field): string[] {
    return [field.pii && 'pii', field.sensitive && 'sensitive', field.label && 'label'].filter((f): f is string => !!f);
}

function fieldLine(field: ast.Field): string {
    const flags = flagsOf(field);
    return `- ${code(field.name)} ${field.type ?? '?'}${flags.length > 0 ? `, **${flags.join(', ')}**` : ''}`;
}

function checkText(check: ast.Check): string {
    const field = check.field?.$refText ?? '?';
    switch (check.kind) {
        case 'missing': return code(`missing ${field} ${check.op ?? '?'} ${quantityText(check.threshold)}`);
        case 'unique': return code(`unique ${field}`);
        case 'range': return code(`range ${field} from ${formatNumber(check.min ?? NaN)} to ${formatNumber(check.max ?? NaN)}`);
        default: return code(`check ${field}`);
    }
}

function datasetSummary(dataset: ast.Dataset, context: SummaryContext): Array<string | undefined> {
    const properties = items([
        ['source', dataset.source !== undefined ? text(dataset.source) : undefined],
        ['owner', dataset.owner ? code(dataset.owner.$refText) : undefined],
        ['version', dataset.version !== undefined ? text(dataset.version) : undefined],
        ['refresh', dataset.refresh],
        ['size', dataset.size ? quantityText(dataset.size) : undefined],
        ['labeling', labelingText(dataset)],
        ['labels after', dataset.labelDelay ? quantityText(dataset.labelDelay) : undefined],
        ['consent', dataset.consent !== undefined ? text(dataset.consent) : undefined],
        ['retention', dataset.retention ? quantityText(dataset.retention) : undefined],
    ]);
    const fields = dataset.fields ?? [];
    const fieldList = fields.length > 0
        ? `Fields (${fields.length}):\n${fields.map(fieldLine).join('\n')}`
        : 'No fields declared.';
    const checks = (dataset.checks ?? []).map(checkText);
    const models = context.facts.visible.models;
    const trains = models.filter(m => (m.trainsOn ?? []).some(ref => ref.ref === dataset)).map(m => code(m.name));
    const evaluates = models.filter(m => m.evaluation?.on?.ref === dataset).map(m => code(m.name));
    const use = [
        trains.length > 0 ? `Trains ${trains.join(', ')}` : undefined,
        evaluates.length > 0 ? `evaluates ${evaluates.join(', ')}` : undefined,
    ].filter(Boolean).join(' · ');
    return [
        heading('dataset', dataset.name),
        dataset.description !== undefined ? text(dataset.description) : undefined,
        properties,
        fieldList,
        checks.length > 0 ? `Checks: ${checks.join(' · ')}` : undefined,
        use ? use.charAt(0).toUpperCase() + use.slice(1) : undefined,
        dataset.effort ? labelingSection(dataset, context.facts) : undefined,
    ];
}

/** `in-house, 2,000 rows/day at 0.05 USD/row`: who labels, how fast, at what price. */
function labelingText(dataset: ast.Dataset): string | undefined {
    const effort = dataset.effort;
    const parts = [
        effort?.rate ? quantityText(effort.rate) : undefined,
        effort?.cost ? `at ${quantityText(effort.cost)}` : undefined,
    ].filter(Boolean).join(' ');
    if (dataset.labeling === undefined) {
        return parts || undefined;
    }
    return parts ? `${dataset.labeling}, ${parts}` : dataset.labeling;
}

const FLAG_MEANING: Record<string, string> = {
    pii: 'personal data: the dataset needs consent and retention',
    sensitive: 'a protected attribute: evaluations must slice by it',
    label: 'the prediction target: never a feature',
};

function fieldSummary(field: ast.Field, context: SummaryContext): Array<string | undefined> {
    const flags = flagsOf(field);
    const features = context.facts.visible.models
        .filter(m => (m.features ?? []).some(f => f.field?.ref === field))
        .map(m => code(m.name));
    return [
        `**field** ${code(field.name)} of dataset ${code(field.$container.name)}`,
        items([
            ['type', field.type],
            ['flags', flags.length > 0 ? flags.map(f => `**${f}** (${FLAG_MEANING[f]})`).join('; ') : 'none'],
            ['feature of', features.length > 0 ? features.join(', ') : undefined],
        ]),
    ];
}

// ---------------------------------------------------------------- people

function personSummary(person: ast.Person, context: SummaryContext): Array<string | undefined> {
    const teams = context.facts.visible.teams
        .filter(t => (t.members ?? []).some(m => m.ref === person) || t.lead?.ref === person)
        .map(t => code(t.name));
    return [
        heading('person', person.name, person.displayName),
        items([
            ['role', person.role !== undefined ? text(person.role) : undefined],
            ['email', person.email !== undefined ? text(person.email) : undefined],
            ['team', teams.length > 0 ? teams.join(', ') : undefined],
        ]),
    ];
}

function teamSummary(team: ast.Team): Array<string | undefined> {
    const members = (team.members ?? []).map(m => {
        const display = m.ref?.displayName;
        return display !== undefined ? `${code(m.$refText)} (${text(display)})` : code(m.$refText);
    });
    return [
        heading('team', team.name, team.displayName),
        items([
            [`members (${members.length})`, members.length > 0 ? members.join(', ') : 'none'],
            ['lead', team.lead ? code(team.lead.$refText) : undefined],
        ]),
    ];
}

// ---------------------------------------------------------------- baselines and models

function baselineSummary(baseline: ast.Baseline, context: SummaryContext): Array<string | undefined> {
    const expects = (baseline.expects ?? []).map(e => boundText(e));
    const fallback = context.facts.servings.some(s => s.fallback?.baseline?.ref === baseline);
    return [
        heading('baseline', baseline.name),
        baseline.description !== undefined ? text(baseline.description) : undefined,
        items([
            ['kind', baseline.kind],
            ['expects', expects.length > 0 ? expects.join(', ') : 'no expected values'],
            ['serving fallback', fallback ? 'yes' : undefined],
        ]),
    ];
}

function personaSummary(persona: ast.Persona, context: SummaryContext): Array<string | undefined> {
    const objectives = context.facts.visible.objectives
        .filter(o => (o.personas ?? []).some(p => p.ref === persona))
        .map(o => code(o.name));
    return [
        heading('persona', persona.name),
        persona.description !== undefined ? text(persona.description) : undefined,
        items([
            ['decides', persona.decision !== undefined ? text(persona.decision) : 'not said (no `decision`)'],
            [
                objectives.length === 1 ? 'served by objective' : 'served by objectives',
                objectives.length > 0 ? objectives.join(', ') : 'none yet (no objective names it with `for`)',
            ],
        ]),
    ];
}

function retrainText(retrain: ast.Retrain | undefined): string {
    if (!retrain) {
        return 'not planned';
    }
    return retrain.onDrift ? 'on drift' : `every ${quantityText(retrain.every)}`;
}

function modelSummary(model: ast.Model): Array<string | undefined> {
    const features = (model.features ?? []).map(f => code(f.dataset ? `${f.dataset.$refText}.${f.field?.$refText}` : f.field?.$refText));
    const evaluation = model.evaluation;
    const successes = (evaluation?.successes ?? []).map(s => boundText(s));
    const slices = (evaluation?.slices ?? []).map(s => s.metric ? `${code(s.field?.$refText)} where ${boundText(s, s.gap)}` : code(s.field?.$refText));
    return [
        heading('model', model.name),
        model.description !== undefined ? text(model.description) : undefined,
        items([
            ['algorithm', model.algorithm !== undefined ? text(model.algorithm) : undefined],
            ['owner', model.owner ? code(model.owner.$refText) : undefined],
            ['trains on', names(model.trainsOn)],
            ['features', features.length > 0 ? features.join(', ') : undefined],
            ['compute', model.compute],
            ['latency', model.latency ? quantityText(model.latency) : undefined],
            ['version', model.version !== undefined ? text(model.version) : undefined],
            ['registry', model.registry !== undefined ? text(model.registry) : undefined],
            ['explain', model.explain !== undefined ? text(model.explain) : undefined],
            ['retrain', retrainText(model.retrain)],
            ['evaluated on', evaluation ? (evaluation.on ? code(evaluation.on.$refText) : 'no dataset') : 'no evaluation'],
            ['success', successes.length > 0 ? successes.join(', ') : (evaluation ? 'no criteria' : undefined)],
            ['slices', slices.length > 0 ? slices.join(', ') : undefined],
        ]),
    ];
}

// ---------------------------------------------------------------- production and delivery

/** "43.2 min of bad time per 30 d": the SLO's error budget in time, or undefined. */
export function errorBudgetText(slo: ast.Slo, figures: PlanFigures): string | undefined {
    const budget = figures.errorBudget(slo);
    const window = measureOf(slo.window);
    if (!budget || !window) {
        return undefined;
    }
    return `${formatDuration(budget.seconds)} of bad time per ${formatMeasure(window)}`;
}

function sloSummary(slo: ast.Slo, context: SummaryContext): Array<string | undefined> {
    return [
        heading('slo', slo.name),
        slo.description !== undefined ? text(slo.description) : undefined,
        items([
            ['indicator', slo.indicator ? boundText(slo.indicator) : undefined],
            ['objective', slo.objective ? quantityText(slo.objective) : undefined],
            ['window', slo.window ? quantityText(slo.window) : undefined],
            ['error budget', errorBudgetText(slo, context.facts.figures)],
        ]),
    ];
}

function riskSummary(risk: ast.Risk): Array<string | undefined> {
    return [
        heading('risk', risk.name),
        risk.description !== undefined ? text(risk.description) : undefined,
        items([
            ['likelihood × impact', `${risk.likelihood ?? '?'} × ${risk.impact ?? '?'}`],
            ['mitigation', risk.mitigation !== undefined ? text(risk.mitigation) : '**none**'],
            ['owner', risk.owner ? code(risk.owner.$refText) : undefined],
        ]),
    ];
}

function milestoneSummary(milestone: ast.Milestone, context: SummaryContext): Array<string | undefined> {
    const after = (milestone.after ?? []).map(a => a.ref?.due ? `${code(a.$refText)} (due ${a.ref.due})` : code(a.$refText));
    const deliverables = (milestone.deliverables ?? []).map(text);
    return [
        heading('milestone', milestone.name),
        milestone.description !== undefined ? text(milestone.description) : undefined,
        items([
            ['due', milestone.due],
            ['after', after.length > 0 ? after.join(', ') : undefined],
            ['owner', milestone.owner ? code(milestone.owner.$refText) : undefined],
            ['deliverables', deliverables.length > 0 ? deliverables.join('; ') : undefined],
        ]),
        milestone.needs?.length ? milestoneNeeds(milestone, context.facts) : undefined,
    ];
}

function objectiveSummary(objective: ast.Objective): Array<string | undefined> {
    const kpis = (objective.kpis ?? []).map(k => `- ${boundText(k)}${k.by ? ` by ${k.by}` : ''}`);
    const stakeholders = (objective.stakeholders ?? []).map(text);
    return [
        heading('objective', objective.name),
        objective.description !== undefined ? text(objective.description) : undefined,
        items([
            ['priority', objective.priority],
            ['stakeholders', stakeholders.length > 0 ? stakeholders.join('; ') : undefined],
            ['value', objective.value ? quantityText(objective.value) : undefined],
            ['for', names(objective.personas)],
        ]),
        kpis.length > 0 ? `KPIs (${kpis.length}):\n${kpis.join('\n')}` : 'No kpi yet.',
    ];
}

function planSummary(plan: ast.Plan, context: SummaryContext): Array<string | undefined> {
    const readiness = context.facts.plan === plan ? context.readiness?.() : undefined;
    return [
        heading('plan', plan.name, plan.title),
        plan.summary !== undefined ? text(plan.summary) : undefined,
        items([
            ['stage', plan.stage ?? 'mvp (no `stage` given)'],
            ['owner', plan.owner ? code(plan.owner.$refText) : undefined],
            ['start', plan.start],
            ['deadline', plan.deadline],
            ['deployment', plan.deployment],
            ['regulations', plan.regulations?.length ? plan.regulations.map(r => r.name !== undefined ? code(r.name) : text(r.text)).join(', ') : undefined],
            ['readiness', readiness ? `${readiness.satisfied}/${readiness.applicable}` : undefined],
        ]),
    ];
}

function catalogSummary(catalog: ast.Catalog): Array<string | undefined> {
    const shared = (catalog.members ?? []).length;
    return [
        heading('catalog', catalog.name, catalog.title),
        catalog.description !== undefined ? text(catalog.description) : undefined,
        `Shares ${shared} ${shared === 1 ? 'declaration' : 'declarations'} with the plans that import it.`,
    ];
}
