/**
 * A synchronisation point with the language server. `mlplan.readinessReport` (a server command the
 * language client registers as a VS Code command) answers only after the server has validated the
 * document, and the server publishes a document's diagnostics before it answers: once the report
 * is back, the diagnostics the client holds for the document are that build's.
 */
import * as vscode from 'vscode';
import { waitForDiagnostics } from './helpers.js';

interface ReadinessReport {
    readonly uri: string;
    readonly plan?: string;
    readonly markdown: string;
}

export async function serverValidated(uri: vscode.Uri, timeoutMs = 20_000): Promise<ReadinessReport> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const report = await vscode.commands.executeCommand<ReadinessReport | undefined>('mlplan.readinessReport', uri.toString());
        if (report) {
            return report;
        }
        // The server does not know the document yet (it was just opened): its first publication says it does.
        const left = deadline - Date.now();
        if (left <= 0) {
            throw new Error(`the language server did not validate ${vscode.workspace.asRelativePath(uri)} within ${timeoutMs} ms`);
        }
        await waitForDiagnostics(uri, () => true, { afterNextChange: true, timeoutMs: left, what: 'published at all' });
    }
}
