import type { Diagnostic } from 'vscode-languageserver-types';
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
    if (!isPlan) {
        return { stage, satisfied: 0, applicable: 0, items: [] };
    }
    const raised = new Set(diagnostics.map(diagnosticCode));
    const items = RULES
        .filter(rule => rule.category === 'completeness' && stageApplies(rule.stage, stage) && settings[rule.code] !== 'off')
        .map(rule => ({ rule, met: !raised.has(rule.code) }));
    return { stage, satisfied: items.filter(i => i.met).length, applicable: items.length, items };
}

/**
 * Readiness of a validated document, from its facts (plan, stage, the configuration that applies)
 * and its final diagnostics: what the CLI, the code lens, the report and the exports show.
 */
export function readinessOf(facts: PlanFacts, diagnostics: readonly Diagnostic[] = facts.document.diagnostics ?? []): Readiness {
    return computeReadiness(facts.plan !== undefined, facts.stage, diagnostics, facts.settings);
}
