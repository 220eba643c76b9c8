import { objectiveLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule: counts objectives visible through imports too. Reported on the plan's name. */
export const objectiveMissing: Rule = existenceRule({
    code: 'objective-missing',
    stage: 'mvp',
    title: 'the plan states at least one objective',
    why: 'Most ML projects that fail do so because nobody agreed on what they were for, not because the model was weak. Without a written objective the team optimises whatever offline metric is easiest to move, and no one can say when the work is done or whether it paid off. An objective ties the model to a business outcome (fewer cancellations, fewer fraud losses) that stakeholders recognise, and it is the yardstick every later trade-off (latency, cost, fairness) is judged against.',
    declared: facts => facts.visible.objectives,
    message: plan => `plan ${plan} has no objective: say what the project is for, as an \`objective\` with a measurable \`kpi\``,
    skeleton: objectiveLines,
});
