import { datasetSkeletonLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule: datasets declared in imported catalogs count. Reported on the plan's name. */
export const datasetMissing: Rule = existenceRule({
    code: 'dataset-missing',
    stage: 'mvp',
    title: 'the plan (with its imports) declares at least one dataset',
    why: 'Data availability is the most common reason ML projects stall: the labels do not exist, the history is too short, or access is never granted. Writing down which datasets the project relies on forces that question early, before modelling effort is spent, and gives every later decision (training set, holdout, drift monitoring, privacy policy) something concrete to refer to.',
    declared: facts => facts.visible.datasets,
    message: plan => `plan ${plan} declares no dataset, nor do its imports: say which data the project relies on`,
    skeleton: datasetSkeletonLines,
});
