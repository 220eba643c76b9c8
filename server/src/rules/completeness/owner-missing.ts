import { firstParty } from '../fixes/choices.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Plan-level rule: the plan's own `owner` property. Reported on the plan's name. */
export const ownerMissing: Rule = completenessRule({
    code: 'owner-missing',
    stage: 'mvp',
    title: 'the plan names an owner',
    why: 'A model in production needs someone who answers for it: who decides when it is retrained, who is paged when it degrades, who signs off on a risky rollout, who retires it. Plans without an owner drift into orphaned models that keep scoring traffic long after anyone understands them. Naming a person or team up front makes accountability explicit and gives reviewers someone to ask.',
    check({ facts, report, plan }) {
        if (plan.owner) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no owner: name the person or team accountable for it (\`owner NAME\`)`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        const plan = facts.plan;
        if (!plan || plan.owner) {
            return [];
        }
        const e = edits();
        const existing = firstParty(facts);
        const owner = existing ?? e.uniqueName('owner_tbd');
        e.addAfterHeader(plan, `owner ${owner}`);
        if (!existing) {
            e.declare([`person ${owner} { name "TODO: who answers for the plan" }`]);
            e.planned.parties.push(owner);
        }
        return e.result(e.titled(`Add \`owner ${owner}\``), true);
    },
});
