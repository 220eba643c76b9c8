import { budgetLines, declarationFix } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Singleton block rule. Reported on the plan's name. */
export const budgetMissing: Rule = completenessRule({
    code: 'budget-missing',
    stage: 'maturity',
    title: 'the plan states a budget',
    why: 'Labelling, training compute and per-request serving costs grow with success, and ML systems are notorious for costs that nobody owns until the invoice arrives. A budget (total, monthly serving, labelling, training) makes the project\'s economics explicit, lets the serving cost implied by the traffic be checked against it, and gives a mature product a basis for deciding whether a bigger model is worth what it costs.',
    check({ facts, report, plan }) {
        if (facts.budgets.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no \`budget\` block: state what the project may spend (total, serving per month, labeling, training)`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        return facts.plan && facts.budgets.length === 0 ? declarationFix(edits(), budgetLines(facts)) : [];
    },
});
