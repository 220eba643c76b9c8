import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { SERVER_NODE_ARGS as ABUSE_NODE_ARGS } from '../../scripts/abuse/lsp-connection.mjs';
import { serverNodeArgs as scriptNodeArgs } from '../../scripts/server-node-args.mjs';
import { serverNodeArgs } from '../../server/src/lsp/server-options.js';
import { removeTree, requireBundle, ROOT, tempTree } from './run.js';
import { NO_FALLBACK } from './plans.js';

const CATALOG = 'catalog Shared {\n  baseline Rule { kind heuristic description "a rule of thumb" }\n}\n';
const IMPORTER = 'import "../catalog.mlplan"\nplan Importer {\n  serving {\n    mode batch\n    fallback Rule\n  }\n}\n';

let dir: string;
let server: ChildProcess;
let connection: ProtocolConnection;
let stdout = Buffer.alloc(0);
let stderr = '';
const published: PublishDiagnosticsParams[] = [];
const waiters: Array<() => void> = [];

/** Resolves with the first diagnostics published for `uri` that satisfy `accept`. */
function diagnosticsFor(uri: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(published.filter(p => p.uri === uri))}`)), 15_000);
        const look = () => {
            const found = published.find(p => p.uri === uri && accept(p));
            if (found) {
                clearTimeout(timer);
                resolve(found);
                return true;
            }
            return false;
        };
        if (!look()) {
            waiters.push(() => void look());
        }
    });
}

beforeAll(async () => {
    requireBundle();
    dir = tempTree({ 'catalog.mlplan': CATALOG, 'sub/plan.mlplan': IMPORTER });
    server = spawn(process.execPath, [path.join(ROOT, 'bin', 'mlplan.js'), 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    // Keep a copy of every byte on stdout to check that it carries nothing but protocol frames.
    server.stdout!.on('data', (chunk: Buffer) => { stdout = Buffer.concat([stdout, chunk]); });
    server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push(params);
        waiters.forEach(wake => wake());
    });
    connection.listen();
});

afterAll(() => {
    connection?.dispose();
    if (server && server.exitCode === null) {
        server.kill();
    }
    removeTree(dir);
});

describe('mlplan lsp --stdio', () => {
    test('answers initialize with the server capabilities', async () => {
        const folder = pathToFileURL(dir).href;
        const result = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folder,
            capabilities: {},
            workspaceFolders: [{ uri: folder, name: 'plans' }],
        });
        expect(result.capabilities.textDocumentSync).toBeDefined();
        await connection.sendNotification(InitializedNotification.type, {});
    });

    test('publishes diagnostics with their codes for an opened document', async () => {
        const uri = pathToFileURL(path.join(dir, 'unsaved.mlplan')).href;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'mlplan', version: 1, text: NO_FALLBACK },
        });
        const params = await diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'fallback-missing'));
        const fallback = params.diagnostics.find(d => d.code === 'fallback-missing')!;
        expect(fallback.range.start).toEqual({ line: 1, character: 2 });
        expect(fallback.severity).toBe(2);
    });

    test('imports resolve inside the workspace folder (the import roots)', async () => {
        const uri = pathToFileURL(path.join(dir, 'sub', 'plan.mlplan')).href;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'mlplan', version: 1, text: IMPORTER },
        });
        const params = await diagnosticsFor(uri, () => true);
        const codes = params.diagnostics.map(d => d.code);
        expect(codes).not.toContain('unresolved-reference');
        expect(codes).not.toContain('import-unresolved');
        expect(codes).not.toContain('fallback-missing');
    });

    test.skipIf(process.platform !== 'linux')('runs the server in a child process with the server\'s Node options, as the extension does', () => {
        const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/);
        expect(children).toHaveLength(1);
        const command = readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0').slice(0, -1);
        expect(command.slice(1)).toEqual([...serverNodeArgs(), path.join(ROOT, 'bin', 'mlplan.js'), 'lsp', '--stdio']);
    });

    test('the benchmark and the abuse suite start the server with the same options (so they measure the server itself)', () => {
        for (let cores = 1; cores <= 16; cores++) {
            expect(scriptNodeArgs(cores)).toEqual(serverNodeArgs(cores));
        }
        expect(ABUSE_NODE_ARGS).toEqual(serverNodeArgs());
        expect(readFileSync(path.join(ROOT, 'scripts/bench/run.mjs'), 'utf8')).toContain('const SERVER_NODE_ARGS = serverNodeArgs();');
    });

    test('V8 gets one worker thread per core beyond the first, at least one and at most Node\'s default of four', () => {
        const pool = (cores: number) => serverNodeArgs(cores).find(arg => arg.startsWith('--v8-pool-size='));
        expect([1, 2, 3, 5, 64].map(pool)).toEqual(['--v8-pool-size=1', '--v8-pool-size=1', '--v8-pool-size=2', '--v8-pool-size=4', '--v8-pool-size=4']);
        expect(serverNodeArgs(2).slice(0, 2)).toEqual(['--max-old-space-size=1024', '--max-semi-space-size=8']);
    });

    test('shuts down and exits with status 0; stdout carried only protocol messages', async () => {
        const exited = new Promise<number | null>(resolve => server.on('exit', code => resolve(code)));
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
        expect(onlyProtocolFrames(stdout)).toBe(true);
        expect(stderr).not.toMatch(/\n\s+at /);
    });
});

/** True when `data` is a sequence of `Content-Length: n\r\n…\r\n\r\n` + n bytes of JSON, and nothing else. */
function onlyProtocolFrames(data: Buffer): boolean {
    let offset = 0;
    while (offset < data.length) {
        const headerEnd = data.indexOf('\r\n\r\n', offset);
        if (headerEnd < 0) {
            return false;
        }
        const header = data.subarray(offset, headerEnd).toString('ascii');
        const length = /^Content-Length: (\d+)$/im.exec(header)?.[1];
        if (!header.startsWith('Content-Length:') && !header.startsWith('Content-Type:') || length === undefined) {
            return false;
        }
        const body = data.subarray(headerEnd + 4, headerEnd + 4 + Number(length));
        try {
            JSON.parse(body.toString('utf8'));
        } catch {
            return false;
        }
        offset = headerEnd + 4 + Number(length);
    }
    return true;
}
