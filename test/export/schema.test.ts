import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { EXPORT_SCHEMA_ID, EXPORT_VERSION } from '../../server/src/export/export-model.js';
import { renderJson } from '../../server/src/export/index.js';
import { HOSTILE_PLAN } from './hostile-plan.js';
import { EXAMPLES, exampleFiles, modelOfFile, modelOfText, ROOT } from './support.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/mlplan-export.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

function expectValid(json: string): Record<string, unknown> {
    const data = JSON.parse(json) as Record<string, unknown>;
    const valid = validate(data);
    expect(valid, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
    return data;
}

test('the schema names the version the exporter writes', () => {
    expect(schema.$id).toBe(EXPORT_SCHEMA_ID);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((schema.properties as Record<string, { const?: unknown }>).mlplanExportVersion.const).toBe(EXPORT_VERSION);
});

describe.each(exampleFiles())('the JSON of %s', example => {
    test('validates against schemas/mlplan-export.schema.json', async () => {
        const data = expectValid(renderJson(await modelOfFile(path.join(EXAMPLES, example))));
        expect(data.$schema).toBe(EXPORT_SCHEMA_ID);
        expect(data.mlplanExportVersion).toBe(1);
    });
});

const ODD_PLANS: Record<string, string> = {
    'an empty plan': 'plan Empty { }',
    'a catalog': 'catalog C { person p { name "P" } metric m { kind ml } }',
    'unresolved references, unknown units and invalid dates': `plan Odd {
  owner nobody
  deadline 2026-02-30
  metric m { kind software unit ms better lower }
  objective o { kpi missing_metric <= 3 days by 2026-13-01 }
  dataset d { fields { f number } check missing g < 1 % check range f from 1 to 0 }
  model x { trains on nothing features d.f, zz retrain on drift evaluation { on d success m <= 30 days slice by f } }
  serving { volume 10 req/s peak 3 req/s cost 5 EUR/month fallback "a \\"quoted\\" text" }
  budget { serving 1 USD/month }
  slo s { indicator m <= 100 ms objective 100 % window 1 w }
  rollout { stage 50 % stage 10 % rollback when m > 1 ms and unknown > 2 % }
  monitoring { drift predictions ks > 0.1 drift d.f psi > 0.2 alert m > 2 ms dashboard "http://intranet/d" log inputs }
  milestone a { after b }
  milestone b { after a due 2026-01-01 }
}`,
    'a hostile plan': HOSTILE_PLAN,
};

describe.each(Object.entries(ODD_PLANS))('the JSON of %s', (_name, text) => {
    test('validates against the schema', async () => {
        expectValid(renderJson(await modelOfText(text)));
    });
});

test('references carry name, kind and the declaring file', async () => {
    const model = await modelOfFile(path.join(EXAMPLES, 'fraud-detection.mlplan'));
    expect(model.owner).toEqual({ name: 'risk_ml', resolved: true, kind: 'team', file: 'shared/payments-catalog.mlplan' });
    expect(model.models[0].trainsOn).toEqual([{ name: 'authorisations', resolved: true, kind: 'dataset', file: 'shared/payments-catalog.mlplan' }]);
    expect(model.models[0].evaluation?.on).toEqual({ name: 'holdout_2026q2', resolved: true, kind: 'dataset', file: 'fraud-detection.mlplan' });
    expect(model.models[0].features[0]).toEqual({ name: 'amount', resolved: true, kind: 'field', file: 'shared/payments-catalog.mlplan', dataset: 'authorisations' });
    // Imported declarations the plan uses come along, marked; the catalog's others do not.
    const authorisations = model.datasets.find(d => d.name === 'authorisations');
    expect(authorisations).toMatchObject({ imported: true, file: 'shared/payments-catalog.mlplan', line: 17 });
    expect(authorisations?.documentation).toBe('Card authorisations with chargeback labels, joined after 90 days.');
    expect(model.persons.map(p => p.name)).toEqual(['lena', 'tomas', 'priya']);
});

test('derived figures are numbers with their unit and text', async () => {
    const model = await modelOfFile(path.join(EXAMPLES, 'fraud-detection.mlplan'));
    expect(model.serving?.derived.meanRate).toEqual({ value: expect.closeTo(347.222, 3), unit: 'req/s', text: '347.2 req/s' });
    expect(model.serving?.derived.monthlyCost).toEqual({ value: 1800, unit: 'USD/month', text: '1,800 USD/month', requestsPerMonth: 900_000_000 });
    expect(model.serving?.derived.budgetShare?.text).toBe('72 %');
    expect(model.serving?.derived.overBudget).toBe(false);
    expect(model.slos[0].errorBudget).toMatchObject({ value: expect.closeTo(2592, 6), unit: 's', text: '43.2 min', objective: 0.999 });
    expect(model.rollout?.totalDuration).toMatchObject({ value: 22 * 86_400, unit: 's', text: '22 d' });
});

test('unresolved references say so; a non-http dashboard has no url', async () => {
    const model = await modelOfText(ODD_PLANS['unresolved references, unknown units and invalid dates']);
    expect(model.owner).toEqual({ name: 'nobody', resolved: false, kind: null, file: null });
    expect(model.objectives[0].kpis[0].value).toEqual({ value: 3, unit: 'days', text: '3 days', known: false });
    expect(model.monitoring?.dashboard).toEqual({ text: 'http://intranet/d', url: 'http://intranet/d' });
    expect(model.serving?.fallback).toEqual({ kind: 'text', text: 'a "quoted" text' });
    expect(model.diagnostics.some(d => d.code === 'unresolved-reference')).toBe(true);
    const hostile = await modelOfText(HOSTILE_PLAN);
    expect(hostile.monitoring?.dashboard).toEqual({ text: 'javascript:alert(1)', url: null });
});
