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
