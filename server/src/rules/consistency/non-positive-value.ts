import { GrammarUtils } from 'langium';
import { measureOf } from '../../model/derived.js';
import type { PropertyUnits } from '../../model/property-units.js';
import { formatWrittenNumber, formatWrittenValue, type Measure } from '../../model/units.js';
import { quantityAt } from '../fixes/replace.js';
import type { Rule } from '../rule.js';
import { accepts, propertyQuantities } from './value-helpers.js';

/**
 * The properties PROPERTY_UNITS marks `positive` (a capacity, a labeling rate, a replica count, a
 * latency), written in a unit they accept and not above zero. A wrong unit is `unit-mismatch`'s
 * finding, not this one. A property that takes only a plain number is a count, so it must also be
 * whole: `replicas 2.5` is reported too, with its own message, and the fix rounds it up.
 */
export const nonPositiveValue: Rule = {
    code: 'non-positive-value',
    category: 'consistency',
    severity: 'error',
    title: 'capacities, labeling rates, replica counts and latencies are above zero (counts whole)',
    why: 'A throughput, a labeling rate, a number of replicas or an inference time of zero or less does not describe anything that can run; it is nearly always a typo, a sign slipped in, or a value not yet known written as 0. Every figure derived from it is then meaningless: capacity checks divide by it, labeling schedules never end, latency budgets look free. Stopping at the value itself gives the author a precise place to fix, instead of a misleading finding further on.',
    check({ facts, report }) {
        for (const { owner, property, quantity, spec } of propertyQuantities(facts)) {
            const value = measureOf(quantity);
            if (!spec.positive || !value || !accepts(spec, value.unit)) {
                continue;
            }
            const count = isCount(spec);
            if (value.value > 0 && (!count || Number.isInteger(value.value))) {
                continue;
            }
            report({
                node: owner,
                property,
                message: value.value > 0 ? fractionalMessage(spec, value) : nonPositiveMessage(spec, value),
                ...(value.value > 0 ? { data: { roundUp: Math.ceil(value.value) } } : {}),
            });
        }
    },
    // Only a fractional count has a mechanical fix: the next whole number keeps at least the capacity written.
    fix(context) {
        const quantity = quantityAt(context);
        const roundUp = context.data.roundUp;
        const number = GrammarUtils.findNodeForProperty(quantity?.$cstNode, 'value');
        if (typeof roundUp !== 'number' || !Number.isSafeInteger(roundUp) || !number) {
            return [];
        }
        return context.edits().replace(number.range, String(roundUp)).result(`Round up to \`${roundUp}\``, true);
    },
};

/** A property holding a plain number only: a count of things. */
function isCount(spec: PropertyUnits): boolean {
    return spec.accepts.length === 1 && spec.accepts[0] === 'plain';
}

function nonPositiveMessage(spec: PropertyUnits, value: Measure): string {
    const meaning = spec.positive;
    const written = formatWrittenValue(value.value, value.unit.symbol);
    const floor = isCount(spec) ? 'at least 1' : 'above zero';
    if (value.value < 0) {
        return `${spec.label} is ${written}: it cannot be negative; ${meaning?.give ?? 'give its value'} (${floor})`;
    }
    return `${spec.label} is ${written}: ${meaning?.zero ?? 'a value of zero means nothing here'}; ${meaning?.give ?? 'give its value'} (${floor})`;
}

function fractionalMessage(spec: PropertyUnits, value: Measure): string {
    const below = Math.floor(value.value);
    const advice = below >= 1 ? `write ${formatWrittenNumber(below)} or ${formatWrittenNumber(below + 1)}` : 'write 1';
    return `${spec.label} is ${formatWrittenNumber(value.value)}: a count is a whole number (at least 1); ${advice}`;
}
