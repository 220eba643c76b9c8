import { measureOf } from '../../model/derived.js';
import { formatMeasure, formatValue } from '../../model/units.js';
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
            });
        }
    },
};
