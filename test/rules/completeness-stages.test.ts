// Completeness rules that apply from `growth` or `maturity` (LANGUAGE.md 4.1): each raises at its
// stage and stays silent below it.
import { describe, expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { found, rangeWithin, withCode } from '../support/diagnostics.js';
import { EXAMPLE, atStage, completenessCodes, replace, without } from './completeness-support.js';

const services = createTestServices();

const MODEL_START = '  model ChurnGBM {';
const MONITORING = `monitoring {
    drift subscribers.tenure_months psi > 0.2
    drift predictions ks > 0.1
    alert latency_p99 > 200 ms notify "#churn-oncall"
    alert error_rate > 1 % notify "#churn-oncall"
    dashboard "https://grafana.example/d/churn"
    log predictions for 30 d
  }`;

/** Cut the block that starts with `start` (up to its matching closing brace) out of `text`. */
function withoutBlock(text: string, start: string): string {
    const from = text.indexOf(start);
    expect(from, `fixture lacks: ${start}`).toBeGreaterThanOrEqual(0);
    let depth = 0;
    for (let i = text.indexOf('{', from); i < text.length; i++) {
        depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
        if (depth === 0) {
            return text.slice(0, from) + text.slice(i + 1);
        }
    }
    throw new Error(`unbalanced block: ${start}`);
}

const PLAN_NAME = (text: string, code: string): string => `${code}@${rangeWithin(text, 'plan ChurnPrediction', 'ChurnPrediction')}`;

/** Raised on the plan name at `stage` (and above), silent below it. */
async function expectOnPlanNameFrom(code: string, text: string, stage: 'growth' | 'maturity', message: string): Promise<void> {
    const raised = await check(services, atStage(text, stage));
    expect(found(raised.diagnostics, code)).toEqual([PLAN_NAME(text, code)]);
    expect(withCode(raised.diagnostics, code)[0].message).toContain(message);
    if (stage === 'growth') {
        expect(found((await check(services, atStage(text, 'maturity'))).diagnostics, code)).toHaveLength(1);
    }
    const below = stage === 'growth' ? ['mvp'] as const : ['mvp', 'growth'] as const;
    for (const lower of below) {
        expect(withCode((await check(services, atStage(text, lower))).diagnostics, code), lower).toEqual([]);
    }
}

describe('model-missing (growth)', () => {
    test('no model: on the plan name from growth, silent at mvp', async () => {
        await expectOnPlanNameFrom('model-missing', withoutBlock(EXAMPLE, MODEL_START), 'growth', 'plan `ChurnPrediction` declares no model');
    });

    test('near miss: the example declares one', async () => {
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'model-missing')).toEqual([]);
    });
});

describe('dataset-version-missing (growth)', () => {
    const text = without(EXAMPLE, 'version "q3"');

    test('a dataset without version: on its name from growth', async () => {
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'dataset-version-missing')).toEqual([`dataset-version-missing@${rangeWithin(text, 'dataset holdout_2026q3', 'holdout_2026q3')}`]);
        expect(withCode(diagnostics, 'dataset-version-missing')[0].message).toContain('dataset `holdout_2026q3` has no version');
    });

    test('near miss: at mvp an unversioned dataset is fine; an imported one is its catalog\'s business', async () => {
        expect(withCode((await check(services, atStage(text, 'mvp'))).diagnostics, 'dataset-version-missing')).toEqual([]);
        const imported = await check(services, 'import "./catalog.mlplan"\nplan P { stage growth model M { trains on raw } }', {
            files: { 'catalog.mlplan': 'catalog Data { dataset raw { source "s3://raw" } }' },
        });
        expect(withCode(imported.diagnostics, 'dataset-version-missing')).toEqual([]);
        expect(withCode(imported.diagnostics, 'model-missing')).toEqual([]);
    });
});

describe('serving-missing (growth)', () => {
    test('no serving block: on the plan name from growth, silent at mvp', async () => {
        await expectOnPlanNameFrom('serving-missing', withoutBlock(EXAMPLE, '  serving {'), 'growth', 'plan `ChurnPrediction` has no `serving` block');
    });
});

describe('rollout-missing (growth)', () => {
    test('no rollout block: on the plan name from growth, silent at mvp', async () => {
        await expectOnPlanNameFrom('rollout-missing', withoutBlock(EXAMPLE, '  rollout {'), 'growth', 'plan `ChurnPrediction` has no `rollout` block');
    });
});

describe('monitoring-missing (growth)', () => {
    test('no monitoring block: on the plan name from growth, silent at mvp', async () => {
        await expectOnPlanNameFrom('monitoring-missing', without(EXAMPLE, MONITORING), 'growth', 'plan `ChurnPrediction` has no `monitoring` block');
    });

    test('without a monitoring block, drift-monitoring-missing stays silent (no double report)', async () => {
        const { diagnostics } = await check(services, without(EXAMPLE, MONITORING));
        expect(completenessCodes(diagnostics)).toEqual(['monitoring-missing']);
    });
});

describe('drift-monitoring-missing (growth)', () => {
    const text = without(EXAMPLE, 'drift subscribers.tenure_months psi > 0.2', 'drift predictions ks > 0.1');

    test('monitoring without drift: on the `monitoring` keyword', async () => {
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'drift-monitoring-missing')).toEqual([`drift-monitoring-missing@${rangeWithin(text, 'monitoring {', 'monitoring')}`]);
        expect(withCode(diagnostics, 'drift-monitoring-missing')[0].message).toContain('monitoring has no `drift` line');
    });

    test('near miss: one drift line is enough, and at mvp none is needed', async () => {
        const one = without(EXAMPLE, 'drift subscribers.tenure_months psi > 0.2');
        expect(withCode((await check(services, one)).diagnostics, 'drift-monitoring-missing')).toEqual([]);
        expect(withCode((await check(services, atStage(text, 'mvp'))).diagnostics, 'drift-monitoring-missing')).toEqual([]);
    });
});

describe('risk-missing (growth)', () => {
    test('no risk: on the plan name from growth, silent at mvp', async () => {
        await expectOnPlanNameFrom('risk-missing', withoutBlock(EXAMPLE, '  risk ColdStart {'), 'growth', 'plan `ChurnPrediction` lists no risk');
    });
});

describe('retraining-missing (maturity)', () => {
    const text = without(EXAMPLE, 'retrain every 30 d');

    test('a model without retrain: on its name at maturity', async () => {
        const mature = atStage(text, 'maturity');
        const { diagnostics } = await check(services, mature);
        expect(found(diagnostics, 'retraining-missing')).toEqual([`retraining-missing@${rangeWithin(mature, 'model ChurnGBM', 'ChurnGBM')}`]);
        expect(withCode(diagnostics, 'retraining-missing')[0].message).toContain('model `ChurnGBM` has no retraining policy');
    });

    test('near miss: silent at growth; `retrain on drift` counts as a policy', async () => {
        expect(withCode((await check(services, text)).diagnostics, 'retraining-missing')).toEqual([]);
        const onDrift = atStage(replace(EXAMPLE, 'retrain every 30 d', 'retrain on drift'), 'maturity');
        expect(withCode((await check(services, onDrift)).diagnostics, 'retraining-missing')).toEqual([]);
    });
});

describe('budget-missing (maturity)', () => {
    test('no budget: on the plan name at maturity, silent at growth and mvp', async () => {
        await expectOnPlanNameFrom('budget-missing', withoutBlock(EXAMPLE, '  budget {'), 'maturity', 'plan `ChurnPrediction` has no `budget` block');
    });
});

describe('milestone-missing (maturity)', () => {
    const text = without(EXAMPLE,
        'milestone Prototype { due 2026-01-15 deliverable "Offline AUC report" owner ana }',
        'milestone Shadow    { due 2026-03-01 after Prototype }');

    test('no milestone: on the plan name at maturity, silent at growth and mvp', async () => {
        await expectOnPlanNameFrom('milestone-missing', text, 'maturity', 'plan `ChurnPrediction` has no milestone');
    });

    test('near miss: one milestone is enough', async () => {
        const one = atStage(without(EXAMPLE, 'milestone Shadow    { due 2026-03-01 after Prototype }'), 'maturity');
        expect(withCode((await check(services, one)).diagnostics, 'milestone-missing')).toEqual([]);
    });
});

describe('a plan importing a catalog', () => {
    test('the catalog\'s own incompleteness never shows in the plan, and the catalog is never checked for completeness', async () => {
        const catalog = 'catalog Shared {\n  dataset raw { fields { email text pii } }\n  baseline B { kind human }\n}';
        const plan = 'import "./catalog.mlplan"\nplan P { stage maturity owner t team t objective O { kpi m < 1 } metric m { } }';
        const fromPlan = await check(services, plan, { files: { 'catalog.mlplan': catalog } });
        expect(completenessCodes(fromPlan.diagnostics)).toEqual([
            'budget-missing', 'milestone-missing', 'model-missing', 'monitoring-missing', 'risk-missing', 'rollout-missing', 'serving-missing',
        ]);
        expect(found(fromPlan.diagnostics, 'model-missing')).toEqual([`model-missing@${rangeWithin(plan, 'plan P', 'P')}`]);
        const fromCatalog = await check(services, catalog, { path: 'catalog.mlplan' });
        expect(completenessCodes(fromCatalog.diagnostics)).toEqual([]);
    });
});
