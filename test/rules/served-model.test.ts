// served-model-unspecified: with several models, serving must say which one it runs, or the
// cross-checks that compare serving with its model stay silent.
import { describe, expect, test } from 'vitest';
import { found, rangeAt, withCode } from '../support/diagnostics.js';
import { check, createEditorTestServices } from '../support/services.js';
import { roundTrip } from '../lsp/fix-support.js';

const services = createEditorTestServices();

const plan = (models: string, serving: string) => `plan P {
${models}
  serving {
    mode realtime${serving}
  }
}
`;
const TWO = '  model Ranker { compute gpu }\n  model Retriever { compute cpu }';

describe('served-model-unspecified', () => {
    test('two models and no `serves`: a warning on the serving keyword naming both', async () => {
        const text = plan(TWO, '');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'served-model-unspecified')).toEqual([`served-model-unspecified@${rangeAt(text, 'serving')}`]);
        const [diagnostic] = withCode(diagnostics, 'served-model-unspecified');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('serving does not say which model it serves, and the plan has 2 (`Ranker`, `Retriever`): add `serves` so that serving can be checked against that model\'s compute, latency and data');
    });

    test('one model, or `serves` written: silent', async () => {
        for (const text of [plan('  model Ranker { compute gpu }', ''), plan(TWO, '\n    serves Ranker')]) {
            expect(found((await check(services, text)).diagnostics, 'served-model-unspecified')).toEqual([]);
        }
    });

    test('the fix offers one `serves` line per model, and the chosen one lands in the serving block', async () => {
        const trip = await roundTrip(services, plan(TWO, ''), 'served-model-unspecified', { title: "Add 'serves Retriever'" });
        expect(trip.fixed).toBe(plan(TWO, '\n    serves Retriever'));
        expect(found(trip.after, 'served-model-unspecified')).toEqual([]);
    });
});
