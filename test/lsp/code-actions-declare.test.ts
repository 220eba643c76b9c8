// unresolved-reference: a name that nothing declares gets one "Declare <kind> `name`" fix per kind
// its position accepts, besides the nearest declared names (code-actions-consistency.test.ts).
import { describe, expect, test } from 'vitest';
import { EXAMPLE, atStage, replace } from '../rules/completeness-support.js';
import { check, createEditorTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';
import { codeActions, onlyEdit, roundTrip } from './fix-support.js';

const services = createEditorTestServices();
const MVP = atStage(EXAMPLE, 'mvp');
const IGNORE = "Ignore 'unresolved-reference' on this line";
const PLAN_OWNER = 'owner ana                              //';
const PLAN_END = '    labeling 10_000 USD\n  }\n';
const LAST_METRIC = '  metric error_rate  { kind software unit % better lower }';
/** The slo's indicator, once its metric is declared (software, in ms), is a latency slo. */
const ALSO_SLO = ['latency-slo-missing'];

async function titles(text: string): Promise<string[]> {
    const { document, diagnostics } = await check(services, text);
    const unresolved = withCode(diagnostics, 'unresolved-reference');
    expect(unresolved).toHaveLength(1);
    return (await codeActions(services, document, unresolved)).map(a => a.title);
}

/** Applies "Declare `kind` …" and checks the one edit inserts `inserted` right after `anchor`. */
async function declares(text: string, title: string, anchor: string, inserted: string, alsoFixes: string[] = []) {
    const trip = await roundTrip(services, text, 'unresolved-reference', { title, alsoFixes });
    expect(trip.action.title).toBe(title);
    expect(trip.action.isPreferred ?? false).toBe(false);
    expect(onlyEdit(trip).newText).toBe(inserted);
    expect(trip.fixed).toBe(replace(text, anchor, anchor + inserted));
    expect(withCode(trip.after, 'unresolved-reference')).toEqual([]);
    return trip;
}

describe('the kinds a position accepts', () => {
    test.each([
        [PLAN_OWNER, 'owner Quentin                          //', ["Declare person 'Quentin'", "Declare team 'Quentin'"]],
        ['members ana, raj', 'members ana, Quentin', ["Declare person 'Quentin'"]],
        ['kpi churn_rate <= 3.5 %', 'kpi ctr >= 4.5 %', ["Declare metric 'ctr'"]],
        ['fallback TenureRule', 'fallback RuleOfThumb', ["Declare baseline 'RuleOfThumb'"]],
        ['trains on subscribers', 'trains on subscribers, clicks', ["Declare dataset 'clicks'"]],
        ['needs subscribers', 'needs clickstream', ["Declare dataset 'clickstream'"]],
        ['after Prototype', 'after Kickoff', ["Declare milestone 'Kickoff'"]],
        ['starts 2026-03-02', 'starts after Launch', ["Declare milestone 'Launch'"]],
        ['for retention_agent', 'for call_agent', ["Declare persona 'call_agent'"]],
        ['serves ChurnGBM', 'serves Scorer', ["Declare model 'Scorer'"]],
    ])('%s → %s', async (from, to, expected) => {
        expect(await titles(replace(MVP, from, to))).toEqual([...expected, IGNORE]);
    });

    test('after the nearest declared names', async () => {
        expect(await titles(replace(MVP, 'fallback TenureRule', 'fallback TenureRul'))).toEqual([
            "Change 'TenureRul' to 'TenureRule'", "Declare baseline 'TenureRul'", IGNORE,
        ]);
    });

    test('none for a name declared as something else, nor for fields', async () => {
        expect(await titles(replace(MVP, PLAN_OWNER, 'owner auc                              //'))).toEqual([IGNORE]);
        expect(await titles(replace(MVP, 'features tenure_months, plan_tier', 'features tenure_months, plan_tiers'))).toEqual([
            "Change 'plan_tiers' to 'plan_tier'", IGNORE,
        ]);
    });
});

describe('the skeletons', () => {
    test('person and team, at the end of the plan', async () => {
        const text = replace(MVP, PLAN_OWNER, 'owner Quentin                          //');
        await declares(text, "Declare person 'Quentin'", PLAN_END, '\n  person Quentin { name "TODO: full name" }\n');
        await declares(text, "Declare team 'Quentin'", PLAN_END, '\n  team Quentin { name "TODO: team name" }\n');
    });

    test('a kpi metric: business, the bound\'s unit, right after the last metric', async () => {
        await declares(replace(MVP, 'kpi churn_rate <= 3.5 %', 'kpi ctr >= 4.5 %'), "Declare metric 'ctr'", LAST_METRIC,
            '\n  metric ctr { kind business unit % better higher description "TODO: what is measured" }');
    });

    test('a success metric: ml, no unit for a plain number', async () => {
        await declares(replace(MVP, 'success auc >= 0.78', 'success recall >= 0.78'), "Declare metric 'recall'", LAST_METRIC,
            '\n  metric recall { kind ml better higher description "TODO: what is measured" }');
    });

    test('an slo indicator in ms: software, unit ms, better lower', async () => {
        await declares(replace(MVP, 'indicator latency_p99 <= 150 ms', 'indicator p95_latency <= 150 ms'), "Declare metric 'p95_latency'", LAST_METRIC,
            '\n  metric p95_latency { kind software unit ms better lower description "TODO: what is measured" }', ALSO_SLO);
    });

    test('an alert in %: no kind guessed, better is the other way round from the alarm', async () => {
        await declares(replace(MVP, 'alert latency_p99 > 200 ms', 'alert fail_ratio > 1 %'), "Declare metric 'fail_ratio'", LAST_METRIC,
            '\n  metric fail_ratio { unit % better lower description "TODO: what is measured" }');
    });

    test('a metric in a plan without metrics goes to the end of the plan', async () => {
        const text = 'plan P {\n  owner ana\n  person ana { name "Ana" }\n  objective Goal { kpi ctr >= 150 ms }\n}\n';
        await declares(text, "Declare metric 'ctr'", '  objective Goal { kpi ctr >= 150 ms }\n',
            '\n  metric ctr { kind business unit ms better higher description "TODO: what is measured" }\n');
    });

    test('a baseline for a fallback', async () => {
        await declares(replace(MVP, 'fallback TenureRule', 'fallback RuleOfThumb'), "Declare baseline 'RuleOfThumb'", PLAN_END,
            '\n  baseline RuleOfThumb {\n    kind heuristic\n    description "TODO: the rule or system the model must beat"\n  }\n');
    });

    test('a dataset, owned by the first person', async () => {
        for (const [from, to, name] of [['trains on subscribers', 'trains on subscribers, clicks', 'clicks'], ['needs subscribers', 'needs clickstream', 'clickstream']]) {
            await declares(replace(MVP, from, to), `Declare dataset '${name}'`, PLAN_END,
                `\n  dataset ${name} {\n    source "TODO: where the data comes from"\n    version "TODO"\n    owner ana\n    fields {\n      feature_1 number\n    }\n  }\n`);
        }
    });

    test('a milestone due the day before the milestone that comes after it', async () => {
        await declares(replace(MVP, 'after Prototype', 'after Kickoff'), "Declare milestone 'Kickoff'", PLAN_END,
            '\n  milestone Kickoff {\n    due 2026-02-28\n    deliverable "TODO: what is delivered"\n    owner ana\n  }\n');
    });

    test('a milestone the rollout starts after: due with the latest milestone', async () => {
        await declares(replace(MVP, 'starts 2026-03-02', 'starts after Launch'), "Declare milestone 'Launch'", PLAN_END,
            '\n  milestone Launch {\n    due 2026-03-01\n    deliverable "TODO: what is delivered"\n    owner ana\n  }\n');
    });

    test('a persona', async () => {
        await declares(replace(MVP, 'for retention_agent', 'for call_agent'), "Declare persona 'call_agent'", PLAN_END,
            '\n  persona call_agent {\n    description "TODO: who uses the predictions"\n    decision "TODO: what they decide from a prediction"\n  }\n');
    });

    test('a model with its evaluation', async () => {
        await declares(replace(MVP, 'serves ChurnGBM', 'serves Scorer'), "Declare model 'Scorer'", PLAN_END, [
            '', '  model Scorer {', '    algorithm "TODO: the learning algorithm"', '    trains on subscribers',
            '    features tenure_months, plan_tier, region', '    version "TODO"',
            '    retrain every 30 d', '    evaluation {', '      on holdout_2026q3', '      success auc >= 0.8', '      slice by region', '    }', '  }', '',
        ].join('\n'));
    });

    test('a team member', async () => {
        await declares(replace(MVP, 'members ana, raj', 'members ana, Quentin'), "Declare person 'Quentin'", PLAN_END,
            '\n  person Quentin { name "TODO: full name" }\n');
    });
});
