import { declarationFix, milestoneLines } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Existence rule (milestones visible through imports count). Reported on the plan's name. */
export const milestoneMissing: Rule = completenessRule({
    code: 'milestone-missing',
    stage: 'maturity',
    title: 'the plan has milestones',
    why: 'ML work is open-ended: there is always another feature to try or another point of AUC to chase. Milestones with due dates, deliverables and dependencies cut the work into steps that can be reviewed and stopped, make slippage visible early, and let the people who depend on the model plan around it. A mature project without milestones is one whose progress can only be judged by asking.',
    check({ facts, report, plan }) {
        if (facts.visible.milestones.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no milestone: lay out the steps to delivery with due dates and deliverables`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan || facts.visible.milestones.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, milestoneLines(facts, e));
    },
});
