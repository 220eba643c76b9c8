/**
 * The cross-checks of LANGUAGE.md 4.3: what a senior reviewer computes by comparing parts of a plan
 * with each other. One file per rule, grouped by what they compare; listed in the contract's order.
 */
import type { Rule } from '../rule.js';
import { DATA_CHECKS } from './data-index.js';
import { PRODUCTION_CHECKS } from './production-index.js';
import { SCHEDULE_CHECKS } from './schedule-index.js';

/** The codes of LANGUAGE.md 4.3's table, in its order. */
const CONTRACT_ORDER = [
    'compute-target-mismatch', 'capacity-below-peak', 'inference-over-slo', 'success-looser-than-slo',
    'rollout-stage-underpowered', 'rollback-unobservable', 'alert-after-rollback', 'rollout-past-deadline',
    'kpi-before-rollout', 'budget-items-exceed-total', 'labeling-over-budget', 'labeling-too-slow',
    'cost-exceeds-value', 'pii-as-feature', 'log-retention-exceeds-consent', 'retrain-faster-than-refresh',
    'evaluation-missing-label', 'evaluation-missing-feature', 'replace-without-comparison', 'big-bang-rollout',
];

const rank = (rule: Rule) => {
    const index = CONTRACT_ORDER.indexOf(rule.code);
    return index < 0 ? CONTRACT_ORDER.length : index;
};

export const CROSS_CHECK_RULES: readonly Rule[] = [...PRODUCTION_CHECKS, ...SCHEDULE_CHECKS, ...DATA_CHECKS]
    .sort((a, b) => rank(a) - rank(b));
