/**
 * The quick-fixes of a diagnostic: those of its rule (looked up by code in the registry, each rule
 * owns its fix) and the "ignore on this line" comment every code but a few gets. Pure: the
 * language server turns the result into code actions; nothing here knows about LSP services.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PlanFacts } from '../../model/plan-facts.js';
import { RULES_BY_CODE } from '../registry.js';
import type { Fix, FixContext, Rule } from '../rule.js';
import { diagnosticCode } from '../run-rules.js';
import { EditBuilder } from './edit-helpers.js';
import { FixDocument } from './fix-document.js';
import { groupedIgnoreFixes, ignoreFix, type GroupedIgnore, type IgnoreTarget } from './ignore.js';

export type FixErrorHandler = (rule: Rule, error: unknown) => void;

/**
 * A function from a diagnostic of the document behind `facts` (whose text is `text`) to its fixes,
 * best first, the ignore comment last. A rule whose fix throws loses only its own fixes.
 */
export function createFixer(
    facts: PlanFacts, text: string, onError: FixErrorHandler = () => undefined, options: { readonly ignore?: boolean } = {},
): (diagnostic: Diagnostic) => Fix[] {
    const doc = new FixDocument(text, facts);
    const withIgnore = options.ignore ?? true;
    return diagnostic => {
        const code = diagnosticCode(diagnostic);
        if (!code) {
            return [];
        }
        const fixes: Fix[] = [];
        const rule = RULES_BY_CODE.get(code);
        if (rule?.fix) {
            const context: FixContext = {
                diagnostic,
                data: (diagnostic.data ?? {}) as Record<string, unknown>,
                facts,
                text,
                doc,
                edits: () => new EditBuilder(doc),
            };
            try {
                fixes.push(...rule.fix(context).filter(fix => fix.edits.length > 0));
            } catch (error) {
                onError(rule, error);
            }
        }
        const ignore = withIgnore ? ignoreFix(doc, diagnostic, rule, code) : undefined;
        return [...onePreferred(fixes), ...(ignore ? [ignore] : [])];
    };
}

/**
 * The "Ignore …" fixes of several diagnostics of the document behind `facts` (whose text is `text`),
 * grouped: at most one per code family (rule category), each with the diagnostics it silences.
 * With a single diagnostic, the same fix `createFixer` ends with.
 */
export function groupedIgnores(facts: PlanFacts, text: string, diagnostics: readonly Diagnostic[]): GroupedIgnore[] {
    const targets: IgnoreTarget[] = [];
    for (const diagnostic of diagnostics) {
        const code = diagnosticCode(diagnostic);
        if (code) {
            targets.push({ diagnostic, code, rule: RULES_BY_CODE.get(code) });
        }
    }
    return groupedIgnoreFixes(new FixDocument(text, facts), targets);
}

/**
 * The order in which one fix adds a new plan's missing sections: what later skeletons refer to
 * first (a dataset before the model training on it, a baseline before the serving falling back to
 * it, a rollout before the monitoring that watches its rollback condition). Codes not listed follow
 * in the order they were reported.
 */
const SECTION_ORDER = [
    'owner-missing', 'objective-missing', 'business-kpi-missing', 'persona-missing', 'dataset-missing', 'baseline-missing',
    'model-missing', 'serving-missing', 'latency-slo-missing', 'rollout-missing', 'monitoring-missing', 'risk-missing',
    'budget-missing', 'milestone-missing',
];

/**
 * One fix for the completeness findings that share a position (a new plan's missing sections all
 * sit on its name): each rule's fix writes into the same edits, so that the sections refer to one
 * another instead of each declaring its own placeholder dataset or metric. Undefined with fewer
 * than two such findings, or when one of the fixes cannot be placed.
 */
export function allSectionsFix(
    facts: PlanFacts, text: string, diagnostics: readonly Diagnostic[], onError: FixErrorHandler = () => undefined,
): { fix: Fix; diagnostics: Diagnostic[] } | undefined {
    const stage = facts.plan?.stage;
    const targets = diagnostics
        .map(diagnostic => ({ diagnostic, rule: RULES_BY_CODE.get(diagnosticCode(diagnostic) ?? '') }))
        .filter((t): t is { diagnostic: Diagnostic; rule: Rule } => t.rule?.category === 'completeness' && t.rule.fix !== undefined);
    const first = targets[0]?.diagnostic.range;
    const here = targets.filter(t => first && sameRange(t.diagnostic.range, first));
    if (!stage || here.length < 2) {
        return undefined;
    }
    const rank = (code: string) => (SECTION_ORDER.includes(code) ? SECTION_ORDER.indexOf(code) : SECTION_ORDER.length);
    here.sort((a, b) => rank(a.rule.code) - rank(b.rule.code));
    const doc = new FixDocument(text, facts);
    const shared = new EditBuilder(doc);
    const fixed: Diagnostic[] = [];
    for (const { diagnostic, rule } of here) {
        try {
            const fixes = rule.fix!({ diagnostic, data: (diagnostic.data ?? {}) as Record<string, unknown>, facts, text, doc, edits: () => shared });
            if (fixes.length > 0) {
                fixed.push(diagnostic);
            }
        } catch (error) {
            onError(rule, error);
            return undefined;
        }
    }
    if (fixed.length < 2) {
        return undefined;
    }
    const [fix] = shared.result(`Add all ${fixed.length} missing sections for stage ${stage}`);
    return fix ? { fix, diagnostics: fixed } : undefined;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character
        && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** At most one fix per diagnostic is preferred: the first one marked so. */
function onePreferred(fixes: readonly Fix[]): Fix[] {
    let seen = false;
    return fixes.map(fix => {
        if (!fix.isPreferred) {
            return fix;
        }
        if (!seen) {
            seen = true;
            return fix;
        }
        const { isPreferred: _dropped, ...rest } = fix;
        return rest;
    });
}
