import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isOneLineReason, mlplan, removeTree, requireBundle, ROOT, tempTree } from '../cli/run.js';
import { BROKEN, WARNINGS_ONLY, WITH_ERRORS } from '../cli/plans.js';
import { GOLDEN } from './support.js';

/** `mlplan export` as a child process, as a user or a CI job runs it (needs `npm run build`). */
let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({
        'quiet.mlplan': WARNINGS_ONLY,
        'errors.mlplan': WITH_ERRORS,
        'broken.mlplan': BROKEN,
        'empty.mlplan': '// nothing here\n',
        'lenient/mlplan.config.json': '{ "rules": { "syntax-error": "off" } }',
        'lenient/broken.mlplan': BROKEN,
        'out/.keep': '',
    });
});

afterAll(() => removeTree(dir));

describe('mlplan export', () => {
    test('writes Markdown to stdout by default, the same as the golden file', async () => {
        const run = await mlplan(['export', 'examples/churn-prediction.mlplan']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(readFileSync(path.join(GOLDEN, 'churn-prediction.md'), 'utf8'));
    });

    test('follows imports: the catalog\'s declarations come along', async () => {
        const run = await mlplan(['export', '--format', 'json', 'examples/fraud-detection.mlplan']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(readFileSync(path.join(GOLDEN, 'fraud-detection.json'), 'utf8'));
    });

    test('-o writes the file and prints nothing', async () => {
        const out = path.join(dir, 'out', 'churn.md');
        const run = await mlplan(['export', 'examples/churn-prediction.mlplan', '-o', out]);
        expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(GOLDEN, 'churn-prediction.md'), 'utf8'));
    });

    test('--format html and --format=json; -o OUT.html implies html', async () => {
        const html = await mlplan(['export', '--format', 'html', 'examples/demand-forecast.mlplan']);
        expect(html.code).toBe(0);
        expect(html.stdout).toBe(readFileSync(path.join(GOLDEN, 'demand-forecast.html'), 'utf8'));
        const json = await mlplan(['export', '--format=json', 'examples/demand-forecast.mlplan']);
        expect(JSON.parse(json.stdout).mlplanExportVersion).toBe(1);
        const out = path.join(dir, 'out', 'plan.html');
        expect((await mlplan(['export', '-o', out, 'examples/demand-forecast.mlplan'])).code).toBe(0);
        expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    });

    test('a plan with warnings is exported, its warnings listed, and a note on stderr', async () => {
        const run = await mlplan(['export', 'examples/support-triage.mlplan']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('## Open diagnostics');
        // The line of the last stage in examples/support-triage.mlplan, whatever else the example gains.
        const line = readFileSync(path.join(ROOT, 'examples/support-triage.mlplan'), 'utf8').split('\n').findIndex(l => l.includes('stage 50 %')) + 1;
        expect(run.stdout).toContain(`| ${line} | warning | \`rollout-incomplete\` | the canary rollout ends at 50 % of traffic`);
        expect(run.stderr).toBe('mlplan: examples/support-triage.mlplan: exported with 6 warnings, listed under "Open diagnostics"\n');
    });

    test('a plan with error diagnostics (but readable) is exported too', async () => {
        const run = await mlplan(['export', path.join(dir, 'errors.mlplan')]);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/\| 2 \| error \| `unresolved-reference` \|/);
        expect(run.stdout).toContain('- **Owner:** `nobody` *(unresolved)*');
        expect(run.stderr).toMatch(/exported with 2 errors and \d+ warnings?/);
    });

    test('a plan with syntax errors: status 1, one line on stderr, no output written', async () => {
        const out = path.join(dir, 'out', 'broken.md');
        const run = await mlplan(['export', path.join(dir, 'broken.mlplan'), '-o', out]);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toMatch(/broken\.mlplan: not exported: syntax error at \d+:\d+: /);
        expect(existsSync(out)).toBe(false);
        const toStdout = await mlplan(['export', path.join(dir, 'broken.mlplan')]);
        expect(toStdout.code).toBe(1);
        expect(toStdout.stdout).toBe('');
    });

    test('turning syntax-error off in the configuration does not make a broken plan exportable', async () => {
        const run = await mlplan(['export', path.join(dir, 'lenient', 'broken.mlplan')]);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toMatch(/broken\.mlplan: not exported: syntax error at /);
    });

    test('a file without a plan or catalog: status 1', async () => {
        const run = await mlplan(['export', path.join(dir, 'empty.mlplan')]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/empty\.mlplan: not exported: it declares no plan or catalog\n$/);
    });

    test('--help prints the usage', async () => {
        const run = await mlplan(['export', '--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('mlplan export FILE [--format markdown|json|html] [-o OUT]');
    });
});

describe('status 2 with a one-line reason', () => {
    const cases: Array<[string, () => string[], RegExp]> = [
        ['a missing file', () => ['export', path.join(dir, 'missing.mlplan')], /missing\.mlplan: no such file or directory$/],
        ['no file', () => ['export'], /export needs a FILE/],
        ['two files', () => ['export', 'a.mlplan', 'b.mlplan'], /export takes one FILE/],
        ['a directory', () => ['export', 'examples'], /examples: is a directory; export takes one FILE/],
        ['an unknown format', () => ['export', '--format', 'pdf', 'examples/churn-prediction.mlplan'], /unknown format "pdf"; use markdown, json, html/],
        ['an unknown option', () => ['export', '--frobnicate', 'examples/churn-prediction.mlplan'], /unknown option --frobnicate for export/],
        ['-o without a value', () => ['export', 'examples/churn-prediction.mlplan', '-o'], /-o needs a value/],
        ['an output folder that does not exist', () => ['export', 'examples/churn-prediction.mlplan', '-o', path.join(dir, 'nope', 'x.md')], /x\.md: its folder does not exist$/],
    ];

    test.each(cases)('%s', async (_name, args, reason) => {
        const run = await mlplan(args(), { cwd: ROOT });
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr.trimEnd()).toMatch(reason);
    });
});
