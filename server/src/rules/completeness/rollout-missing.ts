import { declarationFix, rolloutLines } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Singleton block rule. Reported on the plan's name. */
export const rolloutMissing: Rule = completenessRule({
    code: 'rollout-missing',
    stage: 'growth',
    title: 'the plan describes how the model is rolled out',
    why: 'Offline evaluation never fully predicts behaviour on live traffic: input distributions differ, upstream services misbehave, users react to the predictions. A rollout plan (a shadow period, then growing traffic shares with explicit rollback criteria) limits how many users a bad release can affect and produces the online evidence needed to go to 100 %. Switching everything over at once should be a deliberate choice, written down, not the default.',
    check({ facts, report, plan }) {
        if (facts.rollouts.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no \`rollout\` block: say how the model reaches users (strategy, stages, rollback criteria)`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.rollouts.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, rolloutLines(facts, e));
    },
});
