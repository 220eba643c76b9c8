import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, waitForDiagnostics, withCode } from './helpers.js';
import { suite, test } from './runner.js';
import { stubWindow, withStubs } from './stubs.js';

/** Line 4 (1-based) misses the value of `stage`: the parser stops there. */
const BROKEN = 'plan Broken {\n    owner ana\n  person ana { name "Ana" }\n  stage\n}\n';
const MESSY = 'plan Messy {\n      owner ana\n  person ana { name "Ana" }\n}\n';
const OPTIONS: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };

async function untitledPlan(content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language: 'mlplan', content });
    await vscode.window.showTextDocument(document);
    return document;
}

/** Format Document, or Format Selection on `range`, with the status bar message captured. */
async function formatCapturingStatus(document: vscode.TextDocument, range?: vscode.Range) {
    const status = stubWindow('setStatusBarMessage', () => new vscode.Disposable(() => undefined));
    const edits = await withStubs([status], async () => range
        ? vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatRangeProvider', document.uri, range, OPTIONS)
        : vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', document.uri, OPTIONS));
    return { edits: edits ?? [], status: status.calls };
}

suite('format message', () => {
    test('Format Document (and Format Selection reaching the error) on a plan with a syntax error changes nothing and says why on the status bar', async () => {
        const document = await untitledPlan(BROKEN);
        try {
            const diagnostics = await waitForDiagnostics(document.uri, d => withCode(d, 'syntax-error').length > 0, { what: 'with syntax-error' });
            const first = withCode(diagnostics, 'syntax-error')[0];
            const { edits, status } = await formatCapturingStatus(document);
            assert.equal(edits.length, 0, 'the formatter changed a file that does not parse');
            assert.equal(status.length, 1, `no status bar message; diagnostics:\n${describeDiagnostics(diagnostics)}`);
            const [text, timeout] = status[0] as [string, number];
            assert.equal(text, `ML Plan: not formatted — line ${first.range.start.line + 1} has a syntax error: ${first.message.split('\n')[0].trim()}`);
            assert.match(text, /line [45] has a syntax error/);
            assert.equal(timeout, 10_000);

            // Format Selection above the error formats (Langium formats a range that ends before the first error) and says nothing.
            const above = await formatCapturingStatus(document, new vscode.Range(0, 0, 1, 13));
            assert.ok(above.edits.length > 0, 'Format Selection above the syntax error did not re-indent `    owner ana`');
            assert.equal(above.status.length, 0, `a status bar message for a selection above the error: ${JSON.stringify(above.status)}`);
            // A selection past the error is refused, and the status bar says why. (It must end after the
            // error's line: Langium compares the error's 1-based line with the range's 0-based end line.)
            const across = await formatCapturingStatus(document, new vscode.Range(0, 0, 5, 0));
            assert.equal(across.edits.length, 0);
            assert.equal(across.status[0]?.[0], text);
        } finally {
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
            await closeAllEditors();
        }
    });

    test('a plan that parses is formatted, without a status bar message', async () => {
        const document = await untitledPlan(MESSY);
        try {
            await waitForDiagnostics(document.uri, () => true, { what: 'published' });
            const { edits, status } = await formatCapturingStatus(document);
            assert.ok(edits.length > 0, 'the formatter did not re-indent `      owner ana`');
            assert.equal(status.length, 0, `a status bar message for a plan that parses: ${JSON.stringify(status)}`);
        } finally {
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
            await closeAllEditors();
        }
    });
});
