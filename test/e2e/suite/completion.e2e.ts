import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STAGE_COMPLETIONS } from './expectations.js';
import { closeAllEditors, openPlan, positionOf } from './helpers.js';
import { suite, test } from './runner.js';
import { serverValidated } from './server-sync.js';

suite('completion', () => {
    test(`after \`stage \` offers ${STAGE_COMPLETIONS.join(', ')}`, async () => {
        const { document } = await openPlan('no-fallback.mlplan');
        await serverValidated(document.uri);
        // Right after `stage ` (before the current value): what may be written there.
        const position = positionOf(document, '  stage mvp', { offset: '  stage '.length });
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
        const labels = (list?.items ?? []).map(item => (typeof item.label === 'string' ? item.label : item.label.label));
        for (const stage of STAGE_COMPLETIONS) {
            assert.ok(labels.includes(stage), `no completion "${stage}" after \`stage \`; offered: ${JSON.stringify(labels.slice(0, 40))}`);
        }
        await closeAllEditors();
    });
});
