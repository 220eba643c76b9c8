// `npm run fuzz`: a grammar-aware mutation fuzzer for mlplan (see scripts/fuzz/README.md).
//
//   npm run fuzz -- [--seed S] [--iterations N] [--start K] [--iteration I] [--jobs J]
//                   [--only MUTATION,...] [--shrink-seconds T] [--shrink-all] [--slow-ms MS]
//                   [--profile] [--chunk C] [--recycle R] [--hang-seconds H] [--quiet]
//   npm run fuzz -- --replay FILE [--files DIR] [--probe KEY]
//
//   --seed S          the PRNG seed (default: a random one, printed); a mutant is a function of (S, iteration)
//   --iterations N    how many mutants (default 1000), iterations K … K+N-1
//   --start K         the first iteration (default 0), to split a long run into chunks
//   --iteration I     run only iteration I (a failure's rerun line)
//   --jobs J          worker processes (default: the number of cores, at most 4)
//   --only LIST       only these mutations (names as in scripts/fuzz/mutations.ts)
//   --shrink-seconds  time budget to shrink one failure (default 60)
//   --shrink-all      shrink every failure, even one whose signature was already shrunk
//   --slow-ms MS      the per-call time limit (default 2000)
//   --profile         print the time spent per kind of call and per mutation
//   --chunk C         iterations handed to a worker at a time (default 50)
//   --recycle R       restart a worker after R mutants, bounding its memory (default 5000)
//   --hang-seconds H  a mutant (or its shrinking) silent this long is a hang: its worker is killed (default 120 + shrink budget)
//   --quiet           no progress lines (failures and the summary still print)
//   --replay FILE     run every check once on FILE (a reproducer); --files DIR loads the .mlplan files
//                     under DIR beside it (its imports); --probe KEY chooses the probed positions
//                     (a failure's report prints the exact replay line)
//
// Bundles scripts/fuzz/worker.ts with esbuild into out/fuzz/worker.cjs (one file starts in a
// fraction of the time of hundreds of ES modules, as for the CLI), forks the workers, hands out
// chunks, prints every failure (with its shrunk reproducer in fuzz-failures/) and the summary:
//   fuzz: N mutants, M failures, slowest call X ms (<which>)
// Exit status 1 if any mutant failed, else 0 (2 for a usage error).
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const KNOWN = new Set(['--files', '--replay', '--probe', '--profile', '--seed', '--iterations', '--start', '--iteration', '--jobs', '--only', '--shrink-seconds', '--shrink-all', '--slow-ms', '--chunk', '--recycle', '--hang-seconds', '--quiet']);
const FLAGS = new Set(['--shrink-all', '--quiet', '--profile']);
for (let i = 0; i < argv.length; i++) {
    if (!KNOWN.has(argv[i])) {
        console.error(`fuzz: unknown option ${argv[i]} (see scripts/fuzz/run.mjs)`);
        process.exit(2);
    }
    if (!FLAGS.has(argv[i])) {
        i++;
    }
}
const value = (name, fallback) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : fallback);
const integer = (name, fallback) => {
    const text = value(name, String(fallback));
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) {
        console.error(`fuzz: ${name} expects a non-negative integer, not ${text}`);
        process.exit(2);
    }
    return n;
};

const SEED = value('--seed', String(Math.floor(Math.random() * 1e9)));
const SINGLE = argv.includes('--iteration') ? integer('--iteration', 0) : undefined;
const START = SINGLE ?? integer('--start', 0);
const COUNT = SINGLE !== undefined ? 1 : integer('--iterations', 1000);
const END = START + COUNT;
const JOBS = Math.max(1, Math.min(integer('--jobs', Math.min(4, os.availableParallelism?.() ?? os.cpus().length)), Math.ceil(COUNT / Math.max(1, integer('--chunk', 50)))));
const CHUNK = Math.max(1, integer('--chunk', 50));
const RECYCLE = Math.max(1, integer('--recycle', 5000));
// A failure's shrinking runs the harness many times without a new iteration starting: allow for it.
const HANG_MS = (integer('--hang-seconds', 120) + integer('--shrink-seconds', 60)) * 1000;
const QUIET = argv.includes('--quiet');
const PROFILE = argv.includes('--profile');
const totals = {};
const byMutation = {};
const passThrough = ['--seed', SEED, '--root', ROOT,
    '--shrink-seconds', value('--shrink-seconds', '60'), '--slow-ms', value('--slow-ms', '2000'),
    ...(argv.includes('--only') ? ['--only', value('--only', '')] : []),
    ...(argv.includes('--shrink-all') ? ['--shrink-all'] : [])];

// The generated parser is rebuilt by every build; generate it when this checkout has none yet.
if (!existsSync(path.join(ROOT, 'server/src/generated/ast.ts'))) {
    execFileSync('npm', ['run', '--silent', 'generate'], { cwd: ROOT, stdio: 'inherit' });
}
const OUT = path.join(ROOT, 'out', 'fuzz');
mkdirSync(OUT, { recursive: true });
await build({
    entryPoints: { worker: path.join(ROOT, 'scripts/fuzz/worker.ts') },
    outdir: OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
});
const WORKER = path.join(OUT, 'worker.cjs');

if (argv.includes('--replay')) {
    // Runs the harness once on a file (a reproducer) with the positions of `--probe KEY`.
    const replay = path.resolve(value('--replay', ''));
    const probe = value('--probe', 'replay');
    try {
        execFileSync(process.execPath, [WORKER, '--root', ROOT, '--slow-ms', value('--slow-ms', '2000'), '--replay', replay, '--probe', probe,
            ...(argv.includes('--files') ? ['--files', path.resolve(value('--files', '.'))] : [])], { stdio: 'inherit' });
        process.exit(0);
    } catch (error) {
        process.exit(typeof error.status === 'number' ? error.status : 1);
    }
}

const started = Date.now();
console.log(`fuzz: seed ${SEED}, iterations ${START}…${END - 1}, ${JOBS} worker${JOBS > 1 ? 's' : ''}`);

let next = START;
let done = 0;
let failing = 0;
let calls = 0;
let slowest = { call: '(none)', ms: 0 };
const signatures = new Map();
let lastProgress = Date.now();

function takeChunk() {
    if (next >= END) {
        return undefined;
    }
    const from = next;
    next = Math.min(END, next + CHUNK);
    return { from, to: next };
}

/** Writes the input of an iteration that hung (the worker that was running it is gone). */
function saveHungInput(iteration) {
    const dir = path.join(ROOT, 'fuzz-failures');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${SEED}-${iteration}.mlplan`.replace(/[^A-Za-z0-9_.\/-]/g, '_'));
    try {
        execFileSync(process.execPath, [WORKER, ...passThrough, '--write-mutant', String(iteration), '--to', file], { stdio: 'ignore', timeout: 60_000 });
        return path.relative(ROOT, file);
    } catch {
        return '(could not be written)';
    }
}

function startWorker() {
    return new Promise(resolve => {
        const child = fork(WORKER, passThrough, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        const state = { child, mutants: 0, chunk: undefined, current: undefined, timer: undefined };
        const arm = () => {
            clearTimeout(state.timer);
            state.timer = setTimeout(() => {
                const hung = state.current;
                child.kill('SIGKILL');
                failing++;
                const signature = 'hang';
                signatures.set(signature, (signatures.get(signature) ?? 0) + 1);
                const file = hung ? saveHungInput(hung.iteration) : '(unknown)';
                console.log([
                    `✗ fuzz failure: seed ${SEED}, iteration ${hung?.iteration ?? '?'}: hang (no answer for ${HANG_MS / 1000} s)`,
                    `  input: ${hung?.input ?? '?'}`,
                    `  mutations: ${hung?.steps?.join('; ') ?? '?'}`,
                    `  reproducer (not shrunk): ${file}`,
                    `  rerun: npm run fuzz -- --seed ${SEED} --iteration ${hung?.iteration ?? '?'}`,
                ].join('\n'));
                // The rest of its chunk goes on in a new worker.
                if (hung && state.chunk && hung.iteration + 1 < state.chunk.to) {
                    done += hung.iteration + 1 - state.chunk.from;
                    pending.push({ from: hung.iteration + 1, to: state.chunk.to });
                } else if (state.chunk) {
                    done += state.chunk.to - state.chunk.from;
                }
                state.chunk = undefined;
            }, HANG_MS);
        };
        const give = () => {
            const chunk = state.mutants >= RECYCLE ? undefined : pending.shift() ?? takeChunk();
            if (!chunk) {
                clearTimeout(state.timer);
                child.send({ type: 'exit' });
                return;
            }
            state.chunk = chunk;
            arm();
            child.send({ type: 'chunk', ...chunk });
        };
        child.on('message', message => {
            if (message.type === 'ready') {
                give();
            } else if (message.type === 'start') {
                state.current = message;
                arm();
            } else if (message.type === 'failure') {
                failing++;
                for (const s of message.signatures) {
                    signatures.set(s, (signatures.get(s) ?? 0) + 1);
                }
                console.log(message.report);
            } else if (message.type === 'chunk-done') {
                done += message.mutants;
                state.mutants += message.mutants;
                calls += message.calls;
                for (const [kind, ms] of Object.entries(message.totals)) {
                    totals[kind] = (totals[kind] ?? 0) + ms;
                }
                for (const [kind, ms] of Object.entries(message.byMutation)) {
                    byMutation[kind] = (byMutation[kind] ?? 0) + ms;
                }
                if (message.slowest.ms > slowest.ms) {
                    slowest = message.slowest;
                }
                state.chunk = undefined;
                if (!QUIET && Date.now() - lastProgress > 30_000) {
                    lastProgress = Date.now();
                    console.error(`fuzz: ${done}/${COUNT} mutants, ${failing} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
                }
                give();
            }
        });
        child.on('exit', code => {
            clearTimeout(state.timer);
            if (state.chunk) {
                // Died mid-chunk (a crash of the process itself, e.g. out of memory): report and go on.
                const at = state.current?.iteration ?? state.chunk.from;
                failing++;
                signatures.set(`worker-exit-${code}`, (signatures.get(`worker-exit-${code}`) ?? 0) + 1);
                console.log([
                    `✗ fuzz failure: seed ${SEED}, iteration ${at}: the worker process exited (code ${code})`,
                    `  input: ${state.current?.input ?? '?'}`,
                    `  mutations: ${state.current?.steps?.join('; ') ?? '?'}`,
                    `  reproducer (not shrunk): ${saveHungInput(at)}`,
                    `  rerun: npm run fuzz -- --seed ${SEED} --iteration ${at}`,
                ].join('\n'));
                done += at + 1 - state.chunk.from;
                if (at + 1 < state.chunk.to) {
                    pending.push({ from: at + 1, to: state.chunk.to });
                }
            }
            resolve(state);
        });
    });
}

const pending = [];
async function lane() {
    while (next < END || pending.length > 0) {
        await startWorker();
    }
}
await Promise.all(Array.from({ length: JOBS }, lane));

if (PROFILE) {
    const table = object => Object.entries(object).sort((a, b) => b[1] - a[1]).map(([k, ms]) => `  ${String(Math.round(ms)).padStart(8)} ms  ${k}`).join('\n');
    console.log(`fuzz: time per kind of call (all workers):\n${table(totals)}`);
    console.log(`fuzz: time per mutation (a mutant's time shared among its mutations):\n${table(byMutation)}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const distinct = [...signatures.entries()].sort((a, b) => b[1] - a[1]);
if (distinct.length > 0) {
    console.log(`fuzz: distinct failures (signature × mutants):\n${distinct.map(([s, n]) => `  ${n} × ${s}`).join('\n')}`);
}
console.log(`fuzz: seed ${SEED}, ${COUNT} mutants in ${seconds} s (${calls} calls)`);
console.log(`fuzz: ${done} mutants, ${failing} failures, slowest call ${Math.round(slowest.ms)} ms (${slowest.call})`);
process.exit(failing > 0 ? 1 : 0);
