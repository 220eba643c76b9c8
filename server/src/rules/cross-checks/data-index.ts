/** Cross-checks of data, privacy and process: features, labels, logs, retraining, rollout choice (LANGUAGE.md 4.3). */
import type { Rule } from '../rule.js';
import { bigBangRollout } from './big-bang-rollout.js';
import { evaluationMissingFeature } from './evaluation-missing-feature.js';
import { evaluationMissingLabel } from './evaluation-missing-label.js';
import { logRetentionExceedsConsent } from './log-retention-exceeds-consent.js';
import { piiAsFeature } from './pii-as-feature.js';
import { replaceWithoutComparison } from './replace-without-comparison.js';
import { retrainFasterThanRefresh } from './retrain-faster-than-refresh.js';

export const DATA_CHECKS: readonly Rule[] = [
    piiAsFeature,
    logRetentionExceedsConsent,
    retrainFasterThanRefresh,
    evaluationMissingLabel,
    evaluationMissingFeature,
    replaceWithoutComparison,
    bigBangRollout,
];
