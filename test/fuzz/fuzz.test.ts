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
import { Rng } from '../../scripts/fuzz/prng.js';
import { unitSpans, v2Insertion } from '../../scripts/fuzz/v2-syntax.js';

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

    test('v2-property writes every v2 property and unit, and nothing the parser cannot read', () => {
        const seed = harness.context.corpus.find(input => input.name === 'examples/demand-forecast.mlplan')!;
        const { tokens } = harness.context.lex(seed.text);
        const written: string[] = [];
        for (let i = 0; i < 200; i++) {
            const insertion = v2Insertion(seed.text, tokens, new Rng(`v2-${i}`));
            const text = seed.text.slice(0, insertion.at) + insertion.text + seed.text.slice(insertion.at);
            const parsed = harness.services.parser.LangiumParser.parse(text);
            expect([...parsed.lexerErrors, ...parsed.parserErrors].map(e => e.message), insertion.what).toEqual([]);
            written.push(insertion.text);
        }
        const all = written.join('\n');
        for (const word of [
            /\bstart 2/, /\bdeployment (new|assist|replace)/, /\bpersona \w+ \{ description .* decision /, /\bvalue -?\d/,
            /\bfor \w+, \w+/, /\blabels after /, /\blabeling [\w-]+ \{ (rate|cost) .* (rate|cost) /, /\blatency /,
            /\bversion "/, /\bregistry "/, /\bserves /, /\breplicas /, /\bcapacity /, /\bstarts \d/, /\bstarts after /,
            /\bstage .* for /, /\bneeds \w+, /, / rows\/day\b/, / USD\/row\b/, / USD\/year\b/, / req\/s\b/, /\d{300}/,
        ]) {
            expect(all, String(word)).toMatch(word);
        }
    });

    test('swap-unit finds the units of a plan, v2 units included, and nothing else', () => {
        const text = 'plan P { serving { volume 2_000_000 req/day replicas 3\n capacity 40 req / s }\n'
            + '  dataset d { size 120_000 rows labeling outsourced { rate 1_500 rows/day cost 0.35 USD/row } }\n'
            + '  objective o { value 400_000 USD/year } rollout { stage 1 % for 2 d } }';
        expect(unitSpans(text, harness.context.lex(text).tokens).map(span => span.image))
            .toEqual(['req/day', 'req/s', 'rows', 'rows/day', 'USD/row', 'USD/year', '%', 'd']);
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
