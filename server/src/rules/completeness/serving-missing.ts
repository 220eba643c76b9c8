import { declarationFix, servingLines } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Singleton block rule. Reported on the plan's name (there is no block to point at). */
export const servingMissing: Rule = completenessRule({
    code: 'serving-missing',
    stage: 'growth',
    title: 'the plan describes how the model is served',
    why: 'How predictions reach users shapes almost every engineering decision: a realtime endpoint needs latency budgets and capacity for the peak, a nightly batch job needs a schedule and storage, an edge deployment needs a small model. Leaving serving unspecified until late is how projects discover that the chosen model is too slow or too expensive to run. Stating mode, target, volume and cost lets those constraints be checked while they are still cheap to change.',
    check({ facts, report, plan }) {
        if (facts.servings.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no \`serving\` block: say how predictions are delivered (mode, target, volume, cost, fallback)`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.servings.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, servingLines(facts, e));
    },
});
