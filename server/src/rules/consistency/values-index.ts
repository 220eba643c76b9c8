// Consistency rules about values: units, percentages, rates, costs, dates, thresholds.
// In the order of LANGUAGE.md's 4.2 table.
import type { Rule } from '../rule.js';
import { budgetExceeded } from './budget-exceeded.js';
import { directionConflict } from './direction-conflict.js';
import { invalidDate } from './invalid-date.js';
import { nonPositiveValue } from './non-positive-value.js';
import { peakBelowAverage } from './peak-below-average.js';
import { percentOutOfRange } from './percent-out-of-range.js';
import { rolloutIncomplete } from './rollout-incomplete.js';
import { rolloutStagesNotIncreasing } from './rollout-stages-not-increasing.js';
import { sloObjectiveUnrealistic } from './slo-objective-unrealistic.js';
import { successNotAboveBaseline } from './success-not-above-baseline.js';
import { unitMismatch } from './unit-mismatch.js';
import { unknownUnit } from './unknown-unit.js';

export const VALUE_RULES: readonly Rule[] = [
    unknownUnit,
    invalidDate,
    unitMismatch,
    percentOutOfRange,
    nonPositiveValue,
    sloObjectiveUnrealistic,
    rolloutStagesNotIncreasing,
    rolloutIncomplete,
    peakBelowAverage,
    budgetExceeded,
    successNotAboveBaseline,
    directionConflict,
];
