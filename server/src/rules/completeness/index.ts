// Completeness rules (LANGUAGE.md 4.1), in the order of its table. One import and one entry per rule.
// Each rule's check is guarded by `completenessRule` (applies.ts): plans only, from the rule's stage on.
import type { Rule } from '../rule.js';
import { baselineMissing } from './baseline-missing.js';
import { budgetMissing } from './budget-missing.js';
import { businessKpiMissing } from './business-kpi-missing.js';
import { datasetMissing } from './dataset-missing.js';
import { datasetSourceMissing } from './dataset-source-missing.js';
import { datasetVersionMissing } from './dataset-version-missing.js';
import { driftMonitoringMissing } from './drift-monitoring-missing.js';
import { evaluationMissing } from './evaluation-missing.js';
import { fairnessMissing } from './fairness-missing.js';
import { fallbackMissing } from './fallback-missing.js';
import { kpiMissing } from './kpi-missing.js';
import { labelDelayMissing } from './label-delay-missing.js';
import { latencySloMissing } from './latency-slo-missing.js';
import { milestoneMissing } from './milestone-missing.js';
import { milestoneOwnerMissing } from './milestone-owner-missing.js';
import { modelMissing } from './model-missing.js';
import { modelVersionMissing } from './model-version-missing.js';
import { monitoringMissing } from './monitoring-missing.js';
import { objectiveMissing } from './objective-missing.js';
import { ownerMissing } from './owner-missing.js';
import { personaMissing } from './persona-missing.js';
import { piiPolicyMissing } from './pii-policy-missing.js';
import { retrainingMissing } from './retraining-missing.js';
import { riskMissing } from './risk-missing.js';
import { rollbackMissing } from './rollback-missing.js';
import { rolloutMissing } from './rollout-missing.js';
import { servingMissing } from './serving-missing.js';

export const COMPLETENESS_RULES: readonly Rule[] = [
    objectiveMissing,
    kpiMissing,
    ownerMissing,
    datasetMissing,
    datasetSourceMissing,
    baselineMissing,
    evaluationMissing,
    fairnessMissing,
    piiPolicyMissing,
    fallbackMissing,
    latencySloMissing,
    rollbackMissing,
    modelMissing,
    datasetVersionMissing,
    servingMissing,
    rolloutMissing,
    monitoringMissing,
    driftMonitoringMissing,
    riskMissing,
    retrainingMissing,
    budgetMissing,
    milestoneMissing,
    businessKpiMissing,
    personaMissing,
    modelVersionMissing,
    milestoneOwnerMissing,
    labelDelayMissing,
];
