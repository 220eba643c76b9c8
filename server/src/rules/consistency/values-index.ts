// Consistency rules about values: units, percentages, rates, costs, dates, thresholds.
import type { Rule } from '../rule.js';
import { peakBelowAverage } from './peak-below-average.js';

export const VALUE_RULES: readonly Rule[] = [
    peakBelowAverage,
];
