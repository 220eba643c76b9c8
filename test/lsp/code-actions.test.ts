// Quick-fixes of the completeness rules (LANGUAGE.md 4.1, last column): every rule's fix, applied,
// removes its diagnostic, raises nothing new and keeps every character the user wrote.
import { describe, expect, test } from 'vitest';
import { COMPLETENESS_RULES } from '../../server/src/rules/completeness/index.js';
import { EXAMPLE, atStage, replace } from '../rules/completeness-support.js';
import { check, createEditorTestServices } from '../support/services.js';
import { codeOf } from '../support/diagnostics.js';
import { applyTextEdits, codeActions, onlyEdit, roundTrip, withoutBlock, withoutLines } from './fix-support.js';

const services = createEditorTestServices();

const MVP = atStage(EXAMPLE, 'mvp');
const MATURITY = atStage(EXAMPLE, 'maturity');

/** `text` without its milestone lines (each example milestone is written on one line). */
function withoutMilestones(text: string): string {
    expect(text).toMatch(/^[ \t]*milestone /m);
    return text.replace(/^[ \t]*milestone .*\n/gm, '');
}

/** A maturity plan that says nothing at all. */
const BARE = 'plan Bare {\n  stage maturity\n}\n';

/** A small mvp plan that declares almost nothing. */
const SMALL = `plan Small {
  owner ana
  person ana
  metric auc { kind ml better higher }
  objective Goal { kpi auc >= 0.8 }
  dataset events { source "warehouse://events" }
  baseline Rule { kind heuristic expect auc = 0.85 }
  model Scorer { trains on events }
}
`;

describe('the example plans are the fixtures', () => {
    test('the LANGUAGE.md example is clean at every stage', async () => {
        for (const text of [MVP, EXAMPLE, MATURITY]) {
            expect((await check(services, text)).diagnostics).toEqual([]);
        }
    });

    test('every completeness rule has a fix, but label-delay-missing: only the team knows the delay', () => {
        expect(COMPLETENESS_RULES.filter(rule => !rule.fix).map(rule => rule.code)).toEqual(['label-delay-missing']);
    });
});

describe('existence rules declare a skeleton at the end of the plan', () => {
    test('objective-missing: an objective with a kpi on a business metric', async () => {
        const trip = await roundTrip(services, withoutBlock(MVP, 'objective ReduceChurn'), 'objective-missing');
        expect(trip.action.title).toBe("Add 'objective Goal'");
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  objective Goal {',
            '    description "TODO: the outcome the project is for"',
            '    kpi churn_rate <= 10 %',
            '  }',
            '',
        ].join('\n'));
        // Right before the plan's closing brace.
        expect(trip.fixed.endsWith('    labeling 10_000 USD\n  }\n\n  objective Goal {\n    description "TODO: the outcome the project is for"\n    kpi churn_rate <= 10 %\n  }\n}\n')).toBe(true);
    });

    test('objective-missing in a plan without metrics also declares the kpi\'s metric', async () => {
        const trip = await roundTrip(services, 'plan Empty {\n  owner ana\n  person ana\n}\n', 'objective-missing');
        expect(trip.action.title).toBe("Add 'objective Goal' (declares 'metric kpi_metric')");
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  metric kpi_metric { kind business unit % better higher description "TODO: what is measured" }',
            '',
            '  objective Goal {',
            '    description "TODO: the outcome the project is for"',
            '    kpi kpi_metric >= 90 %',
            '  }',
            '',
        ].join('\n'));
    });

    test('dataset-missing: a dataset with source, version and a placeholder field', async () => {
        const trip = await roundTrip(services, 'plan Empty {\n  owner ana\n  person ana\n}\n', 'dataset-missing');
        expect(onlyEdit(trip).newText).toBe('\n  dataset training_data {\n    source "TODO"\n    version "TODO"\n    owner ana\n    fields {\n      feature_1 number\n    }\n  }\n');
    });

    test('baseline-missing: a heuristic baseline', async () => {
        const text = replace(withoutBlock(MVP, 'baseline TenureRule'), 'fallback TenureRule', 'fallback "the previous rule"');
        const trip = await roundTrip(services, text, 'baseline-missing');
        expect(trip.action.title).toBe("Add 'baseline SimpleBaseline'");
        expect(onlyEdit(trip).newText).toContain('  baseline SimpleBaseline {\n    kind heuristic\n');
    });

    test('latency-slo-missing: an slo on the declared latency metric', async () => {
        const trip = await roundTrip(services, withoutBlock(MVP, 'slo ScoringLatency'), 'latency-slo-missing');
        expect(onlyEdit(trip).newText).toBe('\n  slo Latency {\n    indicator latency_p99 <= 200 ms\n    objective 99.5 %\n    window 28 d\n  }\n');
    });

    test('latency-slo-missing without a latency metric declares one', async () => {
        const text = replace(SMALL, '  model Scorer', '  serving { mode realtime fallback Rule }\n  model Scorer');
        const trip = await roundTrip(services, text, 'latency-slo-missing', { alsoFixes: [] });
        expect(trip.action.title).toBe("Add 'slo Latency' (declares 'metric latency_p99')");
        expect(onlyEdit(trip).newText).toContain('metric latency_p99 { kind software unit ms better lower');
    });

    test('model-missing: trains on the first dataset, evaluated on one no model trains on, sliced by its sensitive field', async () => {
        const trip = await roundTrip(services, withoutBlock(EXAMPLE, 'model ChurnGBM'), 'model-missing');
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  model NewModel {',
            '    algorithm "TODO: the learning algorithm"',
            '    trains on subscribers',
            '    features tenure_months, plan_tier, region',
            '    version "TODO"',
            '    retrain every 30 d',
            '    evaluation {',
            '      on holdout_2026q3',
            '      success auc >= 0.8',
            '      slice by region',
            '    }',
            '  }',
            '',
        ].join('\n'));
        // Only the team can name the version: its finding moves onto the string to fill in.
        expect(trip.placeholders.map(d => `${codeOf(d)}: ${d.message}`)).toEqual([
            'model-version-missing: model `NewModel` version is a placeholder ("TODO"): name the trained version that serving runs',
        ]);
    });

    test('serving-missing: realtime when a latency slo exists, with the first baseline as fallback', async () => {
        const trip = await roundTrip(services, withoutBlock(EXAMPLE, 'serving {'), 'serving-missing');
        expect(trip.action.title).toBe("Add a 'serving' block");
        expect(onlyEdit(trip).newText).toBe('\n  serving {\n    mode realtime\n    target cloud\n    fallback TenureRule\n  }\n');
    });

    test('rollout-missing: a canary rollout whose rollback condition monitoring already alerts on', async () => {
        const trip = await roundTrip(services, withoutBlock(EXAMPLE, 'rollout {'), 'rollout-missing');
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  rollout {',
            '    strategy canary',
            '    stage 1 % for 1 d',
            '    stage 10 % for 2 d',
            '    stage 100 %',
            '    rollback when latency_p99 > 200 ms',
            '  }',
            '',
        ].join('\n'));
    });

    test('monitoring-missing: drift, an alert per rollback condition, logged predictions', async () => {
        const text = withoutBlock(EXAMPLE, 'monitoring {');
        const trip = await roundTrip(services, text, 'monitoring-missing', { alsoFixes: ['rollback-unmonitored'] });
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  monitoring {',
            '    drift predictions psi > 0.2',
            '    alert latency_p99 > 300 ms',
            '    alert error_rate > 1 %',
            '    log predictions for 30 d',
            '  }',
            '',
        ].join('\n'));
        // The alerts also answer rollback-unmonitored.
        expect(trip.before.map(codeOf)).toContain('rollback-unmonitored');
        expect(trip.after.map(codeOf)).not.toContain('rollback-unmonitored');
    });

    test('risk-missing: a risk with likelihood, impact, mitigation and owner', async () => {
        const trip = await roundTrip(services, withoutBlock(EXAMPLE, 'risk ColdStart'), 'risk-missing');
        expect(onlyEdit(trip).newText).toContain('  risk MainRisk {\n    description "TODO: what could go wrong"\n    likelihood medium\n    impact medium\n');
        expect(onlyEdit(trip).newText).toContain('    owner ana\n  }\n');
    });

    test('budget-missing: a budget in the currency of the serving cost', async () => {
        const trip = await roundTrip(services, withoutBlock(MATURITY, 'budget {'), 'budget-missing');
        // The plan already ends with a blank line (where the budget was): no second one.
        expect(onlyEdit(trip).newText).toBe('  budget {\n    total 100_000 USD\n  }\n');
        expect(trip.fixed.endsWith('deliverable "Churn labels joined up to 2025-07-31" }\n\n  budget {\n    total 100_000 USD\n  }\n}\n')).toBe(true);
        const euros = replace(withoutBlock(MATURITY, 'budget {'), 'cost 0.00004 USD/req', 'cost 0.00004 EUR/req');
        expect(onlyEdit(await roundTrip(services, euros, 'budget-missing')).newText).toContain('total 100_000 EUR');
    });

    test('milestone-missing: a milestone due on the plan deadline', async () => {
        const text = withoutMilestones(MATURITY);
        const trip = await roundTrip(services, text, 'milestone-missing');
        expect(onlyEdit(trip).newText).toBe('\n  milestone FirstMilestone {\n    due 2026-12-31\n    deliverable "TODO: what is delivered"\n    owner ana\n  }\n');
    });

    test('milestone-missing without a deadline: due in 90 days', async () => {
        const text = withoutMilestones(replace(MATURITY, 'deadline 2026-12-31', ''));
        const trip = await roundTrip(services, text, 'milestone-missing');
        expect(onlyEdit(trip).newText).toMatch(/due \d{4}-\d{2}-\d{2}\n/);
    });

    test('a declared name never clashes with an existing one', async () => {
        const text = replace(withoutBlock(MVP, 'objective ReduceChurn'), 'person raj', 'person Goal { name "Goal Keeper" }\n  person raj');
        const trip = await roundTrip(services, text, 'objective-missing');
        expect(trip.action.title).toBe("Add 'objective Goal2'");
    });
});

describe('per-instance rules add a line to the block concerned', () => {
    test('kpi-missing: a kpi on the business metric', async () => {
        // The plan's only kpi on a business metric is gone too: the kpi added answers business-kpi-missing as well.
        const trip = await roundTrip(services, withoutLines(MVP, 'kpi churn_rate <= 3.5 % by 2026-12-31'), 'kpi-missing', { alsoFixes: ['business-kpi-missing'] });
        expect(trip.action.title).toBe("Add 'kpi churn_rate <= 10 %'");
        expect(trip.fixed).toContain('    stakeholder "Head of Retention"\n    kpi churn_rate <= 10 %\n  }');
    });

    test('owner-missing: the first person, after the plan\'s leading properties', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'owner ana'), 'owner-missing');
        expect(trip.action.title).toBe("Add 'owner ana'");
        expect(trip.fixed).toContain('  regulations GDPR, CCPA, "PCI-DSS"      // names or strings\n  owner ana\n\n  person ana');
    });

    test('owner-missing without people declares a placeholder person', async () => {
        const trip = await roundTrip(services, 'plan Empty {\n  title "x"\n}\n', 'owner-missing');
        expect(trip.action.title).toBe("Add 'owner owner_tbd' (declares 'person owner_tbd')");
        expect(trip.fixed).toBe('plan Empty {\n  title "x"\n  owner owner_tbd\n\n  person owner_tbd { name "TODO: who answers for the plan" }\n}\n');
    });

    test('owner-missing in a one-line plan', async () => {
        const trip = await roundTrip(services, 'plan Empty { person ana }\n', 'owner-missing');
        expect(trip.fixed).toBe('plan Empty { owner ana person ana }\n');
    });

    test('dataset-source-missing: `source "TODO"`', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'source "warehouse://analytics.subscribers"'), 'dataset-source-missing');
        expect(trip.action.title).toBe(`Add 'source "TODO"'`);
        expect(trip.fixed).toContain('    check range tenure_months from 0 to 600\n    source "TODO"\n  }');
        // The finding stays, on the string the author has to write (a placeholder is not a source).
        expect(trip.placeholders.map(d => `${codeOf(d)}: ${d.message}`)).toEqual([
            'dataset-source-missing: dataset `subscribers` source is a placeholder ("TODO"): record where the data comes from',
        ]);
    });

    test('dataset-version-missing: `version "TODO"`', async () => {
        const trip = await roundTrip(services, withoutLines(EXAMPLE, 'version "q3"'), 'dataset-version-missing');
        expect(onlyEdit(trip).newText).toBe('    version "TODO"\n');
    });

    test('evaluation-missing on a model without evaluation', async () => {
        const trip = await roundTrip(services, withoutBlock(MVP, 'evaluation {'), 'evaluation-missing');
        expect(trip.action.title).toBe("Add an evaluation on 'holdout_2026q3' with 'success auc >= 0.8'");
        expect(trip.fixed).toContain('    retrain every 30 d\n    evaluation {\n      on holdout_2026q3\n      success auc >= 0.8\n      slice by region\n    }\n  }');
    });

    test('evaluation-missing with a single dataset declares a holdout, and the threshold beats the baseline', async () => {
        const trip = await roundTrip(services, SMALL, 'evaluation-missing');
        expect(trip.action.title).toBe("Add an evaluation on 'holdout' with 'success auc >= 0.9' (declares 'dataset holdout')");
        expect(trip.fixed).toContain('  model Scorer { trains on events\n    evaluation {\n      on holdout\n      success auc >= 0.9\n    }\n  }\n');
        expect(trip.fixed).toContain('\n  dataset holdout {\n    source "TODO: where the data comes from"\n    version "TODO"\n    owner ana\n  }\n}\n');
    });

    test('evaluation-missing on an evaluation without success', async () => {
        const text = withoutLines(MVP, 'success auc >= 0.78', 'success latency_p99 <= 150 ms');
        const trip = await roundTrip(services, text, 'evaluation-missing');
        expect(trip.action.title).toBe("Add 'success auc >= 0.8'");
        expect(trip.fixed).toContain('      slice by region where auc gap <= 0.03\n      success auc >= 0.8\n    }');
    });

    test('fairness-missing: a slice by the sensitive field', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'slice by region where auc gap <= 0.03'), 'fairness-missing');
        expect(trip.action.title).toBe("Add 'slice by region'");
        expect(onlyEdit(trip).newText).toBe('      slice by region\n');
    });

    test('pii-policy-missing: the missing consent and retention lines', async () => {
        const both = withoutLines(MVP, 'consent "Subscriber terms, section 4.2"', 'retention 365 d');
        const trip = await roundTrip(services, both, 'pii-policy-missing');
        expect(trip.action.title).toBe(`Add 'consent "TODO"' and 'retention 365 d'`);
        expect(onlyEdit(trip).newText).toBe('    consent "TODO"\n    retention 365 d\n');
        const one = await roundTrip(services, withoutLines(MVP, 'retention 365 d'), 'pii-policy-missing');
        expect(onlyEdit(one).newText).toBe('    retention 365 d\n');
    });

    test('fallback-missing: the first baseline, before the serving block\'s closing brace', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'fallback TenureRule'), 'fallback-missing');
        expect(trip.action.title).toBe("Add 'fallback TenureRule'");
        expect(trip.action.isPreferred).toBe(true);
        expect(onlyEdit(trip).newText).toBe('    fallback TenureRule\n');
        expect(trip.fixed).toContain('    capacity 40 req/s\n    fallback TenureRule\n  }');
    });

    test('fallback-missing without a baseline: a string to fill in', async () => {
        const text = replace(SMALL, '  model Scorer', '  serving { mode batch }\n  model Scorer');
        const trip = await roundTrip(services, replace(text, 'baseline Rule { kind heuristic expect auc = 0.85 }', ''), 'fallback-missing');
        expect(trip.fixed).toContain('  serving { mode batch\n    fallback "TODO: what users get when the model fails"\n  }');
    });

    test('rollback-missing: the condition of an existing alert', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'rollback when latency_p99 > 300 ms or error_rate > 1 %'), 'rollback-missing');
        expect(trip.action.title).toBe("Add 'rollback when latency_p99 > 200 ms'");
        expect(onlyEdit(trip).newText).toBe('    rollback when latency_p99 > 200 ms\n');
    });

    test('rollback-missing without alerts also adds the alert to monitoring', async () => {
        const text = withoutLines(MVP, 'rollback when latency_p99 > 300 ms or error_rate > 1 %', 'alert latency_p99 > 200 ms notify "#churn-oncall"', 'alert error_rate > 1 % notify "#churn-oncall"');
        const trip = await roundTrip(services, text, 'rollback-missing');
        expect(trip.edits.map(e => e.newText)).toEqual(['    rollback when latency_p99 > 400 ms\n', '    alert latency_p99 > 400 ms\n']);
    });

    test('drift-monitoring-missing: a drift line on the predictions', async () => {
        const text = withoutLines(EXAMPLE, 'drift subscribers.tenure_months psi > 0.2', 'drift predictions ks > 0.1');
        const trip = await roundTrip(services, text, 'drift-monitoring-missing');
        expect(onlyEdit(trip).newText).toBe('    drift predictions psi > 0.2\n');
    });

    test('retraining-missing: `retrain every 30 d`, or `retrain on drift` when drift is monitored', async () => {
        const text = withoutLines(MATURITY, 'retrain every 30 d');
        const trip = await roundTrip(services, text, 'retraining-missing');
        expect(trip.action.title).toBe("Add 'retrain every 30 d'");
        expect(trip.fixed).toContain('    explain "SHAP values for every score"\n    evaluation {');
        expect(trip.fixed).toContain('      slice by region where auc gap <= 0.03\n    }\n    retrain every 30 d\n  }');
        const onDrift = await roundTrip(services, text, 'retraining-missing', { title: 'retrain on drift' });
        expect(onDrift.action.isPreferred).toBeFalsy();
    });
});

describe('every completeness diagnostic of the bundled fixtures gets a working fix', () => {
    test('a plan missing everything: each fix, applied alone, removes its finding and adds none', async () => {
        const { diagnostics } = await check(services, BARE);
        const found = diagnostics.map(codeOf).sort();
        expect(found).toEqual(['baseline-missing', 'budget-missing', 'dataset-missing', 'milestone-missing', 'model-missing',
            'monitoring-missing', 'objective-missing', 'owner-missing', 'persona-missing', 'risk-missing', 'rollout-missing', 'serving-missing']);
        for (const code of found.filter(c => c !== 'rollout-missing' && c !== 'milestone-missing')) {
            // A model needs data: its skeleton declares datasets, which answers dataset-missing too.
            await roundTrip(services, BARE, code, { alsoFixes: code === 'model-missing' ? ['dataset-missing'] : [] });
        }
    });

    test('the milestone skeleton in a plan with nobody in it has no owner to name', async () => {
        const { document, diagnostics } = await check(services, BARE);
        const [action] = await codeActions(services, document, diagnostics.filter(d => codeOf(d) === 'milestone-missing'));
        const after = await check(services, applyTextEdits(BARE, action.edit!.changes![document.textDocument.uri]));
        const added = after.diagnostics.map(codeOf).filter(c => !diagnostics.map(codeOf).includes(c));
        expect(added).toEqual(['milestone-owner-missing']);
        // With a person declared, the skeleton names them and adds nothing.
        await roundTrip(services, 'plan Bare {\n  stage maturity\n  owner ana\n  person ana\n}\n', 'milestone-missing');
    });

    test('the rollout skeleton in a plan without monitoring raises only rollback-unmonitored', async () => {
        // A rollback condition needs monitoring to alert on it; without a monitoring block that is a
        // true rollback-unmonitored finding, which the monitoring skeleton then answers.
        const { document, diagnostics } = await check(services, BARE);
        const rolloutMissing = diagnostics.find(d => codeOf(d) === 'rollout-missing')!;
        const [action] = await codeActions(services, document, [rolloutMissing]);
        const edits = action.edit!.changes![document.textDocument.uri];
        const after = await check(services, applyTextEdits(BARE, edits));
        const added = after.diagnostics.map(codeOf).filter(c => !diagnostics.map(codeOf).includes(c));
        expect(added).toEqual(['rollback-unmonitored']);
    });
});
