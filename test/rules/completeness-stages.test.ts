// Completeness rules that apply from `growth` or `maturity` (LANGUAGE.md 4.1): each raises at its
// stage and stays silent below it.
import { describe, expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { found, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { EXAMPLE, MODEL_VERSION, atStage, blockBounds, completenessCodes, lineWith, replace, without } from './completeness-support.js';

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
    const { close } = blockBounds(text, start);
    return text.slice(0, text.indexOf(start)) + text.slice(close + 1);
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
    // Every milestone, and the rollout's start that refers to one.
    const text = EXAMPLE.split('\n').filter(line => !/^\s*(milestone\s|starts\s)/.test(line)).join('\n');

    test('no milestone: on the plan name at maturity, silent at growth and mvp', async () => {
        await expectOnPlanNameFrom('milestone-missing', text, 'maturity', 'plan `ChurnPrediction` has no milestone');
    });

    test('near miss: one milestone is enough', async () => {
        const one = atStage(without(EXAMPLE, lineWith(EXAMPLE, 'milestone Shadow')), 'maturity');
        expect(withCode((await check(services, one)).diagnostics, 'milestone-missing')).toEqual([]);
    });
});

describe('a plan importing a catalog', () => {
    test('the catalog\'s own incompleteness never shows in the plan, and the catalog is never checked for completeness', async () => {
        const catalog = 'catalog Shared {\n  dataset raw { fields { email text pii } }\n  baseline B { kind human }\n}';
        const plan = 'import "./catalog.mlplan"\nplan P { stage maturity owner t team t objective O { kpi m < 1 } metric m { } }';
        const fromPlan = await check(services, plan, { files: { 'catalog.mlplan': catalog } });
        expect(completenessCodes(fromPlan.diagnostics)).toEqual([
            'budget-missing', 'business-kpi-missing', 'milestone-missing', 'model-missing', 'monitoring-missing', 'persona-missing', 'risk-missing',
            'rollout-missing', 'serving-missing',
        ]);
        expect(found(fromPlan.diagnostics, 'model-missing')).toEqual([`model-missing@${rangeWithin(plan, 'plan P', 'P')}`]);
        const fromCatalog = await check(services, catalog, { path: 'catalog.mlplan' });
        expect(completenessCodes(fromCatalog.diagnostics)).toEqual([]);
    });
});

describe('persona-missing (growth)', () => {
    test('no persona: on the plan name from growth, silent at mvp', async () => {
        await expectOnPlanNameFrom('persona-missing', withoutBlock(EXAMPLE, '  persona retention_agent {'), 'growth',
            'plan `ChurnPrediction` declares no persona: say who uses the predictions and what they decide from them');
    });

    test('near miss: one persona is enough, even with nothing but its name', async () => {
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'persona-missing')).toEqual([]);
        const bare = 'plan P { stage growth persona analyst { } }';
        expect(withCode((await check(services, bare)).diagnostics, 'persona-missing')).toEqual([]);
    });
});

describe('model-version-missing (growth)', () => {
    const text = without(EXAMPLE, MODEL_VERSION);

    test('a model without version: on its name from growth', async () => {
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'model-version-missing')).toEqual([`model-version-missing@${rangeWithin(text, 'model ChurnGBM', 'ChurnGBM')}`]);
        expect(withCode(diagnostics, 'model-version-missing')[0].message)
            .toBe('model `ChurnGBM` has no version: name the trained version that serving runs (e.g. `version "2.3.0"`)');
        expect(found((await check(services, atStage(text, 'maturity'))).diagnostics, 'model-version-missing')).toHaveLength(1);
    });

    test('each model on its own', async () => {
        const two = 'plan P {\n  stage growth\n  model A { version "1" }\n  model B { }\n  model C { algorithm "x" }\n}';
        const { diagnostics } = await check(services, two);
        expect(found(diagnostics, 'model-version-missing')).toEqual([
            `model-version-missing@${rangeWithin(two, 'model B', 'B')}`,
            `model-version-missing@${rangeWithin(two, 'model C', 'C')}`,
        ]);
    });

    test('near miss: silent at mvp, and a written version satisfies it', async () => {
        expect(withCode((await check(services, atStage(text, 'mvp'))).diagnostics, 'model-version-missing')).toEqual([]);
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'model-version-missing')).toEqual([]);
    });
});

describe('milestone-owner-missing (growth)', () => {
    const text = replace(EXAMPLE, lineWith(EXAMPLE, 'milestone Shadow'), 'milestone Shadow    { due 2026-03-01 after Prototype }');

    test('a milestone without owner: on its name from growth', async () => {
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'milestone-owner-missing')).toEqual([`milestone-owner-missing@${rangeWithin(text, 'milestone Shadow    {', 'Shadow')}`]);
        expect(withCode(diagnostics, 'milestone-owner-missing')[0].message)
            .toBe('milestone `Shadow` has no owner: name the person or team that delivers it (`owner NAME`)');
    });

    test('one finding per milestone without owner', async () => {
        const plan = 'plan P {\n  stage maturity\n  milestone A { due 2026-01-01 }\n  milestone B { due 2026-02-01 owner t }\n  milestone C { }\n  team t\n}';
        const { diagnostics } = await check(services, plan);
        expect(found(diagnostics, 'milestone-owner-missing')).toEqual([
            `milestone-owner-missing@${rangeWithin(plan, 'milestone A', 'A')}`,
            `milestone-owner-missing@${rangeWithin(plan, 'milestone C', 'C')}`,
        ]);
    });

    test('near miss: silent at mvp; an owner that does not resolve is unresolved-reference, not this', async () => {
        expect(withCode((await check(services, atStage(text, 'mvp'))).diagnostics, 'milestone-owner-missing')).toEqual([]);
        const unresolved = await check(services, replace(text, 'after Prototype }', 'after Prototype owner nobody }'));
        expect(withCode(unresolved.diagnostics, 'milestone-owner-missing')).toEqual([]);
        expect(withCode(unresolved.diagnostics, 'unresolved-reference')).toHaveLength(1);
    });
});

describe('label-delay-missing (growth)', () => {
    const text = without(EXAMPLE, 'labels after 30 d');

    test('a labeled dataset a model trains on, without `labels after`: on its name', async () => {
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'label-delay-missing')).toEqual([`label-delay-missing@${rangeWithin(text, 'dataset subscribers', 'subscribers')}`]);
        expect(withCode(diagnostics, 'label-delay-missing')[0].message).toBe(
            'dataset `subscribers` has label field `churned` and model `ChurnGBM` trains on it, but no `labels after`: say how long after an event its ground truth is known (e.g. `labels after 30 d`)');
    });

    test('several label fields and models are all named', async () => {
        const plan = `plan P {
  stage growth
  dataset d { fields { y boolean label  z number label  x number } }
  model A { trains on d }
  model B { trains on d }
}`;
        const { diagnostics } = await check(services, plan);
        expect(found(diagnostics, 'label-delay-missing')).toEqual([`label-delay-missing@${rangeAt(plan, 'd {', 1, 1)}`]);
        expect(withCode(diagnostics, 'label-delay-missing')[0].message).toContain('has label fields `y`, `z` and models `A`, `B` train on it, but no `labels after`');
    });

    test('near miss: the holdout (labeled, trained on by no model), a dataset without label field, a delay given, mvp', async () => {
        // holdout_2026q3 has a label field too, but no model trains on it.
        expect(found((await check(services, text)).diagnostics, 'label-delay-missing')).toHaveLength(1);
        const unlabeled = 'plan P { stage growth dataset d { fields { x number } } model M { trains on d } }';
        expect(withCode((await check(services, unlabeled)).diagnostics, 'label-delay-missing')).toEqual([]);
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'label-delay-missing')).toEqual([]);
        expect(withCode((await check(services, atStage(text, 'mvp'))).diagnostics, 'label-delay-missing')).toEqual([]);
    });

    test('a model that only evaluates on the dataset does not make it a training set', async () => {
        const plan = 'plan P { stage growth dataset d { fields { y boolean label } } model M { evaluation { on d } } }';
        const { diagnostics } = await check(services, plan);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(withCode(diagnostics, 'label-delay-missing')).toEqual([]);
    });

    test('an imported training dataset is not this plan\'s to describe', async () => {
        const { diagnostics } = await check(services, 'import "./c.mlplan"\nplan P { stage growth model M { trains on raw } }', {
            files: { 'c.mlplan': 'catalog C { dataset raw { fields { y boolean label } } }' },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(withCode(diagnostics, 'label-delay-missing')).toEqual([]);
    });
});
