import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

const STATE_KEY = 'mlplan.export.written';

/**
 * What the last export wrote to each target file (a hash of the content, in the workspace state),
 * so that exporting again over our own, untouched output needs no question, while a file that we
 * did not write, or that changed since, is never overwritten without asking.
 */
export class ExportLedger {
    constructor(private readonly state: vscode.Memento) {}

    private written(): Record<string, string> {
        return this.state.get<Record<string, string>>(STATE_KEY) ?? {};
    }

    /** True when `target` holds exactly what the last export wrote there (and no unsaved edit). */
    async isOurs(target: vscode.Uri): Promise<boolean> {
        const recorded = this.written()[target.toString()];
        if (!recorded) {
            return false;
        }
        if (this.isDirty(target)) {
            return false;
        }
        const onDisk = await readIfExists(target);
        return onDisk !== undefined && hash(onDisk) === recorded;
    }

    isDirty(target: vscode.Uri): boolean {
        return vscode.workspace.textDocuments.some(d => d.uri.toString() === target.toString() && d.isDirty);
    }

    /** Why `target` (which is not ours, see `isOurs`) needs the user's word before it is replaced. */
    whyNotOurs(target: vscode.Uri): string {
        if (this.isDirty(target)) {
            return 'It has unsaved changes in an editor.';
        }
        return this.written()[target.toString()]
            ? 'It was changed since the last export wrote it.'
            : 'It was not written by an export of this plan.';
    }

    async record(target: vscode.Uri, content: Uint8Array): Promise<void> {
        await this.state.update(STATE_KEY, { ...this.written(), [target.toString()]: hash(content) });
    }
}

export async function readIfExists(uri: vscode.Uri): Promise<Uint8Array | undefined> {
    try {
        return await vscode.workspace.fs.readFile(uri);
    } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
            return undefined;
        }
        throw error;
    }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function hash(content: Uint8Array): string {
    return createHash('sha256').update(content).digest('hex');
}

export const OVERWRITE = 'Overwrite';
export const SAVE_AS = 'Save As…';

/**
 * Where the export may go: `target` when it does not exist or holds our last export unchanged;
 * otherwise the user decides (a modal warning: Overwrite, Save As…, or cancel for nothing).
 */
export async function chooseExportTarget(ledger: ExportLedger, target: vscode.Uri, plan: vscode.Uri, content: Uint8Array): Promise<vscode.Uri | undefined> {
    const existing = await readIfExists(target);
    // Replacing a file with the very same bytes loses nothing.
    if (existing === undefined || await ledger.isOurs(target) || (sameBytes(existing, content) && !ledger.isDirty(target))) {
        return target;
    }
    const relative = vscode.workspace.asRelativePath(target);
    const why = ledger.whyNotOurs(target);
    const answer = await vscode.window.showWarningMessage(
        `ML Plan: ${relative} already exists. Overwrite it with the export of ${vscode.workspace.asRelativePath(plan)}?`,
        { modal: true, detail: why },
        OVERWRITE, SAVE_AS,
    );
    if (answer === OVERWRITE) {
        return target;
    }
    if (answer === SAVE_AS) {
        return vscode.window.showSaveDialog({ defaultUri: target, filters: { Markdown: ['md'] }, title: 'ML Plan: export the plan to' });
    }
    return undefined;
}
