/** Formatting regression found by the fuzzer (npm run fuzz): deeply nested blocks. */
import { expect, test } from 'vitest';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

test('range formatting 30,000 nested blocks takes linear time', async () => {
    // Whether each block was written on one line was decided by searching the text between its
    // braces for a line break: quadratic in the nesting depth (seconds at 10,000).
    const depth = 30_000;
    const text = `plan P {\n  metric m { kind ml }\n}\n${'{'.repeat(depth)}\n${'}'.repeat(depth)}\n`;
    const { document } = await check(services, text);
    const start = performance.now();
    await services.lsp.Formatter!.formatDocumentRange(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: 2, insertSpaces: true },
        range: { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } },
    });
    expect(performance.now() - start).toBeLessThan(3_000);
});
