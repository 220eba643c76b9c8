/**
 * Completion regressions found by the fuzzer (npm run fuzz): references inside the `Bound` fragment
 * whose node does not exist yet, and the dataset qualifier read from the text before the cursor.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { qualifierBefore } from '../../server/src/lsp/mlplan-completion.js';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

afterEach(() => {
    vi.restoreAllMocks();
});

/** The labels proposed at `<|>`, and what was logged to console.error meanwhile. */
async function complete(text: string): Promise<{ labels: string[]; logged: unknown[][]; ms: number }> {
    const offset = text.indexOf('<|>');
    const { document } = await check(services, text.replace('<|>', ''));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const start = performance.now();
    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
    const ms = performance.now() - start;
    return { labels: (list?.items ?? []).map((i: CompletionItem) => i.label), logged: errors.mock.calls, ms };
}

const METRICS = `  metric latency_p99 { kind software unit ms better lower }
  metric error_rate { kind software unit % better lower }`;

describe('a metric reference whose node the parser has not created yet', () => {
    test.each([
        ['an slo indicator', `slo S {\n    indicator <|>\n  }`],
        ['an slo indicator before its operator', `slo S {\n    indicator <|> <= 40 ms\n  }`],
        ['rollback when', `rollout {\n    rollback when <|> > 300 ms\n  }`],
        ['the second rollback condition', `rollout {\n    rollback when latency_p99 > 300 ms or <|>\n  }`],
    ])('%s proposes the metrics and logs nothing', async (_, member) => {
        const { labels, logged } = await complete(`plan P {\n${METRICS}\n  ${member}\n}\n`);
        expect(logged).toEqual([]);
        expect(labels).toEqual(expect.arrayContaining(['latency_p99', 'error_rate']));
    });
});

describe('the dataset qualifier before the cursor', () => {
    test.each([
        ['features subscribers.', 'subscribers'],
        ['features subscribers . ', 'subscribers'],
        ['features a, _x1.', '_x1'],
        ['features 9lives.', 'lives'],
        ['features subscribers', undefined],
        ['.', undefined],
        ['', undefined],
    ])('in %j is %j', (text, expected) => {
        expect(qualifierBefore(text, text.length)).toBe(expected);
    });

    test('is read in linear time after a very long line', async () => {
        // A regular expression anchored at the end retried from each of the 200,000 positions of
        // the comment's word: 23 s for 170,000 characters before the fix.
        const text = `plan P {\n// ${'c'.repeat(200_000)}\n  dataset d { fields { f number } }\n  model M { trains on d\n    features <|>\n  }\n}\n`;
        const { ms, logged } = await complete(text);
        expect(logged).toEqual([]);
        expect(ms).toBeLessThan(2_000);
    });
});
