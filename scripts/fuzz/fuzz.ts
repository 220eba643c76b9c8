/**
 * One fuzzing iteration, and the report of a failing one: the mutant of `(seed, iteration)`, run
 * through the harness; on failure, a reproducer shrunk by delta debugging, written to
 * `fuzz-failures/<seed>-<iteration>.mlplan` (plus the files it imports, when still needed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Failure, Harness, RunResult, Timing } from './harness.js';
import { generateMutant, type GeneratedMutant } from './mutations.js';
import { Rng } from './prng.js';
import { shrink } from './shrink.js';

export function mutantOf(harness: Harness, seed: string, iteration: number, only?: readonly string[]): GeneratedMutant {
    return generateMutant(new Rng(`${seed}:${iteration}`), harness.context, only);
}

export const probeKey = (seed: string, iteration: number) => `${seed}:${iteration}:probe`;

export interface IterationResult {
    readonly generated: GeneratedMutant;
    readonly result: RunResult;
}

export async function runIteration(harness: Harness, seed: string, iteration: number, only?: readonly string[]): Promise<IterationResult> {
    const generated = mutantOf(harness, seed, iteration, only);
    const result = await harness.run(generated.mutant, probeKey(seed, iteration));
    return { generated, result };
}

export interface ReportOptions {
    /** The repository root: reproducers go to `<root>/fuzz-failures/`. */
    readonly root: string;
    readonly shrinkMs: number;
    /** Signatures already shrunk in this process: a repeat is reported without shrinking again. */
    readonly shrunk: Map<string, string>;
    readonly shrinkAll?: boolean;
}

/** Text for a terminal: every line prefixed, long reproducers cut, invisible characters escaped as well. */
function quoted(text: string): string {
    const lines = text.split(/\r\n|\r|\n/);
    const shown = lines.slice(0, 60).map(line => `    | ${line.length > 200 ? `${line.slice(0, 200)}… (${line.length} chars)` : line}`);
    if (lines.length > 60) {
        shown.push(`    | … (${lines.length - 60} more lines)`);
    }
    // eslint-disable-next-line no-control-regex
    const invisible = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00A0\u2028\u2029\u200B-\u200F\u202A-\u202E\uFEFF\uD800-\uDFFF\r]/.test(text);
    if (invisible && text.length <= 2000) {
        shown.push(`    as a JS string: ${JSON.stringify(text)}`);
    }
    return shown.join('\n');
}

/** How to replay each reproducer written (with `--files` when it has imports). */
const replayOf = new Map<string, string>();

/** The report of a failing iteration (printed by the caller), after writing its reproducer. */
export async function reportFailure(harness: Harness, seed: string, iteration: number, outcome: IterationResult, options: ReportOptions): Promise<string> {
    const { generated, result } = outcome;
    const failures = result.failures;
    const primary = failures[0];
    const lines: string[] = [];
    lines.push(`✗ fuzz failure: seed ${seed}, iteration ${iteration}: ${primary.check} in ${primary.call}`);
    lines.push(`  input: ${generated.seed.name}`);
    lines.push(`  mutations: ${generated.steps.length > 0 ? generated.steps.join('; ') : '(none applied)'}`);
    const seen = new Set<string>();
    for (const failure of failures) {
        if (seen.has(failure.signature) || seen.size >= 6) {
            continue;
        }
        seen.add(failure.signature);
        lines.push(`  check: ${failure.check} in ${failure.call}: ${indent(failure.message)}`);
    }
    if (failures.length > seen.size) {
        lines.push(`  (${failures.length - seen.size} more failures of this mutant)`);
    }
    const earlier = options.shrunk.get(primary.signature);
    if (earlier && !options.shrinkAll) {
        lines.push(`  reproducer: same failure as ${earlier} (not shrunk again)`);
    } else {
        const file = await writeReproducer(harness, seed, iteration, generated, primary, options);
        options.shrunk.set(primary.signature, file.path);
        replayOf.set(primary.signature, file.replay);
        lines.push(`  reproducer (${file.summary}): ${file.path}`);
        lines.push(quoted(file.text));
    }
    lines.push(`  rerun: npm run fuzz -- --seed ${seed} --iteration ${iteration}`);
    if (!(earlier && !options.shrinkAll)) {
        lines.push(`  replay the reproducer: npm run fuzz -- --replay ${replayOf.get(primary.signature)} --probe ${probeKey(seed, iteration)}`);
    }
    return lines.join('\n');
}

function indent(text: string): string {
    return text.split('\n').join('\n      ');
}

async function writeReproducer(
    harness: Harness, seed: string, iteration: number, generated: GeneratedMutant, failure: Failure, options: ReportOptions
): Promise<{ path: string; text: string; summary: string; replay: string }> {
    const before = generated.mutant.text.length + Object.values(generated.mutant.files).reduce((n, t) => n + t.length, 0);
    const shrunk = await shrink(harness, generated.mutant, probeKey(seed, iteration), failure.signature, options.shrinkMs);
    const dir = join(options.root, 'fuzz-failures');
    const name = `${seed}-${iteration}`.replace(/[^A-Za-z0-9_.-]/g, '_');
    mkdirSync(dir, { recursive: true });
    const main = join(dir, `${name}.mlplan`);
    writeFileSync(main, shrunk.mutant.text);
    const extra = Object.entries(shrunk.mutant.files);
    if (extra.length > 0) {
        // With its imports, the set is also written as a workspace: main file at its own path.
        for (const [path, text] of [[shrunk.mutant.path, shrunk.mutant.text], ...extra]) {
            const file = join(dir, name, path);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, text);
        }
    }
    const after = shrunk.mutant.text.length + extra.reduce((n, [, t]) => n + t.length, 0);
    const files = extra.length > 0 ? `; with ${extra.map(([p]) => p).join(', ')} in ${relative(options.root, join(dir, name))}/` : '';
    const summary = `shrunk from ${before} to ${after} chars in ${shrunk.runs} runs${shrunk.timedOut ? ', shrinking budget used up' : ''}${files}`;
    const workspace = relative(options.root, join(dir, name));
    const replay = extra.length > 0 ? `${workspace}/${shrunk.mutant.path} --files ${workspace}` : relative(options.root, main);
    return { path: relative(options.root, main), text: shrunk.mutant.text, summary, replay };
}

export function slower(a: Timing, b: Timing): Timing {
    return b.ms > a.ms ? b : a;
}
