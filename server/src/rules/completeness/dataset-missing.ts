import { datasetSkeletonLines, declarationFix } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Existence rule: datasets declared in imported catalogs count. Reported on the plan's name. */
export const datasetMissing: Rule = completenessRule({
    code: 'dataset-missing',
    stage: 'mvp',
    title: 'the plan (with its imports) declares at least one dataset',
    why: 'Data availability is the most common reason ML projects stall: the labels do not exist, the history is too short, or access is never granted. Writing down which datasets the project relies on forces that question early, before modelling effort is spent, and gives every later decision (training set, holdout, drift monitoring, privacy policy) something concrete to refer to.',
    check({ facts, report, plan }) {
        if (facts.visible.datasets.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} declares no dataset, nor do its imports: say which data the project relies on`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.visible.datasets.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, datasetSkeletonLines(facts, e));
    },
});
