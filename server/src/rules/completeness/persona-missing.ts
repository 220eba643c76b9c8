import { personaLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule: personas declared in imported catalogs count. Reported on the plan's name. */
export const personaMissing: Rule = existenceRule({
    code: 'persona-missing',
    stage: 'growth',
    title: 'the plan says who uses the predictions',
    why: 'A prediction is only worth something when a person or a system acts on it differently. Naming the persona (a retention agent, a fraud analyst, a planner) and the decision they take from a score shapes what the model must output, how fast, how it is explained, and what a wrong answer costs. Plans that skip this tend to ship a score nobody looks at; a plan heading for production should say who is on the receiving end.',
    declared: facts => facts.visible.personas,
    message: plan => `plan ${plan} declares no persona: say who uses the predictions and what they decide from them`,
    skeleton: (_facts, e) => personaLines(e),
});
