import * as ast from '../../generated/ast.js';
import { measureOf, metricUnit } from '../../model/derived.js';
import { formatNumber, formatPercent, toBase } from '../../model/units.js';
import { boundMeasure } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundAsWritten, replaceValueOf, written } from './production-helpers.js';
import { stageLengthFor } from './production-stage-length.js';

/** Events expected at a `%` threshold for a rate to be told from noise; requests for anything else. */
const EVENTS_NEEDED = 10;
const REQUESTS_NEEDED = 100;

/** What judging one rollback condition takes. */
interface ConditionNeed {
    readonly condition: ast.RollbackCondition;
    /** The threshold as a ratio, for a condition on a `%` metric. */
    readonly ratio?: number;
    /** Requests a stage must see to judge it. */
    readonly requests: number;
}

/**
 * A `%` condition is judged by the events counted at its threshold (requests × t), anything else
 * by the requests themselves. A `%` threshold of 0 or less has no expected count to reach (any
 * single event decides it; a negative one is `percent-out-of-range`), so it is left out.
 */
function needOf(condition: ast.RollbackCondition): ConditionNeed | undefined {
    const metric = condition.metric?.ref;
    if (!metric) {
        return undefined;
    }
    if (metricUnit(metric)?.symbol !== '%') {
        return { condition, requests: REQUESTS_NEEDED };
    }
    const threshold = boundMeasure(condition);
    const ratio = threshold ? toBase(threshold) : undefined;
    return ratio !== undefined && ratio > 0 ? { condition, ratio, requests: EVENTS_NEEDED / ratio } : undefined;
}

/** `a < b` beyond the float noise of unit conversions (equality never fires). */
function clearlyBelow(a: number, b: number): boolean {
    return a < b && b - a > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function judged(need: ConditionNeed, requests: number): boolean {
    return need.ratio !== undefined ? !clearlyBelow(requests * need.ratio, EVENTS_NEEDED) : !clearlyBelow(requests, REQUESTS_NEEDED);
}

/**
 * A figure below a threshold, cut rather than rounded at the precision `formatNumber` shows, so
 * that it never reads as the threshold it falls short of: 99.6 requests are "99", not "100", and
 * 9.996 errors "9.99". Counts of 10 or more are whole.
 */
function shortOf(x: number): string {
    if (!(x > 0) || !Number.isFinite(x)) {
        return formatNumber(Number.isFinite(x) ? Math.max(x, 0) : 0);
    }
    const decimals = x >= 10 ? 0 : x >= 1 ? 2 : 2 - Math.floor(Math.log10(x));
    const scale = 10 ** decimals;
    return formatNumber(Number.isFinite(scale) ? Math.floor(x * scale) / scale : x);
}

/**
 * Each stage with a `for` against each `rollback when` condition, with the requests the plan's
 * schedule gives the stage (model/schedule.ts; none without a `volume`). One finding per stage,
 * naming every condition it cannot judge.
 */
export const rolloutStageUnderpowered: Rule = {
    code: 'rollout-stage-underpowered',
    category: 'cross-check',
    severity: 'warning',
    title: 'each timed rollout stage sees enough traffic to judge its rollback conditions',
    why: 'A canary stage exists to decide, on real traffic, whether to go on or roll back. A rate such as an error rate can only be told apart from noise once a handful of the events it counts have happened, about ten at the threshold, and a latency or quality metric needs on the order of a hundred requests before its reading means anything. A stage too small or too short for that passes or fails by chance, so the rollback condition protects nothing. Lengthening the stage, or giving it more traffic, is the usual remedy.',
    check({ facts, report }) {
        const meanRate = facts.serving ? facts.figures.serving(facts.serving).meanRate : undefined;
        const volume = measureOf(facts.serving?.volume);
        for (const rollout of facts.rollouts) {
            const needs = (rollout.rollback?.conditions ?? []).map(needOf).filter((n): n is ConditionNeed => n !== undefined);
            if (needs.length === 0 || meanRate === undefined || !volume) {
                continue;
            }
            for (const figures of facts.figures.rolloutSchedule(rollout).stages) {
                const { stage, requests, share } = figures;
                const traffic = measureOf(stage.traffic);
                const duration = measureOf(stage.duration);
                const unmet = requests !== undefined ? needs.filter(need => !judged(need, requests)) : [];
                if (requests === undefined || share === undefined || !traffic || !duration || unmet.length === 0) {
                    continue;
                }
                const length = stageLengthFor(Math.max(...needs.map(n => n.requests)), meanRate * share, figures.seconds);
                const clauses = unmet.map(need => need.ratio !== undefined
                    ? `at ${boundAsWritten(need.condition)} that is ${shortOf(requests * need.ratio)} expected ${expected(need.condition)}`
                    : `for ${boundAsWritten(need.condition)} that is fewer than ${REQUESTS_NEEDED} requests`);
                const longer = length ? `; a stage of ${length.text} would see about ${formatNumber(Math.round(length.requests))} requests` : '';
                report({
                    node: stage,
                    message: `stage ${written(traffic)} for ${written(duration)} sees about ${shortOf(requests)} requests (${written(volume)} × ${formatPercent(share)} × ${written(duration)}): ${clauses.join('; ')}, too few to decide a rollback${longer}`,
                    data: length ? { replacement: length.text, requests: formatNumber(Math.round(length.requests)) } : undefined,
                });
            }
        }
    },
    fix: context => replaceValueOf(context, ast.isRolloutStage, stage => stage.duration, context.data.replacement,
        `Lengthen the stage to ${String(context.data.replacement)} (about ${String(context.data.requests)} requests)`),
};

/** What a threshold counts: errors for a condition that fires above it, events otherwise. */
function expected(condition: ast.RollbackCondition): string {
    return condition.op === '>' || condition.op === '>=' ? 'errors' : 'events';
}
