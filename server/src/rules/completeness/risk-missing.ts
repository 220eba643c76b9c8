import { riskLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { existenceRule } from './existence.js';

/** Existence rule (risks visible through imports count). Reported on the plan's name. */
export const riskMissing: Rule = existenceRule({
    code: 'risk-missing',
    stage: 'growth',
    title: 'the plan lists its risks',
    why: 'Every ML system has known ways to go wrong: cold-start users, feedback loops, label delays, adversarial inputs, a vendor changing its data feed. A risk register with likelihood, impact, mitigation and owner turns those worries into decisions made ahead of time; a plan heading for production that lists no risk has usually not looked for them, and the first incident becomes the risk assessment.',
    declared: facts => facts.visible.risks,
    message: plan => `plan ${plan} lists no risk: record what could go wrong, how likely and harmful it is, and how it is mitigated`,
    skeleton: riskLines,
});
