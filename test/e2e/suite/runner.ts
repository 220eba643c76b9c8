/**
 * A minimal test runner for the extension host: tests run one after another, each bounded by a
 * timeout, one output line per test and a closing `N passed, N failed` line (CI reads that exact
 * form). No framework: the suite is bundled into one file and must load in any extension host.
 */
import * as fs from 'node:fs';

export interface TestOptions {
    /** Bound on the whole test, including every wait inside it. */
    readonly timeoutMs?: number;
}

interface TestCase {
    readonly name: string;
    readonly fn: () => Promise<void>;
    readonly timeoutMs: number;
}

export interface RunSummary {
    readonly passed: number;
    readonly failed: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const tests: TestCase[] = [];
let prefix = '';

/** Groups the tests registered by `body` under a name (printed as a prefix). */
export function suite(name: string, body: () => void): void {
    const outer = prefix;
    prefix = `${outer}${name}: `;
    try {
        body();
    } finally {
        prefix = outer;
    }
}

export function test(name: string, fn: () => Promise<void>, options: TestOptions = {}): void {
    tests.push({ name: `${prefix}${name}`, fn, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
}

/**
 * Where the lines go: the extension host's console (the terminal under @vscode/test-electron), and
 * the file named by MLPLAN_E2E_LOG when the launcher sets it (code-server's extension host has no
 * terminal; the launcher prints that file as it grows).
 */
export function log(line: string): void {
    console.log(line);
    const file = process.env.MLPLAN_E2E_LOG;
    if (file) {
        fs.appendFileSync(file, `${line}\n`);
    }
}

export async function runAll(): Promise<RunSummary> {
    let passed = 0;
    let failed = 0;
    for (const t of tests) {
        const started = Date.now();
        try {
            await withTimeout(t.fn(), t.timeoutMs, `timed out after ${t.timeoutMs} ms`);
            passed++;
            log(`  ok    ${t.name} (${Date.now() - started} ms)`);
        } catch (error) {
            failed++;
            log(`  FAIL  ${t.name} (${Date.now() - started} ms)`);
            for (const line of describeError(error)) {
                log(`        ${line}`);
            }
        }
    }
    log(`${passed} passed, ${failed} failed`);
    return { passed, failed };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * An assertion's message says what was expected (frames would point into the bundle: VS Code's
 * extension host replaces Node's source-mapped stack traces); any other error adds its first frames.
 */
function describeError(error: unknown): string[] {
    if (!(error instanceof Error)) {
        return [String(error)];
    }
    const message = error.message.split('\n');
    if ((error as { code?: unknown }).code === 'ERR_ASSERTION') {
        return message;
    }
    const frames = (error.stack ?? '').split('\n').slice(1)
        .map(line => line.trim())
        .filter(line => line.startsWith('at ') && !line.includes('node:internal'))
        .slice(0, 3);
    return [`${error.name}: ${message[0]}`, ...message.slice(1), ...frames];
}
