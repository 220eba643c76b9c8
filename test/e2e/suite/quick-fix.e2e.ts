import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FALLBACK_QUICK_FIX as fix } from './expectations.js';
import { describeDiagnostics, openPlan, revertAndClose, waitForDiagnostics, withCode } from './helpers.js';
import { suite, test } from './runner.js';

suite('quick-fix', () => {
    test(`${fix.code} is fixed by inserting \`${fix.insertedLine}\``, async () => {
        const { document } = await openPlan(fix.file);
        try {
            const [diagnostic] = withCode(await waitForDiagnostics(document.uri, d => withCode(d, fix.code).length > 0, { what: `with ${fix.code}` }), fix.code);
            const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
                'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value) ?? [];
            const titles = actions.map(a => a.title);
            // A bare Command has a string `command`; a CodeAction has an optional Command object there.
            const action = actions
                .filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string')
                .find(a => a.title.toLowerCase().includes(fix.titleContains.toLowerCase()));
            assert.ok(action, `no quick-fix titled "…${fix.titleContains}…" for ${fix.code}; offered: ${JSON.stringify(titles)}`);
            assert.ok(action.edit || action.command, `quick-fix "${action.title}" has neither an edit nor a command`);
            if (action.edit) {
                assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
            }
            if (action.command) {
                await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
            }
            const lines = document.getText().split(/\r?\n/).map(line => line.trim());
            assert.ok(lines.includes(fix.insertedLine), `after "${action.title}" the plan has no line \`${fix.insertedLine}\`:\n${document.getText()}`);
            const after = await waitForDiagnostics(document.uri, d => withCode(d, fix.code).length === 0, { what: `without ${fix.code}` });
            assert.equal(after.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length, 0, `the fix introduced errors:\n${describeDiagnostics(after)}`);
        } finally {
            await revertAndClose(document);
        }
    });
});
