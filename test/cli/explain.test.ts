import { beforeAll, describe, expect, test } from 'vitest';
import { explainRule } from '../../server/src/cli/explain.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { ruleText } from '../../server/src/rules/rule-docs.js';
import { isOneLineReason, mlplan, requireBundle } from './run.js';

beforeAll(() => requireBundle());

describe('mlplan explain CODE', () => {
    test('prints the rule page for the terminal, the same text the docs renderer gives, and exits 0', async () => {
        const run = await mlplan(['explain', 'fallback-missing']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(ruleText(await explainRule('fallback-missing')));
    });

    test('says what the rule checks, its default severity and stage, why it matters, an example, its finding and the fix', async () => {
        const run = await mlplan(['explain', 'dataset-version-missing']);
        const rule = RULES_BY_CODE.get('dataset-version-missing')!;
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]).toBe(`dataset-version-missing: ${rule.title}`);
        expect(run.stdout).toMatch(/default severity +warning/);
        expect(run.stdout).toMatch(/applies +from stage growth on/);
        expect(run.stdout).toContain('Why it matters');
        expect(run.stdout).toContain(rule.why.split(' ').slice(0, 4).join(' '));
        expect(run.stdout).toMatch(/Example \(plan\.mlplan\)\n +1 \| plan /);
        expect(run.stdout).toMatch(/plan\.mlplan:\d+:\d+ warning dataset-version-missing dataset `subscribers` has no version/);
        expect(run.stdout).toContain('How to fix it');
        expect(run.stdout).toMatch(/After the quick-fix "Add version "TODO""\n/);
        expect(run.stdout).toMatch(/\| +version "TODO"/);
    });

    test('a rule without a quick-fix says so, and shows no fixed plan', async () => {
        const run = await mlplan(['explain', 'train-test-overlap']);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/default severity +error/);
        expect(run.stdout).toMatch(/applies +at every stage/);
        expect(run.stdout).toContain('No quick-fix: only the team can decide');
        expect(run.stdout).not.toContain('After the quick-fix');
    });

    test('an example that imports another file shows that file too', async () => {
        const run = await mlplan(['explain', 'import-cycle']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('catalog.mlplan, next to it');
        expect(run.stdout).toMatch(/plan\.mlplan:1:8 warning import-cycle /);
    });

    test('--help prints the usage, which lists explain', async () => {
        const run = await mlplan(['explain', '--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('mlplan explain CODE');
    });
});

describe('mlplan explain: usage errors (exit 2, one line on stderr)', () => {
    test('a misspelt code names the nearest codes', async () => {
        const run = await mlplan(['explain', 'fallback-mising']);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toContain('unknown rule code "fallback-mising"; did you mean fallback-missing');
    });

    test('part of a code names the codes that contain it', async () => {
        const run = await mlplan(['explain', 'capacity']);
        expect(run.code).toBe(2);
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toContain('did you mean capacity-below-peak');
    });

    test('a code like no other says where the codes are listed', async () => {
        const run = await mlplan(['explain', 'zzzz']);
        expect(run.code).toBe(2);
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toContain('docs/rules/README.md');
    });

    test('no code is a usage error', async () => {
        const run = await mlplan(['explain']);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(run.stderr).toContain('explain needs a rule CODE');
    });

    test('two codes, or an unknown option, are usage errors', async () => {
        const two = await mlplan(['explain', 'fallback-missing', 'risk-missing']);
        expect(two.code).toBe(2);
        expect(isOneLineReason(two.stderr)).toBe(true);
        const option = await mlplan(['explain', '--format', 'json', 'risk-missing']);
        expect(option.code).toBe(2);
        expect(isOneLineReason(option.stderr)).toBe(true);
    });
});
