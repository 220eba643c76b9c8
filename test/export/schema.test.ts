import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { EXPORT_SCHEMA_ID, EXPORT_VERSION } from '../../server/src/export/export-model.js';
import { renderJson } from '../../server/src/export/index.js';
import { HOSTILE_PLAN } from './hostile-plan.js';
import { V2_PLAN } from './v2-plan.js';
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
    'every v2 construct': V2_PLAN,
    'v2 constructs half written, unresolved or out of range': `plan Odd2 {
  start 2026-02-30
  deployment replace
  persona p { }
  persona q { description "" decision "TODO" }
  objective o { value 12 EUR/month value 5 USD/year for p, ghost }
  objective o2 { value 3 days }
  dataset d { size 10 rows labeling crowdsourced { rate 0 rows/day cost 2 EUR/row } labels after 3 rows }
  dataset e { labeling none { } }
  model m { latency 3 req/s version "" registry "?" }
  model n { latency -5 ms }
  serving { serves ghost replicas 0 capacity 0 req/s volume 0 req/day cost 0 USD/req }
  rollout { starts after ghost shadow 1 h stage 50 % for 30 min stage 100 % for 0 d }
  milestone a { needs d, e, ghost }
  budget { total 5 EUR serving 1 USD/month labeling 1 EUR training 2 EUR }
}`,
    'a rollout past the calendar': `plan Far {
  start 9999-12-01
  deadline 9999-12-31
  dataset d { size 1_000_000 rows labeling in-house { rate 1 rows/day } }
  serving { volume 1 req/s }
  rollout { starts 9999-12-30 shadow 10 d stage 1 % for 10000000 d }
  milestone a { due 9999-12-31 needs d }
}`,
};

describe.each(Object.entries(ODD_PLANS))('the JSON of %s', (_name, text) => {
    test('validates against the schema', async () => {
        expectValid(renderJson(await modelOfText(text)));
    });
});

test('docs/export-json.md names every property of the schema', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/export-json.md'), 'utf8');
    const names = new Set<string>();
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
            node.forEach(walk);
        } else if (node && typeof node === 'object') {
            const properties = (node as { properties?: unknown }).properties;
            if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
                Object.keys(properties).forEach(name => names.add(name));
            }
            Object.values(node).forEach(walk);
        }
    };
    walk(schema);
    expect([...names].filter(name => !doc.includes(`\`${name}\``) && !doc.includes(`"${name}"`))).toEqual([]);
});

test('references carry name, kind and the declaring file', async () => {
    const model = await modelOfFile(path.join(EXAMPLES, 'fraud-detection.mlplan'));
    expect(model.owner).toEqual({ name: 'risk_ml', resolved: true, kind: 'team', file: 'shared/payments-catalog.mlplan' });
    expect(model.models[0].trainsOn).toEqual([{ name: 'authorisations', resolved: true, kind: 'dataset', file: 'shared/payments-catalog.mlplan' }]);
    expect(model.models[0].evaluation?.on).toEqual({ name: 'holdout_2025q4', resolved: true, kind: 'dataset', file: 'fraud-detection.mlplan' });
    expect(model.models[0].features[0]).toEqual({ name: 'amount', resolved: true, kind: 'field', file: 'shared/payments-catalog.mlplan', dataset: 'authorisations' });
    // Imported declarations the plan uses come along, marked; the catalog's others do not.
    const authorisations = model.datasets.find(d => d.name === 'authorisations');
    expect(authorisations).toMatchObject({ imported: true, file: 'shared/payments-catalog.mlplan', line: 17 });
    expect(authorisations?.documentation).toBe('Authorisations of Oct 2024 – Sep 2025 (every fraud, 1 in 250 of the rest), chargebacks joined after 90 days.');
    expect(model.persons.map(p => p.name)).toEqual(['lena', 'tomas', 'priya']);
});

test('derived figures are numbers with their unit and text', async () => {
    const model = await modelOfFile(path.join(EXAMPLES, 'fraud-detection.mlplan'));
    expect(model.serving?.derived.meanRate).toEqual({ value: expect.closeTo(347.222, 3), unit: 'req/s', text: '347.2 req/s' });
    expect(model.serving?.derived.monthlyCost).toEqual({ value: 1800, unit: 'USD/month', text: '1,800 USD/month', requestsPerMonth: 900_000_000 });
    expect(model.serving?.derived.budgetShare?.text).toBe('72 %');
    expect(model.serving?.derived.overBudget).toBe(false);
    expect(model.slos[0].errorBudget).toMatchObject({ value: expect.closeTo(2592, 6), unit: 's', text: '43.2 min', objective: 0.999 });
    expect(model.rollout?.totalDuration).toMatchObject({ value: 49 * 86_400, unit: 's', text: '7 w' });
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
