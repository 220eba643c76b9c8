// Quick-fixes of the consistency rules whose fix is mechanical: a suggested name, a qualified field,
// a unit, an operator, the stage order, the final stage; and the rules that get none.
import { describe, expect, test } from 'vitest';
import { EXAMPLE, atStage, replace } from '../rules/completeness-support.js';
import { check, createEditorTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';
import { codeActions, onlyEdit, roundTrip, withoutBlock, withoutLines } from './fix-support.js';

const services = createEditorTestServices();
const MVP = atStage(EXAMPLE, 'mvp');

describe('references', () => {
    test('unresolved-reference: the nearest declared name replaces only the reference', async () => {
        const trip = await roundTrip(services, replace(MVP, 'fallback TenureRule', 'fallback TenureRul'), 'unresolved-reference', { replaces: true });
        expect(trip.action.title).toBe("Change 'TenureRul' to 'TenureRule'");
        expect(trip.action.isPreferred).toBe(true);
        expect(onlyEdit(trip)).toMatchObject({ newText: 'TenureRule' });
        expect(trip.fixed).toBe(MVP);
    });

    test('unresolved-reference: one action per suggestion, the nearest preferred', async () => {
        const text = replace(replace(MVP, 'metric auc ', 'metric acc { kind ml better higher }\n  metric auc '), 'success auc >= 0.78', 'success ac >= 0.78');
        const { document, diagnostics } = await check(services, text);
        const unresolved = withCode(diagnostics, 'unresolved-reference');
        expect(unresolved).toHaveLength(1);
        const actions = await codeActions(services, document, unresolved);
        expect(actions.map(a => [a.title, a.isPreferred ?? false])).toEqual([
            ["Change 'ac' to 'acc'", true],
            ["Change 'ac' to 'auc'", false],
            ["Declare metric 'ac'", false],
            ["Ignore 'unresolved-reference' on this line", false],
        ]);
        const trip = await roundTrip(services, text, 'unresolved-reference', { title: "to 'auc'", replaces: true });
        expect(trip.fixed).toBe(replace(MVP, 'metric auc ', 'metric acc { kind ml better higher }\n  metric auc '));
    });

    test('unresolved-reference without a near name: declare it, or ignore', async () => {
        const { document, diagnostics } = await check(services, replace(MVP, 'fallback TenureRule', 'fallback Zzzzzzzzzz'));
        const actions = await codeActions(services, document, withCode(diagnostics, 'unresolved-reference'));
        expect(actions.map(a => a.title)).toEqual(["Declare baseline 'Zzzzzzzzzz'", "Ignore 'unresolved-reference' on this line"]);
    });

    test('ambiguous-reference: one action per qualified candidate, none preferred', async () => {
        const text = replace(
            replace(MVP, 'trains on subscribers', 'trains on subscribers, events'),
            '  baseline TenureRule',
            '  dataset events { source "warehouse://events" fields { tenure_months number } }\n\n  baseline TenureRule'
        );
        const { document, diagnostics } = await check(services, text);
        const ambiguous = withCode(diagnostics, 'ambiguous-reference');
        const actions = await codeActions(services, document, ambiguous);
        expect(actions.map(a => [a.title, a.isPreferred ?? false])).toEqual([
            ["Qualify as 'subscribers.tenure_months'", false],
            ["Qualify as 'events.tenure_months'", false],
            ["Ignore 'ambiguous-reference' on this line", false],
        ]);
        const trip = await roundTrip(services, text, 'ambiguous-reference', { title: 'events.tenure_months', replaces: true });
        expect(trip.fixed).toContain('features events.tenure_months, plan_tier');
        expect(trip.fixed.replace('events.tenure_months, plan_tier', 'tenure_months, plan_tier')).toBe(text);
    });
});

describe('units and operators', () => {
    test('unknown-unit: the suggested unit replaces the word', async () => {
        const trip = await roundTrip(services, replace(MVP, 'retention 365 d', 'retention 365 days'), 'unknown-unit', { replaces: true });
        expect(trip.action.title).toBe("Change 'days' to 'd'");
        expect(trip.fixed).toBe(MVP);
        const rate = await roundTrip(services, replace(MVP, 'peak 60 req/s', 'peak 60 req/sec'), 'unknown-unit', { replaces: true });
        expect(rate.fixed).toBe(MVP);
    });

    test('unit-mismatch: the metric\'s unit replaces the written one', async () => {
        const trip = await roundTrip(services, replace(MVP, 'success latency_p99 <= 150 ms', 'success latency_p99 <= 150 %'), 'unit-mismatch', { replaces: true });
        expect(trip.action.title).toBe("Change '%' to 'ms'");
        expect(onlyEdit(trip).newText).toBe('ms');
        expect(trip.fixed).toBe(MVP);
    });

    test('unit-mismatch: a missing unit is added after the number', async () => {
        const trip = await roundTrip(services, replace(MVP, 'success latency_p99 <= 150 ms', 'success latency_p99 <= 150'), 'unit-mismatch');
        expect(trip.action.title).toBe("Add unit 'ms'");
        expect(trip.fixed).toBe(MVP);
    });

    test('unit-mismatch on properties: rows for a size, the plan\'s currency for a budget figure', async () => {
        const size = await roundTrip(services, replace(MVP, 'size 1_200_000 rows', 'size 1_200_000 req/s'), 'unit-mismatch', { replaces: true });
        expect(size.fixed).toBe(MVP);
        const money = await roundTrip(services, replace(MVP, 'labeling 10_000 USD', 'labeling 10_000 EUR'), 'unit-mismatch', { replaces: true });
        expect(money.action.title).toBe("Change 'EUR' to 'USD'");
        expect(money.fixed).toBe(MVP);
    });

    test('unit-mismatch without one right unit gets no fix', async () => {
        const { document, diagnostics } = await check(services, replace(MVP, 'peak 60 req/s', 'peak 60 ms'));
        const actions = await codeActions(services, document, withCode(diagnostics, 'unit-mismatch'));
        expect(actions.map(a => a.title)).toEqual(["Ignore 'unit-mismatch' on this line"]);
    });

    test('percent-out-of-range: a plain number meant as a percentage gets its `%`', async () => {
        const trip = await roundTrip(services, replace(MVP, 'stage 10 % for 3 d', 'stage 10 for 3 d'), 'percent-out-of-range');
        expect(trip.action.title).toBe("Write '10 %' (a percentage)");
        expect(trip.fixed).toBe(MVP);
    });

    test('direction-conflict: the flipped operator', async () => {
        const trip = await roundTrip(services, replace(MVP, 'success latency_p99 <= 150 ms', 'success latency_p99 >= 150 ms'), 'direction-conflict', { replaces: true });
        expect(trip.action.title).toBe("Change '>=' to '<='");
        expect(trip.fixed).toBe(MVP);
    });
});

describe('rollout stages', () => {
    test('rollout-stages-not-increasing: the stage lines move into increasing order, unchanged', async () => {
        const text = replace(MVP, '    stage 1 % for 2 d\n    stage 10 % for 3 d\n', '    stage 10 % for 3 d   // second\n    stage 1 % for 2 d\n');
        const trip = await roundTrip(services, text, 'rollout-stages-not-increasing', { replaces: true });
        expect(trip.action.title).toBe("Reorder the stages: '1 %', '10 %', '100 %'");
        expect(trip.fixed).toBe(replace(MVP, '    stage 1 % for 2 d\n    stage 10 % for 3 d\n', '    stage 1 % for 2 d\n    stage 10 % for 3 d   // second\n'));
        // The same lines, only moved.
        expect(trip.fixed.split('\n').sort()).toEqual(text.split('\n').sort());
    });

    test('rollout-stages-not-increasing: stages sharing a line swap their own text', async () => {
        const text = replace(withoutBlock(MVP, 'rollout {'), '  monitoring {', '  rollout { strategy canary stage 100 % stage 10 % stage 50 % rollback when latency_p99 > 300 ms }\n\n  monitoring {');
        // Ending at 50 %, the rollout was also incomplete; in order, it ends at 100 %.
        const trip = await roundTrip(services, text, 'rollout-stages-not-increasing', { replaces: true, alsoFixes: ['rollout-incomplete'] });
        expect(trip.fixed).toContain('  rollout { strategy canary stage 10 % stage 50 % stage 100 % rollback when latency_p99 > 300 ms }');
    });

    test('rollout-stages-not-increasing with two equal stages gets no reorder', async () => {
        const { document, diagnostics } = await check(services, replace(MVP, 'stage 1 % for 2 d', 'stage 10 % for 2 d'));
        const actions = await codeActions(services, document, withCode(diagnostics, 'rollout-stages-not-increasing'));
        expect(actions.map(a => a.title)).toEqual(["Ignore 'rollout-stages-not-increasing' on this line"]);
    });

    test('rollout-incomplete: `stage 100 %` after the last stage, with its indentation', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'stage 100 %'), 'rollout-incomplete');
        expect(trip.action.title).toBe("Add 'stage 100 %' after the last stage");
        expect(onlyEdit(trip).newText).toBe('\n    stage 100 %');
        expect(trip.fixed).toBe(MVP);
    });

    test('rollout-incomplete on an A/B test also offers the even split', async () => {
        const text = replace(withoutLines(MVP, 'stage 100 %'), 'strategy canary', 'strategy ab-test');
        const full = await roundTrip(services, text, 'rollout-incomplete');
        expect(full.actions.map(a => a.title)).toEqual([
            "Add 'stage 100 %' after the last stage",
            "Add 'stage 50 %' after the last stage (an even split)",
            "Ignore 'rollout-incomplete' on this line",
        ]);
        const half = await roundTrip(services, text, 'rollout-incomplete', { title: 'even split' });
        expect(half.fixed).toContain('    stage 10 % for 3 d\n    stage 50 %\n');
    });

    test('rollout-incomplete without stages: stages ending at 100 %', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'stage 1 % for 2 d', 'stage 10 % for 3 d', 'stage 100 %'), 'rollout-incomplete');
        expect(onlyEdit(trip).newText).toBe('    stage 10 % for 1 d\n    stage 100 %\n');
    });
});

describe('monitoring and risks', () => {
    test('rollback-unmonitored: an alert copying the rollback condition', async () => {
        const trip = await roundTrip(services, withoutLines(MVP, 'alert error_rate > 1 % notify "#churn-oncall"'), 'rollback-unmonitored');
        expect(trip.action.title).toBe("Add 'alert error_rate > 1 %'");
        expect(trip.fixed).toContain('    log predictions for 30 d\n    alert error_rate > 1 %\n  }');
    });

    test('retrain-on-drift-unmonitored: a drift line in monitoring, or a monitoring block', async () => {
        const noDrift = withoutLines(replace(MVP, 'retrain every 30 d', 'retrain on drift'), 'drift subscribers.tenure_months psi > 0.2', 'drift predictions ks > 0.1');
        const trip = await roundTrip(services, noDrift, 'retrain-on-drift-unmonitored');
        expect(trip.action.title).toBe("Add 'drift predictions psi > 0.2'");
        const noMonitoring = withoutBlock(replace(MVP, 'retrain every 30 d', 'retrain on drift'), 'monitoring {');
        const block = await roundTrip(services, noMonitoring, 'retrain-on-drift-unmonitored', { alsoFixes: ['rollback-unmonitored'] });
        expect(block.action.title).toBe("Add a 'monitoring' block");
    });

    test('risk-unmitigated: `mitigation "TODO"`', async () => {
        const text = withoutLines(replace(MVP, 'impact medium', 'impact high'), 'mitigation "Serve TenureRule for tenure under 1 month"');
        const trip = await roundTrip(services, text, 'risk-unmitigated');
        expect(onlyEdit(trip).newText).toBe('    mitigation "TODO"\n');
    });
});

describe('rules without a mechanical fix', () => {
    test('duplicate-property and duplicate-block: only the ignore action', async () => {
        const text = replace(replace(MVP, '    compute cpu\n', '    compute cpu\n    compute gpu\n'), '  budget {', '  budget { total 1 USD }\n  budget {');
        const { document, diagnostics } = await check(services, text);
        for (const code of ['duplicate-property', 'duplicate-block']) {
            const found = withCode(diagnostics, code);
            expect(found.length, code).toBeGreaterThan(0);
            const actions = await codeActions(services, document, found.slice(0, 1));
            expect(actions.map(a => a.title)).toEqual([`Ignore '${code}' on this line`]);
        }
    });

    test('a property present but empty is not added twice', async () => {
        const text = replace(MVP, 'source "warehouse://analytics.subscribers"', 'source ""');
        const { document, diagnostics } = await check(services, text);
        const actions = await codeActions(services, document, withCode(diagnostics, 'dataset-source-missing'));
        expect(actions.map(a => a.title)).toEqual(["Ignore 'dataset-source-missing' on this line"]);
    });
});
