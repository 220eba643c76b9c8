import type * as ast from '../generated/ast.js';
import {
    DAYS_PER_MONTH, PLAIN, compareMeasures, convert, lookupUnit, measure, toBase, type Measure, type UnitInfo,
} from './units.js';

/**
 * Figures derived from a plan: mean request rate, monthly serving cost, SLO error budgets,
 * rollout duration. Each is computed here only, and shown identically in messages, hovers and
 * exports.
 */

/** A quantity node as a measure; undefined when the value is missing or the unit unknown. */
export function measureOf(quantity: ast.Quantity | undefined): Measure | undefined {
    if (!quantity || typeof quantity.value !== 'number') {
        return undefined;
    }
    return measure(quantity.value, quantity.unit);
}

/** The unit a metric's values carry (a metric without `unit` measures a plain ratio). */
export function metricUnit(metric: ast.Metric | undefined): UnitInfo | undefined {
    if (!metric) {
        return undefined;
    }
    return metric.unit === undefined ? PLAIN : lookupUnit(metric.unit);
}

const REQ_PER_S = lookupUnit('req/s')!;
const REQ_PER_DAY = lookupUnit('req/day')!;

/** The mean request rate implied by `volume`, in req/s. */
export function meanRate(serving: ast.Serving | undefined): number | undefined {
    const volume = measureOf(serving?.volume);
    return volume ? convert(volume, REQ_PER_S) : undefined;
}

/** `peak` in req/s. */
export function peakRate(serving: ast.Serving | undefined): number | undefined {
    const peak = measureOf(serving?.peak);
    return peak ? convert(peak, REQ_PER_S) : undefined;
}

/** Peak over mean rate (2.6 means the service must absorb 2.6 times its average load). */
export function peakToMeanRatio(serving: ast.Serving | undefined): number | undefined {
    return peakOverMean(meanRate(serving), peakRate(serving));
}

/** Peak over mean, both in req/s, when both are known and the mean is not zero. */
export function peakOverMean(mean: number | undefined, peak: number | undefined): number | undefined {
    return mean !== undefined && peak !== undefined && mean > 0 ? peak / mean : undefined;
}

export interface MonthlyCost {
    readonly amount: number;
    readonly currency: string;
    /** How it was obtained, for messages and hovers: "0.00004 USD/req × 60,000,000 req/month". */
    readonly requestsPerMonth?: number;
}

/**
 * Monthly serving cost: `cost` per request × `volume` over a 30-day month, or `cost` itself when
 * it is already per month. Undefined when the figures needed are missing.
 */
export function monthlyServingCost(serving: ast.Serving | undefined): MonthlyCost | undefined {
    const cost = measureOf(serving?.cost);
    if (!cost?.unit.currency) {
        return undefined;
    }
    if (cost.unit.dimension === 'money-per-month') {
        const amount = toBase(cost);
        return Number.isFinite(amount) ? { amount, currency: cost.unit.currency } : undefined;
    }
    if (cost.unit.dimension === 'money-per-request') {
        const volume = measureOf(serving?.volume);
        const perDay = volume ? convert(volume, REQ_PER_DAY) : undefined;
        if (perDay === undefined) {
            return undefined;
        }
        const requestsPerMonth = perDay * DAYS_PER_MONTH;
        const amount = cost.value * requestsPerMonth;
        // Absurd figures (1e308 req/s) overflow: no cost rather than an Infinity in a message.
        return Number.isFinite(amount) ? { amount, currency: cost.unit.currency, requestsPerMonth } : undefined;
    }
    return undefined;
}

export interface ServingBudgetUse {
    readonly cost: MonthlyCost;
    /** The budget's `serving` per month, in the cost's currency. */
    readonly allowed: number;
    /** cost ÷ allowed (0.96 = 96 % of the serving budget); undefined for a zero budget. */
    readonly share?: number;
    /** True when the cost exceeds the budget (the `budget-exceeded` comparison). */
    readonly exceeded: boolean;
}

/**
 * The monthly serving cost set against the budget's `serving` line (per month, same currency);
 * undefined when either is missing or they cannot be compared.
 */
export function servingBudgetUse(serving: ast.Serving | undefined, budget: ast.Budget | undefined): ServingBudgetUse | undefined {
    return budgetUse(monthlyServingCost(serving), budget);
}

/** A monthly serving cost set against the budget's `serving` line, as `servingBudgetUse` does. */
export function budgetUse(cost: MonthlyCost | undefined, budget: ast.Budget | undefined): ServingBudgetUse | undefined {
    const allowed = measureOf(budget?.serving);
    if (!cost || !allowed || allowed.unit.dimension !== 'money-per-month' || allowed.unit.currency !== cost.currency) {
        return undefined;
    }
    const spent = measure(cost.amount, `${cost.currency}/month`);
    const difference = spent ? compareMeasures(spent, allowed) : undefined;
    const perMonth = toBase(allowed);
    return {
        cost,
        allowed: perMonth,
        share: perMonth > 0 ? cost.amount / perMonth : undefined,
        exceeded: difference !== undefined && difference > 0,
    };
}

export interface ErrorBudget {
    /** Allowed bad time over the window, in seconds. */
    readonly seconds: number;
    /** The objective as a ratio (0.995). */
    readonly objective: number;
    /** The window in seconds. */
    readonly windowSeconds: number;
}

/** The error budget of an SLO: (1 − objective) × window. */
export function errorBudget(slo: ast.Slo | undefined): ErrorBudget | undefined {
    const objective = measureOf(slo?.objective);
    const window = measureOf(slo?.window);
    if (!objective || objective.unit.dimension !== 'fraction' || !window || window.unit.dimension !== 'time') {
        return undefined;
    }
    const ratio = toBase(objective);
    return { seconds: (1 - ratio) * toBase(window), objective: ratio, windowSeconds: toBase(window) };
}

/** Total rollout duration in seconds: shadow period plus every stage's `for`. */
export function rolloutDuration(rollout: ast.Rollout | undefined): number | undefined {
    if (!rollout) {
        return undefined;
    }
    const parts = [rollout.shadow, ...(rollout.stages ?? []).map(s => s.duration)]
        .map(measureOf)
        .filter((m): m is Measure => m !== undefined && m.unit.dimension === 'time');
    return parts.length > 0 ? parts.reduce((sum, m) => sum + toBase(m), 0) : undefined;
}

export interface Capacity {
    readonly replicas: number;
    /** One replica's `capacity`, in req/s. */
    readonly perReplica: number;
    /** replicas × capacity, in req/s. */
    readonly total: number;
    /** What it must absorb: `peak`, else the mean rate of `volume`, in req/s. */
    readonly demand?: number;
    readonly demandFrom?: 'peak' | 'mean';
    /** total ÷ demand (1.5 = 50 % headroom); undefined for a zero demand. */
    readonly headroom?: number;
}

/** Serving capacity (`replicas` × `capacity`) against the peak, else the mean rate. */
export function servingCapacity(serving: ast.Serving, mean: number | undefined, peak: number | undefined): Capacity | undefined {
    const replicas = measureOf(serving.replicas);
    const capacity = measureOf(serving.capacity);
    if (!replicas || replicas.unit.symbol !== '' || !capacity || capacity.unit.dimension !== 'rate') {
        return undefined;
    }
    const perReplica = toBase(capacity);
    const total = replicas.value * perReplica;
    if (!Number.isFinite(total)) {
        return undefined;
    }
    const demand = peak ?? mean;
    const demandFrom = peak !== undefined ? 'peak' : mean !== undefined ? 'mean' : undefined;
    const headroom = demand !== undefined && demand > 0 && Number.isFinite(total / demand) ? total / demand : undefined;
    return { replicas: replicas.value, perReplica, total, demand, demandFrom, headroom };
}
