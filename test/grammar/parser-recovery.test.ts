/**
 * Chevrotain's error recovery costs about 0.1 ms per syntax error: a dataset with `fields { `
 * repeated 10,000 times took a second to parse and completion near its end seconds more (found by
 * the fuzzer). After MAX_RECOVERED_ERRORS errors the parser stops recovering and the next error
 * ends the parse (server/src/language/mlplan-parser.ts); below that, recovery is Langium's own.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import * as ast from '../../server/src/generated/ast.js';
import { MAX_RECOVERED_ERRORS } from '../../server/src/language/mlplan-parser.js';
import { check, createEditorTestServices } from '../support/services.js';
import { syntaxOf } from '../support/diagnostics.js';

const services = createEditorTestServices();
const TYPES = 'expected `number`, `category`, `text`, `boolean`, `date`, `image` or `embedding`, found `{`';
const KIND = 'expected `business`, `ml` or `software`, found `=`';
const tooMany = (count: number) => `too many syntax errors (${count}): the file is not read past this point until the first ones are fixed`;

/** The fuzzer's reproducer: `fields { ` repeated, each `fields` a field missing its type. */
const nestedFields = (count: number) => `plan P { dataset d { ${'fields { '.repeat(count)} } }`;

/** A plan of `count` metrics with one syntax error each (line i + 2), then a person. */
const brokenMetrics = (count: number) =>
    `plan P {\n${Array.from({ length: count }, (_, i) => `  metric m${i} { kind = }\n`).join('')}  person last\n}\n`;

test('the bound is 100 errors', () => {
    expect(MAX_RECOVERED_ERRORS).toBe(100);
});

describe('a pathological file costs little', () => {
    test('10,000 × `fields { `: 100 errors, then where the parser stopped', async () => {
        const text = nestedFields(10_000);
        const start = performance.now();
        const result = services.parser.LangiumParser.parse(text);
        // Tens of milliseconds; with recovery throughout it took about a second.
        expect(performance.now() - start).toBeLessThan(1_000);
        expect(result.parserErrors).toHaveLength(100);

        const { syntax } = await syntaxOf(services, text);
        // `fields` at column 22 + 9 i (1-based), its `{` 7 characters later.
        expect(syntax).toEqual([
            ...Array.from({ length: 100 }, (_, i) => `syntax-error@1:${38 + 9 * i}-1:${39 + 9 * i} ${TYPES}`),
            `syntax-error@1:929-1:930 ${tooMany(100)}`,
        ]);
    });

    test('the completion parser is bounded too', () => {
        const text = nestedFields(20_000);
        const start = performance.now();
        services.parser.CompletionParser.parse(text);
        expect(performance.now() - start).toBeLessThan(1_000);
    });

    test('completion at the end of such a file answers quickly', async () => {
        const text = nestedFields(10_000);
        const { document } = await check(services, text);
        const start = performance.now();
        await services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 0, character: text.length - 4 },
        });
        expect(performance.now() - start).toBeLessThan(1_000);
    });
});

describe('a file with fewer errors keeps full recovery', () => {
    test('99 errors: each reported, and the plan parsed to its end', async () => {
        const { syntax, plan } = await syntaxOf(services, brokenMetrics(99));
        // The `=` of metric m<i>, line i + 2, is at column 19 + the length of i (1-based).
        expect(syntax).toEqual(Array.from({ length: 99 }, (_, i) => {
            const column = 19 + String(i).length;
            return `syntax-error@${i + 2}:${column}-${i + 2}:${column + 1} ${KIND}`;
        }));
        expect(plan?.members).toHaveLength(100);
        expect(plan?.members.at(-1)).toMatchObject({ $type: ast.Person.$type, name: 'last' });
    });

    test('150 errors: the parse ends at the 100th, which says so', async () => {
        const { syntax, plan } = await syntaxOf(services, brokenMetrics(150));
        expect(syntax).toHaveLength(101);
        expect(syntax.slice(-2)).toEqual([
            `syntax-error@101:21-101:22 ${KIND}`,
            `syntax-error@101:21-101:22 ${tooMany(100)}`,
        ]);
        // Metrics m0…m99 were read; nothing after the 100th error was.
        expect(plan?.members.map(m => (m as ast.Metric).name).slice(-2)).toEqual(['m98', 'm99']);
    });

    test('the bound holds per parse: the next document recovers again', async () => {
        services.parser.LangiumParser.parse(nestedFields(1_000));
        const { syntax, plan } = await syntaxOf(services, 'plan P {\n  metric a { kind = }\n  metric b { unit }\n  person c\n}\n');
        expect(syntax).toEqual([
            `syntax-error@2:19-2:20 ${KIND}`,
            'syntax-error@3:19-3:20 expected `%` or a name, found `}`',
        ]);
        expect(plan?.members.map(m => m.$type)).toEqual(['Metric', 'Metric', 'Person']);
    });
});
