import type * as ast from '../generated/ast.js';
import { dayOf } from './dates.js';
import { measureOf } from './derived.js';
import { DAYS_PER_MONTH, SECONDS_PER_DAY, convert, lookupUnit, toBase } from './units.js';

/**
 * The calendar of a plan (LANGUAGE.md 4.3): when the rollout starts and ends, how many requests
 * each stage sees, how long labeling takes, how many months serving runs before the deadline.
 * Dates are day numbers (model/dates.ts); a span that ends part-way through a day ends on that day.
 */

export interface StageFigures {
    readonly stage: ast.RolloutStage;
    /** Traffic share as a ratio (0.01 for `1 %`). */
    readonly share?: number;
    /** The stage's `for`, in seconds; undefined for a stage without one (it counts 0). */
    readonly seconds?: number;
    /** Mean rate × share × duration: the requests the stage sees; undefined without volume or `for`. */
    readonly requests?: number;
    /** The day it starts and the day it ends, when the rollout start is known. */
    readonly startDay?: number;
    readonly endDay?: number;
}

export interface RolloutSchedule {
    /** `starts DATE`, or the `due` of the milestone in `starts after`. */
    readonly startDay?: number;
    /** The milestone the start comes from (`starts after`). */
    readonly milestone?: ast.Milestone;
    readonly shadowSeconds: number;
    readonly stages: readonly StageFigures[];
    /** Shadow plus every stage's `for`, in seconds (`Number.MAX_VALUE` when they exceed any number: never Infinity). */
    readonly seconds: number;
    /** Rollout start + shadow + the stage durations; undefined without a start or past any calendar. */
    readonly endDay?: number;
}

function seconds(quantity: ast.Quantity | undefined): number | undefined {
    const m = measureOf(quantity);
    if (!m || m.unit.dimension !== 'time') {
        return undefined;
    }
    const value = toBase(m);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A duration written in a time unit that no number of seconds can hold (`for 1_000…000 d`, 300 zeros). */
function endless(quantity: ast.Quantity | undefined): boolean {
    const m = measureOf(quantity);
    return m?.unit.dimension === 'time' && !Number.isFinite(toBase(m));
}

/**
 * The day `spanSeconds` after the start of day `start` (date arithmetic: 2026-08-15 + 19 d is
 * 2026-09-03); undefined when either is missing or the result leaves the number range.
 */
export function dayAfter(start: number | undefined, spanSeconds: number): number | undefined {
    if (start === undefined || !Number.isFinite(start) || !Number.isFinite(spanSeconds)) {
        return undefined;
    }
    const day = Math.floor(start + wholeDays(spanSeconds / SECONDS_PER_DAY));
    return Number.isFinite(day) ? day : undefined;
}

/**
 * `days` snapped to the nearest whole day when it is one but for conversion noise: a span divided
 * through factors like 1/86400 can come out a hair under a whole number of days, and flooring
 * that would move an end date, and a strict comparison with it, by a whole day.
 */
function wholeDays(days: number): number {
    const nearest = Math.round(days);
    return Math.abs(days - nearest) <= 1e-9 * Math.max(1, Math.abs(days)) ? nearest : days;
}

export function rolloutStartDay(rollout: ast.Rollout | undefined): { day?: number; milestone?: ast.Milestone } {
    const starts = rollout?.starts;
    if (!starts) {
        return {};
    }
    if (starts.date !== undefined) {
        return { day: dayOf(starts.date) };
    }
    const milestone = starts.milestone?.ref;
    return { day: dayOf(milestone?.due), milestone };
}

/** The schedule of a rollout, with `meanRate` (req/s) for the requests each stage sees. */
export function rolloutSchedule(rollout: ast.Rollout, meanRate: number | undefined): RolloutSchedule {
    const { day: startDay, milestone } = rolloutStartDay(rollout);
    // Past an endless duration no date is known (counting it as 0 would date the rest too early);
    // the largest number stands for its length, so that no figure is ever Infinity.
    const endlessShadow = endless(rollout.shadow);
    const shadowSeconds = endlessShadow ? Number.MAX_VALUE : seconds(rollout.shadow) ?? 0;
    let elapsed = shadowSeconds;
    let dated = endlessShadow ? undefined : startDay;
    const stages: StageFigures[] = [];
    for (const stage of rollout.stages ?? []) {
        const traffic = measureOf(stage.traffic);
        const share = traffic && traffic.unit.dimension === 'fraction' ? toBase(traffic) : undefined;
        const duration = seconds(stage.duration);
        const requests = meanRate !== undefined && share !== undefined && duration !== undefined
            ? finite(meanRate * share * duration)
            : undefined;
        const begins = dayAfter(dated, elapsed);
        elapsed += duration ?? 0;
        if (endless(stage.duration) || !Number.isFinite(elapsed)) {
            elapsed = Number.MAX_VALUE;
            dated = undefined;
        }
        stages.push({ stage, share, seconds: duration, requests, startDay: begins, endDay: dayAfter(dated, elapsed) });
    }
    return { startDay, milestone, shadowSeconds, stages, seconds: elapsed, endDay: dayAfter(dated, elapsed) };
}

function finite(n: number): number | undefined {
    return Number.isFinite(n) ? n : undefined;
}

/** LANGUAGE.md 4.3: `hourly` 1 h, `daily` 1 d, `weekly` 7 d, `monthly` 30 d; `once` never (undefined). */
export function refreshSeconds(refresh: string | undefined): number | undefined {
    switch (refresh) {
        case 'hourly': return 3600;
        case 'daily': return SECONDS_PER_DAY;
        case 'weekly': return 7 * SECONDS_PER_DAY;
        case 'monthly': return DAYS_PER_MONTH * SECONDS_PER_DAY;
        default: return undefined;
    }
}

const ROWS_PER_DAY = lookupUnit('rows/day')!;

export interface LabelingFigures {
    readonly dataset: ast.Dataset;
    /** `size` in rows. */
    readonly rows?: number;
    /** The labeling `rate`, in rows per day. */
    readonly rowsPerDay?: number;
    /** rows ÷ rate, in days. */
    readonly days?: number;
    /** The labeling `cost` per row and its currency. */
    readonly costPerRow?: number;
    readonly currency?: string;
    /** rows × cost per row. */
    readonly cost?: number;
    /** The plan `start` + `days`: the day the last row is labeled. */
    readonly endDay?: number;
}

export function datasetRows(dataset: ast.Dataset): number | undefined {
    const size = measureOf(dataset.size);
    return size && (size.unit.dimension === 'size' || size.unit.symbol === '') && size.value >= 0 ? size.value : undefined;
}

/** How long labeling a dataset takes and what it costs, counted from `planStart` (a day number). */
export function labelingFigures(dataset: ast.Dataset, planStart: number | undefined): LabelingFigures {
    const rows = datasetRows(dataset);
    const rateMeasure = measureOf(dataset.effort?.rate);
    const rowsPerDay = rateMeasure ? convert(rateMeasure, ROWS_PER_DAY) : undefined;
    const days = rows !== undefined && rowsPerDay !== undefined && rowsPerDay > 0 ? finite(rows / rowsPerDay) : undefined;
    const price = measureOf(dataset.effort?.cost);
    const perRow = price?.unit.dimension === 'money-per-row' ? price : undefined;
    const cost = rows !== undefined && perRow ? finite(rows * perRow.value) : undefined;
    return {
        dataset,
        rows,
        rowsPerDay,
        days,
        costPerRow: perRow?.value,
        currency: perRow?.unit.currency,
        cost,
        endDay: days !== undefined ? dayAfter(planStart, days * SECONDS_PER_DAY) : undefined,
    };
}

export interface ServingMonths {
    readonly months: number;
    /** Where the count starts: the rollout start, else the plan start; undefined when a date is missing (12 months). */
    readonly fromDay?: number;
    readonly from?: 'rollout start' | 'plan start';
    readonly deadlineDay?: number;
}

/**
 * Months of serving: from the rollout start (else the plan `start`) to the `deadline`, in 30-day
 * months rounded up, at least 1; 12 when a date is missing.
 */
export function servingMonths(rolloutStart: number | undefined, planStart: number | undefined, deadline: number | undefined): ServingMonths {
    const fromDay = rolloutStart ?? planStart;
    const from = rolloutStart !== undefined ? 'rollout start' : planStart !== undefined ? 'plan start' : undefined;
    if (fromDay === undefined || deadline === undefined) {
        return { months: 12, fromDay, from, deadlineDay: deadline };
    }
    const months = Math.max(1, Math.ceil((deadline - fromDay) / DAYS_PER_MONTH));
    return { months, fromDay, from, deadlineDay: deadline };
}
