import type { PlanFacts } from '../../model/plan-facts.js';
import type { EditBuilder } from '../fixes/edit-helpers.js';
import { declarationFix } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule, type CompletenessRuleSpec } from './applies.js';

/**
 * An existence rule: the plan, counting what its imports declare, has at least one declaration of
 * a kind (a dataset, a baseline, a risk…). Reported on the plan's name; the fix declares a
 * skeleton of that kind.
 */
export interface ExistenceRuleSpec extends Omit<CompletenessRuleSpec, 'check' | 'fix'> {
    /** The declarations of the kind the plan can see: its own and those of its imports. */
    readonly declared: (facts: PlanFacts) => readonly unknown[];
    /** The finding, given the plan's name (quoted). */
    readonly message: (plan: string) => string;
    /** The lines the fix declares, reusing names the plan already has. */
    readonly skeleton: (facts: PlanFacts, edits: EditBuilder) => readonly string[];
}

export function existenceRule(spec: ExistenceRuleSpec): Rule {
    const { declared, message, skeleton, ...rule } = spec;
    return completenessRule({
        ...rule,
        check({ facts, report, plan }) {
            if (declared(facts).length > 0) {
                return;
            }
            const finding = atPlanName(facts, message(quoted(plan.name)));
            if (finding) {
                report(finding);
            }
        },
        fix({ facts, edits }) {
            if (!facts.plan || declared(facts).length > 0) {
                return [];
            }
            const e = edits();
            return declarationFix(e, skeleton(facts, e));
        },
    });
}
