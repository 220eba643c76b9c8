import { baselineLines, declarationFix } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Existence rule: baselines declared in imported catalogs count. Reported on the plan's name. */
export const baselineMissing: Rule = completenessRule({
    code: 'baseline-missing',
    stage: 'mvp',
    title: 'the plan declares a baseline to beat',
    why: 'A model score means nothing on its own: an AUC of 0.78 is excellent if the current rule reaches 0.60 and useless if it reaches 0.80. A baseline (a simple heuristic, the system in place, human performance, a published result) sets the bar the model has to clear to justify its cost and complexity, and it doubles as the natural fallback when the model is unavailable.',
    check({ facts, report, plan }) {
        if (facts.visible.baselines.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no baseline: declare what the model must beat (a heuristic, the current system, human performance)`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.visible.baselines.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, baselineLines(e));
    },
});
