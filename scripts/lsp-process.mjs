// A language server as a child process, spoken to over stdio in JSON-RPC 2.0 with Content-Length
// framing: the wire layer the benchmark (bench/lsp-client.mjs) and the abuse suite
// (abuse/lsp-connection.mjs) share. It frames messages whatever the chunking, answers the
// server's own requests (configuration, workspace folders; anything else is acknowledged), and
// bounds every wait. A malformed header is recorded in `protocolError` rather than thrown, so a
// server that writes stray text to stdout is reported, not crashed into. `stop()` always ends
// the process it started, by its own pid.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export class LspProcess {
    /**
     * @param {string} command
     * @param {string[]} args
     * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, configuration?: (item: {section?: string, scopeUri?: string}) => unknown, stderrTail?: number }} [options]
     */
    constructor(command, args, options = {}) {
        this.configuration = options.configuration ?? (() => null);
        this.nextId = 1;
        /** @type {Map<number, {method: string, resolve: Function, reject: Function, timer: NodeJS.Timeout}>} */
        this.pending = new Map();
        /** @type {Array<{method: string, match: Function, resolve: Function, reject: Function, timer?: NodeJS.Timeout}>} */
        this.waiters = [];
        /** The workspace folders announced by `initialize`, returned to `workspace/workspaceFolders`. */
        this.workspaceFolders = null;
        this.stderr = '';
        this.protocolError = undefined;
        this.exitCode = undefined;
        this.exitSignal = undefined;
        const tail = options.stderrTail ?? 16_000;
        this.child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
        this.pid = this.child.pid;
        this.child.stderr.on('data', chunk => {
            // The tail is enough to explain a failure.
            this.stderr = (this.stderr + chunk.toString()).slice(-tail);
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
                this.dispatch(JSON.parse(body), performance.now());
            }
        });
    }

    /** @param {any} message @param {number} at performance.now() when it arrived */
    dispatch(message, at) {
        if (message.id !== undefined && message.method === undefined) {
            const pending = this.pending.get(message.id);
            if (pending) {
                this.pending.delete(message.id);
                clearTimeout(pending.timer);
                pending.resolve({ message, at });
            }
            return;
        }
        if (message.id !== undefined) {
            this.serverRequest(message);
            return;
        }
        this.notification(message, at);
        for (const waiter of [...this.waiters]) {
            if (waiter.method === message.method && waiter.match(message.params)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                clearTimeout(waiter.timer);
                waiter.resolve({ params: message.params, at });
            }
        }
    }

    /** A request from the server: answered at once (a subclass may keep some waiting). */
    serverRequest(message) {
        this.write({ jsonrpc: '2.0', id: message.id, result: this.answer(message) });
    }

    /** A notification from the server, before any `waitFor` sees it (for subclasses to record). */
    notification(_message, _at) {}

    answer(message) {
        switch (message.method) {
            case 'workspace/configuration':
                return (message.params?.items ?? []).map(item => this.configuration(item));
            case 'workspace/workspaceFolders':
                return this.workspaceFolders ?? null;
            default:
                // client/registerCapability, window/workDoneProgress/create, ...: acknowledged.
                return null;
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
     * Sends a request. `answer` resolves with the response message, error or not, and when it
     * arrived; it rejects only when no answer comes within `timeoutMs` or the server exits.
     * (Each client builds its own `request` on this.)
     * @returns {{ id: number, answer: Promise<{ message: any, at: number }> }}
     */
    sendRequest(method, params, timeoutMs = 30_000) {
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

    notify(method, params) {
        this.write({ jsonrpc: '2.0', method, params });
    }

    /** Resolves with `{ params, at }` of the next notification `method` whose params satisfy `match`. */
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
     * `initialize` (with `rootUri` as the one workspace folder, or none) and `initialized`;
     * resolves with the server's capabilities. The client announces what every editor does
     * (configuration, workspace folders, full document sync, diagnostics with related
     * information, markdown hovers, snippet completions), plus `workspace` and `textDocument`
     * capabilities of its own and any other top-level ones in `extra`.
     * @param {string | null} rootUri
     * @param {string} folderName
     * @param {{ workspace?: Record<string, unknown>, textDocument?: Record<string, unknown>, [key: string]: unknown }} extra
     */
    async initializeWith(rootUri, folderName, { workspace = {}, textDocument = {}, ...others } = {}) {
        const capabilities = {
            workspace: { configuration: true, workspaceFolders: true, ...workspace },
            textDocument: {
                synchronization: { dynamicRegistration: false, didSave: false },
                publishDiagnostics: { relatedInformation: true },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                completion: { completionItem: { snippetSupport: true } },
                ...textDocument,
            },
            ...others,
        };
        this.workspaceFolders = rootUri ? [{ uri: rootUri, name: folderName }] : null;
        const { message } = await this.sendRequest('initialize', {
            processId: process.pid,
            rootUri: rootUri ?? null,
            workspaceFolders: this.workspaceFolders,
            capabilities,
        }, 60_000).answer;
        if (message.error) {
            throw new Error(`initialize failed: ${message.error.message}`);
        }
        this.notify('initialized', {});
        return message.result.capabilities;
    }

    /** A `/proc/PID/status` figure of the server process (VmRSS, VmHWM, …), in kB. */
    statusKb(field) {
        try {
            const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
            const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
            return Number.isFinite(kb) ? kb : undefined;
        } catch {
            return undefined;
        }
    }

    /** CPU time (user + system, all threads) the server process has used so far, in ms. */
    cpuMs() {
        try {
            const fields = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
            return (Number(fields[11]) + Number(fields[12])) * 10;
        } catch {
            return undefined;
        }
    }

    /**
     * The server's main thread so far, from `/proc/PID/task/PID/schedstat`: time on a CPU, and
     * time runnable but waiting for one, in ms (undefined where the kernel does not say).
     */
    mainThreadMs() {
        try {
            const [onCpu, waiting] = fs.readFileSync(`/proc/${this.pid}/task/${this.pid}/schedstat`, 'utf8').split(' ').map(Number);
            return Number.isFinite(onCpu) && Number.isFinite(waiting) ? { onCpu: onCpu / 1e6, waiting: waiting / 1e6 } : undefined;
        } catch {
            return undefined;
        }
    }

    /** Shuts the server down politely; kills its own pid if it does not exit in time. */
    async stop() {
        if (!this.alive) return;
        try {
            await this.sendRequest('shutdown', null, 5_000).answer;
            this.notify('exit', null);
        } catch {
            // killed below
        }
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
        await this.exited;
        clearTimeout(timer);
    }
}
