import type * as ast from '../generated/ast.js';
import { dayOf } from './dates.js';
import {
    budgetUse, errorBudget, meanRate, monthlyServingCost, peakOverMean, peakRate, rolloutDuration, servingCapacity,
    type Capacity, type ErrorBudget, type MonthlyCost, type ServingBudgetUse,
} from './derived.js';
import {
    budgetSum, labelingBudgetUse, labelingSpend, yearlyServingCost, yearlyValue,
    type BudgetSum, type LabelingBudgetUse, type LabelingSpend, type YearlyCost, type YearlyValue,
} from './economics.js';
import {
    labelingFigures, rolloutSchedule, rolloutStartDay, servingMonths,
    type LabelingFigures, type RolloutSchedule, type ServingMonths,
} from './schedule.js';

/** What a `serving` block implies: its load and its cost. */
export interface ServingFigures {
    /** `volume` as a mean rate, in req/s. */
    readonly meanRate?: number;
    /** `peak` in req/s. */
    readonly peakRate?: number;
    /** Peak over mean rate. */
    readonly peakToMean?: number;
    readonly monthlyCost?: MonthlyCost;
    /** The monthly cost against the plan's budget `serving` line. */
    readonly budgetUse?: ServingBudgetUse;
    /** `replicas` × `capacity` against the peak (else the mean rate). */
    readonly capacity?: Capacity;
    /** The model it serves: `serves`, else the plan's only model. */
    readonly model?: ast.Model;
    /** What serving costs a year (4.3's `cost-exceeds-value`). */
    readonly yearlyCost?: YearlyCost;
}

/**
 * The derived figures of one plan (model/derived.ts computes each), remembered per node for the
 * life of the facts they belong to: a rule, the hover and the export that ask for the same figure
 * of the same version of a plan get the same object, computed once.
 */
export interface PlanFigures {
    serving(serving: ast.Serving): ServingFigures;
    errorBudget(slo: ast.Slo): ErrorBudget | undefined;
    /** Shadow period plus every stage's `for`, in seconds. */
    rolloutDuration(rollout: ast.Rollout): number | undefined;
    /** Start, end and requests per stage of a rollout (the plan's serving gives the rate). */
    rolloutSchedule(rollout: ast.Rollout): RolloutSchedule;
    /** How long labeling a dataset takes from the plan `start`, and what it costs. */
    labeling(dataset: ast.Dataset): LabelingFigures;
    /** The labeling cost of every dataset the plan can see. */
    readonly labelingSpend: LabelingSpend | undefined;
    /** That labeling cost against a budget's `labeling` line (its currency only). */
    labelingBudgetUse(budget: ast.Budget): LabelingBudgetUse | undefined;
    /** Months of serving before the deadline, as the budget check counts them. */
    readonly servingMonths: ServingMonths;
    /** The budget's lines against its total. */
    readonly budgetSum: BudgetSum | undefined;
    /** The objectives' yearly value. */
    readonly yearlyValue: YearlyValue | undefined;
    /**
     * The plan's yearly serving cost, as set against its value (cost-exceeds-value, the portfolio):
     * the first serving's, else the budget's `serving` line, per year.
     */
    readonly planServingYearlyCost: YearlyCost | undefined;
    /** The served model (LANGUAGE.md 4.3): the first serving's, else the plan's only model. */
    readonly servedModel: ast.Model | undefined;
    /** The plan `start` and `deadline` as day numbers. */
    readonly startDay: number | undefined;
    readonly deadlineDay: number | undefined;
}

/** What the figures are computed from: the parts of the plan facts they read. */
export interface FiguresInput {
    readonly plan?: ast.Plan;
    readonly serving?: ast.Serving;
    readonly rollout?: ast.Rollout;
    readonly budget?: ast.Budget;
    readonly models: readonly ast.Model[];
    readonly datasets: readonly ast.Dataset[];
    readonly objectives: readonly ast.Objective[];
}

export function planFigures(input: FiguresInput): PlanFigures {
    const { budget } = input;
    const servings = new Map<ast.Serving, ServingFigures>();
    const budgets = new Map<ast.Slo, ErrorBudget | undefined>();
    const durations = new Map<ast.Rollout, number | undefined>();
    const schedules = new Map<ast.Rollout, RolloutSchedule>();
    const labelings = new Map<ast.Dataset, LabelingFigures>();
    const labelingUses = new Map<ast.Budget, LabelingBudgetUse | undefined>();
    const startDay = dayOf(input.plan?.start);
    const deadlineDay = dayOf(input.plan?.deadline);
    const once = lazy();
    const figures: PlanFigures = {
        serving(serving) {
            let figures = servings.get(serving);
            if (!figures) {
                const mean = meanRate(serving);
                const peak = peakRate(serving);
                const monthlyCost = monthlyServingCost(serving);
                const served = serving.serves?.ref ?? (serving.serves ? undefined : onlyModel(input.models));
                figures = {
                    meanRate: mean,
                    peakRate: peak,
                    peakToMean: peakOverMean(mean, peak),
                    monthlyCost,
                    budgetUse: budgetUse(monthlyCost, budget),
                    capacity: servingCapacity(serving, mean, peak),
                    model: served,
                    yearlyCost: yearlyServingCost(monthlyCost, budget),
                };
                servings.set(serving, figures);
            }
            return figures;
        },
        errorBudget: slo => remembered(budgets, slo, errorBudget),
        rolloutDuration: rollout => remembered(durations, rollout, rolloutDuration),
        rolloutSchedule: rollout => remembered(schedules, rollout,
            r => rolloutSchedule(r, input.serving ? figures.serving(input.serving).meanRate : undefined)),
        labeling: dataset => remembered(labelings, dataset, d => labelingFigures(d, startDay)),
        get labelingSpend() {
            return once('labelingSpend', () => labelingSpend(input.datasets.map(d => figures.labeling(d))));
        },
        labelingBudgetUse: budgetNode => remembered(labelingUses, budgetNode,
            b => labelingBudgetUse(input.datasets.map(d => figures.labeling(d)), b)),
        get servingMonths() {
            return once('servingMonths', () => servingMonths(rolloutStartDay(input.rollout).day, startDay, deadlineDay));
        },
        get budgetSum() {
            return once('budgetSum', () => budgetSum(budget, figures.servingMonths));
        },
        get servedModel() {
            return input.serving ? figures.serving(input.serving).model : onlyModel(input.models);
        },
        get yearlyValue() {
            return once('yearlyValue', () => yearlyValue(input.objectives));
        },
        get planServingYearlyCost() {
            return input.serving ? figures.serving(input.serving).yearlyCost : once('planServingYearlyCost', () => yearlyServingCost(undefined, budget));
        },
        startDay,
        deadlineDay,
    };
    return figures;
}

/** The plan's model when it has exactly one: the served model when `serves` is left out. */
function onlyModel(models: readonly ast.Model[]): ast.Model | undefined {
    return models.length === 1 ? models[0] : undefined;
}

/** A memo of named values computed on first use. */
function lazy(): <T>(key: string, compute: () => T) => T {
    const values = new Map<string, unknown>();
    return <T>(key: string, compute: () => T): T => remembered(values, key, compute) as T;
}

function remembered<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V): V {
    if (memo.has(key)) {
        return memo.get(key) as V;
    }
    const value = compute(key);
    memo.set(key, value);
    return value;
}
