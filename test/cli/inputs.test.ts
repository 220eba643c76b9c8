import { readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { lines, mlplan, removeTree, requireBundle, ROOT, tempTree } from './run.js';
import { linesWithCodes, NO_FALLBACK, WITH_ERRORS } from './plans.js';

interface JsonReport { files: Array<{ file: string; diagnostics: Array<{ code: string; message: string }> }> }

const CATALOG = `catalog Shared {
  baseline Rule { kind heuristic description "a rule of thumb" }
}
`;

/** Uses the baseline `Rule` declared in the imported catalog. */
const importing = (importPath: string) => `import "${importPath}"
plan Importer {
  serving {
    mode batch
    fallback Rule
  }
}
`;

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({
        'tree/a.mlplan': NO_FALLBACK,
        'tree/sub/deeper/b.mlplan': WITH_ERRORS,
        'tree/node_modules/pkg/c.mlplan': WITH_ERRORS,
        'tree/.git/d.mlplan': WITH_ERRORS,
        'tree/notes.txt': 'not a plan',
        'tree/plan.mlplan.bak': WITH_ERRORS,
        'other-extension/plan.txt': NO_FALLBACK,
        'ws/catalog.mlplan': CATALOG,
        'ws/plan.mlplan': importing('./catalog.mlplan'),
        'ws/nested/plan.mlplan': importing('../catalog.mlplan'),
        'ws/missing-import.mlplan': importing('./nowhere.mlplan'),
        'ws/broken-catalog/catalog.mlplan': 'catalog Broken {\n  person\n',
        'ws/broken-catalog/plan.mlplan': importing('./catalog.mlplan'),
        'jail/outside.mlplan': CATALOG,
        'jail/inner/plan.mlplan': importing('../outside.mlplan'),
    });
    // A symbolic link to a directory is not followed by the DIR walk (no endless loops).
    symlinkSync(path.join(dir, 'tree'), path.join(dir, 'tree', 'sub', 'loop'), 'dir');
});

afterAll(() => removeTree(dir));

describe('DIR arguments', () => {
    test('every .mlplan below a DIR, skipping node_modules and dot-folders, paths joined from the DIR', async () => {
        const run = await mlplan(['check', '--format', 'json', 'tree'], { cwd: dir });
        expect(run.stderr).toBe('');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files.map(f => f.file)).toEqual([path.join('tree', 'a.mlplan'), path.join('tree', 'sub', 'deeper', 'b.mlplan')]);
        expect(run.code).toBe(1);
    });

    test('a trailing slash or ./ in the DIR does not change the paths printed', async () => {
        const run = await mlplan(['check', './tree/'], { cwd: dir });
        expect(new Set(lines(run.stdout).map(line => line.split(':')[0]))).toEqual(new Set([path.join('tree', 'a.mlplan'), path.join('tree', 'sub', 'deeper', 'b.mlplan')]));
    });

    test('a FILE given directly is checked whatever its extension', async () => {
        const run = await mlplan(['check', 'other-extension/plan.txt'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(linesWithCodes(run.stdout)).toEqual([expect.stringMatching(/^other-extension\/plan\.txt:2:3 warning fallback-missing /)]);
    });

    test('a file found through a DIR and given directly is reported once', async () => {
        const run = await mlplan(['check', '--format', 'json', 'tree', 'tree/a.mlplan'], { cwd: dir });
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files.map(f => f.file)).toEqual([path.join('tree', 'a.mlplan'), path.join('tree', 'sub', 'deeper', 'b.mlplan')]);
    });
});

describe('imports', () => {
    test('an imported catalog resolves, and only the requested file is reported', async () => {
        const run = await mlplan(['check', '--format', 'json', 'ws/plan.mlplan'], { cwd: dir });
        expect(run.stderr).toBe('');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files.map(f => f.file)).toEqual(['ws/plan.mlplan']);
        const codes = report.files[0].diagnostics.map(d => d.code);
        expect(codes).not.toContain('unresolved-reference');
        expect(codes).not.toContain('import-unresolved');
        expect(codes).not.toContain('fallback-missing');
    });

    test('an import to a parent folder resolves when it stays inside the DIR given', async () => {
        const run = await mlplan(['check', '--format', 'json', 'ws'], { cwd: dir });
        const report = JSON.parse(run.stdout) as JsonReport;
        const nested = report.files.find(f => f.file === path.join('ws', 'nested', 'plan.mlplan'))!;
        expect(nested.diagnostics.map(d => d.code)).not.toContain('unresolved-reference');
        // The catalog is in the set through the DIR, so it is reported (clean) too.
        expect(report.files.map(f => f.file)).toContain(path.join('ws', 'catalog.mlplan'));
    });

    test("an imported file's own errors are not reported for the importer", async () => {
        const run = await mlplan(['check', 'ws/broken-catalog/plan.mlplan'], { cwd: dir });
        expect(lines(run.stdout).every(line => line.startsWith('ws/broken-catalog/plan.mlplan:'))).toBe(true);
        expect(linesWithCodes(run.stdout, ['syntax-error'])).toEqual([]);
    });

    test('an import that does not exist leaves its names unresolved', async () => {
        const run = await mlplan(['check', 'ws/missing-import.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(linesWithCodes(run.stdout, ['unresolved-reference'])).toEqual([
            expect.stringMatching(/^ws\/missing-import\.mlplan:5:14 error unresolved-reference .*Rule/),
        ]);
    });

    test('an import escaping the directory of the file given is refused and never read', async () => {
        const trace = path.join(dir, 'reads.txt');
        const run = await mlplan(['check', 'jail/inner/plan.mlplan'], {
            cwd: dir,
            env: { NODE_OPTIONS: `--require ${JSON.stringify(path.join(ROOT, 'test/cli/fixtures/trace-reads.cjs'))}`, MLPLAN_TRACE_READS: trace },
        });
        expect(run.code).toBe(1);
        expect(linesWithCodes(run.stdout, ['unresolved-reference'])).toEqual([
            expect.stringMatching(/^jail\/inner\/plan\.mlplan:5:14 error unresolved-reference .*Rule/),
        ]);
        if (RULES_BY_CODE.has('import-unresolved')) {
            expect(linesWithCodes(run.stdout, ['import-unresolved'])).toEqual([expect.stringMatching(/^jail\/inner\/plan\.mlplan:1:\d+ error import-unresolved /)]);
        }
        const reads = readFileSync(trace, 'utf8');
        expect(reads).toContain(path.join('jail', 'inner', 'plan.mlplan'));
        expect(reads).not.toContain('outside.mlplan');
    });

    test('the same import is allowed when the enclosing DIR is given', async () => {
        const run = await mlplan(['check', '--format', 'json', 'jail'], { cwd: dir });
        const report = JSON.parse(run.stdout) as JsonReport;
        const inner = report.files.find(f => f.file === path.join('jail', 'inner', 'plan.mlplan'))!;
        expect(inner.diagnostics.map(d => d.code)).not.toContain('unresolved-reference');
    });
});
