import type * as ast from '../generated/ast.js';
import {
    budgetUse, errorBudget, meanRate, monthlyServingCost, peakOverMean, peakRate, rolloutDuration,
    type ErrorBudget, type MonthlyCost, type ServingBudgetUse,
} from './derived.js';

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
}

export function planFigures(budget: ast.Budget | undefined): PlanFigures {
    const servings = new Map<ast.Serving, ServingFigures>();
    const budgets = new Map<ast.Slo, ErrorBudget | undefined>();
    const durations = new Map<ast.Rollout, number | undefined>();
    return {
        serving(serving) {
            let figures = servings.get(serving);
            if (!figures) {
                const mean = meanRate(serving);
                const peak = peakRate(serving);
                const monthlyCost = monthlyServingCost(serving);
                figures = {
                    meanRate: mean,
                    peakRate: peak,
                    peakToMean: peakOverMean(mean, peak),
                    monthlyCost,
                    budgetUse: budgetUse(monthlyCost, budget),
                };
                servings.set(serving, figures);
            }
            return figures;
        },
        errorBudget: slo => remembered(budgets, slo, errorBudget),
        rolloutDuration: rollout => remembered(durations, rollout, rolloutDuration),
    };
}

function remembered<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V): V {
    if (memo.has(key)) {
        return memo.get(key) as V;
    }
    const value = compute(key);
    memo.set(key, value);
    return value;
}
