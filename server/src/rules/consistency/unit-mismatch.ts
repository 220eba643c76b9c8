import { measureOf } from '../../model/derived.js';
import { compatible, describeDimension, formatMeasure } from '../../model/units.js';
import { quantityAt, setUnit } from '../fixes/replace.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import {
    accepts, boundText, boundUnits, describeAccepted, describeWritten, inCurrency, isMoney, metricBounds,
    propertyQuantities, referenceCurrency,
} from './value-helpers.js';

/**
 * Three kinds of mismatch, each reported once on the quantity concerned:
 * - a metric bound whose value cannot be compared with the metric's unit (`latency_p99 <= 3 %`);
 * - a property whose value is of the wrong kind (`peak 3 ms`), per PROPERTY_UNITS;
 * - money in another currency than the plan's reference currency (see `referenceCurrency`: the
 *   budget's first money figure, else the serving cost). The clash is reported on the figure that
 *   differs — the serving `cost` or a later budget figure — never on the reference itself.
 * Quantities with an unknown unit are left to `unknown-unit`.
 */
export const unitMismatch: Rule = {
    code: 'unit-mismatch',
    category: 'consistency',
    severity: 'error',
    title: 'every quantity has a unit comparable with its metric or property',
    why: 'Thresholds are compared with live measurements by people and by alerting systems. A latency threshold written as a percentage, a traffic share written as a duration or a cost in euros checked against a budget in dollars cannot be compared with anything, so the check it was meant to express silently never happens. Catching the mismatch while the plan is written is far cheaper than discovering, after an incident, that the alert could never fire.',
    check({ facts, report }) {
        for (const bound of metricBounds(facts)) {
            const units = boundUnits(bound);
            if (!units || compatible(units.value.unit, units.metricUnit)) {
                continue;
            }
            const metricSide = units.metricUnit.symbol === ''
                ? 'has no unit (a plain ratio)'
                : `is measured in ${units.metricUnit.symbol} (${describeDimension(units.metricUnit.dimension)})`;
            report({
                node: bound,
                property: 'value',
                message: `${boundText(bound)}: ${quoted(units.metric.name)} ${metricSide}, but ${describeWritten(units.value)}`,
                data: units.metricUnit.symbol !== '' ? { expectedUnit: units.metricUnit.symbol } : undefined,
            });
        }

        const reference = referenceCurrency(facts);
        for (const { owner, property, quantity, spec } of propertyQuantities(facts)) {
            const value = measureOf(quantity);
            if (!value) {
                continue;
            }
            const currency = value.unit.currency ?? reference?.currency;
            if (!accepts(spec, value.unit)) {
                const expectedUnit = spec.expectedUnit?.(reference?.currency ?? currency);
                report({
                    node: owner,
                    property,
                    message: `${spec.label} must be ${describeAccepted(spec, reference?.currency)}, but ${describeWritten(value)}`,
                    data: expectedUnit ? { expectedUnit } : undefined,
                });
                continue;
            }
            if (reference && isMoney(value.unit) && value.unit.currency !== reference.currency && quantity !== reference.node) {
                report({
                    node: owner,
                    property,
                    message: `${spec.label} ${formatMeasure(value)} is in ${value.unit.currency} but the plan counts in ${reference.currency} (${reference.source()}); amounts in different currencies cannot be compared`,
                    data: { expectedUnit: inCurrency(value.unit, reference.currency) },
                });
            }
        }
    },
    fix(context) {
        const unit = context.data.expectedUnit;
        const quantity = quantityAt(context);
        if (typeof unit !== 'string' || !quantity || quantity.unit === unit) {
            return [];
        }
        return setUnit(context, quantity, unit, quantity.unit === undefined ? `Add unit \`${unit}\`` : `Change \`${quantity.unit}\` to \`${unit}\``);
    },
};
