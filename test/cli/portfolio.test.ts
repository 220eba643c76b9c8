import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isOneLineReason, lines, mlplan, removeTree, requireBundle, ROOT, tempTree } from './run.js';
import { WARNINGS_ONLY, WITH_ERRORS } from './plans.js';

/** `mlplan portfolio` as a child process: exit statuses, formats, ranking. */
const GOLDEN = path.join(ROOT, 'test', 'export', 'golden', 'portfolio');

/** Worth 10 a year for 1 of cost (serving budget × 12 + labeling). */
const HIGH = `plan High {
  objective O { value 300_000 USD/year }
  budget { serving 1_000 USD/month labeling 18_000 USD }
}
`;
/** Worth 2 a year for 1 of cost (serving only). */
const LOW = `plan Low {
  objective O { value 24_000 USD/year }
  serving { volume 1_000 req/day cost 1_000 USD/month }
}
`;
/** Value in EUR, cost in USD: no ratio, ranked after the plans that have one. */
const MIXED = `plan Mixed {
  objective O { value 1_000_000 EUR/year }
  serving { volume 1_000 req/day cost 1 USD/month }
}
`;

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({
        'plans/a-low.mlplan': LOW,
        'plans/b-mixed.mlplan': MIXED,
        'plans/c-quiet.mlplan': WARNINGS_ONLY,
        'plans/d-errors.mlplan': WITH_ERRORS,
        'plans/nested/e-high.mlplan': HIGH,
        'plans/shared/catalog.mlplan': 'catalog Shared {\n  person ana\n}\n',
        'only-catalog/catalog.mlplan': 'catalog Shared {\n  person ana\n}\n',
    });
});

afterAll(() => removeTree(dir));

describe('mlplan portfolio', () => {
    test.each([['text', 'txt'], ['markdown', 'md'], ['json', 'json']])('examples in %s: the golden file, status 0', async (format, extension) => {
        const run = await mlplan(['portfolio', '--format', format, 'examples']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(readFileSync(path.join(GOLDEN, `examples.${extension}`), 'utf8'));
    });

    test('text is the default format', async () => {
        const run = await mlplan(['portfolio', 'examples']);
        expect(run.stdout).toBe(readFileSync(path.join(GOLDEN, 'examples.txt'), 'utf8'));
    });

    test('ranked by value ÷ cost; no ratio next; no value last, blocked after ready; catalogs left out; status 0 despite errors', async () => {
        const run = await mlplan(['portfolio', '--format', 'json', 'plans'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const json = JSON.parse(run.stdout) as {
            plans: Array<{ rank: number; name: string; file: string; errors: number; valueToCost: number | null }>;
            totals: { plans: number; yearlyValue: unknown; yearlyCost: unknown };
        };
        expect(json.plans.map(plan => plan.name)).toEqual(['High', 'Low', 'Mixed', 'Quiet', 'Demo']);
        expect(json.plans.map(plan => plan.rank)).toEqual([1, 2, 3, 4, 5]);
        expect(json.plans.map(plan => plan.valueToCost)).toEqual([10, 2, null, null, null]);
        expect(json.plans[0].file).toBe(path.join('plans', 'nested', 'e-high.mlplan'));
        expect(json.plans[4].errors).toBeGreaterThan(0);
        expect(json.totals.plans).toBe(5);
        expect(json.totals.yearlyValue).toEqual([{ amount: 1_000_000, currency: 'EUR' }, { amount: 324_000, currency: 'USD' }]);
        expect(json.totals.yearlyCost).toEqual([{ amount: 30_000 + 12_000 + 12, currency: 'USD' }]);
    });

    test('the text table: one line per plan under a header, then the totals', async () => {
        const run = await mlplan(['portfolio', 'plans'], { cwd: dir });
        const output = lines(run.stdout);
        expect(output[0]).toMatch(/^#\s+Plan\s+File\s+Stage\s+Readiness\s+Errors\s+Warnings\s+Value\/year\s+Cost\/year\s+Value÷cost\s+Highest risk\s+Deadline$/);
        expect(output.slice(1, 6).map(line => line.split(/\s+/)[1])).toEqual(['High', 'Low', 'Mixed', 'Quiet', 'Demo']);
        expect(output[5]).toMatch(/blocked by \d+ errors?/);
        expect(output[7]).toMatch(/^total: 5 plans, \d+ errors, \d+ warnings; value 1,000,000 EUR \+ 324,000 USD a year; cost 42,012 USD a year$/);
    });

    test('a directory of catalogs only: an empty table, status 0', async () => {
        const run = await mlplan(['portfolio', 'only-catalog'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(lines(run.stdout).at(-1)).toBe('total: 0 plans, 0 errors, 0 warnings; value - a year; cost - a year');
    });

    test('bad input as check: a missing DIR, no DIR, an unknown format or option, exit 2 with one line', async () => {
        for (const args of [['portfolio', 'no-such-dir'], ['portfolio'], ['portfolio', '--format', 'html', 'plans'], ['portfolio', '--summary', 'plans']]) {
            const run = await mlplan(args, { cwd: dir });
            expect(run.code, args.join(' ')).toBe(2);
            expect(run.stdout).toBe('');
            expect(isOneLineReason(run.stderr), run.stderr).toBe(true);
        }
        expect((await mlplan(['portfolio', 'no-such-dir'], { cwd: dir })).stderr).toBe('mlplan: no-such-dir: no such file or directory\n');
    });

    test('--help prints the usage, which lists portfolio', async () => {
        const run = await mlplan(['portfolio', '--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('mlplan portfolio [--format text|markdown|json] DIR...');
    });
});
