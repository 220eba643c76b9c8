import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lines, mlplan, removeTree, requireBundle, tempTree } from '../cli/run.js';
import { linesWithCodes, NO_FALLBACK } from '../cli/plans.js';

interface JsonReport { files: Array<{ file: string; readiness: { satisfied: number; applicable: number }; diagnostics: Array<{ code: string; severity: string }> }> }

const config = (rules: Record<string, string>) => JSON.stringify({ rules });

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({
        'project/mlplan.config.json': config({ 'fallback-missing': 'error' }),
        'project/plan.mlplan': NO_FALLBACK,
        'project/quiet/mlplan.config.json': config({ 'fallback-missing': 'off' }),
        'project/quiet/plan.mlplan': NO_FALLBACK,
        'project/quiet/deeper/plan.mlplan': NO_FALLBACK,
        'hint.json': config({ 'fallback-missing': 'hint' }),
        'unknown-code.json': config({ 'no-such-rule': 'off', 'fallback-missing': 'info' }),
        'free/plan.mlplan': NO_FALLBACK,
        'free/ignored.mlplan': `plan Ignored {
  // mlplan-ignore fallback-missing -- the batch job has no user-facing path
  serving {
    mode batch
  }
  // mlplan-ignore peak-below-average -- nothing to silence here
  title "x"
}
`,
    });
});

afterAll(() => removeTree(dir));

describe('mlplan.config.json through the CLI', () => {
    test('the nearest config of each file applies', async () => {
        const run = await mlplan(['check', 'project'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        expect(linesWithCodes(run.stdout, ['fallback-missing'])).toEqual([
            expect.stringMatching(/^project\/plan\.mlplan:2:3 error fallback-missing /),
        ]);
    });

    test('--config overrides every discovered file', async () => {
        const run = await mlplan(['check', '--config', 'hint.json', 'project'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(linesWithCodes(run.stdout, ['fallback-missing'])).toEqual([
            expect.stringMatching(/^project\/plan\.mlplan:2:3 hint fallback-missing /),
            expect.stringMatching(/^project\/quiet\/deeper\/plan\.mlplan:2:3 hint fallback-missing /),
            expect.stringMatching(/^project\/quiet\/plan\.mlplan:2:3 hint fallback-missing /),
        ]);
    });

    test('an unknown rule code is a warning on stderr and does not change the exit status', async () => {
        const run = await mlplan(['check', '--config', 'unknown-code.json', 'free/plan.mlplan'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/^mlplan: warning: .*unknown-code\.json: unknown rule code "no-such-rule"/);
        expect(lines(run.stderr)).toHaveLength(1);
        expect(linesWithCodes(run.stdout, ['fallback-missing'])).toEqual([expect.stringMatching(/ info fallback-missing /)]);
    });

    test('a rule turned off is not applicable in readiness', async () => {
        const report = async (args: string[]) => JSON.parse((await mlplan(['check', '--format', 'json', ...args], { cwd: dir })).stdout) as JsonReport;
        const plain = (await report(['free/plan.mlplan'])).files[0];
        const configured = (await report(['project/quiet/plan.mlplan'])).files[0];
        expect(plain.diagnostics.map(d => d.code)).toContain('fallback-missing');
        expect(configured.diagnostics.map(d => d.code)).not.toContain('fallback-missing');
        expect(configured.readiness.applicable).toBe(plain.readiness.applicable - 1);
        expect(configured.readiness.satisfied).toBe(plain.readiness.satisfied);
    });
});

describe('mlplan-ignore through the CLI', () => {
    test('silences the code on the next line; an ignore that silences nothing is an unused-ignore hint', async () => {
        const file = path.join('free', 'ignored.mlplan');
        const run = await mlplan(['check', file], { cwd: dir });
        expect(run.code).toBe(0);
        expect(linesWithCodes(run.stdout, ['fallback-missing', 'unused-ignore'])).toEqual([
            expect.stringMatching(/^free\/ignored\.mlplan:6:3 hint unused-ignore .*peak-below-average/),
        ]);
    });
});
