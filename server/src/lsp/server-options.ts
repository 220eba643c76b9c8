/**
 * Node options for the language server process, wherever it is started (the VS Code extension,
 * `mlplan lsp --stdio`). V8 lets a long-running server's heap grow far beyond what it uses: a
 * 10k-line plan needs about 31 MB after a full collection, yet the process peaked near 300 MB,
 * and its memory kept growing over thousands of edits. A ceiling on the old generation, far above
 * what even a 100k-line plan needs, and young-generation halves of 8 MB instead of 16 make V8
 * collect sooner, at no measured latency cost (BENCHMARKS.md).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-old-space-size=1024', '--max-semi-space-size=8'];

/** Whether this process already runs with the server's heap ceiling (or one its user chose). */
export function hasHeapCeiling(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
    return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some(arg => arg.startsWith('--max-old-space-size'));
}
