import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Stage } from '../generated/ast.js';
import type { PlanFacts } from '../model/plan-facts.js';
import type { RuleSettings } from '../model/rule-settings.js';
import { RULES } from './registry.js';
import { diagnosticCode } from './run-rules.js';
import { stageApplies, type Rule } from './rule.js';

export interface ReadinessItem {
    readonly rule: Rule;
    readonly met: boolean;
}

export interface Readiness {
    readonly stage: Stage;
    readonly satisfied: number;
    readonly applicable: number;
    /** Every applicable completeness rule, in registry order, met or not. */
    readonly items: readonly ReadinessItem[];
    /** Error-severity diagnostics: a plan with any is never presented as ready (LANGUAGE.md 4.1, v2). */
    readonly blockers: number;
}

/**
 * Readiness = completeness rules satisfied ÷ completeness rules applicable at the plan's stage.
 * A rule counts once however many instances it checks, and is met only when none of its
 * diagnostics remain. A rule turned `off` in the configuration is not applicable; one silenced by
 * `mlplan-ignore` counts as met, since the team has explicitly accepted it. A catalog has no stage
 * and no readiness (0 of 0).
 */
export function computeReadiness(
    isPlan: boolean,
    stage: Stage,
    diagnostics: readonly Diagnostic[],
    settings: RuleSettings
): Readiness {
    const blockers = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).length;
    if (!isPlan) {
        return { stage, satisfied: 0, applicable: 0, items: [], blockers };
    }
    const raised = new Set(diagnostics.map(diagnosticCode));
    const items = RULES
        .filter(rule => rule.category === 'completeness' && stageApplies(rule.stage, stage) && settings[rule.code] !== 'off')
        .map(rule => ({ rule, met: !raised.has(rule.code) }));
    return { stage, satisfied: items.filter(i => i.met).length, applicable: items.length, items, blockers };
}

/**
 * Readiness of a validated document, from its facts (plan, stage, the configuration that applies)
 * and its final diagnostics: what the CLI, the code lens, the report and the exports show.
 */
export function readinessOf(facts: PlanFacts, diagnostics: readonly Diagnostic[] = facts.document.diagnostics ?? []): Readiness {
    return computeReadiness(facts.plan !== undefined, facts.stage, diagnostics, facts.settings);
}

/** "blocked by 1 error", "blocked by 2 errors"; undefined when nothing blocks the plan. */
export function blockedText(blockers: number): string | undefined {
    if (blockers <= 0) {
        return undefined;
    }
    return `blocked by ${blockers} ${blockers === 1 ? 'error' : 'errors'}`;
}

/**
 * Readiness as every surface words it: "19/19", or "19/19, blocked by 1 error" while the plan has
 * errors, so that a plan with errors is never presented as ready (LANGUAGE.md 4.1, v2).
 */
export function readinessFigure(readiness: Readiness): string {
    const blocked = blockedText(readiness.blockers);
    return `${readiness.satisfied}/${readiness.applicable}${blocked ? `, ${blocked}` : ''}`;
}
