import { AstUtils, type AstNode } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { isNamedDeclaration, kindWord, localDeclarations, type NamedDeclaration } from '../model/declarations.js';
import type { PlanFacts } from '../model/plan-facts.js';
import { formatDuration, formatNumber, formatPercent } from '../model/units.js';
import { valueToCost } from '../model/economics.js';
import type { Readiness } from '../rules/readiness.js';
import { diagnosticCode } from '../rules/run-rules.js';
import type { ExportInput } from './export-input.js';
import {
    EXPORT_SCHEMA_ID, EXPORT_VERSION,
    type BaselineExport, type BudgetExport, type DatasetExport, type DeclarationExport, type DiagnosticExport,
    type EvaluationExport, type LabelingDerivedExport, type MetricExport, type MilestoneExport, type ModelExport,
    type MonitoringExport, type ObjectiveExport, type PersonaExport, type PersonExport, type PlanDerivedExport,
    type PlanExport, type ReadinessExport, type RiskExport, type RolloutExport, type ServingExport, type SloExport,
    type TeamExport,
} from './export-model.js';
import { oneLineText } from './markdown-escape.js';
import { budgetSumExport, capacityExport, dateText, ratioText, requestsText, yearlyCostExport } from './figure-values.js';
import { clean, figure, lineOf, text, ExportValues } from './model-values.js';
import { safeWebUrl } from './safe-url.js';

/**
 * Builds the export model (export-model.ts) of a built document: its own declarations, the
 * imported declarations it uses, the derived figures (model/derived.ts only), readiness and
 * diagnostics. Pure: reads the AST and the input, never the file system.
 */
export function buildExportModel(input: ExportInput): PlanExport {
    return new ModelBuilder(input).build();
}

class ModelBuilder {
    private readonly v: ExportValues;
    private readonly facts: PlanFacts;
    private readonly root: ast.Document;

    constructor(private readonly input: ExportInput) {
        this.facts = input.facts;
        this.v = new ExportValues(input.facts.document);
        this.root = input.facts.root;
    }

    build(): PlanExport {
        const { plan, catalog } = this.root;
        const facts = this.facts;
        const declarations = this.declarations();
        const of = <T extends NamedDeclaration>(guard: (n: NamedDeclaration) => n is T) => declarations.filter(guard);
        const diagnostics = this.diagnostics();
        return {
            $schema: EXPORT_SCHEMA_ID,
            mlplanExportVersion: EXPORT_VERSION,
            kind: plan || !catalog ? 'plan' : 'catalog',
            file: this.v.fileOfUri(facts.document.uri),
            name: plan?.name ?? catalog?.name ?? '',
            title: text(plan?.title ?? catalog?.title),
            summary: text(plan?.summary),
            description: text(plan?.description ?? catalog?.description),
            documentation: this.doc(plan ?? catalog),
            owner: this.v.ref(plan?.owner),
            stage: plan ? plan.stage ?? 'mvp' : null,
            stageDeclared: plan?.stage !== undefined,
            start: text(plan?.start),
            deadline: text(plan?.deadline),
            deployment: text(plan?.deployment),
            regulations: (plan?.regulations ?? []).map(r => r.name ?? r.text ?? '').filter(r => r.length > 0),
            imports: facts.imports.map(imp => ({
                path: imp.node.path ?? '',
                file: imp.document ? this.v.fileOfUri(imp.document.uri) : null,
                resolved: imp.document !== undefined,
            })),
            persons: of(ast.isPerson).map(p => this.person(p)),
            teams: of(ast.isTeam).map(t => this.team(t)),
            metrics: of(ast.isMetric).map(m => this.metric(m)),
            personas: of(ast.isPersona).map(p => this.persona(p, of(ast.isObjective))),
            objectives: of(ast.isObjective).map(o => this.objective(o)),
            datasets: of(ast.isDataset).map(d => this.dataset(d)),
            baselines: of(ast.isBaseline).map(b => this.baseline(b)),
            models: of(ast.isModel).map(m => this.model(m, facts.visible.baselines)),
            serving: facts.serving ? this.serving(facts.serving) : null,
            slos: of(ast.isSlo).map(s => this.slo(s)),
            rollout: facts.rollout ? this.rollout(facts.rollout) : null,
            monitoring: facts.monitoring ? this.monitoring(facts.monitoring) : null,
            risks: of(ast.isRisk).map(r => this.risk(r)),
            milestones: of(ast.isMilestone).map(m => this.milestone(m)),
            budget: facts.budget ? this.budget(facts.budget) : null,
            derived: this.planDerived(),
            readiness: readinessExport(this.input.readiness, plan !== undefined),
            diagnostics,
            counts: {
                error: diagnostics.filter(d => d.severity === 'error').length,
                warning: diagnostics.filter(d => d.severity === 'warning').length,
                info: diagnostics.filter(d => d.severity === 'info').length,
                hint: diagnostics.filter(d => d.severity === 'hint').length,
            },
        };
    }

    /** Local declarations in source order, then the imported ones the document uses (transitively). */
    private declarations(): NamedDeclaration[] {
        const local = localDeclarations(this.root);
        const used = new Set<AstNode>();
        const queue: AstNode[] = [this.root];
        while (queue.length > 0) {
            const node = queue.shift()!;
            for (const child of AstUtils.streamAst(node)) {
                for (const reference of AstUtils.streamReferences(child)) {
                    const target = 'ref' in reference.reference ? reference.reference.ref : undefined;
                    const declaration = enclosingDeclaration(target);
                    if (declaration && this.v.isImported(declaration) && !used.has(declaration)) {
                        used.add(declaration);
                        queue.push(declaration);
                    }
                }
            }
        }
        const imported = this.facts.importedDocuments
            .flatMap(d => localDeclarations(d.parseResult.value))
            .filter(d => used.has(d));
        return [...local, ...imported];
    }

    private doc(node: AstNode | undefined): string | null {
        return node ? text(this.input.documentation(node)) : null;
    }

    private declaration(node: NamedDeclaration): DeclarationExport {
        return {
            name: node.name,
            kind: kindWord(node.$type),
            file: this.v.fileOf(node),
            line: lineOf(node),
            imported: this.v.isImported(node),
            documentation: this.doc(node),
        };
    }

    private person(p: ast.Person): PersonExport {
        return { ...this.declaration(p), displayName: text(p.displayName), role: text(p.role), email: text(p.email) };
    }

    private team(t: ast.Team): TeamExport {
        return { ...this.declaration(t), displayName: text(t.displayName), members: this.v.refs(t.members), lead: this.v.ref(t.lead) };
    }

    private metric(m: ast.Metric): MetricExport {
        return { ...this.declaration(m), metricKind: text(m.kind), unit: text(m.unit), better: text(m.better), description: text(m.description) };
    }

    private persona(p: ast.Persona, objectives: readonly ast.Objective[]): PersonaExport {
        return {
            ...this.declaration(p),
            description: text(p.description),
            decision: text(p.decision),
            objectives: objectives
                .filter(o => (o.personas ?? []).some(r => r.ref === p))
                .map(o => this.v.nodeRef(o)),
        };
    }

    private objective(o: ast.Objective): ObjectiveExport {
        return {
            ...this.declaration(o),
            description: text(o.description),
            priority: text(o.priority),
            stakeholders: [...(o.stakeholders ?? [])],
            kpis: (o.kpis ?? []).map(k => ({ ...this.v.bound(k), by: text(k.by) })),
            value: this.v.quantity(o.value),
            for: this.v.refs(o.personas),
        };
    }

    private dataset(d: ast.Dataset): DatasetExport {
        return {
            ...this.declaration(d),
            source: text(d.source),
            description: text(d.description),
            owner: this.v.ref(d.owner),
            version: text(d.version),
            refresh: text(d.refresh),
            size: this.v.quantity(d.size),
            labeling: text(d.labeling),
            labelingEffort: d.effort ? { rate: this.v.quantity(d.effort.rate), cost: this.v.quantity(d.effort.cost) } : null,
            labelingDerived: this.labeling(d),
            labelDelay: this.v.quantity(d.labelDelay),
            consent: text(d.consent),
            retention: this.v.quantity(d.retention),
            fields: (d.fields ?? []).map(f => ({ name: f.name, type: text(f.type), pii: f.pii === true, sensitive: f.sensitive === true, label: f.label === true })),
            // A check the parser recovered without its kind (possible in an imported file with a
            // syntax error: only the exported file itself must parse) cannot be described.
            checks: (d.checks ?? []).filter(c => c.kind !== undefined).map(c => ({
                check: c.kind,
                field: this.v.fieldRef(c.field),
                op: text(c.op),
                threshold: this.v.quantity(c.threshold),
                min: typeof c.min === 'number' ? c.min : null,
                max: typeof c.max === 'number' ? c.max : null,
            })),
        };
    }

    private labeling(d: ast.Dataset): LabelingDerivedExport {
        const figures = this.facts.figures.labeling(d);
        return {
            days: figure(figures.days, 'd'),
            cost: figures.currency ? figure(figures.cost, figures.currency) : null,
            endDate: dateText(figures.endDay),
        };
    }

    private baseline(b: ast.Baseline): BaselineExport {
        return {
            ...this.declaration(b),
            baselineKind: text(b.kind),
            description: text(b.description),
            expects: (b.expects ?? []).map(e => this.v.bound(e)),
        };
    }

    private model(m: ast.Model, baselines: readonly ast.Baseline[]): ModelExport {
        return {
            ...this.declaration(m),
            algorithm: text(m.algorithm),
            description: text(m.description),
            owner: this.v.ref(m.owner),
            trainsOn: this.v.refs(m.trainsOn),
            features: (m.features ?? []).map(f => this.v.fieldRef(f.field, f.dataset)),
            compute: text(m.compute),
            latency: this.v.quantity(m.latency),
            version: text(m.version),
            registry: text(m.registry),
            explain: text(m.explain),
            retrain: m.retrain ? (m.retrain.onDrift ? { kind: 'on-drift' } : { kind: 'every', every: this.v.quantity(m.retrain.every) }) : null,
            evaluation: m.evaluation ? this.evaluation(m.evaluation, baselines) : null,
        };
    }

    private evaluation(e: ast.Evaluation, baselines: readonly ast.Baseline[]): EvaluationExport {
        return {
            on: this.v.ref(e.on),
            successes: (e.successes ?? []).map(s => ({
                ...this.v.bound(s),
                baselines: baselines.flatMap(b => (b.expects ?? [])
                    .filter(x => s.metric?.ref !== undefined && x.metric?.ref === s.metric.ref)
                    .map(x => ({ baseline: { name: b.name, resolved: true, kind: 'baseline', file: this.v.fileOf(b) }, value: this.v.quantity(x.value) }))),
            })),
            slices: (e.slices ?? []).map(s => ({
                field: this.v.fieldRef(s.field),
                metric: this.v.ref(s.metric),
                gap: s.gap === true,
                op: text(s.op),
                value: this.v.quantity(s.value),
            })),
        };
    }

    private serving(s: ast.Serving): ServingExport {
        const figures = this.facts.figures.serving(s);
        const monthly = figures.monthlyCost;
        // An amount too large for a number is no figure at all (never `Infinity` in an export).
        const monthlyAmount = monthly ? figure(monthly.amount, `${monthly.currency}/month`) : null;
        const use = figures.budgetUse;
        return {
            line: lineOf(s),
            mode: text(s.mode),
            target: text(s.target),
            volume: this.v.quantity(s.volume),
            peak: this.v.quantity(s.peak),
            cost: this.v.quantity(s.cost),
            compute: text(s.compute),
            serves: this.v.ref(s.serves),
            replicas: this.v.quantity(s.replicas),
            capacity: this.v.quantity(s.capacity),
            fallback: s.fallback?.baseline
                ? { kind: 'baseline', baseline: this.v.ref(s.fallback.baseline)! }
                : s.fallback?.text !== undefined ? { kind: 'text', text: s.fallback.text } : null,
            derived: {
                meanRate: figure(figures.meanRate, 'req/s'),
                peakRate: figure(figures.peakRate, 'req/s'),
                peakToMean: figure(figures.peakToMean, '×', ratio => `${formatNumber(ratio)}×`),
                monthlyCost: monthly && monthlyAmount
                    ? { ...monthlyAmount, requestsPerMonth: monthly.requestsPerMonth === undefined || !Number.isFinite(monthly.requestsPerMonth) ? null : clean(monthly.requestsPerMonth) }
                    : null,
                servingBudget: use ? figure(use.allowed, `${use.cost.currency}/month`) : null,
                budgetShare: use?.share !== undefined ? figure(use.share * 100, '%', () => formatPercent(use.share!)) : null,
                overBudget: use ? use.exceeded : null,
                model: figures.model ? this.v.nodeRef(figures.model) : null,
                capacity: capacityExport(figures.capacity),
                yearlyCost: yearlyCostExport(figures.yearlyCost),
            },
        };
    }

    private slo(s: ast.Slo): SloExport {
        const budget = this.facts.figures.errorBudget(s);
        const seconds = budget ? figure(budget.seconds, 's', formatDuration) : null;
        return {
            ...this.declaration(s),
            indicator: s.indicator ? this.v.bound(s.indicator) : null,
            objective: this.v.quantity(s.objective),
            window: this.v.quantity(s.window),
            description: text(s.description),
            errorBudget: budget && seconds && Number.isFinite(budget.windowSeconds)
                ? { ...seconds, objective: clean(budget.objective), windowSeconds: clean(budget.windowSeconds) }
                : null,
        };
    }

    private rollout(r: ast.Rollout): RolloutExport {
        const rollback = r.rollback;
        const schedule = this.facts.figures.rolloutSchedule(r);
        const known = schedule.startDay !== undefined;
        return {
            line: lineOf(r),
            strategy: text(r.strategy),
            starts: r.starts ? { date: text(r.starts.date), milestone: this.v.ref(r.starts.milestone) } : null,
            shadow: this.v.quantity(r.shadow),
            stages: (r.stages ?? []).map((stage, i) => {
                const figures = schedule.stages[i];
                return {
                    index: i + 1,
                    traffic: this.v.quantity(stage.traffic),
                    duration: this.v.quantity(stage.duration),
                    requests: figure(figures?.requests, 'requests', requestsText),
                    startDate: dateText(figures?.startDay),
                    endDate: dateText(figures?.endDay),
                };
            }),
            rollback: rollback
                ? { conditions: (rollback.conditions ?? []).map(c => this.v.bound(c)), connectives: [...(rollback.connectives ?? [])] }
                : null,
            totalDuration: figure(this.facts.figures.rolloutDuration(r), 's', formatDuration),
            startDate: dateText(schedule.startDay),
            // The shadow period ends where the first stage begins (the end itself without stages).
            shadowEndDate: known ? dateText(schedule.stages[0]?.startDay ?? schedule.endDay) : null,
            endDate: dateText(schedule.endDay),
        };
    }

    private monitoring(m: ast.Monitoring): MonitoringExport {
        return {
            line: lineOf(m),
            drifts: (m.drifts ?? []).map(d => ({
                watch: d.predictions ? 'predictions' : 'field',
                field: d.predictions ? null : this.v.fieldRef(d.field, d.dataset),
                method: text(d.method),
                op: text(d.op),
                threshold: this.v.quantity(d.threshold),
            })),
            alerts: (m.alerts ?? []).map(a => ({ ...this.v.bound(a), notify: text(a.notify) })),
            dashboard: m.dashboard !== undefined ? dashboard(m.dashboard) : null,
            log: m.log ? { target: m.log, retention: this.v.quantity(m.logRetention) } : null,
        };
    }

    private risk(r: ast.Risk): RiskExport {
        return {
            ...this.declaration(r),
            description: text(r.description),
            likelihood: text(r.likelihood),
            impact: text(r.impact),
            mitigation: text(r.mitigation),
            owner: this.v.ref(r.owner),
        };
    }

    private milestone(m: ast.Milestone): MilestoneExport {
        return {
            ...this.declaration(m),
            due: text(m.due),
            description: text(m.description),
            deliverables: [...(m.deliverables ?? [])],
            owner: this.v.ref(m.owner),
            after: this.v.refs(m.after),
            needs: this.v.refs(m.needs),
        };
    }

    private budget(b: ast.Budget): BudgetExport {
        return {
            line: lineOf(b),
            total: this.v.quantity(b.total),
            serving: this.v.quantity(b.serving),
            labeling: this.v.quantity(b.labeling),
            training: this.v.quantity(b.training),
            compute: this.v.quantity(b.compute),
        };
    }

    private planDerived(): PlanDerivedExport {
        const figures = this.facts.figures;
        const months = figures.servingMonths;
        const spend = figures.labelingSpend;
        const value = figures.yearlyValue;
        const spendTotal = spend ? figure(spend.sum, spend.currency) : null;
        const valueTotal = value ? figure(value.amount, `${value.currency}/year`) : null;
        const cost = this.facts.serving ? figures.serving(this.facts.serving).yearlyCost : undefined;
        return {
            servingMonths: {
                months: months.months,
                from: months.from ?? null,
                fromDate: dateText(months.fromDay),
                deadline: dateText(months.deadlineDay),
            },
            budgetSum: budgetSumExport(figures.budgetSum),
            labelingSpend: spend && spendTotal
                ? {
                    ...spendTotal,
                    datasets: spend.datasets.flatMap(d => {
                        const amount = figure(d.cost, spend.currency);
                        return amount ? [{ dataset: this.v.nodeRef(d.dataset), cost: amount }] : [];
                    }),
                }
                : null,
            yearlyValue: value && valueTotal ? { ...valueTotal, objectives: value.objectives.map(o => this.v.nodeRef(o)) } : null,
            yearlyCost: yearlyCostExport(cost),
            valueToCost: figure(valueToCost(value, cost), '×', ratioText),
        };
    }

    private diagnostics(): DiagnosticExport[] {
        return this.input.diagnostics
            .map(diagnosticExport)
            .sort((a, b) => a.range.start.line - b.range.start.line
                || a.range.start.character - b.range.start.character
                || compare(a.code, b.code)
                || compare(a.message, b.message));
    }
}

/** Readiness as the export model holds it (shared by the exports and the readiness report). */
export function readinessExport(readiness: Readiness, isPlan: boolean): ReadinessExport {
    return {
        stage: isPlan ? readiness.stage : null,
        satisfied: readiness.satisfied,
        applicable: readiness.applicable,
        items: readiness.items.map(item => ({ code: item.rule.code, title: item.rule.title, stage: item.rule.stage ?? 'mvp', met: item.met })),
        blockers: readiness.blockers,
    };
}

/** The named declaration a reference target belongs to (a field belongs to its dataset). */
function enclosingDeclaration(node: AstNode | undefined): NamedDeclaration | undefined {
    for (let current = node; current; current = current.$container) {
        if (isNamedDeclaration(current)) {
            return current;
        }
    }
    return undefined;
}

/** The dashboard as written, and its address only when it is safe to link to (safe-url.ts). */
function dashboard(written: string): { text: string; url: string | null } {
    return { text: written, url: safeWebUrl(written) ?? null };
}

const SEVERITY_NAME: Record<number, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

function diagnosticExport(d: Diagnostic): DiagnosticExport {
    const message = typeof d.message === 'string' ? d.message : String((d.message as { value?: unknown }).value ?? '');
    return {
        code: diagnosticCode(d) ?? (d.code === undefined ? 'unknown' : String(d.code)),
        severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error] ?? 'error',
        message: oneLineText(message),
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        range: {
            start: { line: d.range.start.line, character: d.range.start.character },
            end: { line: d.range.end.line, character: d.range.end.character },
        },
    };
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
