import { GrammarUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type * as ast from '../../generated/ast.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import { stageApplies, type Fix, type FixContext, type Rule, type RuleContext } from '../rule.js';

/**
 * Shared plumbing of the completeness rules (LANGUAGE.md 4.1). Every one of them applies only to a
 * `plan` (a catalog holds shared declarations and is never "incomplete") and only from its stage
 * on. The runner does not filter, so the guard lives here, once, and reads the stage from the rule
 * definition itself: the `stage` shown in readiness and the stage the check obeys cannot drift.
 */

/** What a completeness check receives: the rule context plus the plan, known to exist. */
export interface CompletenessContext extends RuleContext {
    readonly plan: ast.Plan;
}

export interface CompletenessRuleSpec {
    readonly code: string;
    /** The first stage at which the rule applies. */
    readonly stage: ast.Stage;
    readonly title: string;
    readonly why: string;
    readonly check: (context: CompletenessContext) => void;
    /** The mechanical fix of LANGUAGE.md 4.1's last column. */
    readonly fix?: (context: FixContext) => readonly Fix[];
}

/** True when a completeness rule introduced at `from` applies to the document behind `facts`. */
export function completenessApplies(facts: PlanFacts, from: ast.Stage): boolean {
    return facts.plan !== undefined && stageApplies(from, facts.stage);
}

/** A completeness rule: warning by default, its check guarded by plan-ness and stage. */
export function completenessRule(spec: CompletenessRuleSpec): Rule {
    return {
        code: spec.code,
        category: 'completeness',
        severity: 'warning',
        stage: spec.stage,
        title: spec.title,
        why: spec.why,
        check(context) {
            const plan = context.facts.plan;
            if (!plan || !completenessApplies(context.facts, spec.stage)) {
                return;
            }
            spec.check({ facts: context.facts, report: context.report, plan });
        },
        fix: spec.fix,
    };
}

/**
 * The range of the keyword that introduces `child` inside `owner` (the `evaluation` keyword of a
 * model). Langium's `keyword` option takes the first matching token of the node, and since keywords
 * are not reserved, a model *named* `evaluation` would put that first match on the name; so take
 * the last such keyword that starts before the child instead. Undefined when the CST is missing.
 */
export function keywordBefore(owner: AstNode, keyword: string, child: AstNode | undefined): Range | undefined {
    const childOffset = child?.$cstNode?.offset;
    if (childOffset === undefined) {
        return undefined;
    }
    const candidates = GrammarUtils.findNodesForKeyword(owner.$cstNode, keyword).filter(n => n.offset < childOffset);
    return candidates.length > 0 ? candidates[candidates.length - 1].range : undefined;
}

/** A list read defensively: while the user types, arrays the types promise may be absent. */
export function listOf<T>(items: readonly T[] | undefined): readonly T[] {
    return Array.isArray(items) ? items : [];
}
