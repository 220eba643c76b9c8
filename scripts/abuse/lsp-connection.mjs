// A JSON-RPC 2.0 client with Content-Length framing for abusing the mlplan language server
// (`node bin/mlplan.js lsp --stdio`) as a child process. Unlike a well-behaved editor client it
// keeps every answer, error or not, lets a request be cancelled, and never throws on a server
// error: the tests decide what an acceptable answer is. Every wait is bounded; `stop()` always
// ends the process it started (by its own pid, never by name).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { serverNodeArgs } from '../server-node-args.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'mlplan.js');
/** The server's Node options (scripts/server-node-args.mjs): the process spawned, whose memory is measured and which the GC probe is loaded into, is the server itself. */
export const SERVER_NODE_ARGS = serverNodeArgs();
export const BUNDLE = path.join(ROOT, 'out', 'cli.cjs');
/** The test-only preload that answers SIGUSR2 with a garbage collection and a memory report. */
export const GC_PROBE = path.join(ROOT, 'scripts', 'abuse', 'gc-probe.cjs');

/** JSON-RPC error codes an LSP server may legitimately answer with. */
export const REQUEST_CANCELLED = -32800;
export const CONTENT_MODIFIED = -32801;
export const SERVER_CANCELLED = -32802;

export class LspConnection {
    /**
     * @param {{ cwd?: string, nodeArgs?: string[], env?: Record<string, string>, configuration?: (item: {section?: string, scopeUri?: string}) => unknown }} [options]
     */
    constructor(options = {}) {
        if (!fs.existsSync(BUNDLE)) {
            throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
        }
        this.configuration = options.configuration ?? (() => null);
        this.nextId = 1;
        /** @type {Map<number, {method: string, resolve: Function, reject: Function, timer: NodeJS.Timeout}>} */
        this.pending = new Map();
        /** @type {Array<{method: string, match: Function, resolve: Function, reject: Function, timer?: NodeJS.Timeout}>} */
        this.waiters = [];
        /** Latest `textDocument/publishDiagnostics` per URI, and how many were received. */
        this.diagnostics = new Map();
        this.publishCount = new Map();
        /** performance.now() of the latest publishDiagnostics per URI. */
        this.lastPublishAt = new Map();
        /** `window/logMessage` and `window/showMessage` of type Error (1) the server sent. */
        this.errorLogs = [];
        /** Methods of the requests the server sent to us. */
        this.serverRequests = [];
        /** Methods of server requests answered only on `release()`, and those waiting for it. */
        this.heldMethods = new Set();
        this.heldRequests = [];
        this.stderr = '';
        this.exitCode = undefined;
        this.exitSignal = undefined;
        this.child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...(options.nodeArgs ?? []), BIN, 'lsp', '--stdio'], {
            cwd: options.cwd ?? ROOT,
            env: { ...process.env, MLPLAN_DEBUG: '', ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        this.pid = this.child.pid;
        this.child.stderr.on('data', chunk => {
            this.stderr = (this.stderr + chunk.toString()).slice(-16_000);
        });
        this.exited = new Promise(resolve => {
            this.child.on('exit', (code, signal) => {
                this.exitCode = code;
                this.exitSignal = signal;
                const error = new Error(`server exited (code ${code}, signal ${signal})${this.stderr ? `: ${this.stderr.trim().split('\n').slice(-5).join(' | ')}` : ''}`);
                for (const pending of this.pending.values()) {
                    clearTimeout(pending.timer);
                    pending.reject(error);
                }
                this.pending.clear();
                for (const waiter of this.waiters) {
                    clearTimeout(waiter.timer);
                    waiter.reject(error);
                }
                this.waiters = [];
                resolve(undefined);
            });
        });
        this.child.stdin.on('error', () => undefined);
        this.readFrames();
    }

    get alive() {
        return this.exitCode === undefined;
    }

    readFrames() {
        /** @type {Buffer[]} */
        let chunks = [];
        let length = 0;
        let expected = -1;
        this.child.stdout.on('data', chunk => {
            chunks.push(chunk);
            length += chunk.length;
            for (;;) {
                let buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
                chunks = [buffer];
                if (expected < 0) {
                    const headerEnd = buffer.indexOf('\r\n\r\n');
                    if (headerEnd < 0) return;
                    const header = buffer.subarray(0, headerEnd).toString('ascii');
                    const match = /Content-Length: *(\d+)/i.exec(header);
                    if (!match) {
                        this.protocolError = `bad header: ${JSON.stringify(header.slice(0, 200))}`;
                        this.child.stdout.removeAllListeners('data');
                        return;
                    }
                    expected = Number(match[1]);
                    buffer = buffer.subarray(headerEnd + 4);
                    chunks = [buffer];
                    length = buffer.length;
                }
                if (length < expected) return;
                const body = buffer.subarray(0, expected).toString('utf8');
                buffer = buffer.subarray(expected);
                chunks = [buffer];
                length = buffer.length;
                expected = -1;
                this.dispatch(JSON.parse(body));
            }
        });
    }

    dispatch(message) {
        if (message.id !== undefined && message.method === undefined) {
            const pending = this.pending.get(message.id);
            if (pending) {
                this.pending.delete(message.id);
                clearTimeout(pending.timer);
                pending.resolve(message.error ? { error: message.error } : { result: message.result });
            }
            return;
        }
        if (message.id !== undefined) {
            this.serverRequests.push(message.method);
            if (this.heldMethods.has(message.method)) {
                this.heldRequests.push(message);
            } else {
                this.write({ jsonrpc: '2.0', id: message.id, result: this.answer(message) });
            }
            return;
        }
        if (message.method === 'textDocument/publishDiagnostics') {
            const { uri } = message.params;
            this.diagnostics.set(uri, message.params.diagnostics);
            this.publishCount.set(uri, (this.publishCount.get(uri) ?? 0) + 1);
            this.lastPublishAt.set(uri, performance.now());
        } else if ((message.method === 'window/logMessage' || message.method === 'window/showMessage') && message.params?.type === 1) {
            this.errorLogs.push(String(message.params.message));
        }
        for (const waiter of [...this.waiters]) {
            if (waiter.method === message.method && waiter.match(message.params)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                clearTimeout(waiter.timer);
                waiter.resolve(message.params);
            }
        }
    }

    answer(message) {
        switch (message.method) {
            case 'workspace/configuration':
                return (message.params?.items ?? []).map(item => this.configuration(item));
            case 'workspace/workspaceFolders':
                return this.workspaceFolders ?? null;
            default:
                return null;
        }
    }

    /** Leaves the server's requests of `method` unanswered until `release()`: a slow editor. */
    hold(method) {
        this.heldMethods.add(method);
    }

    /** Answers the held requests, and those to come. */
    release() {
        this.heldMethods.clear();
        for (const message of this.heldRequests.splice(0)) {
            this.write({ jsonrpc: '2.0', id: message.id, result: this.answer(message) });
        }
    }

    write(message) {
        if (!this.alive) {
            throw new Error(`server has exited (code ${this.exitCode}, signal ${this.exitSignal})`);
        }
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    /**
     * Sends a request. `answer` resolves with `{ result }` or `{ error }` (never rejects on a
     * JSON-RPC error) and rejects only when no answer comes within `timeoutMs` or the server exits.
     * @returns {{ id: number, answer: Promise<{ result?: any, error?: { code: number, message: string } }> }}
     */
    send(method, params, timeoutMs = 30_000) {
        const id = this.nextId++;
        const answer = new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`${method} (id ${id}): no answer within ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, { method, resolve, reject, timer });
        });
        this.write({ jsonrpc: '2.0', id, method, params });
        return { id, answer };
    }

    /** `send`, awaited. */
    request(method, params, timeoutMs = 30_000) {
        return this.send(method, params, timeoutMs).answer;
    }

    cancel(id) {
        this.notify('$/cancelRequest', { id });
    }

    notify(method, params) {
        this.write({ jsonrpc: '2.0', method, params });
    }

    /** Resolves with the params of the next notification `method` whose params satisfy `match`. */
    waitFor(method, match = () => true, timeoutMs = 30_000) {
        return new Promise((resolve, reject) => {
            const waiter = { method, match, resolve, reject, timer: undefined };
            waiter.timer = setTimeout(() => {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                reject(new Error(`${method}: none matching within ${timeoutMs} ms`));
            }, timeoutMs);
            this.waiters.push(waiter);
        });
    }

    /**
     * Resolves with the diagnostics of `uri` once the latest published ones satisfy `accept`
     * (immediately when they already do).
     */
    diagnosticsFor(uri, accept = () => true, timeoutMs = 30_000) {
        const current = this.diagnostics.get(uri);
        if (current && accept(current)) {
            return Promise.resolve(current);
        }
        return this.waitFor('textDocument/publishDiagnostics', params => params.uri === uri && accept(params.diagnostics), timeoutMs)
            .then(params => params.diagnostics);
    }

    /**
     * Resolves once more than `count` diagnostics notifications were published for `uri` in all
     * (immediately when that already happened): "the build after this edit has reported".
     */
    publishedBeyond(uri, count, timeoutMs = 30_000) {
        if ((this.publishCount.get(uri) ?? 0) > count) {
            return Promise.resolve();
        }
        return this.waitFor('textDocument/publishDiagnostics', params => params.uri === uri && (this.publishCount.get(uri) ?? 0) > count, timeoutMs)
            .then(() => undefined);
    }

    /** `initialize` + `initialized` with a workspace folder (or none); returns the server capabilities. */
    async initialize(rootUri, capabilities = {}) {
        this.workspaceFolders = rootUri ? [{ uri: rootUri, name: 'abuse' }] : null;
        const { result, error } = await this.request('initialize', {
            processId: process.pid,
            rootUri: rootUri ?? null,
            workspaceFolders: this.workspaceFolders,
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, codeLens: { refreshSupport: true } },
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: false },
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
                    rename: { prepareSupport: true },
                },
                ...capabilities,
            },
        }, 60_000);
        if (error) {
            throw new Error(`initialize failed: ${error.message}`);
        }
        this.notify('initialized', {});
        return result.capabilities;
    }

    open(uri, text, version = 1) {
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mlplan', version, text } });
    }

    /** Resident set size of the server process now (VmRSS), in kB. */
    rssKb() {
        return readStatus(this.pid, 'VmRSS');
    }

    /** Peak resident set size so far (VmHWM), in kB. */
    peakRssKb() {
        return readStatus(this.pid, 'VmHWM');
    }

    /**
     * With the server started by `gcProbeArgs()`: forces a full garbage collection in the server
     * and resolves with its memory figures after it (bytes), or with `v8.writeHeapSnapshot`'s file
     * when a snapshot is asked for.
     */
    async probeMemory(probeFile, timeoutMs = 30_000) {
        fs.rmSync(probeFile, { force: true });
        process.kill(this.pid, 'SIGUSR2');
        const until = performance.now() + timeoutMs;
        while (performance.now() < until) {
            try {
                const text = fs.readFileSync(probeFile, 'utf8');
                if (text.endsWith('\n')) {
                    return JSON.parse(text);
                }
            } catch {
                // not written yet
            }
            await sleep(20);
        }
        throw new Error(`no memory probe answer within ${timeoutMs} ms`);
    }

    /** Shuts the server down politely; kills its own pid if it does not exit in time. */
    async stop() {
        if (!this.alive) return;
        try {
            await this.request('shutdown', null, 5_000);
            this.notify('exit', null);
        } catch {
            // killed below
        }
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
        await this.exited;
        clearTimeout(timer);
    }
}

/** Node arguments and environment that load the GC probe; memory reports go to `probeFile`. */
export function gcProbeOptions(probeFile, snapshotDir) {
    return {
        nodeArgs: ['--expose-gc', '--require', GC_PROBE],
        env: { MLPLAN_GC_PROBE: probeFile, ...(snapshotDir ? { MLPLAN_HEAP_SNAPSHOT_DIR: snapshotDir } : {}) },
    };
}

function readStatus(pid, field) {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
        return Number.isFinite(kb) ? kb : undefined;
    } catch {
        return undefined;
    }
}

export function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
