/**
 * Shared helpers of the extension-host tests: the fixture workspace, opening plans, positions by
 * text, and waiting for diagnostics through `onDidChangeDiagnostics` (never a fixed sleep).
 */
import * as vscode from 'vscode';
import { withTimeout } from './runner.js';

export const EXTENSION_ID = 'mlplan.mlplan';

/** The workspace folder the launcher opened: the fixture plans at its root, `examples/` beside them. */
export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        throw new Error('no workspace folder is open: the launcher must open the fixture workspace');
    }
    return folder.uri;
}

export function workspaceFile(relativePath: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openPlan(relativePath: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
    return vscode.window.showTextDocument(document, { preview: false });
}

/** Closes every editor, so that each test starts from the same window state. */
export async function closeAllEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Discards the unsaved changes of a document (tests edit files but never save them). */
export async function revertAndClose(document: vscode.TextDocument): Promise<void> {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    if (code === undefined) {
        return undefined;
    }
    return typeof code === 'object' ? String(code.value) : String(code);
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
    return diagnostics.filter(d => codeOf(d) === code);
}

/** `file:line:col severity code message` lines (1-based), as the CLI prints them: for failure messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    if (diagnostics.length === 0) {
        return '(no diagnostics)';
    }
    return diagnostics
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d) ?? '-'} ${d.message}`)
        .join('\n');
}

export interface WaitOptions {
    readonly timeoutMs?: number;
    /** Ignore the diagnostics already known: only a publication after this call may satisfy the wait. */
    readonly afterNextChange?: boolean;
    /** Says what was awaited, for the timeout message. */
    readonly what?: string;
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them: at once when they already
 * do (unless `afterNextChange`), else at the first `onDidChangeDiagnostics` for `uri` that makes
 * it hold. Rejects after the timeout with the last diagnostics seen.
 */
export function waitForDiagnostics(
    uri: vscode.Uri,
    accept: (diagnostics: vscode.Diagnostic[]) => boolean,
    options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const key = uri.toString();
    let subscription: vscode.Disposable | undefined;
    const satisfied = new Promise<vscode.Diagnostic[]>(resolve => {
        subscription = vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(u => u.toString() === key)) {
                const diagnostics = vscode.languages.getDiagnostics(uri);
                if (accept(diagnostics)) {
                    resolve(diagnostics);
                }
            }
        });
        if (!options.afterNextChange) {
            const current = vscode.languages.getDiagnostics(uri);
            if (accept(current)) {
                resolve(current);
            }
        }
    });
    const message = () => `no diagnostics ${options.what ?? 'as expected'} for ${vscode.workspace.asRelativePath(uri)} within ${timeoutMs} ms; last seen:\n`
        + describeDiagnostics(vscode.languages.getDiagnostics(uri));
    return withTimeout(satisfied, timeoutMs, 'timeout')
        .catch(error => {
            throw error instanceof Error && error.message === 'timeout' ? new Error(message()) : error;
        })
        .finally(() => subscription?.dispose());
}

/**
 * The position of `needle` in the document (its `occurrence`-th appearance, from 1), moved
 * `offset` characters into it: `positionOf(doc, 'latency_p99 <= 150 ms', { offset: 15 })` is on `150`.
 */
export function positionOf(document: vscode.TextDocument, needle: string, options: { occurrence?: number; offset?: number } = {}): vscode.Position {
    const text = document.getText();
    let index = -1;
    for (let seen = 0; seen < (options.occurrence ?? 1); seen++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) {
            throw new Error(`"${needle}" occurs fewer than ${options.occurrence ?? 1} time(s) in ${vscode.workspace.asRelativePath(document.uri)}`);
        }
    }
    return document.positionAt(index + (options.offset ?? 0));
}

export function rangeOf(document: vscode.TextDocument, needle: string, options: { occurrence?: number; offset?: number; length?: number } = {}): vscode.Range {
    const start = positionOf(document, needle, options);
    const length = options.length ?? needle.length - (options.offset ?? 0);
    return new vscode.Range(start, start.translate(0, length));
}

/** Markdown text of hovers, joined: what a person reads in the hover widget. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers
        .flatMap(h => h.contents)
        .map(content => (typeof content === 'string' ? content : content.value))
        .join('\n---\n');
}

/** Waits until the extension is active (opening an .mlplan file or an ML Plan command activates it). */
export async function activeExtension(): Promise<void> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) {
        const ids = vscode.extensions.all.filter(e => !e.id.startsWith('vscode.')).map(e => e.id);
        throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code (found: ${ids.join(', ') || 'none'})`);
    }
    await extension.activate();
}

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
