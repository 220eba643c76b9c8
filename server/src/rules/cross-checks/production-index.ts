/** Cross-checks of serving, latency and the rollout's power to decide (LANGUAGE.md 4.3). */
import type { Rule } from '../rule.js';
import { alertAfterRollback } from './alert-after-rollback.js';
import { capacityBelowPeak } from './capacity-below-peak.js';
import { computeTargetMismatch } from './compute-target-mismatch.js';
import { inferenceOverSlo } from './inference-over-slo.js';
import { rollbackUnobservable } from './rollback-unobservable.js';
import { rolloutStageUnderpowered } from './rollout-stage-underpowered.js';
import { successLooserThanSlo } from './success-looser-than-slo.js';

export const PRODUCTION_CHECKS: readonly Rule[] = [
    computeTargetMismatch,
    capacityBelowPeak,
    inferenceOverSlo,
    successLooserThanSlo,
    rolloutStageUnderpowered,
    rollbackUnobservable,
    alertAfterRollback,
];
