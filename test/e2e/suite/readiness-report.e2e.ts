import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openPlan, revertAndClose, rangeOf } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

interface Report {
    readonly markdown: string;
    readonly diagnostics: ReadonlyArray<{ severity: string; code: string; category?: string; line: number; message: string }>;
}

/** The churn example with one finding of each kind of rule, and an unused ignore comment. */
const PLAN = 'several-kinds.mlplan';

function reportDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find(d => d.uri.scheme === 'mlplan-readiness' && d.uri.path.endsWith('ChurnPrediction-readiness.md'));
}

function markdownPreviewTab(): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap(g => g.tabs)
        .find(tab => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes('ChurnPrediction-readiness'));
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = probe();
        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what} within ${timeoutMs} ms`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

suite('readiness report', () => {
    test('lists every open diagnostic, of every kind of rule, grouped by severity, in a rendered preview that follows edits', async () => {
        const editor = await openPlan(PLAN);
        const { document } = editor;
        try {
            await serverValidated(document.uri);
            const report = await vscode.commands.executeCommand<Report | undefined>('mlplan.showReadiness', document.uri);
            assert.ok(report, 'mlplan.showReadiness returned nothing');
            const kinds = new Set(report.diagnostics.map(d => d.category));
            assert.deepEqual([...kinds].sort(), ['completeness', 'consistency', 'cross-check', 'source'], JSON.stringify(report.diagnostics));
            for (const code of ['unresolved-reference', 'fallback-missing', 'capacity-below-peak', 'rollout-stages-not-increasing', 'unused-ignore']) {
                assert.ok(report.markdown.includes(`\`${code}\``), `the report does not list ${code}:\n${report.markdown}`);
            }
            for (const heading of ['## Missing (1)', '## Open diagnostics', '### Errors (3)', '### Warnings (1)', '### Hints (1)', '## Met (23)']) {
                assert.ok(report.markdown.includes(`\n${heading}\n`), `the report has no "${heading}":\n${report.markdown}`);
            }
            // Shown rendered (the Markdown preview, a webview), not as Markdown source in an editor.
            await until('no Markdown preview tab of ChurnPrediction-readiness.md', markdownPreviewTab);
            assert.ok(!vscode.window.visibleTextEditors.some(e => e.document.uri.scheme === 'mlplan-readiness'), 'the report is shown as source');

            // The plan changes: the report document follows (the preview re-renders it).
            const shown = await until('the report document is not open', reportDocument);
            assert.ok(shown.getText().includes('`unresolved-reference`'));
            assert.ok(await editor.edit(edit => edit.replace(rangeOf(document, 'owner nobody'), 'owner raj')), 'the edit was not applied');
            await until('the report still lists unresolved-reference after it was fixed', () => !reportDocument()?.getText().includes('`unresolved-reference`') || undefined, 20_000);
            assert.ok(reportDocument()?.getText().includes('### Errors (2)'), reportDocument()?.getText());
        } finally {
            await revertAndClose(document);
            await closeAllEditors();
        }
    });
});
