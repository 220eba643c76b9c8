import { baselineLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule: baselines declared in imported catalogs count. Reported on the plan's name. */
export const baselineMissing: Rule = existenceRule({
    code: 'baseline-missing',
    stage: 'mvp',
    title: 'the plan declares a baseline to beat',
    why: 'A model score means nothing on its own: an AUC of 0.78 is excellent if the current rule reaches 0.60 and useless if it reaches 0.80. A baseline (a simple heuristic, the system in place, human performance, a published result) sets the bar the model has to clear to justify its cost and complexity, and it doubles as the natural fallback when the model is unavailable.',
    declared: facts => facts.visible.baselines,
    message: plan => `plan ${plan} has no baseline: declare what the model must beat (a heuristic, the current system, human performance)`,
    skeleton: (_facts, e) => baselineLines(e),
});
