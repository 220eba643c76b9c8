// Blockers in the CLI's output (LANGUAGE.md 4.1 and 5, v2): a plan with error-severity diagnostics
// is never presented as ready. Run in-process through `runCheck`, so that the formats are tested
// on the services the bundle is built from.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckOptions } from '../../server/src/cli/args.js';
import { runCheck } from '../../server/src/cli/check.js';
import { formatText } from '../../server/src/cli/format-text.js';
import type { FileResult } from '../../server/src/cli/results.js';
import type { Readiness } from '../../server/src/rules/readiness.js';
import { removeTree, tempTree } from './run.js';
import { WARNINGS_ONLY, WITH_ERRORS } from './plans.js';

/** One error: `owner nobody` does not resolve. */
const ONE_ERROR = 'plan One {\n  owner nobody\n}\n';

let dir: string;

beforeAll(() => {
    dir = tempTree({
        'errors.mlplan': WITH_ERRORS,
        'one.mlplan': ONE_ERROR,
        'quiet.mlplan': WARNINGS_ONLY,
        'lib/catalog.mlplan': 'catalog Shared {\n  person ana { owner nobody }\n}\n',
    });
});

afterAll(() => removeTree(dir));

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const code = await runCheck(
        parse(args),
        { stdout: text => { stdout += text; }, stderr: () => undefined },
    );
    return { code, stdout };
}

/** `--summary`, a format name and plan files relative to the temporary tree. */
function parse(args: string[]): CheckOptions {
    const format = args.includes('json') ? 'json' : args.includes('sarif') ? 'sarif' : 'text';
    const paths = args.filter(a => a.endsWith('.mlplan')).map(a => path.join(dir, a));
    return { format, summary: args.includes('--summary'), paths };
}

interface JsonFile { file: string; readiness: { satisfied: number; applicable: number; stage: string | null; blockers: number }; diagnostics: Array<{ severity: string }> }

describe('check --format json', () => {
    test('each file\'s readiness gains `blockers`: its error-severity diagnostics', async () => {
        const { code, stdout } = await run('json', 'errors.mlplan', 'one.mlplan', 'quiet.mlplan');
        expect(code).toBe(1);
        const files = (JSON.parse(stdout) as { files: JsonFile[] }).files;
        expect(files.map(f => f.readiness.blockers)).toEqual([2, 1, 0]);
        for (const file of files) {
            expect(file.readiness.blockers).toBe(file.diagnostics.filter(d => d.severity === 'error').length);
            expect(Object.keys(file.readiness)).toEqual(['satisfied', 'applicable', 'stage', 'blockers']);
        }
    });

    test('a catalog has no readiness, but its errors are counted', async () => {
        const { stdout } = await run('json', 'lib/catalog.mlplan');
        const [catalog] = (JSON.parse(stdout) as { files: JsonFile[] }).files;
        expect(catalog.readiness).toEqual({ satisfied: 0, applicable: 0, stage: null, blockers: 1 });
    });
});

describe('check --summary (text)', () => {
    test('the readiness line says what blocks each plan: 2 errors, 1 error, nothing', async () => {
        const { stdout } = await run('--summary', 'errors.mlplan', 'one.mlplan', 'quiet.mlplan', 'lib/catalog.mlplan');
        const summary = stdout.trimEnd().split('\n').slice(-5);
        const of = (file: string) => summary.find(line => line.startsWith(path.join(dir, file)));
        expect(of('errors.mlplan')).toMatch(/: readiness \d+\/13 at stage mvp, blocked by 2 errors; 2 errors, \d+ warnings?, 0 info, 0 hints$/);
        expect(of('one.mlplan')).toMatch(/: readiness \d+\/13 at stage mvp, blocked by 1 error; 1 error, \d+ warnings?, 0 info, 0 hints$/);
        expect(of('quiet.mlplan')).toMatch(/: readiness \d+\/13 at stage mvp; 0 errors, \d+ warnings?, 0 info, 0 hints$/);
        // A catalog has no readiness to block; its error shows in its counts.
        expect(of(path.join('lib', 'catalog.mlplan'))).toMatch(/: catalog, no readiness; 1 error, 0 warnings, 0 info, 0 hints$/);
        expect(summary[4]).toMatch(/^total: 4 files, 4 errors, /);
    });

    test('a complete plan with an error is not shown as ready', () => {
        const readiness = (blockers: number): Readiness => ({ stage: 'growth', satisfied: 24, applicable: 24, items: [], blockers });
        const result = (blockers: number): FileResult => ({ file: 'plan.mlplan', kind: 'plan', stage: 'growth', readiness: readiness(blockers), findings: [] });
        const lineOf = (blockers: number) => formatText([result(blockers)], true).split('\n')[0];
        expect(lineOf(0)).toBe('plan.mlplan: readiness 24/24 at stage growth; 0 errors, 0 warnings, 0 info, 0 hints');
        expect(lineOf(1)).toBe('plan.mlplan: readiness 24/24 at stage growth, blocked by 1 error; 0 errors, 0 warnings, 0 info, 0 hints');
        expect(lineOf(3)).toBe('plan.mlplan: readiness 24/24 at stage growth, blocked by 3 errors; 0 errors, 0 warnings, 0 info, 0 hints');
    });

    test('without --summary, no readiness line at all', async () => {
        const { stdout } = await run('one.mlplan');
        expect(stdout).not.toContain('readiness');
        expect(stdout).not.toContain('blocked');
    });
});

describe('check --format sarif --summary', () => {
    test('the run\'s summary properties carry the blockers too', async () => {
        const { stdout } = await run('sarif', '--summary', 'one.mlplan', 'quiet.mlplan');
        const sarif = JSON.parse(stdout) as { runs: Array<{ properties: { summary: { files: Array<{ blockers: number; error: number }> } } }> };
        const files = sarif.runs[0].properties.summary.files;
        expect(files.map(f => f.blockers)).toEqual([1, 0]);
        expect(files.map(f => f.error)).toEqual([1, 0]);
    });
});
