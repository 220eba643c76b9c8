import { compareDates, dayNumber, parseDate } from '../model/dates.js';
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

export interface MilestoneChart {
    readonly items: readonly ChartItem[];
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
 * date to its own, otherwise it is a point on its due date.
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
    const dates = [...items.flatMap(i => [i.start, i.end]), ...(deadline && items.length > 0 ? [deadline] : [])].sort();
    const range = dates.length > 0
        ? { first: dates[0], last: dates[dates.length - 1], days: daysBetween(dates[0], dates[dates.length - 1]) }
        : null;
    return { items, deadline, unplaced, range };
}

/** Whole days from `a` to `b` (both valid `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
    return dayNumber(parseDate(b)!) - dayNumber(parseDate(a)!);
}
