import type * as ast from '../../generated/ast.js';
import { requirement, tightest, type SidedBound } from '../../model/bounds.js';
import { measureOf, metricUnit } from '../../model/derived.js';
import { compareMeasures, convert, formatValue, type Measure } from '../../model/units.js';
import { boundMeasure, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundAsWritten, inUnitOf, servedModels, written } from './production-helpers.js';

interface TimeSlo {
    readonly slo: ast.Slo;
    readonly bound: SidedBound;
}

/** The slos that cap a time-valued metric (`indicator latency_p99 <= 150 ms`), with their bound. */
function latencyCaps(slos: readonly ast.Slo[]): TimeSlo[] {
    const caps: TimeSlo[] = [];
    for (const slo of slos) {
        const indicator = slo.indicator;
        const bound = indicator && metricUnit(indicator.metric?.ref)?.dimension === 'time'
            ? requirement(indicator.op, boundMeasure(indicator))
            : undefined;
        if (slo.indicator && bound?.side === 'upper') {
            caps.push({ slo, bound });
        }
    }
    return caps;
}

/**
 * The served model's own inference time against every latency slo: once per model, against the
 * tightest slo it breaks (naming how many others it breaks too).
 */
export const inferenceOverSlo: Rule = {
    code: 'inference-over-slo',
    category: 'cross-check',
    severity: 'error',
    title: 'the served model\'s inference time fits within every latency SLO',
    why: 'A latency objective covers the whole request: network, feature lookups, queueing, serialisation and the model itself. When the model alone already takes longer than the objective allows, no amount of engineering around it can meet the SLO, and the error budget is spent from the first request. Latency budgets are split among the parts of the request path during design; a model over the total means a smaller model, faster hardware or a different objective.',
    check({ facts, report }) {
        const caps = latencyCaps(facts.visible.slos);
        if (caps.length === 0) {
            return;
        }
        for (const { model } of servedModels(facts)) {
            const latency = measureOf(model.latency);
            if (!latency || latency.unit.dimension !== 'time') {
                continue;
            }
            const broken = caps.filter(cap => (compareMeasures(latency, cap.bound.value) ?? 0) > 0);
            const worst = tightest(broken, cap => cap.bound);
            if (!worst) {
                continue;
            }
            const limit = worst.bound.value;
            const others = broken.length > 1 ? `; ${broken.length - 1} other latency slo${broken.length > 2 ? 's are' : ' is'} broken too` : '';
            report({
                node: model,
                property: 'latency',
                message: `model ${quoted(model.name)} takes ${inUnitOf(latency, limit)} per request, more than slo ${quoted(worst.slo.name)} allows (${boundAsWritten(worst.slo.indicator!, true)}): ${overBy(latency, limit)} before the network, feature lookups and queueing add theirs${others}`,
            });
        }
    },
};

/** `200 ms − 150 ms = 50 ms over`, in the limit's unit. */
function overBy(latency: Measure, limit: Measure): string {
    const converted = convert(latency, limit.unit);
    const excess = converted !== undefined ? converted - limit.value : undefined;
    if (converted === undefined || excess === undefined || !Number.isFinite(excess)) {
        return 'over the limit';
    }
    const symbol = limit.unit.symbol;
    const minuend = latency.unit === limit.unit ? written(latency) : formatValue(converted, symbol);
    return `${minuend} − ${written(limit)} = ${formatValue(excess, symbol)} over`;
}
