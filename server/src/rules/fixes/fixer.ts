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
import { ignoreFix } from './ignore.js';

export type FixErrorHandler = (rule: Rule, error: unknown) => void;

/**
 * A function from a diagnostic of the document behind `facts` (whose text is `text`) to its fixes,
 * best first, the ignore comment last. A rule whose fix throws loses only its own fixes.
 */
export function createFixer(facts: PlanFacts, text: string, onError: FixErrorHandler = () => undefined): (diagnostic: Diagnostic) => Fix[] {
    const doc = new FixDocument(text, facts);
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
        const ignore = ignoreFix(doc, diagnostic, rule, code);
        return [...onePreferred(fixes), ...(ignore ? [ignore] : [])];
    };
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
