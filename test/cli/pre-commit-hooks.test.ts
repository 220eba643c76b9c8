// .pre-commit-hooks.yaml: valid YAML in the shape pre-commit reads, naming commands the CLI has,
// and each entry does its job when pre-commit appends the matching files of a commit.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { mlplan, removeTree, ROOT, tempTree } from './run.js';
import { NO_FALLBACK, WITH_ERRORS } from './plans.js';

interface Hook { id: string; name: string; entry: string; language: string; files: string; description?: string }

const text = readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
const hooks = parse(text) as Hook[];
const byId = new Map(hooks.map(hook => [hook.id, hook]));
const bin = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin);

let dir: string;
let help: string;

/** Runs a hook as pre-commit does: its entry, then the files. The first word is the installed `mlplan`. */
function runHook(hook: Hook, files: string[]) {
    const [, ...args] = hook.entry.split(/\s+/);
    return mlplan([...args, ...files], { cwd: dir });
}

beforeAll(async () => {
    dir = tempTree({ 'clean.mlplan': NO_FALLBACK, 'errors.mlplan': WITH_ERRORS });
    help = (await mlplan(['--help'])).stdout;
});

afterAll(() => removeTree(dir));

describe('.pre-commit-hooks.yaml', () => {
    test('is a YAML list of hooks, each with the keys pre-commit requires, in Node', () => {
        expect(Array.isArray(hooks)).toBe(true);
        expect([...byId.keys()]).toEqual(['mlplan-check', 'mlplan-fmt']);
        for (const hook of hooks) {
            expect(Object.keys(hook).sort(), hook.id).toEqual(['description', 'entry', 'files', 'id', 'language', 'name']);
            expect(hook.language, hook.id).toBe('node');
            expect(typeof hook.name, hook.id).toBe('string');
        }
    });

    test('every hook matches .mlplan files only', () => {
        for (const hook of hooks) {
            const files = new RegExp(hook.files);
            expect(['plan.mlplan', 'plans/sub/churn-prediction.mlplan'].every(f => files.test(f)), hook.id).toBe(true);
            expect(['plan.mlplan.bak', 'mlplan.config.json', 'README.md', 'plan.mlplanx'].some(f => files.test(f)), hook.id).toBe(false);
        }
    });

    test("every entry is the package's own command with a subcommand and options that `mlplan --help` lists", () => {
        expect(byId.get('mlplan-check')!.entry).toBe('mlplan check');
        expect(byId.get('mlplan-fmt')!.entry).toBe('mlplan fmt --check');
        for (const hook of hooks) {
            const [command, subcommand, ...options] = hook.entry.split(/\s+/);
            expect(bin, hook.id).toContain(command);
            const usage = help.split('\n').find(line => line.trim().startsWith(`mlplan ${subcommand} `));
            expect(usage, hook.id).toBeDefined();
            for (const option of options) {
                expect(usage, `${hook.id}: ${option}`).toContain(option);
            }
        }
    });

    test('mlplan-check passes a plan with warnings only and fails one with errors', async () => {
        const hook = byId.get('mlplan-check')!;
        expect((await runHook(hook, ['clean.mlplan'])).code).toBe(0);
        const failed = await runHook(hook, ['clean.mlplan', 'errors.mlplan']);
        expect(failed.code).toBe(1);
        expect(failed.stdout).toContain('errors.mlplan:2:');
    });

    test('mlplan-fmt passes a formatted plan, fails an unformatted one and changes neither', async () => {
        const hook = byId.get('mlplan-fmt')!;
        writeFileSync(path.join(dir, 'messy.mlplan'), NO_FALLBACK.replace('  serving {', 'serving   {'));
        const before = readFileSync(path.join(dir, 'messy.mlplan'), 'utf8');
        expect((await runHook(hook, ['clean.mlplan'])).code).toBe(0);
        const failed = await runHook(hook, ['clean.mlplan', 'messy.mlplan']);
        expect(failed.code).toBe(1);
        expect(failed.stdout).toContain('messy.mlplan');
        expect(readFileSync(path.join(dir, 'messy.mlplan'), 'utf8')).toBe(before);
    });
});
