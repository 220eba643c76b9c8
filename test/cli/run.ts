import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from here, as a user would after `npm install`. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'mlplan.js');
const BUNDLE = path.join(ROOT, 'out', 'cli.cjs');

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Fails with a clear message instead of a confusing CLI error when the bundle is missing. */
export function requireBundle(): void {
    if (!existsSync(BUNDLE)) {
        throw new Error(`${BUNDLE} is missing: run \`npm run build\` (npm test does) before these tests`);
    }
}

/** Runs `node bin/mlplan.js …args` as a child process with cwd = repository root (or `cwd`). */
export function mlplan(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
    requireBundle();
    return new Promise(resolve => {
        execFile(process.execPath, [BIN, ...args], {
            cwd: options.cwd ?? ROOT,
            env: { ...process.env, MLPLAN_DEBUG: '', ...options.env },
            timeout: 20_000,
            maxBuffer: 16 * 1024 * 1024,
        }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

/** A fresh temporary directory with `files` (relative path → content) written into it. */
export function tempTree(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlplan-cli-'));
    writeTree(dir, files);
    return dir;
}

export function writeTree(dir: string, files: Record<string, string>): void {
    for (const [relative, content] of Object.entries(files)) {
        const file = path.join(dir, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
}

export function removeTree(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
}

/** The output's lines, without the final empty one. */
export function lines(text: string): string[] {
    return text.split('\n').filter((line, i, all) => line.length > 0 || i < all.length - 1);
}

/** Asserts the shape every exit-2 failure must have: one `mlplan: ` line, no stack trace. */
export function isOneLineReason(stderr: string): boolean {
    return /^mlplan: [^\n]+\n$/.test(stderr) && !/\n\s+at /.test(stderr);
}
