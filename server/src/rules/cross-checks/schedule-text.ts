/**
 * How the schedule and money cross-checks word their figures: a rollout's calendar, a count of
 * months, an amount in a currency. Formatting only: every figure comes from the plan's figures.
 */
import { formatDay } from '../../model/dates.js';
import type { RolloutSchedule, ServingMonths } from '../../model/schedule.js';
import { SECONDS_PER_DAY, formatDuration, formatValue } from '../../model/units.js';

/**
 * "the rollout starts 2026-08-15 (due date of `Shadow`) and, with 2 w of shadow and 5 d of
 * stages, ends 2026-09-03". Undefined unless both ends of the rollout are known.
 */
export function rolloutStory(schedule: RolloutSchedule): string | undefined {
    const { startDay, endDay, milestone, shadowSeconds } = schedule;
    if (startDay === undefined || endDay === undefined) {
        return undefined;
    }
    const source = milestone ? ` (due date of \`${milestone.name}\`)` : '';
    const stageSeconds = schedule.seconds - shadowSeconds;
    const spans = [
        shadowSeconds > 0 ? `${formatDuration(shadowSeconds)} of shadow` : undefined,
        stageSeconds > 0 ? `${formatDuration(stageSeconds)} of stages` : undefined,
    ].filter((span): span is string => span !== undefined);
    const starts = `the rollout starts ${formatDay(startDay)}${source}`;
    return spans.length > 0
        ? `${starts} and, with ${spans.join(' and ')}, ends ${formatDay(endDay)}`
        : `${starts} and ends the same day (no shadow, no stage duration)`;
}

/** `later` − `earlier` whole days as a duration: `2 d`, `1 w`. */
export function daysBetween(earlier: number, later: number): string {
    return formatDuration((later - earlier) * SECONDS_PER_DAY);
}

/** "9 months (rollout start 2026-01-15 to deadline 2026-09-30)", "12 months (no deadline)". */
export function monthsText(months: ServingMonths): string {
    const count = `${formatValue(months.months, '')} ${months.months === 1 ? 'month' : 'months'}`;
    const { fromDay, from, deadlineDay } = months;
    if (fromDay === undefined || deadlineDay === undefined) {
        const missing = [fromDay === undefined ? 'start' : undefined, deadlineDay === undefined ? 'deadline' : undefined]
            .filter(word => word !== undefined)
            .join(' or ');
        return `${count} (no ${missing})`;
    }
    const atLeastOne = deadlineDay <= fromDay ? ', at least 1' : '';
    return `${count} (${from} ${formatDay(fromDay)} to deadline ${formatDay(deadlineDay)}${atLeastOne})`;
}

/** `10,000 USD`. */
export function money(amount: number, currency: string): string {
    return formatValue(amount, currency);
}
