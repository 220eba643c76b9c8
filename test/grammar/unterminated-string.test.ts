/**
 * A string that does not close on its line is one STRING token up to the end of the line, reported
 * once as `unterminated string` (server/src/language/mlplan-lexer.ts). Before, the STRING terminal
 * failed there and Chevrotain retried it at every later `"` of the line, each retry scanning to the
 * end: quadratic (40,000 × `\"` after an unterminated `"` lexed in 5.6 s; found by the fuzzer).
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { exportRefusal } from '../../server/src/export/refusal.js';
import { isTerminatedString } from '../../server/src/language/mlplan-lexer.js';
import { mlplan, removeTree, tempTree } from '../cli/run.js';
import { check, createEditorTestServices } from '../support/services.js';
import { syntaxOf, withCode } from '../support/diagnostics.js';

const services = createEditorTestServices();
const UNTERMINATED = 'unterminated string: a string must close with `"` on the same line';

describe('the diagnostic', () => {
    test('is an error with code syntax-error on the whole string, and nothing else is reported', async () => {
        const { document, plan } = await syntaxOf(services, 'plan P {\n  title "Churn prediction\n  stage mvp\n}\n');
        const syntax = withCode(document.diagnostics ?? [], 'syntax-error');
        expect(syntax).toEqual([{
            range: { start: { line: 1, character: 8 }, end: { line: 1, character: 25 } },
            severity: DiagnosticSeverity.Error,
            code: 'syntax-error',
            message: UNTERMINATED,
            source: 'mlplan',
            data: { code: 'syntax-error', langiumCode: 'lexing-error' },
        }]);
        // The string still parses as the title, and what follows as the rest of the plan.
        expect(plan?.title).toBe('Churn prediction');
        expect(plan?.stage).toBe('mvp');
    });

    test.each([
        ['an escaped quote last', 'plan P { title "say \\"hi\\"\n}', ['syntax-error@1:16-1:27'], 'say "hi"'],
        ['a backslash last', 'plan P { title "abc\\\n}', ['syntax-error@1:16-1:21'], 'abc\\'],
        ['a lone quote', 'plan P { title "\n}', ['syntax-error@1:16-1:17'], ''],
        ['a CRLF line end', 'plan P { title "abc\r\n}', ['syntax-error@1:16-1:20'], 'abc'],
        ['the second string of the line', 'plan P { title "a" summary "b\n}', ['syntax-error@1:28-1:30'], 'a'],
    ])('with %s', async (_, text, expected, title) => {
        const { syntax, plan } = await syntaxOf(services, text);
        expect(syntax).toEqual(expected.map(at => `${at} ${UNTERMINATED}`));
        expect(plan?.title).toBe(title);
    });

    test('an invalid escape inside is reported too', async () => {
        const { syntax } = await syntaxOf(services, 'plan P { title "a\\qb\n}');
        expect(syntax).toEqual([
            `syntax-error@1:16-1:21 ${UNTERMINATED}`,
            'syntax-error@1:18-1:20 invalid escape `\\q` in a string: only \\" and \\\\ are escapes',
        ]);
    });

    test('at the end of the file, the missing `}` is reported after it', async () => {
        const { syntax } = await syntaxOf(services, 'plan P { title "abc');
        expect(syntax).toEqual([
            `syntax-error@1:16-1:20 ${UNTERMINATED}`,
            'syntax-error@1:20-1:20 expected `}`, found the end of the file',
        ]);
    });

    test('a closed string is not affected, escapes included', async () => {
        const { syntax, plan } = await syntaxOf(services, 'plan P { title "a \\"b\\" \\\\" summary "" }');
        expect(syntax).toEqual([]);
        expect(plan?.title).toBe('a "b" \\');
        expect(plan?.summary).toBe('');
    });
});

test.each([
    ['""', true], ['"a"', true], ['"\\""', true], ['"\\\\"', true], ['"a\\"b"', true],
    ['"', false], ['"a', false], ['"\\"', false], ['"a\\\\\\"', false], ['"a\\', false],
])('isTerminatedString(%s) is %s', (image, terminated) => {
    expect(isTerminatedString(image)).toBe(terminated);
});

describe('it counts as a syntax error everywhere', () => {
    const text = 'plan P {\n  title "abc\n}\n';

    test('a lexer error of the parse result (the formatter, the fuzzer and incremental parsing read these)', () => {
        const result = services.parser.LangiumParser.parse(text);
        expect(result.lexerErrors.map(e => [e.line, e.column, e.length, e.message])).toEqual([[2, 9, 4, UNTERMINATED]]);
        expect(result.parserErrors).toEqual([]);
    });

    test('export refuses the plan', async () => {
        const { document } = await check(services, text);
        expect(exportRefusal(document)).toBe(`syntax error at 2:9: ${UNTERMINATED}`);
    });

    test('the formatter leaves it alone', async () => {
        const { document } = await check(services, 'plan P {\n      title "abc\n}\n');
        const edits = await services.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true },
        });
        expect(edits).toEqual([]);
    });

    describe('the CLI', () => {
        let dir: string;
        beforeAll(() => {
            dir = tempTree({ 'open.mlplan': text });
        });
        afterAll(() => removeTree(dir));

        test('check exits 1 with the error', async () => {
            const run = await mlplan(['check', 'open.mlplan'], { cwd: dir });
            expect(run.code).toBe(1);
            expect(run.stdout).toContain(`open.mlplan:2:9 error syntax-error ${UNTERMINATED}`);
        });

        test('export refuses it (exit 1)', async () => {
            const run = await mlplan(['export', 'open.mlplan'], { cwd: dir });
            expect(run.code).toBe(1);
            expect(run.stderr).toContain(UNTERMINATED);
        });
    });
});

describe('lexing is linear', () => {
    /** The fuzzer's reproducer: an unterminated string of `count` escaped quotes on one line. */
    const escapedQuotes = (count: number) => `plan P { title "${'\\"'.repeat(count)}\n}\n`;

    test('40,000 × \\" after an unterminated quote: one token, one error, exactly', async () => {
        const text = escapedQuotes(40_000);
        const start = performance.now();
        const lexed = services.parser.Lexer.tokenize(text);
        const elapsed = performance.now() - start;
        expect(lexed.tokens.map(t => `${t.tokenType.name}:${t.image.length}`)).toEqual([
            'plan:4', 'ID:1', '{:1', 'title:5', 'STRING:80001', '}:1',
        ]);
        expect(lexed.errors.map(e => [e.offset, e.line, e.column, e.length, e.message])).toEqual([[15, 1, 16, 80_001, UNTERMINATED]]);
        // A few milliseconds; quadratic lexing took 5.6 s.
        expect(elapsed).toBeLessThan(1_000);
        const { syntax } = await syntaxOf(services, text);
        expect(syntax).toEqual([`syntax-error@1:16-1:80017 ${UNTERMINATED}`]);
    });

    test('the same line twice as long parses in well under a second', () => {
        const text = escapedQuotes(80_000);
        const start = performance.now();
        const result = services.parser.LangiumParser.parse(text);
        expect(performance.now() - start).toBeLessThan(1_000);
        expect(result.lexerErrors).toHaveLength(1);
        expect(result.parserErrors).toEqual([]);
    });

    test('many unterminated strings, one per line, are one error each', async () => {
        const text = `plan P {\n${'  title "x\\" y \\"\n'.repeat(2_000)}}\n`;
        const result = services.parser.Lexer.tokenize(text);
        expect(result.errors).toHaveLength(2_000);
        expect(result.errors.every((e, i) => e.line === i + 2 && e.column === 9 && e.length === 9)).toBe(true);
    });
});
