import { measureOf } from '../../model/derived.js';
import {
    compareMeasures, convert, formatNumber, formatValue, formatWrittenNumber, lookupUnit, measure, type Measure, type UnitInfo,
} from '../../model/units.js';
import type { Rule } from '../rule.js';
import { formatApart, replaceDiagnosticText, written, writtenQuantity } from './production-helpers.js';

const REQ_PER_S = lookupUnit('req/s')!;

/**
 * `replicas` × `capacity` against the load serving must absorb: the `peak`, else the mean rate of
 * `volume` (model/derived.ts's `servingCapacity` computes both). The figures are shown in the unit
 * the demand is compared in: the peak's as written, else the capacity's.
 */
export const capacityBelowPeak: Rule = {
    code: 'capacity-below-peak',
    category: 'cross-check',
    severity: 'error',
    title: 'the replicas together absorb the peak load (else the mean rate)',
    why: 'Capacity planning multiplies what one replica sustains by the number of replicas and compares the product with the busiest traffic the service must take. When the product falls short, requests queue, time out or are shed exactly when most users are watching, whatever the model\'s quality. The shortfall is plain arithmetic, so it belongs in the plan review rather than in the first incident report; autoscaling only helps if its ceiling is above the peak too.',
    check({ facts, report }) {
        for (const serving of facts.servings) {
            const capacity = facts.figures.serving(serving).capacity;
            const perReplica = measureOf(serving.capacity);
            const total = capacity && measure(capacity.total, 'req/s');
            const demand = capacity?.demand !== undefined ? measure(capacity.demand, 'req/s') : undefined;
            if (!capacity || !perReplica || !total || !demand || (compareMeasures(total, demand) ?? 0) >= 0) {
                continue;
            }
            const peak = capacity.demandFrom === 'peak' ? measureOf(serving.peak) : undefined;
            const volume = measureOf(serving.volume);
            // The peak's unit as written; against a mean rate, the capacity's.
            const shownIn = peak?.unit ?? perReplica.unit;
            const unit = finiteIn(total, shownIn) !== undefined && finiteIn(demand, shownIn) !== undefined ? shownIn : REQ_PER_S;
            const [totalText, demandText] = formatApart(finiteIn(total, unit)!, finiteIn(demand, unit)!);
            const each = perReplica.unit === unit ? written(perReplica) : `${written(perReplica)} (${inUnit(capacity.perReplica, unit)})`;
            const load = peak
                ? `the peak of ${written(peak)}`
                : `the mean rate of ${demandText} ${unit.symbol} implied by \`volume ${volume ? written(volume) : '?'}\` (serving gives no \`peak\`)`;
            const needed = replicasNeeded(capacity.demand!, capacity.perReplica);
            const advice = needed !== undefined ? `: at least ${formatNumber(needed)} replicas are needed` : '';
            report({
                node: serving,
                property: 'replicas',
                message: `${formatWrittenNumber(capacity.replicas)} ${capacity.replicas === 1 ? 'replica' : 'replicas'} × ${each} = ${totalText} ${unit.symbol}, below ${load}${advice}`,
                data: needed !== undefined ? { written: writtenQuantity(serving.replicas), replicas: String(needed) } : undefined,
            });
        }
    },
    fix: context => replaceDiagnosticText(context, context.data.written, context.data.replicas, `Raise replicas to ${String(context.data.replicas)}`),
};

/** A rate in `unit`, when it is a number there. */
function finiteIn(rate: Measure, unit: UnitInfo): number | undefined {
    const value = convert(rate, unit);
    return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** A rate in req/s, shown in `unit`. */
function inUnit(reqPerSecond: number, unit: UnitInfo): string {
    const value = convert({ value: reqPerSecond, unit: REQ_PER_S }, unit);
    return value !== undefined && Number.isFinite(value) ? formatValue(value, unit.symbol) : formatValue(reqPerSecond, 'req/s');
}

/**
 * The fewest whole replicas that reach `demand`; undefined when that is no sensible count (a zero
 * capacity, or more replicas than a number can hold exactly). A ratio within float noise of a
 * whole number is that number: 12,000 req/min over 40 req/s is 5, not 6.
 */
function replicasNeeded(demand: number, perReplica: number): number | undefined {
    if (!(perReplica > 0)) {
        return undefined;
    }
    const ratio = demand / perReplica;
    const nearest = Math.round(ratio);
    const needed = Math.abs(ratio - nearest) <= 1e-9 * Math.max(1, ratio) ? nearest : Math.ceil(ratio);
    return Number.isSafeInteger(needed) && needed >= 1 ? needed : undefined;
}
