import type * as ast from '../generated/ast.js';
import { measureOf, type MonthlyCost } from './derived.js';
import type { LabelingFigures, ServingMonths } from './schedule.js';
import { DAYS_PER_MONTH, DAYS_PER_YEAR, MONTHS_PER_YEAR, toBase } from './units.js';

/**
 * Money over time (LANGUAGE.md 4.3): what serving costs a year, what the objectives are worth a
 * year, what the budget's lines add up to, what labeling costs. Amounts in different currencies
 * are never added: a figure keeps the currency of its first term and leaves the others out
 * (`unit-mismatch` reports them).
 */

/**
 * `amount` > `limit`, money in one currency. Sums of converted amounts carry rounding noise
 * (0.1 + 0.2, a yearly figure × 365 ÷ 30): a difference below a billionth of the amounts is
 * equality, and equality never exceeds (LANGUAGE.md 4.3's comparisons are strict).
 */
export function exceeds(amount: number, limit: number): boolean {
    const scale = Math.max(Math.abs(amount), Math.abs(limit));
    return amount > limit && amount - limit > 1e-9 * scale;
}

export interface YearlyCost {
    readonly amount: number;
    readonly currency: string;
    /** How it was obtained: `cost` × a year of volume, `cost` per month × 12, or the budget's `serving` × 12. */
    readonly basis: 'volume' | 'monthly cost' | 'serving budget';
    /** With basis `volume`: a year of requests (365 days of `volume`). */
    readonly requestsPerYear?: number;
}

/**
 * Yearly serving cost: `cost` × `volume` over 365 days (a monthly `cost` × 12), else the budget's
 * `serving` × 12. `monthly` is the serving's monthly cost (model/derived.ts), computed once.
 */
export function yearlyServingCost(monthly: MonthlyCost | undefined, budget: ast.Budget | undefined): YearlyCost | undefined {
    if (monthly?.requestsPerMonth !== undefined) {
        // The monthly figure is a 30-day month of volume; a year is 365 days of it.
        const yearShare = DAYS_PER_YEAR / DAYS_PER_MONTH;
        return finiteCost({ amount: monthly.amount * yearShare, currency: monthly.currency, basis: 'volume', requestsPerYear: monthly.requestsPerMonth * yearShare });
    }
    if (monthly) {
        return finiteCost({ amount: monthly.amount * MONTHS_PER_YEAR, currency: monthly.currency, basis: 'monthly cost' });
    }
    const serving = measureOf(budget?.serving);
    if (serving?.unit.dimension === 'money-per-month' && serving.unit.currency) {
        return finiteCost({ amount: toBase(serving) * MONTHS_PER_YEAR, currency: serving.unit.currency, basis: 'serving budget' });
    }
    return undefined;
}

function finiteCost(cost: YearlyCost): YearlyCost | undefined {
    return Number.isFinite(cost.amount) ? cost : undefined;
}

export interface YearlyValue {
    readonly amount: number;
    readonly currency: string;
    /** The objectives whose `value` counts (same currency as the first). */
    readonly objectives: readonly ast.Objective[];
}

/** The sum of the objectives' `value` per year, in the currency of the first one. */
export function yearlyValue(objectives: readonly ast.Objective[]): YearlyValue | undefined {
    let currency: string | undefined;
    let amount = 0;
    const counted: ast.Objective[] = [];
    for (const objective of objectives) {
        const value = measureOf(objective.value);
        if (value?.unit.dimension !== 'money-per-month' || !value.unit.currency) {
            continue;
        }
        currency ??= value.unit.currency;
        if (value.unit.currency === currency) {
            amount += toBase(value) * MONTHS_PER_YEAR;
            counted.push(objective);
        }
    }
    return currency && Number.isFinite(amount) ? { amount, currency, objectives: counted } : undefined;
}

export interface BudgetLine {
    readonly name: 'labeling' | 'training' | 'compute' | 'serving';
    readonly amount: number;
}

export interface BudgetSum {
    readonly total: number;
    readonly currency: string;
    /** The lines counted: the one-off ones as written, `serving` as its monthly amount × months. */
    readonly lines: readonly BudgetLine[];
    /** The budget's `serving` per month, when counted. */
    readonly servingMonthly?: number;
    readonly months: ServingMonths;
    /** The sum of the lines. */
    readonly sum: number;
    /** True when the sum exceeds the total (strictly: equality never exceeds). */
    readonly exceeded: boolean;
}

/**
 * The budget's lines against its `total` (same currency only): `labeling` + `training` + `compute`
 * + `serving` per month × months of serving. Undefined without a money `total`.
 */
export function budgetSum(budget: ast.Budget | undefined, months: ServingMonths): BudgetSum | undefined {
    const total = measureOf(budget?.total);
    const currency = total?.unit.dimension === 'money' ? total.unit.currency : undefined;
    if (!budget || !total || !currency) {
        return undefined;
    }
    const lines: BudgetLine[] = [];
    for (const name of ['labeling', 'training', 'compute'] as const) {
        const line = measureOf(budget[name]);
        if (line?.unit.dimension === 'money' && line.unit.currency === currency) {
            lines.push({ name, amount: line.value });
        }
    }
    const serving = measureOf(budget.serving);
    const servingMonthly = serving?.unit.dimension === 'money-per-month' && serving.unit.currency === currency ? toBase(serving) : undefined;
    if (servingMonthly !== undefined) {
        lines.push({ name: 'serving', amount: servingMonthly * months.months });
    }
    const sum = lines.reduce((s, line) => s + line.amount, 0);
    if (!Number.isFinite(sum)) {
        return undefined;
    }
    return { total: total.value, currency, lines, servingMonthly, months, sum, exceeded: exceeds(sum, total.value) };
}

export interface LabelingSpend {
    readonly currency: string;
    /** Each dataset's labeling cost, in that currency. */
    readonly datasets: readonly LabelingFigures[];
    readonly sum: number;
}

/** The labeling cost of the datasets (size × cost per row), in the currency of the first. */
export function labelingSpend(figures: readonly LabelingFigures[]): LabelingSpend | undefined {
    const priced = figures.filter(f => f.cost !== undefined && f.currency !== undefined);
    const currency = priced[0]?.currency;
    if (!currency) {
        return undefined;
    }
    const same = priced.filter(f => f.currency === currency);
    const sum = same.reduce((s, f) => s + (f.cost ?? 0), 0);
    return Number.isFinite(sum) ? { currency, datasets: same, sum } : undefined;
}

export interface LabelingBudgetUse {
    /** The labeling cost of the datasets priced in the budget line's currency. */
    readonly spend: LabelingSpend;
    /** The budget's `labeling` line. */
    readonly allowed: number;
    readonly exceeded: boolean;
}

/**
 * The datasets' labeling cost set against the budget's `labeling` line, in that line's currency
 * (datasets priced in another currency are left out); undefined without a money line or a priced
 * dataset in its currency.
 */
export function labelingBudgetUse(figures: readonly LabelingFigures[], budget: ast.Budget | undefined): LabelingBudgetUse | undefined {
    const line = measureOf(budget?.labeling);
    const currency = line?.unit.dimension === 'money' ? line.unit.currency : undefined;
    if (!line || !currency) {
        return undefined;
    }
    const spend = labelingSpend(figures.filter(f => f.currency === currency));
    return spend ? { spend, allowed: line.value, exceeded: exceeds(spend.sum, line.value) } : undefined;
}

export interface CostOverValue {
    readonly cost: YearlyCost;
    readonly value: YearlyValue;
    readonly exceeded: boolean;
}

/** The yearly serving cost set against the objectives' yearly value; undefined unless both are given in one currency. */
export function costOverValue(cost: YearlyCost | undefined, value: YearlyValue | undefined): CostOverValue | undefined {
    if (!cost || !value || cost.currency !== value.currency) {
        return undefined;
    }
    return { cost, value, exceeded: exceeds(cost.amount, value.amount) };
}

/**
 * What the objectives are worth a year for each unit of money serving costs a year (13.7 means
 * the value is 13.7 times the cost). Undefined when either side is unknown, the currencies
 * differ (they never convert), or the cost is zero: a ratio to nothing says nothing.
 */
export function valueToCost(value: YearlyValue | undefined, cost: YearlyCost | undefined): number | undefined {
    if (!value || !cost || value.currency !== cost.currency || !(cost.amount > 0)) {
        return undefined;
    }
    const ratio = value.amount / cost.amount;
    return Number.isFinite(ratio) ? ratio : undefined;
}
