/**
 * Quick-fixes. For each mlplan diagnostic in the request, the fixes its rule owns (rules/fixes/,
 * looked up by `data.code` in the registry), as `quickfix` code actions, then the "ignore on this
 * line" comments: one action per code family (rule category) however many diagnostics the request
 * carries, naming all of the family's codes in one comment (a lone diagnostic keeps "Ignore `CODE`
 * on this line"). Everything that decides what to insert is pure and lives with the rules; this
 * file only adapts it to LSP, sending a fix that inserts a placeholder as snippet edits when the
 * client applies them (snippet-edits.ts).
 */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import type { MlPlanFacts } from '../language/mlplan-facts.js';
import type { Fix } from '../rules/fixes/fix.js';
import { allSectionsFix, createFixer, groupedIgnores } from '../rules/fixes/fixer.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { asSnippetEdits } from './snippet-edits.js';
import { plainText } from './plain-text.js';

/**
 * An editor asks for the diagnostics under the cursor; a select-all on a broken file can name
 * thousands. Fixes cost a fraction of a millisecond each (1,103 diagnostics of an 8,600-line plan:
 * 104 ms for the whole request), so this only bounds the size of the answer.
 */
const MAX_DIAGNOSTICS_FIXED = 1000;

export class MlPlanCodeActionProvider implements CodeActionProvider {
    private readonly facts: MlPlanFacts;
    /** The client applies LSP 3.18 snippet edits (`workspace.workspaceEdit.snippetEditSupport`). */
    private snippetEdits = false;

    constructor(services: MlPlanLspServices) {
        this.facts = services.facts.PlanFacts;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const diagnostics = params.context.diagnostics;
        if (diagnostics.length === 0 || (params.context.only && !params.context.only.some(kind => CodeActionKind.QuickFix.startsWith(kind)))) {
            return undefined;
        }
        const facts = this.facts.of(document as LangiumDocument<Document>);
        const text = document.textDocument.getText();
        const fixesOf = createFixer(facts, text, (rule, error) =>
            console.error(`mlplan: the fix of ${rule.code} failed: ${error instanceof Error ? error.message : String(error)}`), { ignore: false });
        const actions: CodeAction[] = [];
        // Other tools' diagnostics on the same document are theirs to fix.
        const ours = diagnostics.filter(d => d.source === undefined || d.source === 'mlplan');
        // A request naming more than MAX_DIAGNOSTICS_FIXED gets the fixes of the first ones and the grouped ignores of all.
        for (const diagnostic of ours.slice(0, MAX_DIAGNOSTICS_FIXED)) {
            for (const fix of fixesOf(diagnostic)) {
                actions.push({
                    title: plainText(fix.title),
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    ...(fix.isPreferred ? { isPreferred: true } : {}),
                    edit: this.workspaceEdit(document, fix.edits, fix.guesses),
                });
            }
        }
        const all = allSectionsFix(facts, text, ours, (rule, error) =>
            console.error(`mlplan: the fix of ${rule.code} failed: ${error instanceof Error ? error.message : String(error)}`));
        if (all) {
            actions.push({
                title: all.fix.title,
                kind: CodeActionKind.QuickFix,
                diagnostics: all.diagnostics,
                edit: this.workspaceEdit(document, all.fix.edits, all.fix.guesses),
            });
        }
        for (const ignore of groupedIgnores(facts, text, ours)) {
            actions.push({
                title: plainText(ignore.fix.title),
                kind: CodeActionKind.QuickFix,
                diagnostics: ignore.diagnostics,
                edit: this.workspaceEdit(document, ignore.fix.edits),
            });
        }
        return actions;
    }

    /** The fix's edits; a placeholder it inserts comes selected when the client takes snippet edits. */
    private workspaceEdit(document: LangiumDocument, edits: readonly TextEdit[], guesses?: Fix['guesses']): WorkspaceEdit {
        const textDocument = document.textDocument;
        const snippets = this.snippetEdits ? asSnippetEdits(edits, textDocument.getText(), guesses) : undefined;
        if (!snippets) {
            return { changes: { [textDocument.uri]: [...edits] } };
        }
        return { documentChanges: [{ textDocument: { uri: textDocument.uri, version: textDocument.version }, edits: snippets }] };
    }
}
