// The benchmark's LSP client: the shared wire layer (../lsp-process.mjs) with requests that
// reject on a JSON-RPC error (a benchmark measures answers, not failures), arrival times on every
// answer and notification, and the server process's CPU time and peak memory.
import { LspProcess } from '../lsp-process.mjs';

export class LspClient extends LspProcess {
    /**
     * @param {string} command executable
     * @param {string[]} args
     * @param {{ cwd?: string, configuration?: (item: {section?: string}) => unknown }} options
     */
    constructor(command, args, options = {}) {
        super(command, args, { cwd: options.cwd, configuration: options.configuration, stderrTail: 8_000 });
    }

    /** Sends a request; resolves with `{ result, at }` (`at`: performance.now() when the answer arrived). */
    async request(method, params, timeoutMs = 60_000) {
        const { message, at } = await this.sendRequest(method, params, timeoutMs).answer;
        if (message.error) {
            throw new Error(`${method}: ${message.error.message}`);
        }
        return { result: message.result, at };
    }

    /** Resolves with `{ params, at }` for the next notification `method` whose params satisfy `match`. */
    waitFor(method, match = () => true, timeoutMs = 60_000) {
        return super.waitFor(method, match, timeoutMs);
    }

    /** Peak resident set size of the server process so far (VmHWM), in MB. */
    peakRssMb() {
        const kb = this.statusKb('VmHWM');
        return kb === undefined ? undefined : kb / 1024;
    }

    /** `initialize` + `initialized`; returns the server's capabilities. */
    initialize(rootUri, extraCapabilities = {}) {
        return this.initializeWith(rootUri, 'bench', { workspace: { didChangeConfiguration: { dynamicRegistration: false } }, ...extraCapabilities });
    }
}
