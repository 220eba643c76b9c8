/**
 * How `fmt` and `fix` replace a file: the new content goes to a temporary file in the same
 * directory, which is then renamed over the original. A reader sees the old file or the new one,
 * never half of one; a failure before the rename leaves the original as it was and removes the
 * temporary file. The original's permission bits are kept, and a symbolic link is written through
 * (its target is replaced, the link stays a link).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors.js';

/** Nobody may write the file (no `w` bit at all): `fmt` and `fix` leave it alone, even as root. */
export function isReadOnly(mode: number): boolean {
    return (mode & 0o222) === 0;
}

/**
 * Throws CliError when `file` should not be rewritten: missing, not a regular file, read-only
 * (no write permission bit, or not writable by this user), or in a directory this user cannot
 * write to (the rename needs it).
 */
export function checkWritable(file: string, display: string): void {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch (error) {
        throw new CliError(`${display}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    if (!stat.isFile()) {
        throw new CliError(`${display}: not a regular file, left unchanged`);
    }
    if (isReadOnly(stat.mode) || !accessible(file, fs.constants.W_OK)) {
        throw new CliError(`${display}: is read-only, left unchanged`);
    }
    if (!accessible(path.dirname(fs.realpathSync(file)), fs.constants.W_OK | fs.constants.X_OK)) {
        throw new CliError(`${display}: its directory is not writable, left unchanged`);
    }
}

function accessible(file: string, mode: number): boolean {
    try {
        fs.accessSync(file, mode);
        return true;
    } catch {
        return false;
    }
}

/**
 * Replaces the content of `file` with `content` atomically. Throws CliError (naming `display`) when
 * any step fails; the original is then untouched and no temporary file remains.
 */
export function writeFileAtomic(file: string, content: string, display = file): void {
    checkWritable(file, display);
    const target = fs.realpathSync(file);
    const mode = fs.statSync(target).mode & 0o7777;
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.mlplan-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    try {
        fs.writeFileSync(temporary, content, { encoding: 'utf8', mode, flag: 'wx' });
        // The mode given to writeFileSync passes through the umask: set it exactly.
        fs.chmodSync(temporary, mode);
        fs.renameSync(temporary, target);
    } catch (error) {
        try {
            fs.rmSync(temporary, { force: true });
        } catch {
            // Nothing more can be done; the message below still names the file.
        }
        throw new CliError(`${display}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'unknown error')}), left unchanged`);
    }
}
