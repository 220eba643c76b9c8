/**
 * Reading the files of the commands that rewrite them (`fmt`, `fix`): a file that cannot be read
 * is one line of the report, and the others are still processed. Which files, and the problems of
 * the arguments themselves, come from workspace.ts's gatherInputs, as `check` finds its files.
 */
import * as fs from 'node:fs';
import { describeFsError, gatherInputs, type GatheredInputs, type Target } from './workspace.js';

export { gatherInputs as collectEditInputs, type GatheredInputs as CollectedInputs };

/** Reads a target, or undefined with the reason added to `problems`. */
export function readTarget(target: Target, problems: string[]): string | undefined {
    try {
        return fs.readFileSync(target.uri.fsPath, 'utf8');
    } catch (error) {
        problems.push(`${target.display}: ${describeFsError(error)}`);
        return undefined;
    }
}

