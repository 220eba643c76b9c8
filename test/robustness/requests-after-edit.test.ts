import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { LspConnection } from '../../scripts/abuse/lsp-connection.mjs';
import { BASE_PLAN, bigPlan } from '../../scripts/abuse/plans.mjs';
import { requireBundle } from '../cli/run.js';

/**
 * An editor asks about a document right after changing it: VS Code requests semantic tokens after
 * every keystroke, and hover or completion often follow an edit at once. The server builds the
 * new version a moment after the change arrives (behind any build still running); a request in
 * between must still be answered for the edited text, or its positions do not fit (VS Code logs
 * "Invalid Semantic Tokens Data" and colours the wrong words).
 */

let server: LspConnection | undefined;
let dir: string | undefined;

beforeAll(() => {
    requireBundle();
});

afterEach(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    server = undefined;
    dir = undefined;
});

/** The line of every token in a semantic tokens answer (its data is relative, five numbers a token). */
function tokenLines(data: number[]): number[] {
    const lines: number[] = [];
    let line = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i]!;
        lines.push(line);
    }
    return lines;
}

async function openedPlan(text: string): Promise<{ connection: LspConnection; uri: string; firstTokenLine: number }> {
    dir = mkdtempSync(path.join(tmpdir(), 'mlplan-after-edit-'));
    server = new LspConnection({ cwd: dir });
    await server.initialize(pathToFileURL(dir).href);
    const uri = pathToFileURL(path.join(dir, 'plan.mlplan')).href;
    server.open(uri, text);
    await server.diagnosticsFor(uri, undefined, 60_000);
    const tokens = (await server.request('textDocument/semanticTokens/full', { textDocument: { uri } })).result as { data: number[] };
    return { connection: server, uri, firstTokenLine: tokenLines(tokens.data)[0]! };
}

/** Inserts an empty line at the top: every token moves one line down. */
function insertLine(connection: LspConnection, uri: string, version: number): void {
    connection.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    });
}

describe('a request sent right after an edit is answered for the edited text', () => {
    test('semantic tokens after each edit of a small plan', async () => {
        const { connection, uri, firstTokenLine } = await openedPlan(BASE_PLAN);
        for (let inserted = 1; inserted <= 5; inserted++) {
            insertLine(connection, uri, inserted + 1);
            const answer = await connection.request('textDocument/semanticTokens/full', { textDocument: { uri } });
            expect(answer.error).toBeUndefined();
            expect(tokenLines((answer.result as { data: number[] }).data)[0]).toBe(firstTokenLine + inserted);
        }
    });

    test('semantic tokens asked while the previous edit of a large plan is still being built', async () => {
        const { connection, uri, firstTokenLine } = await openedPlan(bigPlan(400_000));
        const wrong: string[] = [];
        let version = 1;
        for (let round = 1; round <= 8; round++) {
            // The first edit's build starts; the second edit arrives while it runs, and the tokens
            // are asked for at once: they must be those of the text after both edits.
            insertLine(connection, uri, ++version);
            await new Promise(resolve => setTimeout(resolve, 5 * round));
            insertLine(connection, uri, ++version);
            const answer = await connection.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 60_000);
            const line = tokenLines((answer.result as { data: number[] } | undefined)?.data ?? [])[0];
            const expected = firstTokenLine + 2 * round;
            if (answer.error || line !== expected) {
                wrong.push(`round ${round}: ${answer.error ? `error ${answer.error.message}` : `first token on line ${line}, expected ${expected}`}`);
            }
        }
        expect(wrong).toEqual([]);
    }, 120_000);
});
