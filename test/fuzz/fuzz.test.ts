/**
 * A short run of the grammar-aware fuzzer (scripts/fuzz, `npm run fuzz`) inside `npm test`, with a
 * fixed seed, so that a regression on one of these mutants fails the tests. The long runs and the
 * CI run use `npm run fuzz`; see scripts/fuzz/README.md.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { mutantOf, probeKey, reportFailure } from '../../scripts/fuzz/fuzz.js';
import { Harness } from '../../scripts/fuzz/harness.js';
import { MUTATIONS } from '../../scripts/fuzz/mutations.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 'npm-test';
const COUNT = 200;

let harness: Harness;

beforeAll(() => {
    // Other test files run in parallel with this one: the per-call limit is doubled here (the
    // `npm run fuzz` run in CI keeps 2 s).
    harness = new Harness({ root: ROOT, slowMs: 4_000 });
});

describe('the fuzzer', () => {
    test('makes the same mutant from the same seed and iteration', () => {
        for (const iteration of [0, 7, 42]) {
            expect(mutantOf(harness, SEED, iteration)).toEqual(mutantOf(harness, SEED, iteration));
        }
        expect(mutantOf(harness, SEED, 1).mutant).not.toEqual(mutantOf(harness, SEED, 2).mutant);
    });

    test.each(MUTATIONS.map(m => [m.name]))('applies %s', name => {
        const applied = Array.from({ length: 30 }, (_, i) => mutantOf(harness, `${SEED}-${name}`, i, [name]))
            .filter(g => g.steps.some(step => step.startsWith(`${name}:`)));
        expect(applied.length).toBeGreaterThan(10);
    });

    test(`finds nothing in ${COUNT} mutants of seed ${SEED}`, async () => {
        const reports: string[] = [];
        for (let iteration = 0; iteration < COUNT; iteration++) {
            const generated = mutantOf(harness, SEED, iteration);
            const outcome = { generated, result: await harness.run(generated.mutant, probeKey(SEED, iteration)) };
            if (outcome.result.failures.length > 0) {
                reports.push(await reportFailure(harness, SEED, iteration, outcome, {
                    root: ROOT, shrinkMs: 15_000, shrunk: new Map(),
                }));
            }
        }
        expect(reports.join('\n\n')).toBe('');
    }, 600_000);
});
