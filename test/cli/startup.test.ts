// The start-up of the CLI, checked by structure rather than by time (timings are flaky in CI):
// each command runs only the modules it needs.
//
// Which modules ran is read from V8's own coverage (NODE_V8_COVERAGE): every function of
// out/cli.cjs that was called, mapped through out/cli.cjs.map to the source file it comes from.
// A module's top-level code is a function of the bundle too (esbuild wraps each lazily loaded
// module in one), so a module that was merely loaded shows up as well.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mlplan, removeTree, requireBundle, ROOT, tempTree, type CliRun } from './run.js';

const BUNDLE = path.join(ROOT, 'out', 'cli.cjs');
const PLAN = 'examples/churn-prediction.mlplan';

let temp: string;
let bundle: string;
let lineStarts: number[];
/** Per generated line of the bundle: [column, source index] of each mapping, by column. */
let mappings: Array<Array<[number, number]>>;
let sources: string[];

beforeAll(() => {
    requireBundle();
    temp = tempTree({});
    bundle = readFileSync(BUNDLE, 'utf8');
    lineStarts = [0];
    for (let i = bundle.indexOf('\n'); i >= 0; i = bundle.indexOf('\n', i + 1)) {
        lineStarts.push(i + 1);
    }
    const map = JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8')) as { sources: string[]; mappings: string };
    sources = map.sources.map(source => source.replace(/^(\.\.\/)+/, ''));
    mappings = decodeMappings(map.mappings);
});

afterAll(() => {
    if (temp) {
        removeTree(temp);
    }
});

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The generated column and source index of each segment of a source map's `mappings`. */
function decodeMappings(text: string): Array<Array<[number, number]>> {
    const lines: Array<Array<[number, number]>> = [];
    let source = 0;
    for (const line of text.split(';')) {
        const segments: Array<[number, number]> = [];
        let column = 0;
        for (const segment of line.split(',')) {
            const values: number[] = [];
            let value = 0;
            let shift = 0;
            for (const char of segment) {
                const digit = BASE64.indexOf(char);
                value += (digit & 31) << shift;
                if (digit & 32) {
                    shift += 5;
                } else {
                    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
                    value = 0;
                    shift = 0;
                }
            }
            if (values.length === 0) {
                continue;
            }
            column += values[0];
            if (values.length > 1) {
                source += values[1];
                segments.push([column, source]);
            }
        }
        lines.push(segments);
    }
    return lines;
}

function position(offset: number): [number, number] {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return [low, offset - lineStarts[low]];
}

/** The source file of the first mapping inside [start, end) of the bundle. */
function sourceWithin(start: number, end: number): string | undefined {
    const [endLine, endColumn] = position(end);
    let [line, column] = position(start);
    for (; line <= endLine; line++, column = 0) {
        for (const [at, source] of mappings[line] ?? []) {
            if (at >= column && (line < endLine || at < endColumn)) {
                return sources[source];
            }
        }
    }
    return undefined;
}

interface Coverage {
    result: Array<{ url: string; functions: Array<{ ranges: Array<{ startOffset: number; endOffset: number; count: number }> }> }>;
}

let runs = 0;

/** Runs the CLI under V8 coverage; `ran` is the set of source files (repository paths) it ran code of. */
async function traced(args: readonly string[], cache: string): Promise<CliRun & { ran: Set<string> }> {
    const coverage = path.join(temp, `coverage-${runs++}`);
    const result = await mlplan(args, { env: { NODE_V8_COVERAGE: coverage, MLPLAN_COMPILE_CACHE: cache } });
    const ran = new Set<string>();
    for (const file of readdirSync(coverage)) {
        const report = JSON.parse(readFileSync(path.join(coverage, file), 'utf8')) as Coverage;
        for (const script of report.result.filter(entry => entry.url.endsWith('/out/cli.cjs'))) {
            // bin/mlplan.js wraps the bundle in a function: offsets count from the wrapper's start.
            const wrapped = script.functions[0].ranges[0].endOffset;
            const shift = wrapped - bundle.length - '\n})'.length;
            for (const fn of script.functions) {
                const range = fn.ranges[0];
                if (range.count > 0 && range.startOffset >= shift) {
                    const source = sourceWithin(range.startOffset - shift, range.endOffset - shift);
                    if (source) {
                        ran.add(source);
                    }
                }
            }
        }
    }
    expect(ran.size, 'the coverage of out/cli.cjs was found').toBeGreaterThan(0);
    return { ...result, ran };
}

/** The files of `ran` under one of `prefixes`. */
function under(ran: Set<string>, prefixes: readonly string[]): string[] {
    return [...ran].filter(file => prefixes.some(prefix => file.startsWith(prefix))).sort();
}

/** What a pre-commit `check` must not pay for: other commands, the language server, the renderers. */
const NOT_FOR_CHECK = [
    'server/src/lsp/',
    'server/src/export/',
    'server/src/templates/',
    'server/src/rules/rule-examples.ts',
    'server/src/rules/rule-docs.ts',
    'server/src/cli/explain.ts',
    'server/src/cli/export.ts',
    'server/src/cli/fix.ts',
    'server/src/cli/fmt.ts',
    'server/src/cli/init.ts',
    'server/src/cli/portfolio.ts',
    'node_modules/vscode-languageserver/',
];

describe('what each command loads', () => {
    test('--version runs the command dispatch and nothing else: no Langium, no command module', async () => {
        const { code, stdout, ran } = await traced(['--version'], path.join(temp, 'cache-version'));
        expect(code).toBe(0);
        expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
        expect(under(ran, ['node_modules/'])).toEqual([]);
        expect([...ran].filter(file => !/^(server\/src\/cli\/(main|args|errors|version)\.ts|package\.json)$/.test(file))).toEqual([]);
    });

    test('check runs the language core and the checker, but not the LSP server, export, explain, fmt, fix or init', async () => {
        const cache = path.join(temp, 'cache-check');
        for (const round of ['cold cache', 'warm cache']) {
            const { code, ran } = await traced(['check', PLAN], cache);
            expect(code, round).toBe(0);
            expect(ran.has('server/src/cli/check.ts'), round).toBe(true);
            expect(under(ran, ['node_modules/langium/']).length, round).toBeGreaterThan(0);
            expect(under(ran, NOT_FOR_CHECK), round).toEqual([]);
        }
    }, 60_000);

    test('fmt --check runs neither the LSP server nor export', async () => {
        const { code, ran } = await traced(['fmt', '--check', PLAN], path.join(temp, 'cache-fmt'));
        expect(code).toBe(0);
        expect(ran.has('server/src/cli/fmt.ts')).toBe(true);
        // The formatter is Langium's LSP formatter, which brings vscode-languageserver's common part.
        expect(under(ran, ['server/src/lsp/start-server.ts', 'server/src/export/', 'node_modules/vscode-languageserver/lib/node/'])).toEqual([]);
    });

    test('cli/main.ts imports no command module statically (the coverage above sees only called functions of modules bundled unwrapped)', () => {
        const main = readFileSync(path.join(ROOT, 'server', 'src', 'cli', 'main.ts'), 'utf8');
        const statics = [...main.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map(match => match[1]);
        expect(statics.filter(module => !/^(node:.*|\.\/(args|errors|version)\.js|\.\.\/lsp\/server-options\.js)$/.test(module))).toEqual([]);
    });
});
