import { declarationFix, modelLines } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Existence rule (models visible through imports count). Reported on the plan's name. */
export const modelMissing: Rule = completenessRule({
    code: 'model-missing',
    stage: 'growth',
    title: 'the plan declares a model',
    why: 'An early plan may legitimately stop at the problem, the data and the baseline. Once a project is heading for production, reviewers need to see what is actually being built: the algorithm, the training data, the features, the compute, and how it is evaluated. Without a model declaration there is nothing to check for train/test leakage, label leakage or retraining, and the serving and rollout sections describe a system with no component in the middle.',
    check({ facts, report, plan }) {
        if (facts.visible.models.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} declares no model: describe what is trained, on which data, and how it is evaluated`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.visible.models.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, modelLines(facts, e));
    },
});
