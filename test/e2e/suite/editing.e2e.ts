import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, median, openPlan, revertAndClose, waitForDiagnostics, withCode } from './helpers.js';
import { log, suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

/** The largest bundled example (it imports a catalog, so the edit rebuilds a linked workspace). */
const LARGEST_EXAMPLE = 'examples/fraud-detection.mlplan';
const EDITS = 20;

suite('editing', () => {
    test(`an edit that creates an error is diagnosed (median over ${EDITS} edits)`, async () => {
        const editor = await openPlan(LARGEST_EXAMPLE);
        const { document } = editor;
        try {
            await serverValidated(document.uri);
            await waitForDiagnostics(document.uri, d => d.length === 0, { timeoutMs: 5_000, what: 'empty (the example is clean)' });
            // Before the closing brace of the plan: a metric with a unit that does not exist.
            const closing = document.positionAt(document.getText().trimEnd().length - 1);
            const timings: number[] = [];
            for (let i = 1; i <= EDITS; i++) {
                const line = `  metric e2e_probe_${i} { kind ml unit dayz better higher }\n`;
                const insertedLine = closing.line;
                const onInsertedLine = (d: vscode.Diagnostic[]) => withCode(d, 'unknown-unit').some(x => x.range.start.line === insertedLine);
                const started = performance.now();
                assert.ok(await editor.edit(edit => edit.insert(closing, line)), 'the insertion was not applied');
                await waitForDiagnostics(document.uri, onInsertedLine, { what: `with unknown-unit on line ${insertedLine + 1}` });
                timings.push(performance.now() - started);
                assert.ok(await editor.edit(edit => edit.delete(new vscode.Range(closing, closing.translate(1)))), 'the deletion was not applied');
                const after = await waitForDiagnostics(document.uri, d => d.length === 0, { what: 'empty after removing the probe' });
                assert.equal(after.length, 0, describeDiagnostics(after));
            }
            const rounded = timings.map(t => Math.round(t));
            log(`e2e: edit→diagnostics median ${Math.round(median(timings))} ms (min ${Math.min(...rounded)}, max ${Math.max(...rounded)}, ${EDITS} edits on ${LARGEST_EXAMPLE})`);
        } finally {
            await revertAndClose(document);
            await closeAllEditors();
        }
    }, { timeoutMs: 180_000 });
});
