/**
 * How long a rollout stage must last to see a number of requests: the fix of
 * `rollout-stage-underpowered`. Whole hours under two days, whole days beyond (the grain a
 * rollout calendar is planned in).
 */
import { SECONDS_PER_DAY } from '../../model/units.js';

const HOUR = 3600;
const HOURS_THRESHOLD = 48;
/** Past ten years a longer stage is no remedy (more traffic, or another condition, is): no fix. */
const LONGEST_DAYS = 3650;

export interface StageLength {
    /** `20 h`, `3 d`: what the fix writes. */
    readonly text: string;
    readonly seconds: number;
    /** The requests a stage of that length sees. */
    readonly requests: number;
}

/**
 * The shortest whole-hour (under 48 h) or whole-day duration at which `requestsPerSecond` adds up to
 * `needed` requests; undefined when no sensible duration does (no traffic, absurd figures), or when
 * it would not be longer than `currentSeconds`.
 */
export function stageLengthFor(needed: number, requestsPerSecond: number, currentSeconds: number | undefined): StageLength | undefined {
    if (!(requestsPerSecond > 0) || !(needed > 0) || !Number.isFinite(needed)) {
        return undefined;
    }
    const seconds = needed / requestsPerSecond;
    if (!Number.isFinite(seconds)) {
        return undefined;
    }
    const hours = wholeAbove(seconds / HOUR);
    const length = hours !== undefined && hours < HOURS_THRESHOLD
        ? { count: hours, unit: 'h', size: HOUR }
        : { count: wholeAbove(seconds / SECONDS_PER_DAY), unit: 'd', size: SECONDS_PER_DAY };
    if (length.count === undefined || length.count < 1 || (length.unit === 'd' && length.count > LONGEST_DAYS)) {
        return undefined;
    }
    const total = length.count * length.size;
    if (currentSeconds !== undefined && total <= currentSeconds) {
        return undefined;
    }
    return { text: `${length.count} ${length.unit}`, seconds: total, requests: requestsPerSecond * total };
}

/** The smallest whole number at or above `x`, where a value within float noise of a whole number is that number. */
function wholeAbove(x: number): number | undefined {
    const nearest = Math.round(x);
    const whole = Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
    return Number.isSafeInteger(whole) ? whole : undefined;
}
