import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import { metricUnit, measureOf } from '../model/derived.js';
import type { PlanFacts } from '../model/plan-facts.js';
import { compatible, type Measure } from '../model/units.js';
import type { RuleReport } from './rule.js';

/**
 * Where a plan-level finding ("the plan has no owner") is reported: the plan's name, so the
 * squiggle sits on the line a reader starts from. Undefined for catalogs (no completeness rules).
 */
export function atPlanName(facts: PlanFacts, message: string, data?: RuleReport['data']): RuleReport | undefined {
    return facts.plan ? { node: facts.plan, property: 'name', message, data } : undefined;
}

/** Report on the declaration's name when it has one, else on its first keyword. */
export function atName(node: AstNode & { name?: string }, message: string, data?: RuleReport['data']): RuleReport {
    return typeof node.name === 'string' ? { node, property: 'name', message, data } : { node, message, data };
}

/** `name` for messages, backquoted: `subscribers`. */
export function quoted(name: string | undefined): string {
    return `\`${name ?? '?'}\``;
}

/** A bound (`kpi`, `success`, `indicator`, `alert`, `rollback when`, `expect`): metric, operator, value. */
export interface BoundLike extends AstNode {
    readonly metric?: { readonly ref?: ast.Metric; readonly $refText?: string };
    readonly op?: string;
    readonly value?: ast.Quantity;
}

/** The bound's value when it can be compared with its metric: same dimension and currency. */
export function boundMeasure(bound: BoundLike): Measure | undefined {
    const value = measureOf(bound.value);
    const unit = metricUnit(bound.metric?.ref);
    return value && unit && compatible(value.unit, unit) ? value : undefined;
}
