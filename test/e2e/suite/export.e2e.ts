import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openPlan } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

suite('export', () => {
    test('mlplan.exportMarkdown writes <plan>.md next to the plan and opens it', async () => {
        const { document } = await openPlan('no-fallback.mlplan');
        await serverValidated(document.uri);
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlplan.exportMarkdown', document.uri);
        assert.ok(written, 'mlplan.exportMarkdown returned no file');
        assert.equal(written.path, document.uri.path.replace(/\.mlplan$/, '.md'));
        const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
        assert.ok(markdown.startsWith('# '), `the export does not start with a heading:\n${markdown.slice(0, 200)}`);
        assert.ok(markdown.includes('fallback-missing'), 'the export does not list the open diagnostic fallback-missing');
        assert.ok(vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === written.toString()), 'the exported file is not shown');
        await vscode.workspace.fs.delete(written);
        await closeAllEditors();
    });

    test('mlplan.openPreview shows the plan as HTML under a strict Content-Security-Policy, without scripts', async () => {
        const { document } = await openPlan('no-fallback.mlplan');
        await serverValidated(document.uri);
        const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('mlplan.openPreview', document.uri);
        assert.ok(panel, 'mlplan.openPreview returned no panel');
        const html = panel.webview.html;
        assert.ok(/Content-Security-Policy" content="default-src 'none'/.test(html), `no strict CSP in:\n${html.slice(0, 400)}`);
        assert.equal(panel.webview.options.enableScripts, false);
        assert.ok(!/<script/i.test(html), 'the preview contains a script tag');
        panel.dispose();
        await closeAllEditors();
    });
});
