import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openPlan, workspaceFile } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';
import { stubWindow, withStubs } from './stubs.js';

const PLAN = 'no-fallback.mlplan';
const TARGET = 'no-fallback.md';
const HAND_WRITTEN = '# Notes written by hand\n\nNot an export.\n';

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const message = (call: unknown[] | undefined) => String(call?.[0] ?? '');

/** Exports with the question answered `answer` (undefined: cancelled); returns the command's result and what was asked and said. */
async function exportAnswering(plan: vscode.Uri, answer: string | undefined, saveAs?: vscode.Uri) {
    const warning = stubWindow('showWarningMessage', async () => answer);
    const info = stubWindow('showInformationMessage', async () => undefined);
    const dialog = stubWindow('showSaveDialog', async () => saveAs);
    const written = await withStubs([warning, info, dialog], async () => vscode.commands.executeCommand<vscode.Uri | undefined>('mlplan.exportMarkdown', plan));
    return { written, asked: warning.calls, told: info.calls, dialogs: dialog.calls };
}

suite('export overwrite', () => {
    test('a file the export did not write is not overwritten without asking; cancel writes nothing', async () => {
        const target = workspaceFile(TARGET);
        const { document } = await openPlan(PLAN);
        try {
            await serverValidated(document.uri);
            await write(target, HAND_WRITTEN);
            const cancelled = await exportAnswering(document.uri, undefined);
            assert.equal(cancelled.asked.length, 1, 'the export did not ask before replacing no-fallback.md');
            assert.match(message(cancelled.asked[0]), /no-fallback\.md already exists/);
            assert.deepEqual(cancelled.asked[0].slice(2), ['Overwrite', 'Save As…']);
            assert.equal((cancelled.asked[0][1] as vscode.MessageOptions).modal, true, 'the question is not modal');
            assert.equal(cancelled.written, undefined);
            assert.equal(await read(target), HAND_WRITTEN, 'cancelling the question still overwrote the file');

            const overwritten = await exportAnswering(document.uri, 'Overwrite');
            assert.equal(overwritten.written?.toString(), target.toString());
            assert.ok((await read(target)).includes('fallback-missing'), 'Overwrite did not write the export');
            assert.equal(message(overwritten.told[0]), `ML Plan: exported ${PLAN} to ${TARGET}`);
        } finally {
            await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
            await closeAllEditors();
        }
    });

    test('re-exporting over our own unchanged export does not ask; after a change on disk it asks again', async () => {
        const target = workspaceFile(TARGET);
        const elsewhere = workspaceFile('exports/no-fallback-copy.md');
        const { document } = await openPlan(PLAN);
        try {
            await serverValidated(document.uri);
            const first = await exportAnswering(document.uri, undefined);
            assert.equal(first.asked.length, 0, 'the first export (no file yet) asked');
            const again = await exportAnswering(document.uri, undefined);
            assert.equal(again.asked.length, 0, `re-exporting over our own export asked: ${message(again.asked[0])}`);
            assert.equal(again.written?.toString(), target.toString());
            assert.match(message(again.told[0]), /exported no-fallback\.mlplan to no-fallback\.md$/);

            const exported = await read(target);
            await write(target, `${exported}\nA note added by hand.\n`);
            const saveAs = await exportAnswering(document.uri, 'Save As…', elsewhere);
            assert.equal(saveAs.asked.length, 1, 'a file changed since the export was replaced without asking');
            assert.match(String((saveAs.asked[0][1] as vscode.MessageOptions).detail), /changed since the last export/);
            assert.equal((saveAs.dialogs[0]?.[0] as vscode.SaveDialogOptions | undefined)?.defaultUri?.toString(), target.toString(), 'Save As does not default to <plan>.md');
            assert.equal(saveAs.written?.toString(), elsewhere.toString());
            assert.ok((await read(elsewhere)).includes('fallback-missing'), 'Save As wrote nothing at the chosen file');
            assert.ok((await read(target)).endsWith('A note added by hand.\n'), 'Save As overwrote the original file');
            assert.equal(message(saveAs.told[0]), 'ML Plan: exported no-fallback.mlplan to exports/no-fallback-copy.md');
        } finally {
            await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
            await vscode.workspace.fs.delete(workspaceFile('exports'), { recursive: true }).then(undefined, () => undefined);
            await closeAllEditors();
        }
    });
});
