import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, describeDiagnostics, EXTENSION_ID, openPlan, rangeOf, waitForDiagnostics, withCode } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

suite('diagnostics', () => {
    test('the extension activates on an .mlplan file', async () => {
        await openPlan('no-fallback.mlplan');
        await activeExtension();
        assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is not active');
        assert.equal(vscode.window.activeTextEditor?.document.languageId, 'mlplan');
    }, { timeoutMs: 60_000 });

    test('a plan without fallback has fallback-missing on `serving`, as a warning', async () => {
        const editor = await openPlan('no-fallback.mlplan');
        const document = editor.document;
        const diagnostics = await waitForDiagnostics(document.uri, d => withCode(d, 'fallback-missing').length > 0, { what: 'with fallback-missing' });
        const found = withCode(diagnostics, 'fallback-missing');
        assert.equal(found.length, 1, describeDiagnostics(diagnostics));
        const [fallback] = found;
        // Reported on the `serving` keyword of the block (the block has no name).
        const expected = rangeOf(document, '  serving {', { offset: 2, length: 'serving'.length });
        assert.ok(fallback.range.isEqual(expected),
            `range ${show(fallback.range)}, expected ${show(expected)}`);
        assert.equal(fallback.severity, vscode.DiagnosticSeverity.Warning);
        assert.match(fallback.message, /no fallback defined/);
        // The fixture is built to have no other finding.
        assert.equal(diagnostics.length, 1, describeDiagnostics(diagnostics));
        await closeAllEditors();
    });

    test('the clean example fraud-detection.mlplan (with an import) has none', async () => {
        const editor = await openPlan('examples/fraud-detection.mlplan');
        await serverValidated(editor.document.uri);
        const diagnostics = await waitForDiagnostics(editor.document.uri, d => d.length === 0, { timeoutMs: 5_000, what: 'empty' });
        assert.equal(diagnostics.length, 0);
        await closeAllEditors();
    });
});

function show(range: vscode.Range): string {
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
