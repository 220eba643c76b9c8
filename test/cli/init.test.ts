import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planTemplate } from '../../server/src/templates/plan-template.js';
import { isOneLineReason, mlplan, removeTree, requireBundle, tempTree } from './run.js';

interface JsonReport { files: Array<{ file: string; diagnostics: Array<{ code: string; severity: string }> }> }

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({ 'existing.mlplan': 'plan Mine {\n}\n' });
});

afterAll(() => removeTree(dir));

describe('mlplan init', () => {
    test('writes the editor template at stage mvp by default, named after the file, and it checks clean', async () => {
        const run = await mlplan(['init', 'churn-model.mlplan'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('churn-model.mlplan: new plan ChurnModel at stage mvp\n');
        const text = readFileSync(path.join(dir, 'churn-model.mlplan'), 'utf8');
        expect(text).toBe(planTemplate('mvp', 'churn-model'));
        expect(text).toContain('plan ChurnModel {');
        expect(text).toContain('  stage mvp');
        const check = await mlplan(['check', '--format', 'json', 'churn-model.mlplan'], { cwd: dir });
        expect(check.code).toBe(0);
        expect((JSON.parse(check.stdout) as JsonReport).files[0].diagnostics).toEqual([]);
    });

    test.each(['growth', 'maturity'])('--stage %s --name: the template of that stage checks clean at it', async stage => {
        const file = `${stage}.mlplan`;
        const run = await mlplan(['init', '--stage', stage, '--name', 'Fraud scoring 2', file], { cwd: dir });
        expect(run.code).toBe(0);
        const text = readFileSync(path.join(dir, file), 'utf8');
        expect(text).toContain('plan FraudScoring2 {');
        expect(text).toContain(`  stage ${stage}`);
        const check = await mlplan(['check', '--format', 'json', file], { cwd: dir });
        expect(check.code).toBe(0);
        expect((JSON.parse(check.stdout) as JsonReport).files[0].diagnostics).toEqual([]);
    });

    test('refuses to overwrite an existing file: exit 2, one line, the file unchanged', async () => {
        const run = await mlplan(['init', '--stage', 'growth', 'existing.mlplan'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toBe('mlplan: existing.mlplan: already exists; init never overwrites a file\n');
        expect(run.stdout).toBe('');
        expect(readFileSync(path.join(dir, 'existing.mlplan'), 'utf8')).toBe('plan Mine {\n}\n');
    });

    test('a directory that does not exist, an unknown stage, no FILE or two: exit 2, one line', async () => {
        for (const args of [
            ['init', 'nowhere/plan.mlplan'],
            ['init', '--stage', 'beta', 'beta.mlplan'],
            ['init'],
            ['init', 'a.mlplan', 'b.mlplan'],
        ]) {
            const run = await mlplan(args, { cwd: dir });
            expect(run.code, args.join(' ')).toBe(2);
            expect(isOneLineReason(run.stderr), run.stderr).toBe(true);
        }
        expect(existsSync(path.join(dir, 'beta.mlplan'))).toBe(false);
        expect(existsSync(path.join(dir, 'a.mlplan'))).toBe(false);
    });

    test('--help prints the usage, which lists init, fmt and fix', async () => {
        const run = await mlplan(['init', '--help'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('mlplan init [--stage mvp|growth|maturity] [--name NAME] FILE');
        expect(run.stdout).toContain('mlplan fmt [--check] FILE|DIR...');
        expect(run.stdout).toContain('mlplan fix [--only CODE[,CODE]] [--dry-run]');
    });
});
