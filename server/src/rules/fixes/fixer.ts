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
        return { title: fix.title, edits: fix.edits };
    });
}
