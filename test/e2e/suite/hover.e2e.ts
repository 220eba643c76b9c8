import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HOVERS } from './expectations.js';
import { closeAllEditors, hoverText, openPlan, positionOf } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

suite('hover', () => {
    for (const expectation of HOVERS) {
        test(expectation.title, async () => {
            const { document } = await openPlan(expectation.file);
            await serverValidated(document.uri);
            const position = positionOf(document, expectation.needle, { offset: expectation.offset });
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
            const text = hoverText(hovers ?? []);
            for (const wanted of expectation.contains) {
                assert.ok(text.includes(wanted), `hover at ${position.line + 1}:${position.character + 1} lacks "${wanted}":\n${text || '(no hover)'}`);
            }
            await closeAllEditors();
        });
    }
});
