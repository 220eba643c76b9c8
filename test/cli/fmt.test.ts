import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { isOneLineReason, lines, mlplan, removeTree, requireBundle, tempTree } from './run.js';
import { BROKEN } from './plans.js';

/** Messy layout, two comments: formatting changes only the whitespace between tokens. */
const MESSY = `// a comment that stays
plan   Messy {
serving {
      mode batch   // a trailing comment
  fallback "keep the old rule"
}
}
`;

const FORMATTED = `// a comment that stays
plan Messy {
  serving {
    mode batch   // a trailing comment
    fallback "keep the old rule"
  }
}
`;

const CLEAN = 'plan Clean {\n  serving {\n    mode batch\n  }\n}\n';

/** Preloaded with `node --require`: every rename fails, as a full disk or a crash between the two steps would. */
const FAILING_RENAME = `const fs = require('node:fs');
fs.renameSync = () => { const error = new Error('simulated rename failure'); error.code = 'EIO'; throw error; };
`;

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let dir: string;
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');

beforeAll(() => requireBundle());
beforeEach(() => {
    dir = tempTree({ 'messy.mlplan': MESSY, 'clean.mlplan': CLEAN, 'sub/messy2.mlplan': MESSY, 'broken.mlplan': BROKEN });
});
afterEach(() => {
    // A test may leave a directory unreadable; removing the tree needs it back.
    try {
        chmodSync(path.join(dir, 'sub'), 0o755);
    } catch {
        // not there
    }
    removeTree(dir);
});

describe('mlplan fmt', () => {
    test('formats in place as the editor does, keeps every comment, writes only files that change, is idempotent', async () => {
        const cleanBefore = statSync(path.join(dir, 'clean.mlplan')).mtimeMs;
        chmodSync(path.join(dir, 'messy.mlplan'), 0o640);
        const run = await mlplan(['fmt', 'messy.mlplan', 'clean.mlplan', 'sub'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(lines(run.stdout)).toEqual(['formatted messy.mlplan', `formatted ${path.join('sub', 'messy2.mlplan')}`]);
        expect(read('messy.mlplan')).toBe(FORMATTED);
        expect(read('sub/messy2.mlplan')).toBe(FORMATTED);
        expect(read('clean.mlplan')).toBe(CLEAN);
        expect(statSync(path.join(dir, 'clean.mlplan')).mtimeMs).toBe(cleanBefore);
        // The file mode is kept, and no temporary file is left behind.
        expect(statSync(path.join(dir, 'messy.mlplan')).mode & 0o777).toBe(0o640);
        expect(readdirSync(dir).sort()).toEqual(['broken.mlplan', 'clean.mlplan', 'messy.mlplan', 'sub']);

        const again = await mlplan(['fmt', 'messy.mlplan', 'sub'], { cwd: dir });
        expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(read('messy.mlplan')).toBe(FORMATTED);
    });

    test('--check changes nothing, prints the files that would change and exits 1; 0 when none would', async () => {
        const run = await mlplan(['fmt', '--check', 'messy.mlplan', 'clean.mlplan', 'sub'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        expect(lines(run.stdout)).toEqual(['messy.mlplan', path.join('sub', 'messy2.mlplan')]);
        expect(read('messy.mlplan')).toBe(MESSY);
        expect(read('sub/messy2.mlplan')).toBe(MESSY);
        expect(await mlplan(['fmt', '--check', 'clean.mlplan'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('a file with syntax errors is left untouched, with one line, exit 1; the others are formatted', async () => {
        const run = await mlplan(['fmt', 'broken.mlplan', 'messy.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('mlplan: broken.mlplan:4:1: syntax error, file left unformatted\n');
        expect(run.stdout).toBe('formatted messy.mlplan\n');
        expect(read('broken.mlplan')).toBe(BROKEN);
        expect(read('messy.mlplan')).toBe(FORMATTED);
        const check = await mlplan(['fmt', '--check', 'broken.mlplan'], { cwd: dir });
        expect(check.code).toBe(1);
        expect(check.stdout).toBe('');
    });

    test('a read-only file: one line on stderr, exit 2, the file unchanged, the other files still formatted', async () => {
        chmodSync(path.join(dir, 'messy.mlplan'), 0o444);
        const run = await mlplan(['fmt', 'messy.mlplan', 'sub'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mlplan: messy.mlplan: is read-only, left unchanged\n');
        expect(run.stdout).toBe(`formatted ${path.join('sub', 'messy2.mlplan')}\n`);
        expect(read('messy.mlplan')).toBe(MESSY);
        expect(read('sub/messy2.mlplan')).toBe(FORMATTED);
        // Nothing is written with --check, so a read-only file is only reported as one that would change.
        const check = await mlplan(['fmt', '--check', 'messy.mlplan'], { cwd: dir });
        expect(check).toEqual({ code: 1, stdout: 'messy.mlplan\n', stderr: '' });
    });

    test('a missing file: one line, exit 2, the other files still formatted', async () => {
        const run = await mlplan(['fmt', 'nowhere.mlplan', 'messy.mlplan'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mlplan: nowhere.mlplan: no such file or directory\n');
        expect(isOneLineReason(run.stderr)).toBe(true);
        expect(read('messy.mlplan')).toBe(FORMATTED);
    });

    test.skipIf(isRoot)('an unreadable directory: one line, exit 2, the other files still formatted', async () => {
        chmodSync(path.join(dir, 'sub'), 0o000);
        const run = await mlplan(['fmt', 'sub', 'messy.mlplan'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mlplan: sub: cannot be read (permission denied)\n');
        expect(read('messy.mlplan')).toBe(FORMATTED);
    });

    test('an unreadable directory (injected, so that it also bites as root): one line, exit 2, the rest still formatted', async () => {
        const preload = path.join(dir, 'unreadable-sub.cjs');
        writeFileSync(preload, `const fs = require('node:fs');
const readdirSync = fs.readdirSync;
fs.readdirSync = (dir, ...rest) => {
    if (String(dir) === 'sub') { const error = new Error('EACCES: permission denied'); error.code = 'EACCES'; throw error; }
    return readdirSync(dir, ...rest);
};
`);
        const run = await mlplan(['fmt', 'sub', 'messy.mlplan'], { cwd: dir, env: { NODE_OPTIONS: `--require ${preload}` } });
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mlplan: sub: cannot be read (permission denied)\n');
        expect(run.stdout).toBe('formatted messy.mlplan\n');
        expect(read('messy.mlplan')).toBe(FORMATTED);
        expect(read('sub/messy2.mlplan')).toBe(MESSY);
    });

    test('a failure between writing the temporary file and renaming it leaves the original intact and no temporary file', async () => {
        writeFileSync(path.join(dir, 'failing-rename.cjs'), FAILING_RENAME);
        mkdirSync(path.join(dir, 'only'));
        writeFileSync(path.join(dir, 'only', 'messy.mlplan'), MESSY);
        const run = await mlplan(['fmt', path.join('only', 'messy.mlplan')], {
            cwd: dir,
            env: { NODE_OPTIONS: `--require ${path.join(dir, 'failing-rename.cjs')}` },
        });
        expect(run.code).toBe(2);
        expect(isOneLineReason(run.stderr), run.stderr).toBe(true);
        expect(run.stderr).toBe(`mlplan: ${path.join('only', 'messy.mlplan')}: cannot be written (EIO), left unchanged\n`);
        expect(readFileSync(path.join(dir, 'only', 'messy.mlplan'), 'utf8')).toBe(MESSY);
        expect(readdirSync(path.join(dir, 'only'))).toEqual(['messy.mlplan']);
    });

    test('usage errors: no FILE, an unknown option', async () => {
        for (const args of [['fmt'], ['fmt', '--write', 'messy.mlplan']]) {
            const run = await mlplan(args, { cwd: dir });
            expect(run.code).toBe(2);
            expect(isOneLineReason(run.stderr), run.stderr).toBe(true);
        }
        expect(read('messy.mlplan')).toBe(MESSY);
    });
});
