import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { unifiedDiff } from '../../server/src/cli/unified-diff.js';
import { isOneLineReason, lines, mlplan, removeTree, requireBundle, tempTree } from './run.js';
import { BROKEN, NO_FALLBACK, WITH_ERRORS } from './plans.js';

const FALLBACK_FIXED = `plan NoFallback {
  serving {
    mode batch
    fallback "TODO: what users get when the model fails"
  }
}
`;

/** `duplicate-reference` (its fix deletes the repeat) and a name one typo away (its fix renames). */
const USER_TEXT = `plan Team {
  owner crew
  person ana { name "Ana" }
  team crew { members ana, ana }
  serving {
    mode batch
    fallback "the previous rule stays in place"
  }
  dataset events {
    source "s3://bucket/events"
    owner anna
    fields {
      a number
    }
  }
}
`;

let dir: string;
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');

beforeAll(() => requireBundle());
beforeEach(() => {
    dir = tempTree({
        'no-fallback.mlplan': NO_FALLBACK,
        'errors.mlplan': WITH_ERRORS,
        'user-text.mlplan': USER_TEXT,
        'broken.mlplan': BROKEN,
    });
});
afterEach(() => removeTree(dir));

/** The lines of `fix` output that are diagnostics (`file:line:col severity code message`). */
const findingLines = (stdout: string) => lines(stdout).filter(line => /^\S+:\d+:\d+ (error|warning|info|hint) /.test(line));

describe('mlplan fix', () => {
    test('applies the preferred fix, prints what remains as check does, and exits as check would', async () => {
        const run = await mlplan(['fix', '--only', 'fallback-missing', 'no-fallback.mlplan'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(read('no-fallback.mlplan')).toBe(FALLBACK_FIXED);
        const check = await mlplan(['check', 'no-fallback.mlplan'], { cwd: dir });
        expect(findingLines(run.stdout)).toEqual(lines(check.stdout));
        expect(lines(run.stdout).at(-1)).toBe('no-fallback.mlplan: fixed 1 finding (fallback-missing); 1 placeholder ("TODO") left to fill in');
        expect(run.code).toBe(check.code);
        expect(run.code).toBe(0);
    });

    test('errors that no mechanical fix removes: exit 1, as check', async () => {
        const run = await mlplan(['fix', 'errors.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        const check = await mlplan(['check', 'errors.mlplan'], { cwd: dir });
        expect(check.code).toBe(1);
        expect(findingLines(run.stdout)).toEqual(lines(check.stdout));
        expect(run.stdout).toContain('errors.mlplan:2:9 error unresolved-reference `nobody` is not a declared person or team');
    });

    test('applying fix twice changes nothing the second time', async () => {
        const first = await mlplan(['fix', 'no-fallback.mlplan', 'errors.mlplan', 'user-text.mlplan'], { cwd: dir });
        expect(first.stderr).toBe('');
        const after = ['no-fallback.mlplan', 'errors.mlplan', 'user-text.mlplan'].map(read);
        expect(after[0]).not.toBe(NO_FALLBACK);
        const mtimes = ['no-fallback.mlplan', 'errors.mlplan', 'user-text.mlplan'].map(f => statSync(path.join(dir, f)).mtimeMs);
        const second = await mlplan(['fix', 'no-fallback.mlplan', 'errors.mlplan', 'user-text.mlplan'], { cwd: dir });
        expect(['no-fallback.mlplan', 'errors.mlplan', 'user-text.mlplan'].map(read)).toEqual(after);
        expect(['no-fallback.mlplan', 'errors.mlplan', 'user-text.mlplan'].map(f => statSync(path.join(dir, f)).mtimeMs)).toEqual(mtimes);
        expect(second.stdout).not.toMatch(/: fixed /);
        expect(findingLines(second.stdout)).toEqual(findingLines(first.stdout));
        expect(second.code).toBe(first.code);
        // What fix writes is already formatted.
        expect(await mlplan(['fmt', '--check', 'no-fallback.mlplan', 'user-text.mlplan'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    });

    test('never deletes or replaces text the user wrote (not even the editor\'s deleting and renaming fixes)', async () => {
        const run = await mlplan(['fix', '--dry-run', 'user-text.mlplan'], { cwd: dir });
        const removed = lines(run.stdout).filter(line => line.startsWith('-') && !line.startsWith('--- '));
        expect(removed).toEqual([]);
        expect(run.stderr).toBe('');
        // Both findings remain: their fixes would delete a list entry and rename `anna`.
        expect(run.stdout).toContain('user-text.mlplan:4:28 warning duplicate-reference');
        expect(run.stdout).toContain('user-text.mlplan:11:11 error unresolved-reference `anna` is not a declared person or team; did you mean `ana`?');
        expect(run.code).toBe(1);
        await mlplan(['fix', 'user-text.mlplan'], { cwd: dir });
        // Every line the user wrote is still there, in order.
        const fixed = read('user-text.mlplan').split('\n');
        let at = 0;
        for (const line of USER_TEXT.split('\n')) {
            at = fixed.indexOf(line, at);
            expect(at, line).toBeGreaterThanOrEqual(0);
            at++;
        }
        const check = await mlplan(['check', 'user-text.mlplan'], { cwd: dir });
        expect(check.stdout).toContain('duplicate-reference');
    });

    test('--dry-run prints a unified diff, then what would remain, and writes nothing', async () => {
        const run = await mlplan(['fix', '--dry-run', '--only', 'fallback-missing', 'no-fallback.mlplan'], { cwd: dir });
        expect(read('no-fallback.mlplan')).toBe(NO_FALLBACK);
        expect(readdirSync(dir).sort()).toEqual(['broken.mlplan', 'errors.mlplan', 'no-fallback.mlplan', 'user-text.mlplan']);
        expect(run.stdout.startsWith(`--- a/no-fallback.mlplan
+++ b/no-fallback.mlplan
@@ -1,5 +1,6 @@
 plan NoFallback {
   serving {
     mode batch
+    fallback "TODO: what users get when the model fails"
   }
 }
`)).toBe(true);
        expect(run.stdout).toContain('no-fallback.mlplan:4:14 warning fallback-missing the serving fallback is a placeholder');
        expect(lines(run.stdout).at(-1)).toBe('no-fallback.mlplan: would fix 1 finding (fallback-missing); 1 placeholder ("TODO") left to fill in');
        expect(run.code).toBe(0);
        // The diff applies: the same text as the real run writes.
        await mlplan(['fix', '--only', 'fallback-missing', 'no-fallback.mlplan'], { cwd: dir });
        expect(read('no-fallback.mlplan')).toBe(FALLBACK_FIXED);
    });

    test('a new plan missing its sections gets them all in one coherent fix', async () => {
        writeFileSync(path.join(dir, 'bare.mlplan'), 'plan Bare {\n  title "Bare"\n}\n');
        const run = await mlplan(['fix', 'bare.mlplan'], { cwd: dir });
        expect(run.code).toBe(0);
        const text = read('bare.mlplan');
        for (const section of ['objective ', 'dataset ', 'baseline ', 'owner ']) {
            expect(text).toContain(section);
        }
        const check = await mlplan(['check', 'bare.mlplan'], { cwd: dir });
        expect(check.stdout).not.toMatch(/-missing plan `Bare`/);
        expect(run.stdout).toMatch(/^bare\.mlplan: fixed \d+ findings \(.*objective-missing.*\); \d+ placeholders \("TODO"\) left to fill in$/m);
    });

    test('--only: unknown code is exit 2 with the nearest codes; a list limits the fixes to those codes', async () => {
        const typo = await mlplan(['fix', '--only', 'fallback-mising', 'no-fallback.mlplan'], { cwd: dir });
        expect(typo.code).toBe(2);
        expect(isOneLineReason(typo.stderr)).toBe(true);
        expect(typo.stderr).toMatch(/^mlplan: unknown code "fallback-mising" for --only; did you mean fallback-missing/);
        expect(read('no-fallback.mlplan')).toBe(NO_FALLBACK);
        const run = await mlplan(['fix', '--only', 'owner-missing,fallback-missing', 'no-fallback.mlplan'], { cwd: dir });
        expect(lines(run.stdout).at(-1)).toMatch(/^no-fallback\.mlplan: fixed 2 findings \((fallback-missing, owner-missing|owner-missing, fallback-missing)\)/);
        expect(read('no-fallback.mlplan')).not.toContain('objective');
    });

    test('a file with syntax errors is untouched, with one line, exit 1; the others are fixed', async () => {
        const run = await mlplan(['fix', '--only', 'fallback-missing', 'broken.mlplan', 'no-fallback.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('mlplan: broken.mlplan:4:1: syntax error, no fix applied\n');
        expect(read('broken.mlplan')).toBe(BROKEN);
        expect(read('no-fallback.mlplan')).toBe(FALLBACK_FIXED);
        expect(run.stdout).toContain('broken.mlplan:3:9 error syntax-error');
    });

    test('a read-only file or a missing one: one line each, exit 2, the other files still fixed', async () => {
        chmodSync(path.join(dir, 'errors.mlplan'), 0o444);
        writeFileSync(path.join(dir, 'second.mlplan'), NO_FALLBACK);
        const run = await mlplan(['fix', '--only', 'fallback-missing', 'errors.mlplan', 'nowhere.mlplan', 'no-fallback.mlplan'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual([
            'mlplan: nowhere.mlplan: no such file or directory',
            'mlplan: errors.mlplan: is read-only, left unchanged',
        ]);
        expect(read('errors.mlplan')).toBe(WITH_ERRORS);
        expect(read('no-fallback.mlplan')).toBe(FALLBACK_FIXED);
        // What remains of the read-only file is reported for the text it still holds.
        expect(run.stdout).toContain('errors.mlplan:3:3 warning fallback-missing no fallback defined');
    });

    test('an injected rename failure leaves the original intact and no temporary file', async () => {
        const preload = path.join(dir, 'failing-rename.cjs');
        writeFileSync(preload, `require('node:fs').renameSync = () => { const e = new Error('simulated'); e.code = 'EIO'; throw e; };\n`);
        const run = await mlplan(['fix', 'no-fallback.mlplan'], { cwd: dir, env: { NODE_OPTIONS: `--require ${preload}` } });
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mlplan: no-fallback.mlplan: cannot be written (EIO), left unchanged\n');
        expect(read('no-fallback.mlplan')).toBe(NO_FALLBACK);
        expect(readdirSync(dir).sort()).toEqual(['broken.mlplan', 'errors.mlplan', 'failing-rename.cjs', 'no-fallback.mlplan', 'user-text.mlplan']);
    });
});

describe('the unified diff of --dry-run', () => {
    const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');
    const cases: Array<[string, string, string]> = [
        ['two hunks, a change and an insertion', `${numbered(30)}\n`, `${numbered(30).replace('line 3\n', 'line three\n').replace('line 27\n', 'line 27\nnew line\n')}\n`],
        ['close changes share a hunk', `${numbered(12)}\n`, `${numbered(12).replace('line 4\n', '').replace('line 8\n', 'eight\n')}\n`],
        ['no final newline on one side', numbered(5), `${numbered(5)}\n`],
        ['no final newline on either side, last line changed', numbered(5), numbered(5).replace('line 5', 'five')],
        ['from an empty file', '', 'a\nb\n'],
        ['to an empty file', 'a\nb\n', ''],
    ];
    test.each(cases)('%s: the same hunks as diff -u, and patch applies it', (_name, before, after) => {
        const work = mkdtempSync(path.join(tmpdir(), 'mlplan-diff-'));
        try {
            writeFileSync(path.join(work, 'old'), before);
            writeFileSync(path.join(work, 'new'), after);
            let expected = '';
            try {
                execFileSync('diff', ['-u', 'old', 'new'], { cwd: work, encoding: 'utf8' });
            } catch (error) {
                expected = (error as { stdout: string }).stdout;
            }
            const ours = unifiedDiff(before, after, 'a/old', 'b/old');
            expect(ours.split('\n').slice(2)).toEqual(expected.split('\n').slice(2));
            writeFileSync(path.join(work, 'fix.diff'), ours);
            execFileSync('patch', ['-s', '-p1', '-i', 'fix.diff'], { cwd: work });
            expect(readFileSync(path.join(work, 'old'), 'utf8')).toBe(after);
        } finally {
            removeTree(work);
        }
    });

    test('no difference, no diff', () => {
        expect(unifiedDiff('a\n', 'a\n', 'a/x', 'b/x')).toBe('');
    });
});
