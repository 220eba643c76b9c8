import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReadinessReport } from '../../server/src/lsp/mlplan-commands.js';

export const READINESS_SCHEME = 'mlplan-readiness';

/**
 * "ML Plan: Show Readiness Report": the server's report (the readiness checklist and every open
 * diagnostic, grouped by severity) as a read-only Markdown document of its own scheme, shown in
 * VS Code's Markdown preview beside the plan. The document's content is asked from the server each
 * time VS Code reads it, and it is re-read whenever the plan's diagnostics change, so the preview
 * follows the plan as it is edited.
 */
export class ReadinessReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly last = new Map<string, string>();
    /** Plan URI → its report's URI, for the plans whose report was shown. */
    private readonly live = new Map<string, vscode.Uri>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
    private readonly subscriptions: vscode.Disposable[];
    readonly onDidChange = this.changed.event;

    constructor(private readonly client: () => LanguageClient | undefined) {
        this.subscriptions = [
            vscode.workspace.registerTextDocumentContentProvider(READINESS_SCHEME, this),
            vscode.languages.onDidChangeDiagnostics(event => {
                for (const uri of event.uris) {
                    const report = this.live.get(uri.toString());
                    if (report) {
                        this.refreshSoon(report);
                    }
                }
            }),
            vscode.workspace.onDidCloseTextDocument(document => {
                this.live.delete(document.uri.toString());
            }),
            this.changed,
        ];
    }

    dispose(): void {
        this.pending.forEach(timer => clearTimeout(timer));
        vscode.Disposable.from(...this.subscriptions).dispose();
    }

    /** Asks the server for the report of `plan` and shows it rendered beside the plan. */
    async show(plan: string): Promise<ReadinessReport | undefined> {
        const report = await this.request(plan);
        if (!report) {
            return undefined;
        }
        const uri = reportUri(plan, report.plan);
        this.last.set(uri.toString(), withFooter(report.markdown, plan));
        this.live.set(plan, uri);
        // An open report document is re-read; a preview already showing it follows.
        this.changed.fire(uri);
        try {
            await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
        } catch {
            // No Markdown preview (the built-in extension is disabled): the source, read-only.
            const document = await vscode.workspace.openTextDocument(uri);
            await vscode.languages.setTextDocumentLanguage(document, 'markdown');
            await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
        return report;
    }

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const plan = planOf(uri);
        const report = plan ? await this.request(plan).catch(() => undefined) : undefined;
        if (report && plan) {
            this.last.set(uri.toString(), withFooter(report.markdown, plan));
        }
        return this.last.get(uri.toString()) ?? '*No readiness report: the plan is no longer open.*\n';
    }

    private async request(plan: string): Promise<ReadinessReport | undefined> {
        const client = this.client();
        if (!client) {
            return undefined;
        }
        return client.sendRequest<ReadinessReport | undefined>('workspace/executeCommand', {
            command: 'mlplan.readinessReport',
            arguments: [plan],
        });
    }

    private refreshSoon(report: vscode.Uri): void {
        const key = report.toString();
        clearTimeout(this.pending.get(key));
        this.pending.set(key, setTimeout(() => {
            this.pending.delete(key);
            this.changed.fire(report);
            // VS Code drops a virtual document no editor shows after a while; the preview then
            // holds its last rendering, so ask it to read the document again.
            if (!vscode.workspace.textDocuments.some(d => d.uri.toString() === key)) {
                void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined);
            }
        }, 300));
    }
}

/** `mlplan-readiness:/<Plan>-readiness.md?<plan URI>`: the tab reads "<Plan>-readiness.md". */
export function reportUri(plan: string, planName: string | undefined): vscode.Uri {
    const name = planName ?? vscode.Uri.parse(plan).path.split('/').pop()?.replace(/\.mlplan$/i, '') ?? 'plan';
    return vscode.Uri.from({ scheme: READINESS_SCHEME, path: `/${name}-readiness.md`, query: plan });
}

function planOf(uri: vscode.Uri): string | undefined {
    return uri.query || undefined;
}

function withFooter(markdown: string, plan: string): string {
    return `${markdown.trimEnd()}\n\n---\n\n*Updates as ${vscode.workspace.asRelativePath(vscode.Uri.parse(plan))} changes.*\n`;
}
