import { modelLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule (models visible through imports count). Reported on the plan's name. */
export const modelMissing: Rule = existenceRule({
    code: 'model-missing',
    stage: 'growth',
    title: 'the plan declares a model',
    why: 'An early plan may legitimately stop at the problem, the data and the baseline. Once a project is heading for production, reviewers need to see what is actually being built: the algorithm, the training data, the features, the compute, and how it is evaluated. Without a model declaration there is nothing to check for train/test leakage, label leakage or retraining, and the serving and rollout sections describe a system with no component in the middle.',
    declared: facts => facts.visible.models,
    message: plan => `plan ${plan} declares no model: describe what is trained, on which data, and how it is evaluated`,
    skeleton: modelLines,
});
