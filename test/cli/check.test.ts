import { chmodSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isOneLineReason, lines, mlplan, removeTree, requireBundle, ROOT, tempTree } from './run.js';
import { BROKEN, linesWithCodes, NO_FALLBACK, WARNINGS_ONLY, WITH_ERRORS } from './plans.js';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({
        'quiet.mlplan': WARNINGS_ONLY,
        'errors.mlplan': WITH_ERRORS,
        'no-fallback.mlplan': NO_FALLBACK,
        'broken.mlplan': BROKEN,
        'empty/README.txt': 'no plans here\n',
        'empty/.hidden/x.mlplan': WITH_ERRORS,
        'config/bad-json.json': '{ "rules": ',
        'config/bad-severity.json': '{ "rules": { "fallback-missing": "fatal" } }',
        'config/not-an-object.json': '[1, 2]',
        'broken-config/mlplan.config.json': '{ nope',
        'broken-config/plan.mlplan': WARNINGS_ONLY,
        'unreadable.mlplan': WARNINGS_ONLY,
    });
});

afterAll(() => removeTree(dir));

describe('--version and --help', () => {
    test('--version prints the package version', async () => {
        const run = await mlplan(['--version']);
        expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    });

    test('--help prints the usage on stdout', async () => {
        const run = await mlplan(['--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('mlplan check [--format text|json|sarif|github] [--summary] [--config FILE] FILE|DIR...');
        expect(run.stdout).toContain('mlplan lsp --stdio');
        expect(run.stderr).toBe('');
    });

    test('check --help prints the usage too', async () => {
        const run = await mlplan(['check', '--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Usage:');
    });

    test('no arguments: usage on stderr, status 2', async () => {
        const run = await mlplan([]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^mlplan: /);
        expect(run.stderr).toContain('Usage:');
    });
});

describe('exit status and text output', () => {
    test('0 when no diagnostic is an error (warnings only)', async () => {
        const file = path.join(dir, 'quiet.mlplan');
        const run = await mlplan(['check', file]);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        for (const line of lines(run.stdout)) {
            expect(line).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+ (warning|info|hint) [a-z-]+ \\S`));
        }
    });

    test('0 for the bundled example', async () => {
        const run = await mlplan(['check', 'examples/churn-prediction.mlplan']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
    });

    test('1 with an error; one exact line per diagnostic, 1-based, path as given', async () => {
        const file = path.join(dir, 'errors.mlplan');
        const run = await mlplan(['check', file]);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const known = linesWithCodes(run.stdout);
        expect(known).toHaveLength(3);
        expect(known[0]).toMatch(new RegExp(`^${escape(file)}:2:9 error unresolved-reference .*nobody`));
        expect(known[1]).toMatch(new RegExp(`^${escape(file)}:3:3 warning fallback-missing no fallback defined`));
        expect(known[2]).toBe(`${file}:6:10 error peak-below-average peak 10 req/s is below the mean 23.1 req/s implied by 2,000,000 req/day`);
    });

    test('a relative path is printed as given', async () => {
        const run = await mlplan(['check', 'no-fallback.mlplan'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(linesWithCodes(run.stdout)).toEqual([
            expect.stringMatching(/^no-fallback\.mlplan:2:3 warning fallback-missing no fallback defined/),
        ]);
    });

    test('diagnostics come in file order, then position order', async () => {
        const run = await mlplan(['check', 'no-fallback.mlplan', 'errors.mlplan', 'no-fallback.mlplan'], { cwd: dir });
        const positions = lines(run.stdout).map(line => {
            const [, file, row, column] = /^(.+?):(\d+):(\d+) /.exec(line)!;
            return { file, row: Number(row), column: Number(column) };
        });
        const sorted = [...positions].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row || a.column - b.column));
        expect(positions).toEqual(sorted);
        expect(new Set(positions.map(p => p.file))).toEqual(new Set(['errors.mlplan', 'no-fallback.mlplan']));
        // The file given twice is reported once.
        expect(linesWithCodes(run.stdout, ['fallback-missing']).filter(l => l.startsWith('no-fallback'))).toHaveLength(1);
    });

    test('a syntax error is reported with its code and status 1', async () => {
        const run = await mlplan(['check', 'broken.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(linesWithCodes(run.stdout, ['syntax-error']).length).toBeGreaterThan(0);
        expect(linesWithCodes(run.stdout, ['syntax-error'])[0]).toMatch(/^broken\.mlplan:\d+:\d+ error syntax-error \S/);
    });

    test('options may follow the paths, and --format=VALUE is accepted', async () => {
        const run = await mlplan(['check', 'errors.mlplan', '--format=json'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(() => JSON.parse(run.stdout)).not.toThrow();
    });
});

describe('status 2 with a one-line reason and no stack trace', () => {
    const cases: Array<[string, () => string[], RegExp]> = [
        ['a missing file', () => ['check', path.join(dir, 'missing.mlplan')], /missing\.mlplan: no such file or directory$/],
        ['an unknown option', () => ['check', '--frobnicate', dir], /unknown option --frobnicate/],
        ['an unknown format', () => ['check', '--format', 'xml', dir], /unknown format "xml"; use text, json, sarif/],
        ['--format without a value', () => ['check', dir, '--format'], /--format needs a value/],
        ['check without a path', () => ['check', '--summary'], /check needs at least one FILE or DIR/],
        ['a directory without plans (dot-folders do not count)', () => ['check', path.join(dir, 'empty')], /empty: no \.mlplan file/],
        ['a missing --config file', () => ['check', '--config', path.join(dir, 'nope.json'), path.join(dir, 'quiet.mlplan')], /nope\.json: no such file/],
        ['an invalid JSON --config', () => ['check', '--config', path.join(dir, 'config/bad-json.json'), path.join(dir, 'quiet.mlplan')], /bad-json\.json: not valid JSON/],
        ['an unknown severity in --config', () => ['check', '--config', path.join(dir, 'config/bad-severity.json'), path.join(dir, 'quiet.mlplan')], /"fatal"/],
        ['a --config that is not an object', () => ['check', '--config', path.join(dir, 'config/not-an-object.json'), path.join(dir, 'quiet.mlplan')], /expected a JSON object/],
        ['a --config that is a directory', () => ['check', '--config', path.join(dir, 'config'), path.join(dir, 'quiet.mlplan')], /config: cannot be read/],
        ['a discovered mlplan.config.json that is unusable', () => ['check', path.join(dir, 'broken-config')], /mlplan\.config\.json: not valid JSON/],
        ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
        ['an unknown global option', () => ['--frobnicate'], /unknown option --frobnicate/],
        ['export without a FILE', () => ['export'], /export needs a FILE/],
        ['lsp without --stdio', () => ['lsp'], /lsp needs --stdio/],
    ];

    test.each(cases)('%s', async (_name, args, reason) => {
        const run = await mlplan(args());
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr.trimEnd()).toMatch(reason);
    });

    test('an unexpected internal error: one line, the stack only with MLPLAN_DEBUG', async () => {
        const crash = `--require ${JSON.stringify(path.join(ROOT, 'test/cli/fixtures/crash-json.cjs'))}`;
        const args = ['check', '--format', 'json', path.join(dir, 'quiet.mlplan')];
        const run = await mlplan(args, { env: { NODE_OPTIONS: crash } });
        expect(run.code).toBe(2);
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toMatch(/^mlplan: internal error: simulated failure \(set MLPLAN_DEBUG=1 for details\)\n$/);
        const debug = await mlplan(args, { env: { NODE_OPTIONS: crash, MLPLAN_DEBUG: '1' } });
        expect(debug.code).toBe(2);
        expect(debug.stderr).toMatch(/^mlplan: internal error: simulated failure\n/);
        expect(debug.stderr).toMatch(/\n\s+at /);
    });

    const isRoot = process.getuid?.() === 0;
    test.skipIf(isRoot || process.platform === 'win32')('an unreadable file', async () => {
        const file = path.join(dir, 'unreadable.mlplan');
        chmodSync(file, 0o000);
        try {
            const run = await mlplan(['check', file]);
            expect(run.code).toBe(2);
            expect(isOneLineReason(run.stderr)).toBe(true);
            expect(run.stderr).toMatch(/unreadable\.mlplan: cannot be read/);
        } finally {
            chmodSync(file, 0o644);
        }
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
