import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, openPlan, revertAndClose, waitForDiagnostics, withCode } from './helpers.js';
import { suite, test } from './runner.js';

/** Findings on text a fix left for the author to write (LANGUAGE.md 4.1: a placeholder satisfies no rule). */
const PLACEHOLDER_CODES = new Set(['dataset-source-missing', 'dataset-version-missing', 'model-version-missing']);

suite('add all missing sections', () => {
    test('on a bare growth plan: one quick-fix writes every section, the first placeholder comes selected, only placeholders are left', async () => {
        const editor = await openPlan('bare-growth.mlplan');
        const { document } = editor;
        try {
            const [diagnostic] = withCode(await waitForDiagnostics(document.uri, d => withCode(d, 'objective-missing').length > 0, { what: 'with objective-missing' }), 'objective-missing');
            const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
                'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value) ?? [];
            const all = actions.find((a): a is vscode.CodeAction => a.title.startsWith('Add all'));
            assert.ok(all?.edit, `no "Add all … missing sections" among: ${JSON.stringify(actions.map(a => a.title))}`);
            assert.equal(all.title, 'Add all 10 missing sections for stage growth');
            assert.ok(await vscode.workspace.applyEdit(all.edit), 'applying the edit failed');
            const text = document.getText();
            assert.ok(text.includes('    trains on training_data\n') && text.includes('    fallback SimpleBaseline\n'), `the sections do not refer to each other:\n${text}`);
            // A snippet edit: the editor selects the first thing only the author can write.
            const selected = vscode.window.activeTextEditor?.document === document ? document.getText(vscode.window.activeTextEditor.selection) : '';
            assert.equal(selected, 'TODO: who answers for the plan', `the selection after the fix is ${JSON.stringify(selected)}`);
            const after = await waitForDiagnostics(document.uri, d => withCode(d, 'objective-missing').length === 0, { what: 'without objective-missing' });
            const others = after.filter(d => !PLACEHOLDER_CODES.has(codeOf(d) ?? ''));
            assert.deepEqual(others, [], `findings other than placeholders:\n${describeDiagnostics(others)}`);
        } finally {
            await revertAndClose(document);
        }
    });
});
