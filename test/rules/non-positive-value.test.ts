// non-positive-value: the properties that model/property-units.ts marks `positive` (serving
// `capacity` and `replicas`, labeling `rate`, model `latency`) must be above zero, and a count
// (`replicas`) whole. Each on the value, with the value in the message; zero and negatives fire,
// the smallest positive value does not; a wrong unit is left to unit-mismatch.
import { describe, expect, test } from 'vitest';
import { PROPERTY_UNITS } from '../../server/src/model/property-units.js';
import { nonPositiveValue } from '../../server/src/rules/consistency/non-positive-value.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { found, locatedWithMessage, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { check, createEditorTestServices } from '../support/services.js';
import { codeActions, onlyEdit, roundTrip } from '../lsp/fix-support.js';

const services = createEditorTestServices();
const CODE = 'non-positive-value';

const plan = (values: { capacity?: string; replicas?: string; rate?: string; latency?: string } = {}) => `plan P {
  dataset d { source "s" size 1_000 rows labeling in-house { rate ${values.rate ?? '500 rows/day'} } }
  model m { latency ${values.latency ?? '40 ms'} }
  serving {
    replicas ${values.replicas ?? '3'}
    capacity ${values.capacity ?? '40 req/s'}
  }
}`;

async function diagnosticsOf(text: string) {
    const { diagnostics } = await check(services, text);
    expect(unreadable(diagnostics), text).toEqual([]);
    return withCode(diagnostics, CODE);
}

describe('non-positive-value', () => {
    test('is registered as a consistency error, driven by the `positive` flags of the property table', () => {
        expect(RULES_BY_CODE.get(CODE)).toBe(nonPositiveValue);
        expect(nonPositiveValue.severity).toBe('error');
        const flagged = Object.entries(PROPERTY_UNITS).flatMap(([type, props]) => Object.entries(props).filter(([, spec]) => spec.positive).map(([p]) => `${type}.${p}`));
        expect(flagged.sort()).toEqual(['LabelingEffort.rate', 'Model.latency', 'Retrain.every', 'Serving.capacity', 'Serving.replicas']);
    });

    test('a zero capacity: an error on the value, saying what it means', async () => {
        const text = plan({ capacity: '0 req/s' });
        const [diagnostic, ...rest] = await diagnosticsOf(text);
        expect(rest).toEqual([]);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, '0 req/s')}`]);
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toBe('serving `capacity` is 0 req/s: a replica that serves nothing; give its sustained throughput (above zero)');
    });

    test('each positive property, at zero and below', async () => {
        const cases: Array<[NonNullable<Parameters<typeof plan>[0]>, string, string]> = [
            [{ capacity: '-5 req/min' }, '-5 req/min', 'serving `capacity` is -5 req/min: it cannot be negative; give its sustained throughput (above zero)'],
            [{ rate: '0 rows/day' }, '0 rows/day', 'labeling `rate` is 0 rows/day: labeling that never finishes; give the rows labeled per day (above zero)'],
            [{ rate: '-100 rows/h' }, '-100 rows/h', 'labeling `rate` is -100 rows/h: it cannot be negative; give the rows labeled per day (above zero)'],
            [{ latency: '0 ms' }, '0 ms', 'model `latency` is 0 ms: an inference that takes no time at all; give the expected time per request (above zero)'],
            [{ latency: '-0.5 s' }, '-0.5 s', 'model `latency` is -0.5 s: it cannot be negative; give the expected time per request (above zero)'],
            [{ replicas: '0' }, '0', 'serving `replicas` is 0: nothing would serve requests; give the number of replicas (at least 1)'],
            [{ replicas: '-2' }, '-2', 'serving `replicas` is -2: it cannot be negative; give the number of replicas (at least 1)'],
        ];
        for (const [values, written, message] of cases) {
            const text = plan(values);
            const diagnostics = await diagnosticsOf(text);
            const property = Object.keys(values)[0];
            expect(diagnostics.map(locatedWithMessage), written).toEqual([`${CODE}@${rangeWithin(text, `${property} ${written}`, written)} ${message}`]);
        }
    });

    test('a fractional replica count: the same code, its own message', async () => {
        const text = plan({ replicas: '2.5' });
        const [diagnostic] = await diagnosticsOf(text);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, '2.5')}`]);
        expect(diagnostic.message).toBe('serving `replicas` is 2.5: a count is a whole number (at least 1); write 2 or 3');
        const [small] = await diagnosticsOf(plan({ replicas: '0.5' }));
        expect(small.message).toBe('serving `replicas` is 0.5: a count is a whole number (at least 1); write 1');
    });

    test('near misses: the smallest positive values, a whole count of 1, and `1.0`', async () => {
        const silent = [
            plan(),
            plan({ capacity: '0.001 req/s', rate: '0.1 rows/day', latency: '0.01 ms', replicas: '1' }),
            plan({ replicas: '1.0' }),
        ];
        for (const text of silent) {
            expect(await diagnosticsOf(text), text).toEqual([]);
        }
    });

    test('a value in a wrong unit is unit-mismatch\'s, not this rule\'s', async () => {
        const { diagnostics } = await check(services, plan({ capacity: '0', replicas: '0 req/s', latency: '0 %' }));
        expect(found(diagnostics, CODE)).toEqual([]);
        expect(found(diagnostics, 'unit-mismatch')).toHaveLength(3);
    });

    test('values in an imported catalog are the catalog\'s to report', async () => {
        const text = 'import "./c.mlplan"\nplan P {\n  model m { trains on d }\n}';
        const { diagnostics } = await check(services, text, { files: { 'c.mlplan': 'catalog C { dataset d { source "s" labeling in-house { rate 0 rows/day } } }' } });
        expect(found(diagnostics, CODE)).toEqual([]);
    });

    test('fix: a fractional count is rounded up, replacing only the number', async () => {
        const trip = await roundTrip(services, plan({ replicas: '2.5' }), CODE, { replaces: true });
        expect(trip.action.title).toBe("Round up to '3'");
        expect(onlyEdit(trip).newText).toBe('3');
        expect(trip.fixed).toBe(plan({ replicas: '3' }));
    });

    test('`retrain every 0 d`: a model retrained without pause', async () => {
        const text = 'plan P {\n  model m { retrain every 0 d }\n}';
        const [diagnostic, ...rest] = await diagnosticsOf(text);
        expect(rest).toEqual([]);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, '0 d')}`]);
        expect(diagnostic.message).toBe('`retrain every` is 0 d: a model retrained without pause; give the time between retrainings (above zero)');
    });

    test('no fix for zero or negative values: only the team knows the figure', async () => {
        const { document, diagnostics } = await check(services, plan({ capacity: '0 req/s' }));
        const actions = await codeActions(services, document, withCode(diagnostics, CODE));
        expect(actions.map(a => a.title)).toEqual([`Ignore '${CODE}' on this line`]);
    });

    test('absurd values never throw nor print NaN or Infinity', async () => {
        const huge = `9${'9'.repeat(307)}`;
        for (const values of [{ capacity: `-${huge} req/s` }, { replicas: `${huge}.5` }, { replicas: `-${huge}` }, { latency: `-${huge} d` }, { rate: '-0 rows/day' }]) {
            const text = plan(values);
            const diagnostics = await diagnosticsOf(text);
            for (const diagnostic of diagnostics) {
                expect(diagnostic.message).not.toMatch(/NaN|Infinity|undefined/);
            }
            expect(diagnostics.length, text).toBeLessThanOrEqual(1);
        }
    });
});
