/**
 * The readiness code lens on a plan's first line: "Readiness 14/17 — growth" (with ", blocked by
 * 2 errors" after the figure while the plan has errors) and, while something is missing,
 * "Missing: fallback, rollback, …". Both open the readiness report (the client's
 * `mlplan.showReadiness`, which asks the server for `mlplan.readinessReport`). A catalog has no
 * stage and no readiness, so it gets no lens.
 *
 * Readiness comes from the final diagnostics, but Langium answers code-lens requests as soon as
 * references are linked, possibly before validation. Waiting for validation inside the request
 * could deadlock (the request holds a read of the workspace lock that the next build waits for), so
 * instead a document not yet validated keeps the lens last shown for it, and once validation ends
 * the client is asked to refresh its lenses when they are out of date (a changed figure after an
 * edit, or after a change of rule settings, which re-validates without any edit).
 */
import { DocumentState, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams, type Connection, type Range } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { readinessFigure, readinessOf, type Readiness } from '../rules/readiness.js';

/** Registered by the client (client/src/commands.ts); takes the document URI. */
export const SHOW_READINESS_COMMAND = 'mlplan.showReadiness';

/** The missing list stops after this many names (a lens is one short line). */
const MAX_MISSING_SHOWN = 4;

export class MlPlanCodeLensProvider implements CodeLensProvider {
    /** The titles last returned per document URI: what the editor is showing. */
    private readonly shown = new Map<string, readonly string[]>();
    /** Documents asked about before their first validation, which got no lens yet. */
    private readonly unanswered = new Set<string>();
    private readonly connection: Connection | undefined;
    /** Whether the client accepts `workspace/codeLens/refresh`. */
    protected refreshSupported = false;

    constructor(private readonly services: MlPlanLspServices) {
        const shared = services.shared;
        this.connection = shared.lsp.Connection;
        // Services are created before `initialize` is handled, so this sees the client's capabilities.
        shared.lsp.LanguageServer.onInitialize(params => {
            this.refreshSupported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => this.afterValidation(documents));
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.forget(uri.toString())));
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] | undefined {
        const uri = document.uri.toString();
        const range = planKeywordRange(document as LangiumDocument<Document>);
        if (!range) {
            this.forget(uri);
            return undefined;
        }
        const titles = document.state >= DocumentState.Validated
            ? this.titlesOf(document as LangiumDocument<Document>)
            : this.shown.get(uri);
        if (!titles) {
            this.unanswered.add(uri);
            return undefined;
        }
        this.shown.set(uri, titles);
        this.unanswered.delete(uri);
        return titles.map(title => ({ range, command: { title, command: SHOW_READINESS_COMMAND, arguments: [uri] } }));
    }

    /** The lens titles of a validated plan. */
    private titlesOf(document: LangiumDocument<Document>): string[] {
        const readiness = readinessOf(this.services.facts.PlanFacts.of(document));
        const missing = missingTitle(readiness);
        return missing ? [readinessTitle(readiness), missing] : [readinessTitle(readiness)];
    }

    private afterValidation(documents: readonly LangiumDocument[]): void {
        const outdated = documents.some(document => {
            const uri = document.uri.toString();
            if (this.unanswered.has(uri)) {
                return true;
            }
            const shown = this.shown.get(uri);
            if (!shown || !planKeywordRange(document as LangiumDocument<Document>)) {
                return false;
            }
            const current = this.titlesOf(document as LangiumDocument<Document>);
            return current.length !== shown.length || current.some((title, i) => title !== shown[i]);
        });
        if (outdated) {
            this.requestRefresh();
        }
    }

    /** Asks the client to request the lenses again (only when it said it can). */
    protected requestRefresh(): void {
        if (this.refreshSupported && this.connection) {
            this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        }
    }

    private forget(uri: string): void {
        this.shown.delete(uri);
        this.unanswered.delete(uri);
    }
}

/** Where the lens goes: the `plan` keyword (after any imports and doc comment); none for a catalog. */
function planKeywordRange(document: LangiumDocument<Document>): Range | undefined {
    const plan = document.parseResult?.value?.plan;
    const node = plan?.$cstNode && (GrammarUtils.findNodeForKeyword(plan.$cstNode, 'plan') ?? plan.$cstNode);
    if (!node) {
        return undefined;
    }
    const start = document.textDocument.positionAt(node.offset);
    return { start, end: start };
}

/** "Readiness 14/17 — growth"; while the plan has errors, "Readiness 19/19, blocked by 1 error — growth". */
export function readinessTitle(readiness: Readiness): string {
    return `Readiness ${readinessFigure(readiness)} — ${readiness.stage}`;
}

/** `fairness-missing` → `fairness`: the lens names what is missing, the suffix would repeat itself. */
export function shortRuleName(code: string): string {
    return code.replace(/-missing$/, '');
}

/** "Missing: objective, owner, dataset, baseline and 2 more", or undefined when complete. */
export function missingTitle(readiness: Readiness): string | undefined {
    const unmet = readiness.items.filter(item => !item.met).map(item => shortRuleName(item.rule.code));
    if (unmet.length === 0) {
        return undefined;
    }
    // Five names fit where four and "1 more" would: cut only when it saves at least two names.
    const shown = unmet.length > MAX_MISSING_SHOWN + 1 ? unmet.slice(0, MAX_MISSING_SHOWN) : unmet;
    const rest = unmet.length - shown.length;
    return `Missing: ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}
