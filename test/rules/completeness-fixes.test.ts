// Quick-fixes of the v2 completeness rules (LANGUAGE.md 4.1, last column): applied, each removes its
// diagnostic, raises nothing new and keeps every character the user wrote. (The v1 rules' fixes are
// round-tripped in test/lsp/code-actions*.test.ts.)
import { describe, expect, test } from 'vitest';
import { check, createEditorTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';
import { codeActions, onlyEdit, roundTrip } from '../lsp/fix-support.js';
import { EXAMPLE, blockBounds, lineWith, replace } from './completeness-support.js';

const services = createEditorTestServices();

/** `text` without the block whose header starts with `start`, and the blank line before it. */
function withoutBlock(text: string, start: string): string {
    const from = text.indexOf(start);
    const { close } = blockBounds(text, start);
    return text.slice(0, text.lastIndexOf('\n', text.lastIndexOf('\n', from) - 1)) + text.slice(close + 1);
}

describe('business-kpi-missing', () => {
    test('a kpi on the first business metric goes into the first objective', async () => {
        const text = replace(EXAMPLE, 'kpi churn_rate <= 3.5 % by 2026-12-31', 'kpi auc >= 0.8');
        const trip = await roundTrip(services, text, 'business-kpi-missing');
        expect(trip.action.title).toBe("Add 'kpi churn_rate <= 10 %'");
        expect(onlyEdit(trip).newText).toBe('    kpi churn_rate <= 10 %\n');
        const objective = trip.fixed.slice(trip.fixed.indexOf('objective ReduceChurn'), blockBounds(trip.fixed, 'objective ReduceChurn').close + 1);
        expect(objective).toContain('    stakeholder "Head of Retention"\n    kpi churn_rate <= 10 %\n  }');
    });

    test('without any business metric, one is declared with the kpi', async () => {
        const text = 'plan P {\n  owner ana\n  person ana\n  metric auc { kind ml better higher }\n  objective First { kpi auc >= 0.8 }\n  objective Second { kpi auc >= 0.9 }\n}\n';
        const trip = await roundTrip(services, text, 'business-kpi-missing');
        expect(trip.action.title).toBe("Add 'kpi kpi_metric >= 90 %' (declares 'metric kpi_metric')");
        expect(trip.fixed).toContain('objective First { kpi auc >= 0.8\n    kpi kpi_metric >= 90 %\n  }');
        expect(trip.fixed).toContain('metric kpi_metric { kind business unit % better higher description "TODO: what is measured" }');
    });

    test('no fix when the plan\'s objectives all come from an import', async () => {
        const files = { 'other.mlplan': 'plan Other { metric auc { kind ml } objective O { kpi auc >= 0.8 } }' };
        const { document, diagnostics } = await check(services, 'import "./other.mlplan"\nplan P { }', { files });
        const actions = await codeActions(services, document, withCode(diagnostics, 'business-kpi-missing'));
        expect(actions.map(a => a.title)).toEqual([expect.stringMatching(/^Ignore/)]);
    });
});

describe('persona-missing', () => {
    test('a persona skeleton at the end of the plan', async () => {
        const text = withoutBlock(EXAMPLE, '  persona retention_agent {').replace('    for retention_agent\n', '');
        const trip = await roundTrip(services, text, 'persona-missing');
        expect(trip.action.title).toBe("Add 'persona primary_user'");
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  persona primary_user {',
            '    description "TODO: who uses the predictions"',
            '    decision "TODO: what they decide from a prediction"',
            '  }',
            '',
        ].join('\n'));
    });
});

describe('milestone-owner-missing', () => {
    const text = replace(EXAMPLE, lineWith(EXAMPLE, 'milestone Shadow'), 'milestone Shadow    { due 2026-03-01 after Prototype }');

    test('the plan\'s owner owns the milestone', async () => {
        const trip = await roundTrip(services, text, 'milestone-owner-missing');
        expect(trip.action.title).toBe("Add 'owner ana'");
        expect(trip.fixed).toContain('milestone Shadow    { due 2026-03-01 after Prototype\n    owner ana\n  }');
    });

    test('without a plan owner, a placeholder person is declared (owner-missing stays the plan\'s own finding)', async () => {
        const plan = 'plan P {\n  stage growth\n  milestone M { due 2026-01-01 }\n}\n';
        const trip = await roundTrip(services, plan, 'milestone-owner-missing');
        expect(trip.action.title).toBe("Add 'owner owner_tbd' (declares 'person owner_tbd')");
        expect(trip.fixed).toContain('milestone M { due 2026-01-01\n    owner owner_tbd\n  }');
        expect(trip.fixed).toContain('person owner_tbd { name "TODO: who delivers the milestone" }');
        expect(withCode(trip.after, 'owner-missing')).toHaveLength(1);
    });

    test('an owner written but not resolving is not reused', async () => {
        const plan = 'plan P {\n  stage growth\n  owner nobody\n  milestone M { due 2026-01-01 }\n}\n';
        const trip = await roundTrip(services, plan, 'milestone-owner-missing');
        expect(trip.action.title).toBe("Add 'owner owner_tbd' (declares 'person owner_tbd')");
    });
});

describe('label-delay-missing', () => {
    test('no mechanical fix: only the team knows its labels\' delay', async () => {
        const { document, diagnostics } = await check(services, EXAMPLE.replace(lineWith(EXAMPLE, 'labels after'), ''));
        const found = withCode(diagnostics, 'label-delay-missing');
        expect(found).toHaveLength(1);
        const actions = await codeActions(services, document, found);
        expect(actions.map(a => a.title)).toEqual([expect.stringMatching(/^Ignore/)]);
    });
});
