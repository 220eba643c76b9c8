import { compareDates, dateOfDay, dayNumber, formatDate, parseDate } from '../model/dates.js';
import type { PlanExport } from './export-model.js';

/** One milestone on the calendar. */
export interface ChartItem {
    readonly name: string;
    /** A bar from the latest due date among the milestones it comes `after` to its own due date... */
    readonly start: string;
    readonly end: string;
    /** ...or a single point when it has no dated predecessor (or is due before one, see milestone-order). */
    readonly point: boolean;
    /** Due after the plan's deadline (past-deadline). */
    readonly late: boolean;
}

/** The rollout's shadow period or one of its stages with a `for`, once the rollout start is known. */
export interface RolloutBar {
    /** `Shadow period`, `Stage 1 (1 %)`. */
    readonly name: string;
    /** `shadow`, `stage1`: a Gantt id of our own. */
    readonly id: string;
    readonly start: string;
    /** The day it ends; the same as `start` for a period shorter than a day. */
    readonly end: string;
    /** Ends after the plan's deadline (rollout-past-deadline). */
    readonly late: boolean;
}

export interface MilestoneChart {
    readonly items: readonly ChartItem[];
    /** The rollout after its start, in order: the shadow period, then the stages that have a duration. */
    readonly rollout: readonly RolloutBar[];
    /** The plan deadline, drawn as its own marker; null when absent or not a date. */
    readonly deadline: string | null;
    /** Milestones that cannot be placed (no due date, or not a calendar date). */
    readonly unplaced: readonly string[];
    /** First and last day shown, for scaled renderings; null when nothing is placed. */
    readonly range: { readonly first: string; readonly last: string; readonly days: number } | null;
}

/**
 * Places the milestones on a calendar, shared by the Mermaid Gantt chart and the HTML timeline.
 * Only dates written in the plan are used: a milestone spans from its predecessors' latest due
 * date to its own, otherwise it is a point on its due date. The rollout follows when its start is
 * known: its shadow period and its stages as bars.
 */
export function milestoneChart(model: PlanExport): MilestoneChart {
    const due = new Map(model.milestones.flatMap(m => (m.due && parseDate(m.due) ? [[m.name, m.due] as const] : [])));
    const deadline = model.deadline && parseDate(model.deadline) ? model.deadline : null;
    const items: ChartItem[] = [];
    const unplaced: string[] = [];
    for (const milestone of model.milestones) {
        const end = due.get(milestone.name);
        if (!end) {
            unplaced.push(milestone.name);
            continue;
        }
        const starts = milestone.after.map(a => due.get(a.name)).filter((d): d is string => d !== undefined).sort();
        const start = starts[starts.length - 1];
        const bar = start !== undefined && compareDates(parseDate(start)!, parseDate(end)!) < 0;
        items.push({
            name: milestone.name,
            start: bar ? start : end,
            end,
            point: !bar,
            late: deadline !== null && compareDates(parseDate(end)!, parseDate(deadline)!) > 0,
        });
    }
    const rollout = rolloutBars(model, deadline);
    const placed = [...items, ...rollout];
    const dates = [...placed.flatMap(i => [i.start, i.end]), ...(deadline && placed.length > 0 ? [deadline] : [])].sort();
    const range = dates.length > 0
        ? { first: dates[0], last: dates[dates.length - 1], days: daysBetween(dates[0], dates[dates.length - 1]) }
        : null;
    return { items, rollout, deadline, unplaced, range };
}

/**
 * The rollout's calendar as the export model gives it (model/schedule.ts computed it): nothing
 * when its start is unknown, and only spans that last (a stage without `for` has no end to draw).
 */
function rolloutBars(model: PlanExport, deadline: string | null): RolloutBar[] {
    const rollout = model.rollout;
    if (!rollout || !rollout.startDate || !parseDate(rollout.startDate)) {
        return [];
    }
    const spans: Array<{ name: string; id: string; start: string | null; end: string | null }> = [];
    if (rollout.shadow) {
        spans.push({ name: 'Shadow period', id: 'shadow', start: rollout.startDate, end: rollout.shadowEndDate });
    }
    for (const stage of rollout.stages) {
        if (stage.duration) {
            const traffic = stage.traffic ? ` (${stage.traffic.text})` : '';
            spans.push({ name: `Stage ${stage.index}${traffic}`, id: `stage${stage.index}`, start: stage.startDate, end: stage.endDate });
        }
    }
    return spans.flatMap(span => {
        const start = span.start ? parseDate(span.start) : undefined;
        const end = span.end ? parseDate(span.end) : undefined;
        if (!start || !end || compareDates(end, start) < 0) {
            return [];
        }
        const late = deadline !== null && compareDates(end, parseDate(deadline)!) > 0;
        return [{ name: span.name, id: span.id, start: span.start!, end: span.end!, late }];
    });
}

/** Whole days from `a` to `b` (both valid `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
    return dayNumber(parseDate(b)!) - dayNumber(parseDate(a)!);
}

/**
 * How the chart's date axis is labelled, chosen from its span so that labels do not run into
 * each other: days or weeks as `MM-DD` up to about two months, months as `YYYY-MM` up to a year,
 * quarters up to three years, then years (one every few years so that about ten are shown).
 */
export interface ChartAxis {
    /** Mermaid's `axisFormat` (d3 time format). */
    readonly axisFormat: '%m-%d' | '%Y-%m' | '%Y';
    /** Mermaid's `tickInterval` (Mermaid accepts day, week and month units, not years). */
    readonly tickInterval: string;
    readonly unit: 'day' | 'week' | 'month';
    readonly every: number;
}

export function chartAxis(days: number): ChartAxis {
    if (days <= 14) {
        return { axisFormat: '%m-%d', tickInterval: '1day', unit: 'day', every: 1 };
    }
    if (days <= 62) {
        return { axisFormat: '%m-%d', tickInterval: '1week', unit: 'week', every: 1 };
    }
    if (days <= 366) {
        return { axisFormat: '%Y-%m', tickInterval: '1month', unit: 'month', every: 1 };
    }
    if (days <= 3 * 366) {
        return { axisFormat: '%Y-%m', tickInterval: '3month', unit: 'month', every: 3 };
    }
    const every = 12 * Math.max(1, Math.ceil(days / 365.25 / 10));
    return { axisFormat: '%Y', tickInterval: `${every}month`, unit: 'month', every };
}

/** One label under the HTML timeline: its date, its text and where it sits (percent of the track). */
export interface AxisTick {
    readonly date: string;
    readonly label: string;
    readonly at: number;
}

/** The least distance between two labels of the HTML timeline, in percent of the track (at most six labels). */
export const AXIS_LABEL_GAP = 20;

/**
 * The labels under the HTML timeline: the axis's ticks (Mondays for weeks, the first of a month,
 * quarter or year) that fall within the range, in the axis format, thinned from the left so that
 * no two are closer than AXIS_LABEL_GAP. A range without any tick shows its first day.
 */
export function axisTicks(range: NonNullable<MilestoneChart['range']>): AxisTick[] {
    const axis = chartAxis(range.days);
    const first = dayNumber(parseDate(range.first)!);
    const last = first + range.days;
    const label = (day: number) => {
        const text = formatDate(dateOfDay(day)!);
        return axis.axisFormat === '%m-%d' ? text.slice(5) : axis.axisFormat === '%Y-%m' ? text.slice(0, 7) : text.slice(0, 4);
    };
    const candidates: number[] = [];
    if (axis.unit === 'day') {
        for (let day = first; day <= last; day++) {
            candidates.push(day);
        }
    } else if (axis.unit === 'week') {
        // 1970-01-01 (day 0) was a Thursday: Mondays are the days ≡ 4 (mod 7).
        for (let day = first + ((((4 - first) % 7) + 7) % 7); day <= last; day += 7) {
            candidates.push(day);
        }
    } else {
        const start = dateOfDay(first)!;
        // Months counted from year 0, aligned to the interval (quarters start in January, April...).
        let month = start.year * 12 + (start.month - 1);
        month += (axis.every - (((month % axis.every) + axis.every) % axis.every)) % axis.every;
        if (month === start.year * 12 + (start.month - 1) && start.day !== 1) {
            month += axis.every;
        }
        for (; ; month += axis.every) {
            const day = dayNumber({ year: Math.floor(month / 12), month: (month % 12) + 1, day: 1 });
            if (day > last) {
                break;
            }
            candidates.push(day);
        }
    }
    const at = (day: number) => (range.days === 0 ? 0 : ((day - first) / range.days) * 100);
    const ticks: AxisTick[] = [];
    for (const day of candidates.length > 0 ? candidates : [first]) {
        if (ticks.length === 0 || at(day) - ticks[ticks.length - 1].at >= AXIS_LABEL_GAP) {
            ticks.push({ date: formatDate(dateOfDay(day)!), label: label(day), at: at(day) });
        }
    }
    return ticks;
}
