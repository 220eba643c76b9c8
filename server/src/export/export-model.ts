/**
 * The export model, version 1: the plan as data. It is what `mlplan export --format json` prints
 * and what the Markdown and HTML exporters render, so the three formats cannot disagree. It is a
 * public contract (schemas/mlplan-export.schema.json, docs/export-json.md): fields may be added in
 * a minor change; renaming or removing one, or changing its meaning, bumps `mlplanExportVersion`.
 *
 * Conventions: every property is present (`null` when the plan does not say); lists are `[]` when
 * empty; names are as written in the plan; file paths are relative to the exported file's folder,
 * with `/` separators; lines and columns are 1-based. Dates mlplan derives (a rollout's end, the
 * day labeling is done) are `YYYY-MM-DD`, or the text `after 9999-12-31` beyond the calendar it shows.
 */

export const EXPORT_VERSION = 1;
/** The `$id` of the JSON Schema (schemas/mlplan-export.schema.json) and the `$schema` of every export. */
export const EXPORT_SCHEMA_ID = 'urn:mlplan:export:1';

/** A number with its unit as written (`""` for a plain ratio) and as mlplan shows it. */
export interface QuantityExport {
    readonly value: number;
    readonly unit: string;
    /** Formatted by model/units.ts: `2,000,000 req/day`, `99.5 %`, `0.78`. */
    readonly text: string;
    /** False when the unit is not one mlplan knows (an `unknown-unit` diagnostic). */
    readonly known: boolean;
}

/** A figure derived by model/derived.ts, in the unit named, with its formatted text. */
export interface FigureExport {
    readonly value: number;
    readonly unit: string;
    readonly text: string;
}

/** A reference: the name written, and when it resolves, what and where it is. */
export interface RefExport {
    readonly name: string;
    readonly resolved: boolean;
    /** `person`, `team`, `metric`, `dataset`, `baseline`, `milestone`, …; null when unresolved. */
    readonly kind: string | null;
    /** The file that declares it; null when unresolved. */
    readonly file: string | null;
}

/** A reference to a field: `subscribers.tenure_months` or bare `tenure_months`. */
export interface FieldRefExport extends RefExport {
    /** The dataset the field belongs to (as resolved, else as written; null when neither is known). */
    readonly dataset: string | null;
}

/** What every named declaration carries. */
export interface DeclarationExport {
    readonly name: string;
    /** `person`, `team`, `metric`, `persona`, `objective`, `dataset`, `baseline`, `model`, `slo`, `risk`, `milestone`. */
    readonly kind: string;
    readonly file: string;
    /** 1-based line of the declaration in `file`. */
    readonly line: number;
    /** True when it comes from an imported file (only imported declarations the plan uses are exported). */
    readonly imported: boolean;
    /** The `/** … *\/` comment above it, as plain text; paragraphs are separated by a blank line. */
    readonly documentation: string | null;
}

/** `metric op value`: kpi, success, indicator, alert, rollback condition, expect. */
export interface BoundExport {
    readonly metric: RefExport;
    /** `<`, `<=`, `>`, `>=` or `=` (null only in text that is still being typed). */
    readonly op: string | null;
    readonly value: QuantityExport | null;
}

export interface PersonExport extends DeclarationExport {
    readonly displayName: string | null;
    readonly role: string | null;
    readonly email: string | null;
}

export interface TeamExport extends DeclarationExport {
    readonly displayName: string | null;
    readonly members: RefExport[];
    readonly lead: RefExport | null;
}

export interface MetricExport extends DeclarationExport {
    /** `business`, `ml` or `software`. */
    readonly metricKind: string | null;
    readonly unit: string | null;
    /** `higher` or `lower`. */
    readonly better: string | null;
    readonly description: string | null;
}

/** Who uses the predictions and what they decide from them. */
export interface PersonaExport extends DeclarationExport {
    readonly description: string | null;
    /** What they decide from a prediction. */
    readonly decision: string | null;
    /** The objectives whose `for` names this persona. */
    readonly objectives: RefExport[];
}

export interface KpiExport extends BoundExport {
    readonly by: string | null;
}

export interface ObjectiveExport extends DeclarationExport {
    readonly description: string | null;
    readonly priority: string | null;
    readonly stakeholders: string[];
    readonly kpis: KpiExport[];
    /** Yearly business value when the kpis are met, as written (`400,000 USD/year`). */
    readonly value: QuantityExport | null;
    /** The personas it serves. */
    readonly for: RefExport[];
}

export interface FieldExport {
    readonly name: string;
    readonly type: string | null;
    readonly pii: boolean;
    readonly sensitive: boolean;
    readonly label: boolean;
}

export interface CheckExport {
    /** `missing`, `unique` or `range`. */
    readonly check: string;
    readonly field: FieldRefExport;
    /** `missing`: the comparison and threshold. */
    readonly op: string | null;
    readonly threshold: QuantityExport | null;
    /** `range`: the bounds. */
    readonly min: number | null;
    readonly max: number | null;
}

/** The labeling block after `labeling KIND`: how fast and at what price rows are labeled. */
export interface LabelingEffortExport {
    readonly rate: QuantityExport | null;
    readonly cost: QuantityExport | null;
}

/** What labeling a dataset takes (model/schedule.ts): null figures when the plan lacks what they need. */
export interface LabelingDerivedExport {
    /** `size` ÷ labeling `rate`, in days. */
    readonly days: FigureExport | null;
    /** `size` × labeling `cost`, in the cost's currency. */
    readonly cost: FigureExport | null;
    /** The plan `start` + the labeling days: the day the last row is labeled. */
    readonly endDate: string | null;
}

export interface DatasetExport extends DeclarationExport {
    readonly source: string | null;
    readonly description: string | null;
    readonly owner: RefExport | null;
    readonly version: string | null;
    readonly refresh: string | null;
    readonly size: QuantityExport | null;
    readonly labeling: string | null;
    /** `labeling KIND { rate … cost … }`; null without the block. */
    readonly labelingEffort: LabelingEffortExport | null;
    readonly labelingDerived: LabelingDerivedExport;
    /** `labels after`: how long after an event its ground truth is known. */
    readonly labelDelay: QuantityExport | null;
    readonly consent: string | null;
    readonly retention: QuantityExport | null;
    readonly fields: FieldExport[];
    readonly checks: CheckExport[];
}

export interface BaselineExport extends DeclarationExport {
    readonly baselineKind: string | null;
    readonly description: string | null;
    readonly expects: BoundExport[];
}

/** A baseline's `expect` value for the metric of a success criterion. */
export interface BaselineValueExport {
    readonly baseline: RefExport;
    readonly value: QuantityExport | null;
}

export interface SuccessExport extends BoundExport {
    /** What each baseline is expected to reach on the same metric: the bar the model must clear. */
    readonly baselines: BaselineValueExport[];
}

export interface SliceExport {
    readonly field: FieldRefExport;
    /** The condition on the slices (`auc gap <= 0.03`), or null when only the slicing is asked for. */
    readonly metric: RefExport | null;
    readonly gap: boolean;
    readonly op: string | null;
    readonly value: QuantityExport | null;
}

export interface EvaluationExport {
    readonly on: RefExport | null;
    readonly successes: SuccessExport[];
    readonly slices: SliceExport[];
}

export type RetrainExport =
    | { readonly kind: 'every'; readonly every: QuantityExport | null }
    | { readonly kind: 'on-drift' };

export interface ModelExport extends DeclarationExport {
    readonly algorithm: string | null;
    readonly description: string | null;
    readonly owner: RefExport | null;
    readonly trainsOn: RefExport[];
    readonly features: FieldRefExport[];
    readonly compute: string | null;
    /** Expected inference time per request. */
    readonly latency: QuantityExport | null;
    /** The version serving runs. */
    readonly version: string | null;
    /** Where trained versions are kept. */
    readonly registry: string | null;
    readonly explain: string | null;
    readonly retrain: RetrainExport | null;
    readonly evaluation: EvaluationExport | null;
}

export type FallbackExport =
    | { readonly kind: 'baseline'; readonly baseline: RefExport }
    | { readonly kind: 'text'; readonly text: string };

export interface MonthlyCostExport extends FigureExport {
    /** The volume over a 30-day month when the cost is per request; null when `cost` is per month. */
    readonly requestsPerMonth: number | null;
}

export interface ServingDerivedExport {
    /** Mean request rate implied by `volume`, req/s. */
    readonly meanRate: FigureExport | null;
    /** `peak` in req/s. */
    readonly peakRate: FigureExport | null;
    /** Peak ÷ mean (unit `×`). */
    readonly peakToMean: FigureExport | null;
    /** `cost` × `volume` over 30 days, or `cost` itself when per month. */
    readonly monthlyCost: MonthlyCostExport | null;
    /** The budget's `serving` per month, when comparable with the monthly cost. */
    readonly servingBudget: FigureExport | null;
    /** Monthly cost ÷ serving budget (unit `%`). */
    readonly budgetShare: FigureExport | null;
    /** True when the monthly cost exceeds the serving budget; null when they cannot be compared. */
    readonly overBudget: boolean | null;
    /** The model served: `serves`, else the plan's only model; null when there is none. */
    readonly model: RefExport | null;
    /** `replicas` × `capacity` against the demand; null without both. */
    readonly capacity: CapacityExport | null;
    /** What serving costs a year. */
    readonly yearlyCost: YearlyCostExport | null;
}

export interface CapacityExport {
    readonly replicas: number;
    /** One replica's `capacity`, req/s. */
    readonly perReplica: FigureExport;
    /** replicas × capacity, req/s. */
    readonly total: FigureExport;
    /** What it must absorb: the peak, else the mean rate (req/s); null without either. */
    readonly demand: FigureExport | null;
    readonly demandFrom: 'peak' | 'mean' | null;
    /** total ÷ demand (unit `×`); null for an unknown or zero demand. */
    readonly headroom: FigureExport | null;
}

export interface YearlyCostExport extends FigureExport {
    /** `volume`: `cost` × 365 days of volume; `monthly cost`: a monthly `cost` × 12; `serving budget`: the budget's `serving` × 12. */
    readonly basis: 'volume' | 'monthly cost' | 'serving budget';
    /** With basis `volume`: the requests of a year. */
    readonly requestsPerYear: number | null;
}

export interface ServingExport {
    readonly line: number;
    readonly mode: string | null;
    readonly target: string | null;
    readonly volume: QuantityExport | null;
    readonly peak: QuantityExport | null;
    readonly cost: QuantityExport | null;
    readonly compute: string | null;
    /** `serves`, as written. */
    readonly serves: RefExport | null;
    readonly replicas: QuantityExport | null;
    /** Sustained throughput of one replica. */
    readonly capacity: QuantityExport | null;
    readonly fallback: FallbackExport | null;
    readonly derived: ServingDerivedExport;
}

export interface ErrorBudgetExport extends FigureExport {
    /** The objective as a ratio (0.999). */
    readonly objective: number;
    /** The window in seconds. */
    readonly windowSeconds: number;
}

export interface SloExport extends DeclarationExport {
    readonly indicator: BoundExport | null;
    readonly objective: QuantityExport | null;
    readonly window: QuantityExport | null;
    readonly description: string | null;
    /** (1 − objective) × window, in seconds, with its text (`43.2 min`). */
    readonly errorBudget: ErrorBudgetExport | null;
}

export interface RolloutStageExport {
    /** 1-based position. */
    readonly index: number;
    readonly traffic: QuantityExport | null;
    readonly duration: QuantityExport | null;
    /** Mean rate × share × duration; null without volume or `for`. */
    readonly requests: FigureExport | null;
    /** The day it starts and the day it ends; null when the rollout start is unknown. */
    readonly startDate: string | null;
    readonly endDate: string | null;
}

/** `starts DATE` or `starts after MILESTONE`, as written. */
export interface RolloutStartExport {
    readonly date: string | null;
    readonly milestone: RefExport | null;
}

export interface RollbackExport {
    readonly conditions: BoundExport[];
    /** `or` / `and` between consecutive conditions (one fewer than the conditions). */
    readonly connectives: string[];
}

export interface RolloutExport {
    readonly line: number;
    readonly strategy: string | null;
    readonly starts: RolloutStartExport | null;
    readonly shadow: QuantityExport | null;
    readonly stages: RolloutStageExport[];
    readonly rollback: RollbackExport | null;
    /** Shadow period plus every stage's duration, in seconds. */
    readonly totalDuration: FigureExport | null;
    /** `starts DATE`, or the due date of the milestone in `starts after`. */
    readonly startDate: string | null;
    /** The end of the shadow period (the start when there is none). */
    readonly shadowEndDate: string | null;
    /** Start + shadow + every stage's duration. */
    readonly endDate: string | null;
}

export interface DriftExport {
    /** `field` (a dataset field) or `predictions` (the model's output). */
    readonly watch: 'field' | 'predictions';
    readonly field: FieldRefExport | null;
    readonly method: string | null;
    readonly op: string | null;
    readonly threshold: QuantityExport | null;
}

export interface AlertExport extends BoundExport {
    readonly notify: string | null;
}

export interface DashboardExport {
    /** As written in the plan. */
    readonly text: string;
    /** The address, only when it is an http(s) URL safe to link to; null otherwise. */
    readonly url: string | null;
}

export interface MonitoringExport {
    readonly line: number;
    readonly drifts: DriftExport[];
    readonly alerts: AlertExport[];
    readonly dashboard: DashboardExport | null;
    /** What is logged (`predictions` or `inputs`) and for how long. */
    readonly log: { readonly target: string; readonly retention: QuantityExport | null } | null;
}

export interface RiskExport extends DeclarationExport {
    readonly description: string | null;
    /** `low`, `medium` or `high`. */
    readonly likelihood: string | null;
    readonly impact: string | null;
    readonly mitigation: string | null;
    readonly owner: RefExport | null;
}

export interface MilestoneExport extends DeclarationExport {
    /** `YYYY-MM-DD` as written (it may be an invalid date, see the diagnostics). */
    readonly due: string | null;
    readonly description: string | null;
    readonly deliverables: string[];
    readonly owner: RefExport | null;
    readonly after: RefExport[];
    /** Datasets that must be labeled by the due date. */
    readonly needs: RefExport[];
}

export interface BudgetExport {
    readonly line: number;
    readonly total: QuantityExport | null;
    readonly serving: QuantityExport | null;
    readonly labeling: QuantityExport | null;
    readonly training: QuantityExport | null;
    readonly compute: QuantityExport | null;
}

export interface ReadinessItemExport {
    readonly code: string;
    /** What a plan that satisfies the rule has. */
    readonly title: string;
    /** The stage from which the rule applies. */
    readonly stage: string;
    readonly met: boolean;
}

export interface ReadinessExport {
    readonly stage: string | null;
    readonly satisfied: number;
    readonly applicable: number;
    readonly items: ReadinessItemExport[];
    /** Error-severity diagnostics: a plan with any is not ready, whatever its score. */
    readonly blockers: number;
}

/** Months of serving, as the budget check counts them. */
export interface ServingMonthsExport {
    readonly months: number;
    /** Where the count starts; null when a date is missing (then 12 months). */
    readonly from: 'rollout start' | 'plan start' | null;
    readonly fromDate: string | null;
    readonly deadline: string | null;
}

export interface BudgetLineExport {
    readonly name: 'labeling' | 'training' | 'compute' | 'serving';
    /** The line as counted: one-off lines as written, `serving` per month × months of serving. */
    readonly amount: FigureExport;
}

/** The budget's lines added up against its `total` (same currency only). */
export interface BudgetSumExport {
    readonly total: FigureExport;
    readonly lines: BudgetLineExport[];
    /** The `serving` line per month, when it is counted. */
    readonly servingMonthly: FigureExport | null;
    readonly sum: FigureExport;
    /** True when the lines add up to more than the total. */
    readonly exceedsTotal: boolean;
}

export interface LabelingSpendExport extends FigureExport {
    /** Each priced dataset's labeling cost (same currency as the sum). */
    readonly datasets: Array<{ readonly dataset: RefExport; readonly cost: FigureExport }>;
}

export interface YearlyValueExport extends FigureExport {
    /** The objectives whose `value` is counted. */
    readonly objectives: RefExport[];
}

/** Plan-wide figures (model/schedule.ts, model/economics.ts). */
export interface PlanDerivedExport {
    readonly servingMonths: ServingMonthsExport;
    readonly budgetSum: BudgetSumExport | null;
    readonly labelingSpend: LabelingSpendExport | null;
    /** The objectives' `value`, per year. */
    readonly yearlyValue: YearlyValueExport | null;
    /** Serving's yearly cost (as `serving.derived.yearlyCost`). */
    readonly yearlyCost: YearlyCostExport | null;
    /** Yearly value ÷ yearly cost (unit `×`), when both are known, in one currency, and the cost is not zero. */
    readonly valueToCost: FigureExport | null;
}

export interface DiagnosticExport {
    readonly code: string;
    /** `error`, `warning`, `info` or `hint`. */
    readonly severity: string;
    readonly message: string;
    /** 1-based start. */
    readonly line: number;
    readonly column: number;
    /** 0-based LSP range, as in `mlplan check --format json`. */
    readonly range: {
        readonly start: { readonly line: number; readonly character: number };
        readonly end: { readonly line: number; readonly character: number };
    };
}

export interface ImportExport {
    /** As written after `import`. */
    readonly path: string;
    /** The file it resolves to, relative to the exported file's folder; null when unresolved. */
    readonly file: string | null;
    readonly resolved: boolean;
}

export interface PlanExport {
    readonly $schema: string;
    readonly mlplanExportVersion: number;
    /** `plan` or `catalog`. */
    readonly kind: 'plan' | 'catalog';
    /** The exported file's name. */
    readonly file: string;
    readonly name: string;
    readonly title: string | null;
    readonly summary: string | null;
    readonly description: string | null;
    readonly documentation: string | null;
    readonly owner: RefExport | null;
    /** The plan's stage (`mvp` when not written); null for a catalog. */
    readonly stage: string | null;
    readonly stageDeclared: boolean;
    /** When work begins (v2), as written. */
    readonly start: string | null;
    readonly deadline: string | null;
    /** `new`, `assist` or `replace`: what the model does to today's process. */
    readonly deployment: string | null;
    readonly regulations: string[];
    readonly imports: ImportExport[];
    readonly persons: PersonExport[];
    readonly teams: TeamExport[];
    readonly metrics: MetricExport[];
    readonly personas: PersonaExport[];
    readonly objectives: ObjectiveExport[];
    readonly datasets: DatasetExport[];
    readonly baselines: BaselineExport[];
    readonly models: ModelExport[];
    readonly serving: ServingExport | null;
    readonly slos: SloExport[];
    readonly rollout: RolloutExport | null;
    readonly monitoring: MonitoringExport | null;
    readonly risks: RiskExport[];
    readonly milestones: MilestoneExport[];
    readonly budget: BudgetExport | null;
    /** Figures of the whole plan: months of serving, the budget's sum, labeling spend, value against cost. */
    readonly derived: PlanDerivedExport;
    readonly readiness: ReadinessExport;
    /** Open diagnostics of the exported file, by position. */
    readonly diagnostics: DiagnosticExport[];
    readonly counts: { readonly error: number; readonly warning: number; readonly info: number; readonly hint: number };
}
