import { describe, expect, test } from 'vitest';
import { found, rangeAt, unreadable, withCode } from '../support/diagnostics.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

describe('duplicate-name', () => {
    test('a second local declaration with a taken name, of any kind, is reported on its name', async () => {
        const text = `plan P {
  person ana
  metric auc { kind ml }
  metric auc { kind ml }
  team ana { members ana }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'duplicate-name')).toEqual([
            `duplicate-name@${rangeAt(text, 'auc', 2)}`,
            `duplicate-name@${rangeAt(text, 'ana', 2)}`,
        ]);
        const [auc, team] = withCode(diagnostics, 'duplicate-name');
        expect(auc.message).toContain('line 3');
        expect(team.message).toContain('a person');
        expect(team.severity).toBe(1);
    });

    test('a local name that an imported file declares too is reported on the local one, naming the file', async () => {
        const text = `import "./lib/catalog.mlplan"
plan P {
  metric auc { kind ml }
}`;
        const { diagnostics } = await check(services, text, {
            files: { 'lib/catalog.mlplan': 'catalog C { metric auc { kind ml } person ana }' },
        });
        expect(found(diagnostics, 'duplicate-name')).toEqual([`duplicate-name@${rangeAt(text, 'auc')}`]);
        expect(withCode(diagnostics, 'duplicate-name')[0].message).toContain('`lib/catalog.mlplan`');
    });

    test('two imported files declaring one name: reported on the import that brings the second', async () => {
        const text = `import "./a.mlplan"
import "./b.mlplan"
plan P { owner ana }`;
        const { diagnostics } = await check(services, text, {
            files: { 'a.mlplan': 'catalog A { person ana }', 'b.mlplan': 'catalog B { person ana }' },
        });
        expect(found(diagnostics, 'duplicate-name')).toEqual([`duplicate-name@${rangeAt(text, '"./b.mlplan"')}`]);
        expect(withCode(diagnostics, 'duplicate-name')[0].message).toMatch(/`a\.mlplan`.*`b\.mlplan`/);
    });

    test('two fields of one dataset with the same name are a duplicate; the same field in two datasets is not', async () => {
        const text = `plan P {
  dataset a { fields { region category  region text } }
  dataset b { fields { region category } }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'duplicate-name')).toEqual([`duplicate-name@${rangeAt(text, 'region', 2)}`]);
    });

    test('near miss: distinct names, a name equal to a keyword, and a diamond import of one catalog', async () => {
        const text = `import "./x.mlplan"
import "./y.mlplan"
plan P {
  person ana
  team retention { members ana }
  metric stage { kind ml }
  metric auc { kind ml }
  dataset d { fields { date date } }
}`;
        const { diagnostics } = await check(services, text, {
            files: {
                'x.mlplan': 'import "./base.mlplan"\ncatalog X { person raj }',
                'y.mlplan': 'import "./base.mlplan"\ncatalog Y { person eve }',
                'base.mlplan': 'catalog Base { metric latency { kind software unit ms } }',
            },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'duplicate-name')).toEqual([]);
    });
});

describe('duplicate-property', () => {
    test('a single-valued property written twice is reported on the second keyword', async () => {
        const text = `plan P {
  title "one"
  title "two"
  dataset d { source "a" fields { x number } source "b" fields { y number } }
  model m { trains on d trains on d evaluation { on d } evaluation {
    on d
    on d } }
  team t { members a members b }
  person a person b
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'duplicate-property')).toEqual([
            `duplicate-property@${rangeAt(text, 'title', 2)}`,
            `duplicate-property@${rangeAt(text, 'source', 2)}`,
            `duplicate-property@${rangeAt(text, 'fields', 2)}`,
            `duplicate-property@${rangeAt(text, 'trains', 2)}`,
            `duplicate-property@${rangeAt(text, 'evaluation', 2)}`,
            `duplicate-property@${rangeAt(text, 'on d } }', 1, 2)}`,
            `duplicate-property@${rangeAt(text, 'members', 2)}`,
        ]);
        const title = withCode(diagnostics, 'duplicate-property')[0];
        expect(title.message).toContain('plan `P`');
        expect(title.message).toContain('line 2');
    });

    test('repeatable properties may repeat, and a keyword used as a name does not count', async () => {
        const text = `plan title {
  title "t"
  owner title
  person title
  metric auc { kind ml }
  objective o { kpi auc >= 0.7 kpi auc >= 0.8 stakeholder "a" stakeholder "b" }
  dataset source { source "s" fields { date date stage number } check unique date check unique stage }
  baseline b { expect auc = 0.6 expect auc = 0.61 }
  model m { trains on source retrain on drift evaluation { on source success auc >= 0.9 success auc >= 0.95 slice by date slice by stage } }
  rollout { stage 1 % stage 100 % }
  monitoring { drift predictions ks > 0.1 drift predictions psi > 0.2 alert auc < 0.5 alert auc < 0.4 }
  milestone m1 { deliverable "a" deliverable "b" }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'duplicate-property')).toEqual([]);
    });
});

describe('duplicate-block', () => {
    test('a second serving, rollout, monitoring or budget block is reported on its keyword', async () => {
        const text = `plan P {
  serving { mode batch }
  rollout { strategy canary }
  serving { mode realtime }
  monitoring { dashboard "a" }
  budget { serving 10 USD/month }
  monitoring { dashboard "b" }
  budget { total 10 USD }
  rollout { strategy shadow }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'duplicate-block')).toEqual([
            `duplicate-block@${rangeAt(text, 'serving', 2)}`,
            `duplicate-block@${rangeAt(text, 'rollout', 2)}`,
            `duplicate-block@${rangeAt(text, 'monitoring', 2)}`,
            `duplicate-block@${rangeAt(text, 'budget', 2)}`,
        ]);
        expect(withCode(diagnostics, 'duplicate-block')[0].message).toContain('line 2');
    });

    test('near miss: one of each block (and `serving` inside budget is a property)', async () => {
        const text = `plan P {
  serving { mode batch }
  rollout { strategy canary }
  monitoring { dashboard "a" }
  budget { serving 10 USD/month total 100 USD }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'duplicate-block')).toEqual([]);
    });
});
