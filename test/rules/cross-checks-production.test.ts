// The production cross-checks of LANGUAGE.md 4.3 (serving, latency, the rollout's power to decide):
// each raised at the exact node the contract names, with its arithmetic in the message, silent on
// equality and on a missing figure, with the fix's resulting text, and never printing NaN or
// Infinity on absurd figures.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isLooser, looseness, requirement, tightest, trigger } from '../../server/src/model/bounds.js';
import { measure, type Measure } from '../../server/src/model/units.js';
import { PRODUCTION_CHECKS } from '../../server/src/rules/cross-checks/production-index.js';
import { createFixer } from '../../server/src/rules/fixes/fixer.js';
import type { RuleReport } from '../../server/src/rules/rule.js';
import { applyTextEdits, onlyEdit, roundTrip } from '../lsp/fix-support.js';
import { found, locatedWithMessage, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { check, createEditorTestServices, createTestServices } from '../support/services.js';

const services = createTestServices();
const editor = createEditorTestServices();

const WARNING = 2;
const ERROR = 1;
/** 10^308, written out: the grammar has no exponent notation. */
const HUGE = `1${'0'.repeat(308)}`;

/** `text` with `from` (which must be there) replaced by `to`. */
function swap(text: string, from: string, to: string): string {
    expect(text.includes(from), `fixture lacks: ${from}`).toBe(true);
    return text.replace(from, to);
}

/** The diagnostics of `code` in `text`, after checking the text reads without syntax or link errors. */
async function raised(text: string, code: string): Promise<Diagnostic[]> {
    const { diagnostics } = await check(services, text);
    expect(unreadable(diagnostics)).toEqual([]);
    return withCode(diagnostics, code);
}

async function only(text: string, code: string): Promise<Diagnostic> {
    const all = await raised(text, code);
    expect(all.map(locatedWithMessage), text).toHaveLength(1);
    return all[0];
}

async function messageOf(text: string, code: string): Promise<string> {
    const { message } = await only(text, code);
    return typeof message === 'string' ? message : message.value;
}

async function silent(text: string, code: string): Promise<void> {
    expect((await raised(text, code)).map(locatedWithMessage), text).toEqual([]);
}

/** The titles of the fixes of `code`'s first diagnostic in `text` ("Ignore" left out). */
async function fixTitles(text: string, code: string): Promise<string[]> {
    const { document, diagnostics } = await check(services, text);
    const fixesOf = createFixer(services.facts.PlanFacts.of(document), text);
    return fixesOf(withCode(diagnostics, code)[0]).map(fix => fix.title).filter(title => !title.startsWith('Ignore'));
}

/** Applies the preferred fix of `code` and returns the fixed text, after checking the diagnostic is gone. */
async function fixed(text: string, code: string, title: string): Promise<string> {
    const trip = await roundTrip(editor, text, code, { replaces: true });
    expect(trip.action.title).toBe(title);
    expect(withCode(trip.after, code)).toEqual([]);
    return trip.fixed;
}

describe('model/bounds: which of two bounds is looser', () => {
    const ms = (value: number): Measure => measure(value, 'ms')!;

    test('a requirement caps with `<`/`<=` (larger is looser) and floors with `>`/`>=` (smaller is looser)', () => {
        expect(isLooser(requirement('<=', ms(200))!, requirement('<', ms(150))!)).toBe(true);
        expect(isLooser(requirement('>=', ms(100))!, requirement('>', ms(150))!)).toBe(true);
        expect(isLooser(requirement('>=', ms(200))!, requirement('>', ms(150))!)).toBe(false);
        expect(requirement('=', ms(1))).toBeUndefined();
    });

    test('a trigger that fires above caps what is tolerated: a higher one is looser', () => {
        expect(isLooser(trigger('>', ms(300))!, trigger('>=', ms(200))!)).toBe(true);
        expect(isLooser(trigger('<', ms(100))!, trigger('<=', ms(200))!)).toBe(true);
    });

    test('equal values (across units, with float noise) are neither; opposite sides and other dimensions compare with nothing', () => {
        expect(looseness(requirement('<=', ms(1000))!, requirement('<', measure(1, 's')!)!)).toBe(0);
        expect(looseness(requirement('<=', ms(100))!, requirement('>=', ms(100))!)).toBeUndefined();
        expect(looseness(requirement('<=', ms(100))!, requirement('<=', measure(1, '%')!)!)).toBeUndefined();
    });

    test('the tightest of several bounds, the first of equals', () => {
        const bounds = [['a', 150], ['b', 100], ['c', 100], ['d', 300]] as const;
        expect(tightest(bounds, ([, value]) => requirement('<=', ms(value))!)?.[0]).toBe('b');
        expect(tightest([], () => requirement('<=', ms(1))!)).toBeUndefined();
    });
});

describe('compute-target-mismatch', () => {
    const CODE = 'compute-target-mismatch';
    const PLAN = `plan P {
  model m { compute gpu }
  serving { target cloud compute cpu }
}`;

    test('a gpu model served on `compute cpu`: a warning on `cpu`, and a fix that serves it on gpu', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'cpu')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('serving runs on `compute cpu`, but the served model `m` is built for `compute gpu`: the latency and throughput it was sized for on gpu will not hold on a cpu, if it runs there at all');
        expect(await fixed(PLAN, CODE, "Serve on gpu, as model 'm' is built for")).toBe(swap(PLAN, 'compute cpu', 'compute gpu'));
    });

    test('a tpu model on an edge device or in a browser: on the target, without a fix', async () => {
        const edge = swap(swap(PLAN, 'compute gpu', 'compute tpu'), 'target cloud compute cpu', 'target edge');
        const diagnostic = await only(edge, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(edge, 'edge')}`]);
        expect(diagnostic.message).toBe('serving targets `edge`, but the served model `m` is built for `compute tpu`: edge devices rarely offer a tpu to run it on');
        expect(await fixTitles(edge, CODE)).toEqual([]);
        const browser = swap(edge, 'target edge', 'compute gpu target browser');
        expect(found(await raised(browser, CODE), CODE)).toEqual([`${CODE}@${rangeAt(browser, 'browser')}`]);
        expect(await messageOf(browser, CODE)).toBe('serving targets `browser`, but the served model `m` is built for `compute tpu`: browsers rarely offer a tpu to run it on');
    });

    test('`compute cpu` on an edge target: one finding, on `cpu`', async () => {
        const text = swap(PLAN, 'target cloud', 'target edge');
        expect(found(await raised(text, CODE), CODE)).toEqual([`${CODE}@${rangeAt(text, 'cpu')}`]);
    });

    test('the model named by `serves` is the one judged', async () => {
        const text = `plan P {
  model big { compute gpu }
  model small { compute cpu }
  serving { serves big compute cpu }
}`;
        expect(found(await raised(text, CODE), CODE)).toEqual([`${CODE}@${rangeWithin(text, 'serves big compute cpu', 'cpu')}`]);
        await silent(swap(text, 'serves big', 'serves small'), CODE);
    });

    test('near misses: accelerator served on an accelerator in the cloud or on-prem, a cpu model at the edge, no compute, no served model', async () => {
        await silent(swap(PLAN, 'compute cpu', 'compute gpu'), CODE);
        await silent(swap(PLAN, 'target cloud compute cpu', 'target on-prem compute tpu'), CODE);
        await silent(swap(swap(PLAN, 'compute gpu', 'compute cpu'), 'target cloud', 'target edge'), CODE);
        await silent(swap(PLAN, 'model m { compute gpu }', 'model m { }'), CODE);
        await silent(swap(PLAN, 'model m { compute gpu }', 'model m { compute gpu }\n  model n { compute gpu }'), CODE);
    });
});

describe('capacity-below-peak', () => {
    const CODE = 'capacity-below-peak';
    const PLAN = `plan P {
  serving { volume 2_000_000 req/day peak 200 req/s replicas 3 capacity 40 req/s }
}`;

    test('replicas × capacity below the peak: an error on `replicas`, and a fix that raises them', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeWithin(PLAN, 'replicas 3', '3')}`]);
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.message).toBe('3 replicas × 40 req/s = 120 req/s, below the peak of 200 req/s: at least 5 replicas are needed');
        expect(await fixed(PLAN, CODE, 'Raise replicas to 5')).toBe(swap(PLAN, 'replicas 3', 'replicas 5'));
    });

    test('exactly the peak is enough; a request more is not', async () => {
        await silent(swap(PLAN, 'replicas 3', 'replicas 5'), CODE);
        expect(await messageOf(swap(PLAN, 'peak 200 req/s replicas 3', 'peak 201 req/s replicas 5'), CODE))
            .toBe('5 replicas × 40 req/s = 200 req/s, below the peak of 201 req/s: at least 6 replicas are needed');
        expect(await messageOf(swap(PLAN, 'replicas 3', 'replicas 1'), CODE))
            .toBe('1 replica × 40 req/s = 40 req/s, below the peak of 200 req/s: at least 5 replicas are needed');
    });

    test('a total that rounds to the peak is shown with the decimals that tell them apart', async () => {
        expect(await messageOf(swap(PLAN, 'capacity 40 req/s', 'capacity 66.653 req/s'), CODE))
            .toBe('3 replicas × 66.653 req/s = 199.96 req/s, below the peak of 200 req/s: at least 4 replicas are needed');
    });

    test('a peak in another unit: the capacity is shown in it too, and equality survives the conversion', async () => {
        const text = swap(swap(PLAN, 'peak 200 req/s', 'peak 12_000 req/min'), 'replicas 3', 'replicas 4');
        expect(await messageOf(text, CODE)).toBe('4 replicas × 40 req/s (2,400 req/min) = 9,600 req/min, below the peak of 12,000 req/min: at least 5 replicas are needed');
        await silent(swap(text, 'replicas 4', 'replicas 5'), CODE);
    });

    test('without a peak, the mean rate of the volume is the demand', async () => {
        const text = swap(swap(PLAN, ' peak 200 req/s', ''), '2_000_000 req/day', '12_960_000 req/day');
        const diagnostic = await only(text, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeWithin(text, 'replicas 3', '3')}`]);
        expect(diagnostic.message).toBe('3 replicas × 40 req/s = 120 req/s, below the mean rate of 150 req/s implied by `volume 12,960,000 req/day` (serving gives no `peak`): at least 4 replicas are needed');
        // 10,368,000 req/day is 120 req/s once divided by 86,400: equal, whatever the rounding.
        await silent(swap(text, '12_960_000 req/day', '10_368_000 req/day'), CODE);
        expect(await messageOf(swap(text, '12_960_000 req/day', '10_369_000 req/day'), CODE))
            .toBe('3 replicas × 40 req/s = 120 req/s, below the mean rate of 120.01 req/s implied by `volume 10,369,000 req/day` (serving gives no `peak`): at least 4 replicas are needed');
    });

    test('silent when a figure is missing: no capacity, no replicas, neither peak nor volume, a capacity that is no rate', async () => {
        await silent(swap(PLAN, ' capacity 40 req/s', ''), CODE);
        await silent(swap(PLAN, ' replicas 3', ''), CODE);
        await silent(swap(PLAN, 'volume 2_000_000 req/day peak 200 req/s ', ''), CODE);
        const { diagnostics } = await check(services, swap(PLAN, 'capacity 40 req/s', 'capacity 40 ms'));
        expect(found(diagnostics, CODE)).toEqual([]);
    });

    test('a shortfall no whole number of replicas can cover: the message, but no advice and no fix', async () => {
        const text = swap(PLAN, 'peak 200 req/s', `peak ${HUGE} req/s`);
        const message = await messageOf(text, CODE);
        expect(message).toMatch(/^3 replicas × 40 req\/s = 120 req\/s, below the peak of \S+ req\/s$/);
        expect(await fixTitles(text, CODE)).toEqual([]);
    });
});

describe('inference-over-slo', () => {
    const CODE = 'inference-over-slo';
    const PLAN = `plan P {
  metric latency_p99 { kind software unit ms better lower }
  model m { latency 200 ms }
  serving { mode realtime }
  slo Fast { indicator latency_p99 <= 150 ms objective 99.5 % window 28 d }
}`;

    test('the served model\'s latency over an slo bound: an error on `latency`, with the excess', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, '200 ms')}`]);
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.message).toBe('model `m` takes 200 ms per request, more than slo `Fast` allows (`indicator latency_p99 <= 150 ms`): 200 ms − 150 ms = 50 ms over before the network, feature lookups and queueing add theirs');
    });

    test('once per model, against the tightest slo it breaks, counting the others', async () => {
        const text = swap(PLAN, '  slo Fast', '  slo Slow { indicator latency_p99 < 180 ms objective 99 % window 28 d }\n  slo Loose { indicator latency_p99 <= 500 ms objective 99 % window 28 d }\n  slo Fast');
        expect(await messageOf(text, CODE)).toBe('model `m` takes 200 ms per request, more than slo `Fast` allows (`indicator latency_p99 <= 150 ms`): 200 ms − 150 ms = 50 ms over before the network, feature lookups and queueing add theirs; 1 other latency slo is broken too');
    });

    test('a latency equal to the bound leaves no headroom but does not exceed it; a microsecond more does', async () => {
        await silent(swap(PLAN, 'latency 200 ms', 'latency 150 ms'), CODE);
        expect(await messageOf(swap(PLAN, 'latency 200 ms', 'latency 150.001 ms'), CODE)).toMatch(/^model `m` takes 150\.001 ms per request, .*: 150\.001 ms − 150 ms = 0\.001 ms over before/);
    });

    test('a latency in another unit is converted to the bound\'s', async () => {
        const text = swap(PLAN, 'latency 200 ms', 'latency 0.2 s');
        expect(await messageOf(text, CODE)).toBe('model `m` takes 0.2 s (200 ms) per request, more than slo `Fast` allows (`indicator latency_p99 <= 150 ms`): 200 ms − 150 ms = 50 ms over before the network, feature lookups and queueing add theirs');
        await silent(swap(PLAN, 'latency 200 ms', 'latency 0.15 s'), CODE);
    });

    test('near misses: a floor, a metric that is no time, no latency, no served model', async () => {
        await silent(swap(PLAN, 'latency_p99 <= 150 ms', 'latency_p99 >= 150 ms'), CODE);
        const share = swap(swap(PLAN, 'unit ms', 'unit %'), 'latency_p99 <= 150 ms', 'latency_p99 <= 15 %');
        await silent(share, CODE);
        await silent(swap(PLAN, 'model m { latency 200 ms }', 'model m { }'), CODE);
        await silent(swap(PLAN, '  serving { mode realtime }\n', ''), CODE);
        await silent(swap(PLAN, 'model m { latency 200 ms }', 'model m { latency 200 ms }\n  model n { latency 10 ms }'), CODE);
    });
});

describe('success-looser-than-slo', () => {
    const CODE = 'success-looser-than-slo';
    const PLAN = `plan P {
  metric latency_p99 { kind software unit ms better lower }
  metric availability { kind software unit % better higher }
  model m { evaluation { success latency_p99 <= 200 ms } }
  slo S { indicator latency_p99 <= 150 ms objective 99.5 % window 28 d }
}`;

    test('a success cap above the slo\'s: a warning on the success, and a fix that takes the slo\'s bound', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'success latency_p99 <= 200 ms')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('`success latency_p99 <= 200 ms` is looser than slo `S`\'s `indicator latency_p99 <= 150 ms`: 200 ms is above 150 ms, so a model can pass its evaluation and still break the SLO');
        expect(await fixed(PLAN, CODE, "Require '150 ms', as slo 'S' does")).toBe(swap(PLAN, '<= 200 ms }', '<= 150 ms }'));
    });

    test('floors: a success floor below the slo\'s', async () => {
        const text = swap(swap(PLAN, 'success latency_p99 <= 200 ms', 'success availability >= 99 %'), 'latency_p99 <= 150 ms', 'availability >= 99.9 %');
        const diagnostic = await only(text, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, 'success availability >= 99 %')}`]);
        expect(diagnostic.message).toBe('`success availability >= 99 %` is looser than slo `S`\'s `indicator availability >= 99.9 %`: 99 % is below 99.9 %, so a model can pass its evaluation and still break the SLO');
        await silent(swap(text, '>= 99 %', '>= 99.9 %'), CODE);
        await silent(swap(text, '>= 99 %', '> 99.95 %'), CODE);
    });

    test('equal bounds, `<` against `<=` included, are not looser; a microsecond more is', async () => {
        await silent(swap(PLAN, '<= 200 ms', '<= 150 ms'), CODE);
        await silent(swap(PLAN, '<= 200 ms', '< 150 ms'), CODE);
        await silent(swap(PLAN, '<= 200 ms', '<= 100 ms'), CODE);
        expect(await messageOf(swap(PLAN, '<= 200 ms', '<= 150.001 ms'), CODE)).toMatch(/^`success latency_p99 <= 150\.001 ms` .*: 150\.001 ms is above 150 ms, so/);
    });

    test('bounds in other units are compared in base units, and the fix writes the slo\'s unit', async () => {
        const text = swap(PLAN, '<= 200 ms', '<= 0.2 s');
        expect(await messageOf(text, CODE)).toBe('`success latency_p99 <= 0.2 s` is looser than slo `S`\'s `indicator latency_p99 <= 150 ms`: 0.2 s (200 ms) is above 150 ms, so a model can pass its evaluation and still break the SLO');
        expect(await fixed(text, CODE, "Require '150 ms', as slo 'S' does")).toBe(swap(PLAN, '<= 200 ms }', '<= 150 ms }'));
        await silent(swap(PLAN, '<= 200 ms', '<= 0.15 s'), CODE);
    });

    test('against the tightest of several slos on the metric', async () => {
        const text = swap(PLAN, '  slo S', '  slo Lax { indicator latency_p99 <= 180 ms objective 99 % window 28 d }\n  slo S');
        expect(await messageOf(text, CODE)).toMatch(/^`success latency_p99 <= 200 ms` is looser than slo `S`'s `indicator latency_p99 <= 150 ms`/);
        expect(await fixTitles(text, CODE)).toEqual(['Require `150 ms`, as slo `S` does']);
    });

    test('near misses: opposite directions, another metric, no slo', async () => {
        await silent(swap(PLAN, '<= 200 ms', '>= 200 ms'), CODE);
        await silent(swap(PLAN, 'success latency_p99 <= 200 ms', 'success availability >= 90 %'), CODE);
        await silent(swap(PLAN, '  slo S { indicator latency_p99 <= 150 ms objective 99.5 % window 28 d }\n', ''), CODE);
    });
});

describe('rollout-stage-underpowered', () => {
    const CODE = 'rollout-stage-underpowered';
    const PLAN = `plan P {
  metric error_rate { kind software unit % better lower }
  metric latency_p99 { kind software unit ms better lower }
  serving { volume 200_000 req/day }
  rollout { strategy canary stage 1 % for 1 h stage 100 % rollback when error_rate > 1 % }
}`;

    test('the contract\'s example: a warning on the stage, with its requests and expected errors, and a fix that lengthens it', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'stage 1 % for 1 h')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('stage 1 % for 1 h sees about 83 requests (200,000 req/day × 1 % × 1 h): at `error_rate > 1 %` that is 0.833 expected errors, too few to decide a rollback; a stage of 12 h would see about 1,000 requests');
        expect(await fixed(PLAN, CODE, 'Lengthen the stage to 12 h (about 1,000 requests)')).toBe(swap(PLAN, 'for 1 h', 'for 12 h'));
    });

    test('ten expected errors are enough; a few requests fewer are not, and never read as ten', async () => {
        await silent(swap(PLAN, '200_000 req/day', '2_400_000 req/day'), CODE);
        expect(await messageOf(swap(PLAN, '200_000 req/day', '2_399_000 req/day'), CODE))
            .toBe('stage 1 % for 1 h sees about 999 requests (2,399,000 req/day × 1 % × 1 h): at `error_rate > 1 %` that is 9.99 expected errors, too few to decide a rollback; a stage of 2 h would see about 1,999 requests');
    });

    test('a plain ratio on a `%` metric is the same threshold', async () => {
        const text = swap(PLAN, 'error_rate > 1 %', 'error_rate > 0.01');
        expect(await messageOf(text, CODE)).toBe('stage 1 % for 1 h sees about 83 requests (200,000 req/day × 1 % × 1 h): at `error_rate > 0.01` that is 0.833 expected errors, too few to decide a rollback; a stage of 12 h would see about 1,000 requests');
    });

    test('any other metric needs 100 requests: 100 are enough, 99 are not', async () => {
        const latency = swap(PLAN, 'error_rate > 1 %', 'latency_p99 > 300 ms');
        await silent(swap(latency, '200_000 req/day', '240_000 req/day'), CODE);
        const text = swap(latency, '200_000 req/day', '239_000 req/day');
        const diagnostic = await only(text, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, 'stage 1 % for 1 h')}`]);
        expect(diagnostic.message).toBe('stage 1 % for 1 h sees about 99 requests (239,000 req/day × 1 % × 1 h): for `latency_p99 > 300 ms` that is fewer than 100 requests, too few to decide a rollback; a stage of 2 h would see about 199 requests');
    });

    test('one finding per stage, naming every condition it cannot judge; the fix satisfies them all', async () => {
        const text = swap(swap(PLAN, 'error_rate > 1 %', 'error_rate > 1 % or latency_p99 > 300 ms'), 'stage 100 %', 'stage 10 % for 1 h stage 100 %');
        const diagnostics = await raised(text, CODE);
        expect(found(diagnostics, CODE)).toEqual([`${CODE}@${rangeAt(text, 'stage 1 % for 1 h')}`, `${CODE}@${rangeAt(text, 'stage 10 % for 1 h')}`]);
        expect(diagnostics[0].message).toBe('stage 1 % for 1 h sees about 83 requests (200,000 req/day × 1 % × 1 h): at `error_rate > 1 %` that is 0.833 expected errors; for `latency_p99 > 300 ms` that is fewer than 100 requests, too few to decide a rollback; a stage of 12 h would see about 1,000 requests');
        expect(diagnostics[1].message).toBe('stage 10 % for 1 h sees about 833 requests (200,000 req/day × 10 % × 1 h): at `error_rate > 1 %` that is 8.33 expected errors, too few to decide a rollback; a stage of 2 h would see about 1,667 requests');
    });

    test('past 48 hours the fix counts whole days', async () => {
        const text = swap(PLAN, '200_000 req/day', '30_000 req/day');
        expect(await messageOf(text, CODE)).toMatch(/; a stage of 4 d would see about 1,200 requests$/);
        expect(await fixed(text, CODE, 'Lengthen the stage to 4 d (about 1,200 requests)')).toBe(swap(text, 'for 1 h', 'for 4 d'));
        // 1,000 requests at 20,000 req/day × 1 % take exactly 5 days.
        expect(await messageOf(swap(PLAN, '200_000 req/day', '20_000 req/day'), CODE)).toMatch(/; a stage of 5 d would see about 1,000 requests$/);
    });

    test('silent when a figure is missing: no volume, no `for`, no rollback condition, an unknown metric, a zero threshold', async () => {
        await silent(swap(PLAN, '  serving { volume 200_000 req/day }\n', ''), CODE);
        await silent(swap(PLAN, 'stage 1 % for 1 h', 'stage 1 %'), CODE);
        await silent(swap(PLAN, ' rollback when error_rate > 1 %', ''), CODE);
        await silent(swap(PLAN, 'error_rate > 1 %', 'error_rate > 0 %'), CODE);
        const { diagnostics } = await check(services, swap(PLAN, 'error_rate > 1 %', 'nothing > 1 %'));
        expect(found(diagnostics, CODE)).toEqual([]);
    });

    test('a trickle of traffic: the message, but no fix when no stage of ten years would do', async () => {
        const text = swap(PLAN, '200_000 req/day', '0.000001 req/day');
        expect(await messageOf(text, CODE)).toBe('stage 1 % for 1 h sees about 0.000000000416 requests (0.000001 req/day × 1 % × 1 h): at `error_rate > 1 %` that is 0.00000000000416 expected errors, too few to decide a rollback');
        expect(await fixTitles(text, CODE)).toEqual([]);
        expect(await messageOf(swap(PLAN, '200_000 req/day', '0 req/day'), CODE)).toMatch(/^stage 1 % for 1 h sees about 0 requests \(0 req\/day × 1 % × 1 h\): at `error_rate > 1 %` that is 0 expected errors, too few to decide a rollback$/);
    });
});

describe('rollback-unobservable', () => {
    const CODE = 'rollback-unobservable';
    const PLAN = `plan P {
  metric auc { kind ml better higher }
  metric churn_rate { kind business unit % better lower }
  metric error_rate { kind software unit % better lower }
  dataset train { labels after 30 d }
  model m { trains on train }
  serving { mode realtime }
  rollout { strategy canary stage 10 % for 3 d stage 1 % for 2 d stage 100 % rollback when auc < 0.7 or error_rate > 1 % or churn_rate > 5 % }
}`;

    test('conditions on ml and business metrics, labels later than the shortest stage: a warning on each', async () => {
        const diagnostics = await raised(PLAN, CODE);
        expect(found(diagnostics, CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'auc < 0.7')}`, `${CODE}@${rangeAt(PLAN, 'churn_rate > 5 %')}`]);
        expect(diagnostics.map(d => d.severity)).toEqual([WARNING, WARNING]);
        expect(diagnostics[0].message).toBe('`rollback when auc < 0.7` is on ml metric `auc`, known only once labels arrive: `train`, which model `m` trains on, has `labels after 30 d`, and 30 d is longer than the shortest stage, `stage 1 % for 2 d`: the condition cannot be known before that stage ends');
        expect(diagnostics[1].message).toBe('`rollback when churn_rate > 5 %` is on business metric `churn_rate`, known only once labels arrive: `train`, which model `m` trains on, has `labels after 30 d`, and 30 d is longer than the shortest stage, `stage 1 % for 2 d`: the condition cannot be known before that stage ends');
    });

    test('a delay equal to the shortest stage is not longer; an hour more is', async () => {
        await silent(swap(PLAN, 'labels after 30 d', 'labels after 2 d'), CODE);
        await silent(swap(PLAN, 'labels after 30 d', 'labels after 48 h'), CODE);
        expect((await raised(swap(PLAN, 'labels after 30 d', 'labels after 49 h'), CODE))[0].message)
            .toBe('`rollback when auc < 0.7` is on ml metric `auc`, known only once labels arrive: `train`, which model `m` trains on, has `labels after 49 h`, and 49 h (2.04 d) is longer than the shortest stage, `stage 1 % for 2 d`: the condition cannot be known before that stage ends');
    });

    test('the dataset whose labels arrive last is named', async () => {
        const text = swap(swap(PLAN, 'dataset train { labels after 30 d }', 'dataset a { labels after 5 d }\n  dataset b { labels after 60 d }\n  dataset c { }'), 'trains on train', 'trains on a, b, c');
        expect((await raised(text, CODE))[0].message).toMatch(/: `b`, which model `m` trains on, has `labels after 60 d`, and 60 d is longer/);
    });

    test('silent when a figure is missing: no stage with `for`, no label delay, no served model', async () => {
        await silent(swap(PLAN, 'stage 10 % for 3 d stage 1 % for 2 d', 'stage 10 % stage 50 %'), CODE);
        await silent(swap(PLAN, 'dataset train { labels after 30 d }', 'dataset train { }'), CODE);
        await silent(swap(PLAN, 'model m { trains on train }', 'model m { trains on train }\n  model n { }'), CODE);
    });

    test('without a serving block the plan\'s only model is the served one (LANGUAGE.md 4.3)', async () => {
        expect(found(await raised(swap(PLAN, '  serving { mode realtime }\n', ''), CODE), CODE)).toHaveLength(2);
    });
});

describe('alert-after-rollback', () => {
    const CODE = 'alert-after-rollback';
    const PLAN = `plan P {
  metric error_rate { kind software unit % better lower }
  metric success_rate { kind software unit % better higher }
  rollout { strategy canary stage 100 % rollback when error_rate > 1 % or success_rate < 99 % }
  monitoring { alert error_rate > 2 % notify "#oncall" }
}`;

    test('an alert above the rollback threshold: a warning on the alert, and a fix that alerts at the threshold', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'alert error_rate > 2 % notify "#oncall"')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('`alert error_rate > 2 %` fires only past the rollback threshold `error_rate > 1 %`: 2 % is above 1 %, so nobody is told until after the rollout should have been rolled back');
        const trip = await roundTrip(editor, PLAN, CODE, { replaces: true });
        expect(trip.action.title).toBe("Alert at '1 %', the rollback threshold");
        expect(onlyEdit(trip).newText).toBe('1 %');
        expect(trip.fixed).toBe(swap(PLAN, 'alert error_rate > 2 %', 'alert error_rate > 1 %'));
    });

    test('conditions that fire below: an alert below the rollback threshold', async () => {
        const text = swap(PLAN, 'alert error_rate > 2 % notify "#oncall"', 'alert success_rate < 98 %');
        const diagnostic = await only(text, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, 'alert success_rate < 98 %')}`]);
        expect(diagnostic.message).toBe('`alert success_rate < 98 %` fires only past the rollback threshold `success_rate < 99 %`: 98 % is below 99 %, so nobody is told until after the rollout should have been rolled back');
        await silent(swap(text, '< 98 %', '<= 99 %'), CODE);
    });

    test('an alert at the threshold (`>=` against `>` included) or before it is in time; a hundredth of a percent later is not', async () => {
        await silent(swap(PLAN, '> 2 %', '> 1 %'), CODE);
        await silent(swap(PLAN, '> 2 %', '>= 1 %'), CODE);
        await silent(swap(PLAN, '> 2 %', '> 0.5 %'), CODE);
        expect(await messageOf(swap(PLAN, '> 2 %', '> 1.01 %'), CODE)).toMatch(/: 1\.01 % is above 1 %, so/);
    });

    test('a plain ratio is compared in base units, and the fix writes the threshold as the rollback does', async () => {
        const text = swap(PLAN, '> 2 %', '> 0.02');
        expect(await messageOf(text, CODE)).toBe('`alert error_rate > 0.02` fires only past the rollback threshold `error_rate > 1 %`: 0.02 (2 %) is above 1 %, so nobody is told until after the rollout should have been rolled back');
        expect(await fixed(text, CODE, "Alert at '1 %', the rollback threshold")).toBe(swap(PLAN, 'alert error_rate > 2 %', 'alert error_rate > 1 %'));
        await silent(swap(PLAN, '> 2 %', '> 0.01'), CODE);
    });

    test('against the tightest rollback threshold on the metric', async () => {
        const text = swap(PLAN, 'error_rate > 1 % or', 'error_rate > 3 % or error_rate > 1 % or');
        expect(await messageOf(text, CODE)).toMatch(/past the rollback threshold `error_rate > 1 %`: 2 % is above 1 %/);
    });

    test('near misses: opposite directions, another metric, no rollback', async () => {
        await silent(swap(PLAN, 'alert error_rate > 2 %', 'alert error_rate < 2 %'), CODE);
        await silent(swap(PLAN, 'alert error_rate > 2 %', 'alert success_rate > 2 %'), CODE);
        await silent(swap(PLAN, ' rollback when error_rate > 1 % or success_rate < 99 %', ''), CODE);
    });
});

describe('absurd figures', () => {
    afterEach(() => vi.restoreAllMocks());

    const ABSURD = `plan P {
  metric error_rate { kind software unit % better lower }
  metric latency_p99 { kind software unit ms better lower }
  metric auc { kind ml better higher }
  dataset train { labels after ${HUGE} d }
  model m { trains on train compute gpu latency ${HUGE} ms evaluation { success latency_p99 <= ${HUGE} ms } }
  serving { volume ${HUGE} req/s peak ${HUGE} req/s compute cpu replicas ${HUGE} capacity 40 req/s }
  slo S { indicator latency_p99 <= 0.000001 ms objective 99 % window 28 d }
  rollout { strategy canary stage 1 % for 10000000 d stage 2 % for 1 h stage 100 % rollback when error_rate > 0.000001 % or auc < 0.7 or latency_p99 > ${HUGE} ms }
  monitoring { alert error_rate > ${HUGE} % alert latency_p99 > ${HUGE} s }
}`;

    test('no rule throws, no message shows NaN or Infinity, no fix fails', async () => {
        const failures = vi.spyOn(console, 'error');
        const { document, diagnostics } = await check(services, ABSURD);
        expect(unreadable(diagnostics)).toEqual([]);
        const facts = services.facts.PlanFacts.of(document);
        const reports: RuleReport[] = [];
        for (const rule of PRODUCTION_CHECKS) {
            rule.check!({ facts, report: report => reports.push(report) });
        }
        for (const { message } of reports) {
            expect(message).not.toMatch(/NaN|Infinity|undefined/);
        }
        const fixesOf = createFixer(facts, ABSURD, (rule, error) => expect.fail(`${rule.code}: ${String(error)}`));
        for (const diagnostic of diagnostics) {
            for (const fix of fixesOf(diagnostic)) {
                expect(applyTextEdits(ABSURD, fix.edits)).not.toMatch(/NaN|Infinity/);
            }
        }
        expect(failures).not.toHaveBeenCalled();
        // Figures past the largest number (stage requests, replicas × capacity) silence their rules.
        expect(found(diagnostics, 'capacity-below-peak')).toEqual([]);
        expect(found(diagnostics, 'rollout-stage-underpowered')).toEqual([]);
        expect(withCode(diagnostics, 'compute-target-mismatch')).toHaveLength(1);
        expect(withCode(diagnostics, 'inference-over-slo')).toHaveLength(1);
        expect(withCode(diagnostics, 'alert-after-rollback')).toHaveLength(2);
        expect(withCode(diagnostics, 'rollback-unobservable')).toHaveLength(1);
    });

    test('a stage of 10,000,000 days at an ordinary volume sees plenty', async () => {
        const text = `plan P {
  metric error_rate { kind software unit % better lower }
  serving { volume 2_000_000 req/day }
  rollout { strategy canary stage 1 % for 10000000 d stage 100 % rollback when error_rate > 1 % }
}`;
        await silent(text, 'rollout-stage-underpowered');
    });
});
