import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, openPlan, revertAndClose, waitForDiagnostics } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

suite('commands', () => {
    test('mlplan.openDocs renders the documentation that ships with the extension', async () => {
        await closeAllEditors();
        await vscode.commands.executeCommand('mlplan.openDocs');
        const deadline = Date.now() + 10_000;
        const labels = () => vscode.window.tabGroups.all.flatMap(group => group.tabs.map(tab => tab.label));
        while (Date.now() < deadline && !labels().some(label => /README/.test(label))) {
            await new Promise(resolve => setTimeout(resolve, 100));
        }
        assert.ok(labels().some(label => /^Preview README\.md$/.test(label)), `no rendered docs/README.md tab; tabs: ${JSON.stringify(labels())}`);
        await vscode.commands.executeCommand('mlplan.openDocs', 'rules/fallback-missing.md');
        while (Date.now() < deadline + 10_000 && !labels().some(label => /fallback-missing/.test(label))) {
            await new Promise(resolve => setTimeout(resolve, 100));
        }
        assert.ok(labels().some(label => /^Preview fallback-missing\.md$/.test(label)), `no rendered rule page; tabs: ${JSON.stringify(labels())}`);
        await closeAllEditors();
    });

    test('mlplan.newPlan growth Demo opens an untitled plan that checks clean', async () => {
        await vscode.commands.executeCommand('mlplan.newPlan', 'growth', 'Demo');
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor, 'no active editor after mlplan.newPlan');
        const { document } = editor;
        try {
            assert.equal(document.uri.scheme, 'untitled');
            // The tab is titled by the plan's name, not by the template's first comment.
            assert.ok(document.uri.path.endsWith('Demo.mlplan'), `untitled document named ${document.uri.path}`);
            assert.equal(document.languageId, 'mlplan');
            assert.ok(document.getText().includes('plan Demo {'), `the new plan lacks "plan Demo {":\n${document.getText()}`);
            // .mlplan files default to the 2-space indentation the formatter and the examples use.
            assert.equal(editor.options.tabSize, 2);
            assert.equal(editor.options.insertSpaces, true);
            // The cursor lands on the first placeholder, selected: typing replaces it.
            assert.equal(document.getText(editor.selection), 'TODO: one sentence on the decision this model supports.');
            await serverValidated(document.uri);
            const diagnostics = await waitForDiagnostics(document.uri, d => d.length === 0, { timeoutMs: 10_000, what: 'empty' });
            assert.equal(diagnostics.length, 0, describeDiagnostics(diagnostics));
        } finally {
            await revertAndClose(document);
        }
    });

    test('mlplan.showReadiness returns a report whose markdown says Readiness', async () => {
        const { document } = await openPlan('no-fallback.mlplan');
        await serverValidated(document.uri);
        const report = await vscode.commands.executeCommand<{ markdown?: string } | undefined>('mlplan.showReadiness', document.uri);
        assert.ok(report, 'mlplan.showReadiness returned nothing');
        assert.ok(report.markdown?.includes('Readiness'), `the report's markdown lacks "Readiness":\n${report.markdown}`);
        await closeAllEditors();
    });
});
