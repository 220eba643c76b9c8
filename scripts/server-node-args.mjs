// The language server's Node options, for the scripts that start `mlplan lsp --stdio` themselves
// (the benchmark and the abuse suite): `serverNodeArgs` in server/src/lsp/server-options.ts, which
// these plain scripts cannot import. Given on the command line, `mlplan lsp` does not re-run itself
// in a child process, so the process the scripts measure is the server. test/cli/lsp.test.ts fails
// if the two disagree.
import { availableParallelism } from 'node:os';

/** @param {number} cores @returns {string[]} */
export function serverNodeArgs(cores = availableParallelism()) {
    return ['--max-old-space-size=1024', '--max-semi-space-size=8', `--v8-pool-size=${Math.min(4, Math.max(1, Math.floor(cores) - 1))}`];
}
