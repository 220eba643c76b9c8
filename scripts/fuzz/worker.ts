/**
 * A fuzzing worker (bundled to out/fuzz/worker.cjs by scripts/fuzz/run.mjs, which forks one per
 * core). It receives chunks of iterations over IPC, runs each mutant through the harness, and
 * sends back what started (so a hang can be attributed), every failure's report, and the chunk's
 * totals. With `--write-mutant ITERATION FILE` it only writes that iteration's mutant (the parent
 * uses it to save the input of an iteration that hung).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { Harness, type Timing } from './harness.js';
import { mutantOf, probeKey, reportFailure, slower } from './fuzz.js';

export interface WorkerOptions {
    readonly root: string;
    readonly seed: string;
    readonly shrinkMs: number;
    readonly slowMs: number;
    readonly only?: readonly string[];
    readonly shrinkAll: boolean;
}

export type ToWorker = { type: 'chunk'; from: number; to: number } | { type: 'exit' };

export type FromWorker =
    | { type: 'ready' }
    | { type: 'start'; iteration: number; input: string; steps: readonly string[] }
    | { type: 'failure'; iteration: number; report: string; signatures: string[] }
    | { type: 'chunk-done'; mutants: number; failing: number; calls: number; slowest: Timing; totals: Record<string, number>; byMutation: Record<string, number> };

function argument(name: string): string | undefined {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
    const options: WorkerOptions = {
        root: argument('--root') ?? process.cwd(),
        seed: argument('--seed') ?? '1',
        shrinkMs: Number(argument('--shrink-seconds') ?? '60') * 1000,
        slowMs: Number(argument('--slow-ms') ?? '2000'),
        only: argument('--only')?.split(',').filter(Boolean),
        shrinkAll: process.argv.includes('--shrink-all'),
    };
    const harness = new Harness({ root: options.root, slowMs: options.slowMs });
    const replay = argument('--replay');
    if (replay !== undefined) {
        // One run of the harness on a file (a reproducer), with the positions of the given probe key.
        // With `--files DIR`: every .mlplan under DIR too (the imports of a reproducer), at its path in DIR.
        const text = readFileSync(replay, 'utf8');
        const dir = argument('--files');
        const files: Record<string, string> = {};
        let path = basename(replay);
        if (dir !== undefined) {
            const inside = relative(dir, replay).split(sep).join('/');
            path = inside.startsWith('..') ? path : inside;
            for (const file of readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.mlplan'))) {
                const key = file.split(sep).join('/');
                if (key !== path) {
                    files[key] = readFileSync(join(dir, file), 'utf8');
                }
            }
        }
        const result = await harness.run({ path, text, files }, argument('--probe') ?? 'replay');
        for (const failure of result.failures) {
            console.log(`✗ ${failure.check} in ${failure.call}: ${failure.message}`);
        }
        console.log(`fuzz: replay of ${replay}: ${result.failures.length} failures, ${result.calls} calls, slowest call ${Math.round(result.slowest.ms)} ms (${result.slowest.call})`);
        process.exitCode = result.failures.length > 0 ? 1 : 0;
        return;
    }
    const writeMutant = argument('--write-mutant');
    if (writeMutant !== undefined) {
        const generated = mutantOf(harness, options.seed, Number(writeMutant), options.only);
        const file = argument('--to') ?? `${options.seed}-${writeMutant}.mlplan`;
        writeFileSync(file, generated.mutant.text);
        for (const [path, text] of Object.entries(generated.mutant.files)) {
            writeFileSync(`${file}.${path.replace(/[\\/]/g, '_')}`, text);
        }
        return;
    }
    const send = (message: FromWorker) => new Promise<void>(resolve => process.send!(message, () => resolve()));
    const shrunk = new Map<string, string>();
    let escaped: unknown[] = [];
    process.on('unhandledRejection', error => {
        escaped.push(error);
    });
    process.on('message', async (message: ToWorker) => {
        if (message.type === 'exit') {
            process.exit(0);
        }
        let slowest: Timing = { call: '(none)', ms: 0 };
        let failing = 0;
        let calls = 0;
        const totals: Record<string, number> = {};
        const byMutation: Record<string, number> = {};
        for (let iteration = message.from; iteration < message.to; iteration++) {
            const generated = mutantOf(harness, options.seed, iteration, options.only);
            await send({ type: 'start', iteration, input: generated.seed.name, steps: generated.steps });
            escaped = [];
            const outcome = { generated, result: await harness.run(generated.mutant, probeKey(options.seed, iteration)) };
            // A rejection nobody awaited surfaces a tick later: give it that tick.
            await new Promise(resolve => setImmediate(resolve));
            for (const error of escaped) {
                const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
                outcome.result.failures.push({ check: 'unhandled-rejection', call: '(async)', message: text, signature: `unhandled-rejection|${text.split('\n')[0]}` });
            }
            calls += outcome.result.calls;
            let spent = 0;
            for (const [kind, ms] of Object.entries(outcome.result.totals)) {
                totals[kind] = (totals[kind] ?? 0) + ms;
                spent += ms;
            }
            for (const step of generated.steps) {
                const name = step.slice(0, step.indexOf(':'));
                byMutation[name] = (byMutation[name] ?? 0) + spent / generated.steps.length;
            }
            slowest = slower(slowest, outcome.result.slowest);
            const failures = outcome.result.failures;
            if (failures.length > 0) {
                failing++;
                const report = await reportFailure(harness, options.seed, iteration, outcome, {
                    root: options.root, shrinkMs: options.shrinkMs, shrunk, shrinkAll: options.shrinkAll,
                });
                await send({ type: 'failure', iteration, report, signatures: [...new Set(failures.map(f => f.signature))] });
            }
        }
        await send({ type: 'chunk-done', mutants: message.to - message.from, failing, calls, slowest, totals, byMutation });
    });
    await send({ type: 'ready' });
}

main().catch(error => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(3);
});
