// The abuse suite's client of the mlplan language server (`node bin/mlplan.js lsp --stdio`), on the
// shared wire layer (../lsp-process.mjs). Unlike a well-behaved editor client it keeps every
// answer, error or not, lets a request be cancelled, can leave the server's own requests
// unanswered for a while, and never throws on a server error: the tests decide what an acceptable
// answer is. Every wait is bounded; `stop()` always ends the process it started (by its own pid).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LspProcess } from '../lsp-process.mjs';
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

export class LspConnection extends LspProcess {
    /**
     * @param {{ cwd?: string, nodeArgs?: string[], env?: Record<string, string>, configuration?: (item: {section?: string, scopeUri?: string}) => unknown }} [options]
     */
    constructor(options = {}) {
        if (!fs.existsSync(BUNDLE)) {
            throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
        }
        super(process.execPath, [...SERVER_NODE_ARGS, ...(options.nodeArgs ?? []), BIN, 'lsp', '--stdio'], {
            cwd: options.cwd ?? ROOT,
            env: { ...process.env, MLPLAN_DEBUG: '', ...options.env },
            configuration: options.configuration,
        });
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
    }

    serverRequest(message) {
        this.serverRequests.push(message.method);
        if (this.heldMethods.has(message.method)) {
            this.heldRequests.push(message);
        } else {
            super.serverRequest(message);
        }
    }

    notification(message, at) {
        if (message.method === 'textDocument/publishDiagnostics') {
            const { uri } = message.params;
            this.diagnostics.set(uri, message.params.diagnostics);
            this.publishCount.set(uri, (this.publishCount.get(uri) ?? 0) + 1);
            this.lastPublishAt.set(uri, at);
        } else if ((message.method === 'window/logMessage' || message.method === 'window/showMessage') && message.params?.type === 1) {
            this.errorLogs.push(String(message.params.message));
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
            super.serverRequest(message);
        }
    }

    /**
     * Sends a request. `answer` resolves with `{ result }` or `{ error }` (never rejects on a
     * JSON-RPC error) and rejects only when no answer comes within `timeoutMs` or the server exits.
     * @returns {{ id: number, answer: Promise<{ result?: any, error?: { code: number, message: string } }> }}
     */
    send(method, params, timeoutMs = 30_000) {
        const { id, answer } = this.sendRequest(method, params, timeoutMs);
        return { id, answer: answer.then(({ message }) => (message.error ? { error: message.error } : { result: message.result })) };
    }

    /** `send`, awaited. */
    request(method, params, timeoutMs = 30_000) {
        return this.send(method, params, timeoutMs).answer;
    }

    cancel(id) {
        this.notify('$/cancelRequest', { id });
    }

    /** Resolves with the params of the next notification `method` whose params satisfy `match`. */
    waitFor(method, match = () => true, timeoutMs = 30_000) {
        return super.waitFor(method, match, timeoutMs).then(({ params }) => params);
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
    initialize(rootUri, capabilities = {}) {
        return this.initializeWith(rootUri, 'abuse', {
            workspace: { codeLens: { refreshSupport: true } },
            textDocument: {
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
                rename: { prepareSupport: true },
            },
            ...capabilities,
        });
    }

    open(uri, text, version = 1) {
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mlplan', version, text } });
    }

    /** Resident set size of the server process now (VmRSS), in kB. */
    rssKb() {
        return this.statusKb('VmRSS');
    }

    /** Peak resident set size so far (VmHWM), in kB. */
    peakRssKb() {
        return this.statusKb('VmHWM');
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
}

/** Node arguments and environment that load the GC probe; memory reports go to `probeFile`. */
export function gcProbeOptions(probeFile, snapshotDir) {
    return {
        nodeArgs: ['--expose-gc', '--require', GC_PROBE],
        env: { MLPLAN_GC_PROBE: probeFile, ...(snapshotDir ? { MLPLAN_HEAP_SNAPSHOT_DIR: snapshotDir } : {}) },
    };
}

export function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
