import type { Diagnostic } from 'vscode-languageserver-types';
import type { PlanFacts } from '../model/plan-facts.js';
import type { Rule, RuleReport } from './rule.js';

/**
 * Runs rule checks over a document's facts. A rule that throws (a bug, or an AST shape nobody
 * anticipated while the user is typing) loses only its own findings: the others still run and the
 * server stays up.
 */
export function runRules(
    rules: readonly Rule[],
    facts: PlanFacts,
    accept: (rule: Rule, report: RuleReport) => void,
    onError: (rule: Rule, error: unknown) => void = () => undefined
): void {
    for (const rule of rules) {
        if (!rule.check) {
            continue;
        }
        try {
            rule.check({ facts, report: report => accept(rule, report) });
        } catch (error) {
            onError(rule, error);
        }
    }
}

/** The rule code of a diagnostic produced by mlplan (`diagnostic.data.code`, else `diagnostic.code`). */
export function diagnosticCode(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { code?: unknown } | undefined;
    if (typeof data?.code === 'string') {
        return data.code;
    }
    return typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
}
