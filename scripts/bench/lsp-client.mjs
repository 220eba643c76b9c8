// A minimal LSP client over stdio (JSON-RPC 2.0 with Content-Length framing), written for the
// benchmark: it starts a server process, sends requests and notifications, answers the server's
// own requests (workspace/configuration, registrations, progress), and waits for notifications
// with a time limit. Every wait is bounded; `stop()` always ends the process it started.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export class LspClient {
    /**
     * @param {string} command executable
     * @param {string[]} args
     * @param {{ cwd?: string, configuration?: (item: {section?: string}) => unknown }} options
     */
    constructor(command, args, options = {}) {
        this.configuration = options.configuration ?? (() => null);
        this.nextId = 1;
        this.pending = new Map();
        this.waiters = [];
        this.stderr = '';
        this.exited = false;
        this.child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        this.pid = this.child.pid;
        this.child.stderr.on('data', chunk => {
            // Keep the tail only: enough to explain a failure.
            this.stderr = (this.stderr + chunk.toString()).slice(-8_000);
        });
        this.child.on('exit', () => {
            this.exited = true;
            const error = new Error(`server exited${this.stderr ? `: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
            for (const { reject, timer } of this.pending.values()) {
                clearTimeout(timer);
                reject(error);
            }
            this.pending.clear();
            for (const waiter of this.waiters) {
                clearTimeout(waiter.timer);
                waiter.reject(error);
            }
            this.waiters = [];
        });
        this.child.stdin.on('error', () => undefined);
        let buffer = Buffer.alloc(0);
        this.child.stdout.on('data', chunk => {
            buffer = Buffer.concat([buffer, chunk]);
            for (;;) {
                const headerEnd = buffer.indexOf('\r\n\r\n');
                if (headerEnd < 0) return;
                const header = buffer.subarray(0, headerEnd).toString('ascii');
                const match = /Content-Length: *(\d+)/i.exec(header);
                if (!match) throw new Error(`bad LSP header: ${header}`);
                const length = Number(match[1]);
                if (buffer.length < headerEnd + 4 + length) return;
                const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
                buffer = buffer.subarray(headerEnd + 4 + length);
                this.dispatch(JSON.parse(body), performance.now());
            }
        });
    }

    dispatch(message, at) {
        if (message.id !== undefined && message.method === undefined) {
            const pending = this.pending.get(message.id);
            if (pending) {
                this.pending.delete(message.id);
                clearTimeout(pending.timer);
                if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
                else pending.resolve({ result: message.result, at });
            }
            return;
        }
        if (message.id !== undefined) {
            this.write({ jsonrpc: '2.0', id: message.id, result: this.answer(message) });
            return;
        }
        for (const waiter of [...this.waiters]) {
            if (waiter.method === message.method && waiter.match(message.params)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                clearTimeout(waiter.timer);
                waiter.resolve({ params: message.params, at });
            }
        }
    }

    /** Answers a request from the server. */
    answer(message) {
        switch (message.method) {
            case 'workspace/configuration':
                return (message.params?.items ?? []).map(item => this.configuration(item));
            case 'workspace/workspaceFolders':
                return this.workspaceFolders ?? null;
            default:
                // client/registerCapability, window/workDoneProgress/create, ...: acknowledge.
                return null;
        }
    }

    write(message) {
        if (this.exited) throw new Error('server has exited');
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    /** Sends a request; resolves with `{ result, at }` (`at`: performance.now() when the answer arrived). */
    request(method, params, timeoutMs = 60_000) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, { resolve, reject, timer, method });
            this.write({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method, params) {
        this.write({ jsonrpc: '2.0', method, params });
    }

    /** Resolves with `{ params, at }` for the next notification `method` whose params satisfy `match`. */
    waitFor(method, match = () => true, timeoutMs = 60_000) {
        return new Promise((resolve, reject) => {
            const waiter = { method, match, resolve, reject, timer: undefined };
            waiter.timer = setTimeout(() => {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                reject(new Error(`${method}: none within ${timeoutMs} ms`));
            }, timeoutMs);
            this.waiters.push(waiter);
        });
    }

    /** Peak resident set size of the server process so far (VmHWM), in MB. */
    peakRssMb() {
        try {
            const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
            const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
            return Number.isFinite(kb) ? kb / 1024 : undefined;
        } catch {
            return undefined;
        }
    }

    /** CPU time (user + system) the server process has used so far, in ms. */
    cpuMs() {
        try {
            const fields = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
            return (Number(fields[11]) + Number(fields[12])) * 10;
        } catch {
            return undefined;
        }
    }

    /** `initialize` + `initialized`; returns the server's capabilities. */
    async initialize(rootUri, extraCapabilities = {}) {
        this.workspaceFolders = [{ uri: rootUri, name: 'bench' }];
        const { result } = await this.request('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: this.workspaceFolders,
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: false },
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } },
                },
                ...extraCapabilities,
            },
        }, 60_000);
        this.notify('initialized', {});
        return result.capabilities;
    }

    /** Shuts the server down politely, then by signal to its own pid if it does not exit in time. */
    async stop() {
        if (this.exited) return;
        const exited = new Promise(resolve => this.child.once('exit', resolve));
        try {
            await this.request('shutdown', null, 5_000);
            this.notify('exit', null);
        } catch {
            // fall through to the kill below
        }
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
    }
}
