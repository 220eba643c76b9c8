import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { MlPlanCompletionProvider } from '../../server/src/lsp/mlplan-completion.js';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();
const fast = services.lsp.CompletionProvider as MlPlanCompletionProvider;

/** The same provider, but finding what may follow the cursor as Langium does: by parsing all the text before it. */
class WholePrefixCompletion extends MlPlanCompletionProvider {
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        return DefaultCompletionProvider.prototype['findFeaturesAt'].call(this, document, offset) as NextFeature[];
    }
}
const reference = new WholePrefixCompletion(services);

const shown = (items: CompletionItem[] | undefined) => (items ?? []).map(i => `${i.kind} ${i.label} ${i.sortText} ${JSON.stringify(i.textEdit)}`).sort();

test('completion parses only the member at the cursor, and proposes what parsing the whole text before it proposes', async () => {
    const plan = readFileSync(join(__dirname, '../../examples/churn-prediction.mlplan'), 'utf8');
    // Every position that starts or ends a word, a brace or a number, plus positions after spaces and mid-word.
    const positions = [...plan.matchAll(/\b|[{}]| (?=\S)/g)].map(m => m.index ?? 0).filter((_, i) => i % 3 === 0);
    const { document } = await check(services, plan);
    expect(document.parseResult.parserErrors).toEqual([]);
    let compared = 0;
    for (const offset of positions) {
        const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
        const got = await fast.getCompletion(document, params);
        const expected = await reference.getCompletion(document, params);
        expect(shown(got?.items), `at ${params.position.line + 1}:${params.position.character + 1}`).toEqual(shown(expected?.items));
        compared++;
    }
    expect(compared).toBeGreaterThan(300);
});

test('a member being typed, with its syntax error, completes as with the whole text', async () => {
    const text = 'plan P {\n  dataset d { fields { a number } }\n  model m {\n    trains on d\n    features \n  }\n  metric x { kind ml }\n}\n';
    const { document } = await check(services, text);
    const offset = text.indexOf('features ') + 'features '.length;
    const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
    const got = shown((await fast.getCompletion(document, params))?.items);
    expect(got).toEqual(shown((await reference.getCompletion(document, params))?.items));
    expect(got.some(item => item.includes(' a '))).toBe(true);
});
