import type { AstNode } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Stage } from '../generated/ast.js';
import type { PlanFacts } from '../model/plan-facts.js';
import type { Severity } from '../model/rule-settings.js';
import type { EditBuilder } from './fixes/edit-helpers.js';
import type { Fix } from './fixes/fix.js';
import type { FixDocument } from './fixes/fix-document.js';

/**
 * - completeness: what a plan at its stage must say (LANGUAGE.md 4.1); counted in readiness.
 * - consistency: what contradicts itself (4.2).
 * - cross-check: what the arithmetic across parts of the plan contradicts (4.3, v2): rates against
 *   capacity, stage traffic against thresholds, schedules against deadlines, costs against value.
 * - source: syntax, linking and suppression diagnostics raised outside the rule checks; they are
 *   listed here so that configuration, SARIF metadata and the "why" hover know them.
 */
export type RuleCategory = 'completeness' | 'consistency' | 'cross-check' | 'source';

export interface RuleReport {
    /** The node the diagnostic is about; without `property`/`keyword`/`range`, its whole text. */
    readonly node: AstNode;
    readonly message: string;
    /** Narrow the range to a property of the node (its value)... */
    readonly property?: string;
    readonly index?: number;
    /** ...or to a keyword of the node... */
    readonly keyword?: string;
    /** ...or give the range outright. */
    readonly range?: Range;
    /** A severity other than the rule's default, when the contract says so (e.g. PII under regulations).
     *  The configuration still wins over it. */
    readonly severity?: Severity;
    /** Extra data for quick-fixes (merged into `diagnostic.data`, next to `code`). */
    readonly data?: Readonly<Record<string, unknown>>;
}

export interface RuleContext {
    readonly facts: PlanFacts;
    report(report: RuleReport): void;
}

export interface Rule {
    readonly code: string;
    readonly category: RuleCategory;
    readonly severity: Severity;
    /** Completeness rules: the first stage at which the rule applies. */
    readonly stage?: Stage;
    /** One line: what a plan that satisfies the rule has ("serving defines a fallback"). */
    readonly title: string;
    /** Why it matters: the ML engineering practice the rule encodes. Shown on hover and in SARIF. */
    readonly why: string;
    /**
     * False when `mlplan-ignore` cannot sensibly name the rule (no "Ignore" quick-fix is offered):
     * unreadable text, and the ignore comments themselves. Every other rule can be ignored.
     */
    readonly ignorable?: false;
    /** The check; absent for `source` rules. Rules read facts and report; they never throw on partial ASTs. */
    readonly check?: (context: RuleContext) => void;
    /**
     * The mechanical fixes of one of this rule's diagnostics, best first; absent or `[]` when none
     * is mechanical. Pure: reads the context and returns edits, never applies them (the language
     * server turns them into quick-fixes, the CLI never applies fixes).
     */
    readonly fix?: (context: FixContext) => readonly Fix[];
}


/** What a rule's `fix` receives. */
export interface FixContext {
    /** The diagnostic to fix, as the rule reported it (`data` carries the rule's report data). */
    readonly diagnostic: Diagnostic;
    /** `diagnostic.data`, never undefined. */
    readonly data: Readonly<Record<string, unknown>>;
    readonly facts: PlanFacts;
    /** The text the diagnostic was computed on. */
    readonly text: string;
    /** Read-only helpers over the text: indentation, positions, the node a diagnostic is about. */
    readonly doc: FixDocument;
    /** A fresh set of edits (insert lines into a block, declare at plan level, replace a range). */
    edits(): EditBuilder;
}

export type { Fix } from './fixes/fix.js';

export const STAGES: readonly Stage[] = ['mvp', 'growth', 'maturity'];

/** True when a rule introduced at `from` applies to a plan at `stage`. */
export function stageApplies(from: Stage | undefined, stage: Stage): boolean {
    return STAGES.indexOf(from ?? 'mvp') <= STAGES.indexOf(stage);
}
