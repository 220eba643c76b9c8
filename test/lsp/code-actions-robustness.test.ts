/** Quick-fix regressions found by the fuzzer (npm run fuzz). */
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';

const services = createEditorTestServices();

async function actionsFor(text: string, code: string): Promise<{ actions: CodeAction[]; apply: (action: CodeAction) => string }> {
    const { document, diagnostics } = await check(services, text);
    const targets = withCode(diagnostics, code);
    expect(targets.length, `no ${code}`).toBeGreaterThan(0);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: targets[0].range,
        context: { diagnostics: targets },
    }) ?? []) as CodeAction[];
    return { actions, apply: action => TextDocument.applyEdits(document.textDocument, action.edit?.changes?.[document.uri.toString()] ?? []) };
}

describe('a line inserted inline after a block\'s opening brace', () => {
    test('is set apart from the token that follows it', async () => {
        // `plan C{objective s{}…`: the owner went in as ` owner owner_tbd` and ran into `objective`.
        const { actions, apply } = await actionsFor('plan C{objective s{}dataset h{fields{}}risk F{}}', 'owner-missing');
        const fix = actions.find(a => a.title.startsWith("Add 'owner"));
        expect(fix).toBeDefined();
        const fixed = apply(fix!);
        expect(fixed).toContain('owner owner_tbd objective s');
        const parsed = services.parser.LangiumParser.parse(fixed);
        expect(parsed.parserErrors.map(e => e.message)).toEqual([]);
    });
});

describe('many diagnostics on one very long line', () => {
    test('get their ignore actions in linear time', async () => {
        // The end of the line was searched from each diagnostic: quadratic in the line's length.
        const text = `plan P { ${Array.from({ length: 15_000 }, () => 'person p').join(' ')} }`;
        const { document, diagnostics } = await check(services, text);
        const duplicates = withCode(diagnostics, 'duplicate-name');
        expect(duplicates.length).toBeGreaterThan(10_000);
        const start = performance.now();
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: duplicates[0].range,
            context: { diagnostics: duplicates },
        });
        expect(performance.now() - start).toBeLessThan(3_000);
        // One code, one line: a single ignore action silences them all.
        const ignores = ((actions ?? []) as CodeAction[]).filter(a => a.title.startsWith('Ignore'));
        expect(ignores.map(a => a.title)).toEqual(["Ignore 'duplicate-name' on this line"]);
        expect(ignores[0].diagnostics).toHaveLength(duplicates.length);
    });
});
