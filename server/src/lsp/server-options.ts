import { availableParallelism } from 'node:os';

/**
 * Node options for the language server process, wherever it is started (the VS Code extension,
 * `mlplan lsp --stdio`).
 *
 * Memory: V8 lets a long-running server's heap grow far beyond what it uses: a 10k-line plan
 * needs about 31 MB after a full collection, yet the process peaked near 300 MB, and its memory
 * kept growing over thousands of edits. A ceiling on the old generation, far above what even a
 * 100k-line plan needs, and young-generation halves of 8 MB instead of 16 make V8 collect sooner,
 * at no measured latency cost (BENCHMARKS.md).
 *
 * Threads: Node gives V8 four worker threads (concurrent compilation, parallel and concurrent
 * garbage collection) whatever the machine. On two cores they take turns with the thread that
 * answers the editor: opening a 10k-line plan spent about 100 ms runnable but waiting for a core
 * (measured in /proc/PID/task/PID/schedstat), a third of the time to its diagnostics. One core is
 * left to that thread; machines with five cores or more keep Node's four. (VS Code desktop runs the
 * server in Electron's Node mode, which reads Node's options, so the flag is accepted there; Electron
 * builds V8's platform itself and may size its threads its own way.)
 */
export function serverNodeArgs(cores: number = availableParallelism()): string[] {
    return ['--max-old-space-size=1024', '--max-semi-space-size=8', `--v8-pool-size=${v8PoolSize(cores)}`];
}

function v8PoolSize(cores: number): number {
    return Math.min(4, Math.max(1, Math.floor(cores) - 1));
}

/** Whether this process already runs with the server's heap ceiling (or one its user chose). */
export function hasHeapCeiling(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
    return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some(arg => arg.startsWith('--max-old-space-size'));
}
