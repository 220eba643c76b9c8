import { declarationFix, objectiveLines } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Existence rule: counts objectives visible through imports too. Reported on the plan's name. */
export const objectiveMissing: Rule = completenessRule({
    code: 'objective-missing',
    stage: 'mvp',
    title: 'the plan states at least one objective',
    why: 'Most ML projects that fail do so because nobody agreed on what they were for, not because the model was weak. Without a written objective the team optimises whatever offline metric is easiest to move, and no one can say when the work is done or whether it paid off. An objective ties the model to a business outcome (fewer cancellations, fewer fraud losses) that stakeholders recognise, and it is the yardstick every later trade-off (latency, cost, fairness) is judged against.',
    check({ facts, report, plan }) {
        if (facts.visible.objectives.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no objective: say what the project is for, as an \`objective\` with a measurable \`kpi\``);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.visible.objectives.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, objectiveLines(facts, e));
    },
});
