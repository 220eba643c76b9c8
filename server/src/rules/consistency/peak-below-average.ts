import { GrammarUtils } from 'langium';
import { measureOf } from '../../model/derived.js';
import { convert, formatMeasure, formatValue, lookupUnit } from '../../model/units.js';
import { quantityAt } from '../fixes/replace.js';
import { guess } from '../fixes/planned.js';
import type { Rule } from '../rule.js';

export const peakBelowAverage: Rule = {
    code: 'peak-below-average',
    category: 'consistency',
    severity: 'error',
    title: 'the peak rate is at least the mean rate implied by the volume',
    why: 'Capacity is sized for the peak, cost for the volume. A peak below the average is arithmetically impossible, so one of the two figures is wrong, and whichever it is, either the service is under-provisioned or the budget is off.',
    check({ facts, report }) {
        for (const serving of facts.servings) {
            const { meanRate: mean, peakRate: peak } = facts.figures.serving(serving);
            if (mean === undefined || peak === undefined || peak >= mean * (1 - 1e-9)) {
                continue;
            }
            const volume = measureOf(serving.volume)!;
            const peakMeasure = measureOf(serving.peak)!;
            const peakInReqS = peakMeasure.unit.symbol === 'req/s' ? '' : ` (${formatValue(peak, 'req/s')})`;
            report({
                node: serving,
                property: 'peak',
                message: `peak ${formatMeasure(peakMeasure)}${peakInReqS} is below the mean ${formatValue(mean, 'req/s')} implied by ${formatMeasure(volume)}`,
                data: { mean: passingPeak(mean, peakMeasure.unit.symbol) },
            });
        }
    },
    // The least peak that passes is the mean itself, in the peak's unit, rounded up; a real peak is
    // usually a few times the mean, so the number comes selected for the author to raise.
    fix(context) {
        const quantity = quantityAt(context);
        const mean = context.data.mean;
        const number = GrammarUtils.findNodeForProperty(quantity?.$cstNode, 'value');
        if (typeof mean !== 'number' || !Number.isFinite(mean) || !number || !quantity?.unit) {
            return [];
        }
        const written = String(mean);
        return context.edits().replace(number.range, guess(written))
            .result(`Set the peak to \`${written} ${quantity.unit}\`, the mean the volume implies`, true);
    },
};

/** `mean` (req/s) in the peak's unit, rounded up to a whole number, or to two decimals below 10. */
function passingPeak(mean: number, unit: string): number | undefined {
    const target = lookupUnit(unit);
    const value = target ? convert({ value: mean, unit: lookupUnit('req/s')! }, target) : undefined;
    if (value === undefined || !Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) {
        return undefined;
    }
    return value >= 10 ? Math.ceil(value) : Math.ceil(value * 100 - 1e-9) / 100;
}
