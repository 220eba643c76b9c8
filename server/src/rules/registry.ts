/**
 * The single list of rules. From it come the validator (every check runs), configuration by code,
 * readiness (the completeness rules), the "why" hover, SARIF rule metadata and the README table.
 * Adding a rule: one new file, one line in its family's list (and `npm run docs` for the README table).
 */
import { COMPLETENESS_RULES } from './completeness/index.js';
import { STRUCTURE_RULES } from './consistency/structure-index.js';
import { VALUE_RULES } from './consistency/values-index.js';
import { CROSS_CHECK_RULES } from './cross-checks/index.js';
import type { Rule } from './rule.js';
import { syntaxError, unresolvedReference, unusedIgnore } from './source-rules.js';

export const RULES: readonly Rule[] = [
    ...COMPLETENESS_RULES,
    syntaxError,
    unresolvedReference,
    ...STRUCTURE_RULES,
    ...VALUE_RULES,
    ...CROSS_CHECK_RULES,
    unusedIgnore,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map(rule => [rule.code, rule]));

/** Every code a configuration or an ignore comment may name. */
export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map(rule => rule.code));
