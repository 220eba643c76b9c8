import { milestoneLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule (milestones visible through imports count). Reported on the plan's name. */
export const milestoneMissing: Rule = existenceRule({
    code: 'milestone-missing',
    stage: 'maturity',
    title: 'the plan has milestones',
    why: 'ML work is open-ended: there is always another feature to try or another point of AUC to chase. Milestones with due dates, deliverables and dependencies cut the work into steps that can be reviewed and stopped, make slippage visible early, and let the people who depend on the model plan around it. A mature project without milestones is one whose progress can only be judged by asking.',
    declared: facts => facts.visible.milestones,
    message: plan => `plan ${plan} has no milestone: lay out the steps to delivery with due dates and deliverables`,
    skeleton: (facts, e) => milestoneLines(facts, e),
});
