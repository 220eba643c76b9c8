// The cross-checks of LANGUAGE.md 4.3: each raised at the exact node the contract names, with its
// arithmetic in the message, and a near miss that raises nothing.
import { describe, expect, test } from 'vitest';
import { found, rangeAt, unreadable, withCode } from '../support/diagnostics.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

describe('evaluation-missing-label', () => {
    const plan = (holdoutFields: string) => `plan P {
  metric auc { kind ml better higher }
  dataset train { source "t" fields { tenure number  churned boolean label } }
  dataset holdout { source "h"${holdoutFields} }
  model m { trains on train features tenure evaluation { on holdout success auc >= 0.8 } }
}`;

    test('an evaluation dataset without a label field is an error on `on`, naming its fields', async () => {
        const text = plan(' fields { tenure number  region category }');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'evaluation-missing-label')).toEqual([`evaluation-missing-label@${rangeAt(text, 'holdout', 2)}`]);
        const [diagnostic] = withCode(diagnostics, 'evaluation-missing-label');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toBe('evaluation dataset `holdout` has no `label` field (fields: `tenure`, `region`): nothing to score the model\'s predictions against; flag its ground-truth field with `label`');
    });

    test('the dataset may come from an imported catalog; the finding stays on the plan\'s `on`', async () => {
        const text = 'import "./c.mlplan"\nplan P {\n  metric auc { kind ml better higher }\n  model m { evaluation { on holdout success auc >= 0.8 } }\n}';
        const { diagnostics } = await check(services, text, { files: { 'c.mlplan': 'catalog C { dataset holdout { source "h" fields { x number } } }' } });
        expect(found(diagnostics, 'evaluation-missing-label')).toEqual([`evaluation-missing-label@${rangeAt(text, 'holdout')}`]);
    });

    test('near misses: a label field, or a dataset that lists no fields at all', async () => {
        for (const fields of [' fields { tenure number  churned boolean label }', '']) {
            const { diagnostics } = await check(services, plan(fields));
            expect(unreadable(diagnostics)).toEqual([]);
            expect(found(diagnostics, 'evaluation-missing-label'), fields).toEqual([]);
        }
    });
});
