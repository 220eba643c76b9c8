import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExportResult } from '../../server/src/lsp/mlplan-commands.js';
import { chooseExportTarget, ExportLedger } from './export-overwrite.js';

/**
 * "ML Plan: Export to Markdown" and "ML Plan: Open Preview". The text comes from the language
 * server's `mlplan.export` command: the same exporters as `mlplan export`, run on the editor's
 * current (possibly unsaved) text.
 */
export function registerExportCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    const previews = new Map<string, vscode.WebviewPanel>();
    const ledger = new ExportLedger(context.workspaceState);
    context.subscriptions.push(
        vscode.commands.registerCommand('mlplan.exportMarkdown', (uri?: vscode.Uri) => exportMarkdown(client(), ledger, uri)),
        vscode.commands.registerCommand('mlplan.openPreview', (uri?: vscode.Uri) => openPreview(client(), previews, uri)),
        vscode.workspace.onDidChangeTextDocument(debounced(event => {
            const panel = previews.get(event.document.uri.toString());
            if (panel) {
                void renderPreview(client(), panel, event.document.uri);
            }
        }, 300)),
    );
}

async function requestExport(client: LanguageClient | undefined, uri: vscode.Uri, format: 'markdown' | 'html'): Promise<ExportResult | undefined> {
    if (!client) {
        return undefined;
    }
    return client.sendRequest<ExportResult | undefined>('workspace/executeCommand', {
        command: 'mlplan.export',
        arguments: [uri.toString(), format],
    });
}

/**
 * The plan a command acts on: the one given, else the active editor's, else the one visible plan
 * (a command run from the walkthrough or a webview beside the plan leaves no text editor active).
 */
export function targetUri(uri?: vscode.Uri): vscode.Uri | undefined {
    if (uri instanceof vscode.Uri) {
        return uri;
    }
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === 'mlplan') {
        return active.document.uri;
    }
    const visible = vscode.window.visibleTextEditors.filter(editor => editor.document.languageId === 'mlplan');
    return visible.length === 1 ? visible[0].document.uri : undefined;
}

/**
 * Writes `<plan>.md` next to the plan (asking first when that file is not our last, untouched
 * export), opens it beside and says where it went. Returns the written file.
 */
async function exportMarkdown(client: LanguageClient | undefined, ledger: ExportLedger, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const source = targetUri(uri);
    if (!source) {
        void vscode.window.showInformationMessage('ML Plan: open an .mlplan file to export it.');
        return undefined;
    }
    const result = await requestExport(client, source, 'markdown');
    if (!result?.text) {
        void vscode.window.showErrorMessage(`ML Plan: not exported: ${result?.refused ?? 'the language server has no plan at this location'}`);
        return undefined;
    }
    const target = source.scheme === 'untitled'
        ? undefined
        : source.with({ path: source.path.replace(/\.mlplan$/i, '') + '.md' });
    if (!target) {
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
        await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
        return document.uri;
    }
    const content = new TextEncoder().encode(result.text);
    const chosen = await chooseExportTarget(ledger, target, source, content);
    if (!chosen) {
        return undefined; // cancelled: nothing written
    }
    await vscode.workspace.fs.writeFile(chosen, content);
    await ledger.record(chosen, content);
    await vscode.window.showTextDocument(chosen, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    void vscode.window.showInformationMessage(`ML Plan: exported ${baseName(source)} to ${vscode.workspace.asRelativePath(chosen)}`, REVEAL)
        .then(answer => answer === REVEAL ? vscode.commands.executeCommand('revealInExplorer', chosen) : undefined);
    return chosen;
}

const REVEAL = 'Reveal in Explorer';

/** A webview beside the editor, re-rendered as the plan is edited. Scripts are disabled. */
async function openPreview(client: LanguageClient | undefined, previews: Map<string, vscode.WebviewPanel>, uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
    const source = targetUri(uri);
    if (!source) {
        void vscode.window.showInformationMessage('ML Plan: open an .mlplan file to preview it.');
        return undefined;
    }
    const key = source.toString();
    let panel = previews.get(key);
    if (panel) {
        panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
        panel = vscode.window.createWebviewPanel('mlplan.preview', `Preview ${baseName(source)}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
        previews.set(key, panel);
        panel.onDidDispose(() => previews.delete(key));
    }
    await renderPreview(client, panel, source);
    return panel;
}

const lastGood = new WeakMap<vscode.WebviewPanel, string>();

async function renderPreview(client: LanguageClient | undefined, panel: vscode.WebviewPanel, source: vscode.Uri): Promise<void> {
    const result = await requestExport(client, source, 'html');
    if (result?.text) {
        lastGood.set(panel, result.text);
        panel.webview.html = result.text;
        return;
    }
    // While the plan does not parse, keep showing the last valid rendering under a notice.
    const reason = escapeHtml(result?.refused ?? 'no plan at this location');
    const previous = lastGood.get(panel);
    const notice = `<p style="padding:.5em;border:1px solid #c33;background:#fee;color:#600">Not updated: ${reason}</p>`;
    panel.webview.html = previous ? previous.replace(/<body([^>]*)>/, (_match, attributes: string) => `<body${attributes}>${notice}`) : `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body>${notice}</body></html>`;
}

function baseName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() ?? uri.path;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function debounced<T>(fn: (value: T) => void, ms: number): (value: T) => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return value => {
        clearTimeout(timer);
        timer = setTimeout(() => fn(value), ms);
    };
}
