/**
 * Which of two bounds on the same metric is looser. A plan states bounds in two readings:
 * - a *requirement* (`kpi`, `success`, slo `indicator`) says what must hold: `latency_p99 <= 150 ms`
 *   caps the metric, `auc >= 0.78` floors it;
 * - a *trigger* (`alert`, `rollback when`) says when to act: `error_rate > 1 %` fires above 1 %, so
 *   it too caps what is tolerated, and `success_rate < 99 %` floors it.
 * Both come down to a side (an upper or a lower limit on what is tolerated) and a value; of two
 * limits on the same side, the looser tolerates more. `=` sets no side and compares with nothing.
 * Values only are compared, in base units: `< 150 ms` and `<= 150 ms` are equally loose, since
 * LANGUAGE.md 4.3's comparisons never hold on equality.
 */
import { compareMeasures, type Measure } from './units.js';

export type BoundSide = 'upper' | 'lower';

/** A limit on what a metric may be: its side and its value. */
export interface SidedBound {
    readonly side: BoundSide;
    readonly value: Measure;
}

/** The limit a requirement sets: `<`/`<=` an upper one, `>`/`>=` a lower one, `=` none. */
export function requirementSide(op: string | undefined): BoundSide | undefined {
    return op === '<' || op === '<=' ? 'upper' : op === '>' || op === '>=' ? 'lower' : undefined;
}

/** The limit a trigger sets: `>`/`>=` fires above, so it caps the metric; `<`/`<=` floors it. */
export function triggerSide(op: string | undefined): BoundSide | undefined {
    return op === '>' || op === '>=' ? 'upper' : op === '<' || op === '<=' ? 'lower' : undefined;
}

export function requirement(op: string | undefined, value: Measure | undefined): SidedBound | undefined {
    const side = requirementSide(op);
    return side && value ? { side, value } : undefined;
}

export function trigger(op: string | undefined, value: Measure | undefined): SidedBound | undefined {
    const side = triggerSide(op);
    return side && value ? { side, value } : undefined;
}

/**
 * Positive when `a` is looser than `b` (tolerates more), negative when tighter, zero when equal
 * (float noise of unit conversions included); undefined when they limit opposite sides or their
 * units cannot be compared. The magnitude is the difference in base units.
 */
export function looseness(a: SidedBound, b: SidedBound): number | undefined {
    if (a.side !== b.side) {
        return undefined;
    }
    const difference = compareMeasures(a.value, b.value);
    return difference === undefined ? undefined : a.side === 'upper' ? difference : -difference;
}

/** True when `a` is strictly looser than `b`. */
export function isLooser(a: SidedBound, b: SidedBound): boolean {
    return (looseness(a, b) ?? 0) > 0;
}

/** The tightest of `items` by `boundOf` (the first of equals); undefined for none. An item whose
 *  bound cannot be compared with the tightest so far never displaces it. */
export function tightest<T>(items: readonly T[], boundOf: (item: T) => SidedBound): T | undefined {
    let best: T | undefined;
    for (const item of items) {
        if (best === undefined || (looseness(boundOf(item), boundOf(best)) ?? 0) < 0) {
            best = item;
        }
    }
    return best;
}
