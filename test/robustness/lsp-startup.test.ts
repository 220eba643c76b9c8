import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { LspConnection, sleep, type Answer } from '../../scripts/abuse/lsp-connection.mjs';
import { BASE_PLAN, bigPlan } from '../../scripts/abuse/plans.mjs';
import { tempWorkspace } from '../../scripts/abuse/scenarios.mjs';
import { requireBundle, ROOT } from '../cli/run.js';

/**
 * The language server while it starts and while builds are cancelled under it, over a real LSP
 * connection (`node bin/mlplan.js lsp --stdio`): every request gets an answer and every plan of
 * the workspace its diagnostics. Langium's build phases and its waiting for them left requests
 * unanswered (until the next edit, or for ever) in the three situations below. A request sent
 * right after an edit, also while the previous edit's build still runs, is answered for the
 * edited text (VS Code asks for semantic tokens after every keystroke; tokens of the previous
 * version do not fit the text: "Invalid Semantic Tokens Data", the wrong words coloured).
 */

const MINUTE = 60_000;
const UNREADABLE = path.join(ROOT, 'test', 'robustness', 'fixtures', 'unreadable-files.cjs');

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

const uriOf = (file: string) => pathToFileURL(file).href;

/** Every request about one document an editor sends, at `position`. */
function everyRequest(uri: string, position: { line: number; character: number }): Array<[string, object]> {
    const textDocument = { uri };
    const range = { start: { line: 0, character: 0 }, end: position };
    return [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/definition', { textDocument, position }],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { textDocument, position }],
        ['textDocument/prepareRename', { textDocument, position }],
        ['textDocument/rename', { textDocument, position, newName: 'renamed' }],
        ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
        ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
        ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 2, insertSpaces: true } }],
        ['textDocument/semanticTokens/full', { textDocument }],
        ['textDocument/semanticTokens/range', { textDocument, range }],
        ['textDocument/foldingRange', { textDocument }],
        ['textDocument/codeLens', { textDocument }],
        ['textDocument/documentSymbol', { textDocument }],
    ];
}

/** What went wrong with each answer: none when every request got a result (not an error). */
async function unanswered(sent: Array<{ what: string; answer: Promise<Answer> }>): Promise<string[]> {
    const problems: string[] = [];
    for (const { what, answer } of sent) {
        try {
            const { error } = await answer;
            if (error) problems.push(`${what}: error ${error.code} ${error.message}`);
        } catch (failure) {
            problems.push(`${what}: ${(failure as Error).message}`);
        }
    }
    return problems;
}

describe('the language server answers every request while it starts', () => {
    test('requests of every kind sent right after `initialized`, the editor\'s settings arriving mid-build: all answered, every plan gets diagnostics', async () => {
        // Plans big enough that the first build is still running when the settings arrive.
        const names = ['a', 'b', 'c', 'd', 'e', 'f'].map(name => `${name}.mlplan`);
        dir = tempWorkspace(Object.fromEntries(names.map((name, i) => [name, bigPlan(120_000, `P${i}`)])));
        const uris = names.map(name => uriOf(path.join(dir!, name)));
        server = new LspConnection({ cwd: dir });
        // An editor busy at start-up answers `workspace/configuration` late.
        server.hold('workspace/configuration');
        await server.initialize(uriOf(dir));
        const sent = uris.flatMap(uri => everyRequest(uri, { line: 12, character: 12 }).map(([method, params]) => ({
            what: `${method} ${path.basename(uri)}`,
            answer: server!.send(method, params, MINUTE).answer,
        })));
        sent.push({ what: 'workspace/symbol', answer: server.send('workspace/symbol', { query: 'auc1' }, MINUTE).answer });
        // Workspace symbols are answered once every plan is indexed, while the rest of the build runs:
        // then the settings arrive, and re-validating with them cancels the first build.
        await sent[sent.length - 1].answer;
        expect(server.serverRequests).toContain('workspace/configuration');
        server.release();
        expect(await unanswered(sent)).toEqual([]);
        for (const uri of uris) {
            // Each plan is a clean one: what counts is that its diagnostics were published at all.
            expect(await server.diagnosticsFor(uri, () => true, MINUTE), uri).toEqual([]);
        }
    }, 3 * MINUTE);

    test('workspace requests that arrive with a file-watcher event for a file that is no plan: all answered', async () => {
        dir = tempWorkspace({ 'plan.mlplan': BASE_PLAN, 'notes.txt': 'not a plan' });
        const uri = uriOf(path.join(dir, 'plan.mlplan'));
        server = new LspConnection({ cwd: dir });
        await server.initialize(uriOf(dir));
        await server.diagnosticsFor(uri, () => true, MINUTE);
        const position = { line: 3, character: 9 }; // `owner ana`
        const requests: Array<[string, object]> = [
            ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
            ['textDocument/documentHighlight', { textDocument: { uri }, position }],
            ['textDocument/prepareRename', { textDocument: { uri }, position }],
            ['textDocument/rename', { textDocument: { uri }, position, newName: 'renamed' }],
            ['workspace/symbol', { query: 'ana' }],
        ];
        const sent = [];
        for (const [method, params] of requests) {
            await sleep(50); // an idle server, as between two keystrokes
            // Saving any file in the folder makes the editor report it; the request comes in the
            // same read. The build that follows has nothing to rebuild.
            const stdin = server.child.stdin!;
            stdin.cork();
            server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'notes.txt')), type: 2 }] });
            const answer = server.send(method, params, 10_000).answer;
            stdin.uncork();
            sent.push({ what: method, answer });
            await answer.catch(() => undefined);
        }
        expect(await unanswered(sent)).toEqual([]);
    }, MINUTE);

    test('a plan of the workspace that cannot be read at start-up (deleted meanwhile) is left out; the rest is served', async () => {
        dir = tempWorkspace({ 'plan.mlplan': BASE_PLAN, 'vanished.mlplan': BASE_PLAN.replace('plan Abuse', 'plan Vanished') });
        const uri = uriOf(path.join(dir, 'plan.mlplan'));
        server = new LspConnection({ cwd: dir, nodeArgs: ['--require', UNREADABLE], env: { MLPLAN_UNREADABLE: 'vanished.mlplan' } });
        await server.initialize(uriOf(dir));
        const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 9 } }, 20_000);
        expect(JSON.stringify(hover.result)).toContain('Ana Lima');
        expect(await server.diagnosticsFor(uri, () => true, 20_000)).toBeInstanceOf(Array);
        expect(server.diagnostics.has(uriOf(path.join(dir, 'vanished.mlplan')))).toBe(false);
    }, MINUTE);
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

/** `text` open in a new server; the line of its first semantic token. */
async function openedPlan(text: string): Promise<{ connection: LspConnection; uri: string; firstTokenLine: number }> {
    dir = tempWorkspace();
    const connection = server = new LspConnection({ cwd: dir });
    await connection.initialize(uriOf(dir));
    const uri = uriOf(path.join(dir, 'plan.mlplan'));
    connection.open(uri, text);
    await connection.diagnosticsFor(uri, () => true, MINUTE);
    const tokens = (await connection.request('textDocument/semanticTokens/full', { textDocument: { uri } })).result as { data: number[] };
    return { connection, uri, firstTokenLine: tokenLines(tokens.data)[0]! };
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
            await sleep(5 * round);
            insertLine(connection, uri, ++version);
            const answer = await connection.request('textDocument/semanticTokens/full', { textDocument: { uri } }, MINUTE);
            const line = tokenLines((answer.result as { data: number[] } | undefined)?.data ?? [])[0];
            const expected = firstTokenLine + 2 * round;
            if (answer.error || line !== expected) {
                wrong.push(`round ${round}: ${answer.error ? `error ${answer.error.message}` : `first token on line ${line}, expected ${expected}`}`);
            }
        }
        expect(wrong).toEqual([]);
    }, 2 * MINUTE);
});
