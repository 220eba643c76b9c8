// peak-below-average, budget-exceeded, success-not-above-baseline, direction-conflict, invalid-date,
// and the value rules as a family (registry order, the spec example, partial plans).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { VALUE_RULES } from '../../server/src/rules/consistency/values-index.js';
import { check, createEditorTestServices, createTestServices } from '../support/services.js';
import { codeOf, diagnosticsOf, foundIn, located } from '../support/diagnostics.js';
import { roundTrip } from '../lsp/fix-support.js';

const services = createTestServices();

const VALUE_CODES = VALUE_RULES.map(rule => rule.code);

describe('the value rules as a family', () => {
    test('the spec example raises none of them', async () => {
        const { diagnostics } = await check(services, readFileSync('examples/churn-prediction.mlplan', 'utf8'));
        const codes = diagnostics.map(codeOf);
        expect(codes.filter(c => VALUE_CODES.includes(c))).toEqual([]);
    });

    afterEach(() => vi.restoreAllMocks());

    test('half-typed plans never make a rule fail', async () => {
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const partial = [
            'plan P { serving { volume peak 3 req/s cost } budget { serving } }',
            'plan P { rollout { strategy canary stage stage 10 % stage } }',
            'plan P { metric m { unit better lower } objective O { kpi m <= } }',
            'plan P { model M { evaluation { success auc >= 0.7 success m } } baseline B { expect = 3 } }',
            'plan P { slo S { indicator objective window } milestone A { due } deadline }',
            'plan P { dataset d { check missing x < size retention } monitoring { log predictions for } }',
            'plan P { serving { volume 5 req/s cost 0.1 USD/req } budget { serving 0 USD/month } rollout { strategy ab-test stage 0 % } }',
        ];
        for (const text of partial) {
            await check(services, text);
        }
        // The runner logs `mlplan: rule CODE failed:` for a rule that throws.
        const failures = errors.mock.calls.map(call => String(call[0])).filter(m => VALUE_CODES.some(code => m.includes(`rule ${code} failed`)));
        expect(failures).toEqual([]);
    });
});

describe('peak-below-average', () => {
    const serving = (volume: string, peak: string) => `plan P {
  serving {
    volume ${volume}
    peak ${peak}
  }
}`;

    test('a peak below the mean implied by the volume', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'peak-below-average', serving('2_000_000 req/day', '10 req/s'));
        expect(located(diagnostic)).toBe('peak-below-average@4:10-4:18');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toBe('peak 10 req/s is below the mean 23.1 req/s implied by 2,000,000 req/day');
        expect(await foundIn(services, 'peak-below-average', serving('2_000_000 req/day', '60 req/s'))).toEqual([]);
    });

    test('a peak in another rate unit is shown in req/s too', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'peak-below-average', serving('2_000_000 req/day', '1_200 req/min'));
        expect(located(diagnostic)).toBe('peak-below-average@4:10-4:23');
        expect(diagnostic.message).toBe('peak 1,200 req/min (20 req/s) is below the mean 23.1 req/s implied by 2,000,000 req/day');
        expect(await foundIn(services, 'peak-below-average', serving('2_000_000 req/day', '1_400 req/min'))).toEqual([]);
    });

    test('fix: the peak becomes the mean the volume implies, in the peak\'s unit, rounded up', async () => {
        const editor = createEditorTestServices();
        const trip = await roundTrip(editor, serving('2_000_000 req/day', '10 req/s'), 'peak-below-average', { replaces: true });
        expect(trip.action.title).toBe("Set the peak to '24 req/s', the mean the volume implies");
        expect(trip.fixed).toContain('    peak 24 req/s\n');
        const perMinute = await roundTrip(editor, serving('2_000_000 req/day', '1_200 req/min'), 'peak-below-average', { replaces: true });
        expect(perMinute.fixed).toContain('    peak 1389 req/min\n');
        const small = await roundTrip(editor, serving('100_000 req/day', '1 req/s'), 'peak-below-average', { replaces: true });
        expect(small.fixed).toContain('    peak 1.16 req/s\n');
    });

    test('a peak equal to the mean is fine', async () => {
        expect(await foundIn(services, 'peak-below-average', serving('86_400 req/day', '1 req/s'))).toEqual([]);
        expect(await foundIn(services, 'peak-below-average', serving('86_400 req/d', '3_600 req/h'))).toEqual([]);
        expect(await foundIn(services, 'peak-below-average', serving('86_401 req/day', '1 req/s'))).toEqual(['peak-below-average@4:10-4:17']);
    });

    test('a peak of the wrong kind is a unit-mismatch only', async () => {
        const text = serving('2_000_000 req/day', '3 ms');
        expect(await foundIn(services, 'peak-below-average', text)).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual(['unit-mismatch@4:10-4:14']);
        expect(await foundIn(services, 'peak-below-average', serving('2_000_000 req/day', '3 req/s'))).toEqual(['peak-below-average@4:10-4:17']);
    });
});

describe('budget-exceeded', () => {
    const plan = (cost: string, budget: string, volume = '2_000_000 req/day') => `plan P {
  serving {
    volume ${volume}
    cost ${cost}
  }
  budget {
    serving ${budget}
  }
}`;

    test('cost × volume over 30 days above the serving budget, with the figures', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'budget-exceeded', plan('0.00004 USD/req', '2_000 USD/month'));
        expect(located(diagnostic)).toBe('budget-exceeded@4:10-4:25');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toBe('serving costs 2,400 USD/month (0.00004 USD/req × 60,000,000 req/month) but the budget allows 2,000 USD/month');
    });

    test('a cost exactly at the budget, or under it, is fine', async () => {
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '2_400 USD/month'))).toEqual([]);
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '2_500 USD/month'))).toEqual([]);
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '2_399 USD/month'))).toEqual(['budget-exceeded@4:10-4:25']);
    });

    test('volumes in other rate units, at the exact boundary', async () => {
        // 10 req/s × 86,400 s × 30 d = 25,920,000 req/month.
        expect(await foundIn(services, 'budget-exceeded', plan('0.001 EUR/req', '25_920 EUR/month', '10 req/s'))).toEqual([]);
        expect(await foundIn(services, 'budget-exceeded', plan('0.001 EUR/req', '25_919 EUR/month', '10 req/s'))).toEqual(['budget-exceeded@4:10-4:23']);
        expect(await foundIn(services, 'budget-exceeded', plan('0.01 GBP/req', '30 GBP/month', '100 req/d'))).toEqual([]);
        expect(await foundIn(services, 'budget-exceeded', plan('0.01 GBP/req', '29.99 GBP/month', '100 req/d'))).toEqual(['budget-exceeded@4:10-4:22']);
    });

    test('a cost already per month is compared as is', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'budget-exceeded', plan('3_000 EUR/month', '2_500 EUR/month'));
        expect(located(diagnostic)).toBe('budget-exceeded@4:10-4:25');
        expect(diagnostic.message).toBe('serving costs 3,000 EUR/month but the budget allows 2,500 EUR/month');
        expect(await foundIn(services, 'budget-exceeded', plan('2_500 EUR/month', '2_500 EUR/month'))).toEqual([]);
    });

    test('no comparison across currencies or with a budget of the wrong kind', async () => {
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '1 EUR/month'))).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', plan('0.00004 USD/req', '1 EUR/month'))).toEqual(['unit-mismatch@4:10-4:25']);
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '1 USD'))).toEqual([]);
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '1 USD/month', '3 ms'))).toEqual([]);
        expect(await foundIn(services, 'budget-exceeded', plan('0.00004 USD/req', '1 USD/month'))).toHaveLength(1);
    });
});

describe('success-not-above-baseline', () => {
    const plan = (success: string, ...expects: string[]) => `plan P {
  metric auc { better higher }
  metric latency_p99 { unit ms better lower }
  metric error_rate { unit % better lower }
  metric calibration { }
${expects.map((e, i) => `  baseline B${i + 1} { expect ${e} }`).join('\n')}
  model M {
    evaluation {
      success ${success}
    }
  }
}`;

    test('a threshold below a baseline when higher is better', async () => {
        const text = plan('auc >= 0.6', 'auc = 0.64');
        const [diagnostic] = await diagnosticsOf(services, 'success-not-above-baseline', text);
        expect(located(diagnostic)).toBe('success-not-above-baseline@9:22-9:25');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('`success auc >= 0.6` does not beat baseline `B1`, which expects `auc` = 0.64: `auc` is better higher, so the threshold should be above 0.64');
        expect(diagnostic.data).toMatchObject({ baseline: 'B1', baselineValue: '0.64' });
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 0.78', 'auc = 0.64'))).toEqual([]);
    });

    test('a threshold equal to the baseline does not beat it', async () => {
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 0.64', 'auc = 0.64'))).toEqual(['success-not-above-baseline@9:22-9:26']);
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 64 %', 'auc = 0.64'))).toEqual(['success-not-above-baseline@9:22-9:26']);
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 64.1 %', 'auc = 0.64'))).toEqual([]);
    });

    test('lower is better: the threshold must be below, compared in base units', async () => {
        const text = plan('latency_p99 <= 150 ms', 'latency_p99 = 0.12 s');
        const [diagnostic] = await diagnosticsOf(services, 'success-not-above-baseline', text);
        expect(located(diagnostic)).toBe('success-not-above-baseline@9:30-9:36');
        expect(diagnostic.message).toBe('`success latency_p99 <= 150 ms` does not beat baseline `B1`, which expects `latency_p99` = 0.12 s: `latency_p99` is better lower, so the threshold should be below 0.12 s');
        expect(await foundIn(services, 'success-not-above-baseline', plan('latency_p99 <= 150 ms', 'latency_p99 = 0.2 s'))).toEqual([]);
        expect(await foundIn(services, 'success-not-above-baseline', plan('error_rate <= 1 %', 'error_rate = 0.01'))).toEqual(['success-not-above-baseline@9:29-9:32']);
        expect(await foundIn(services, 'success-not-above-baseline', plan('error_rate <= 0.9 %', 'error_rate = 0.01'))).toEqual([]);
    });

    test('names the strongest of several unbeaten baselines', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'success-not-above-baseline', plan('auc >= 0.7', 'auc = 0.65', 'auc = 0.72', 'auc = 0.71', 'auc = 0.5'));
        expect(diagnostic.message).toContain('does not beat baseline `B2`, which expects `auc` = 0.72');
        expect(diagnostic.message).toContain('; 1 other baseline is not beaten either');
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 0.73', 'auc = 0.65', 'auc = 0.72', 'auc = 0.71'))).toEqual([]);
    });

    test('only baselines of the same metric count', async () => {
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 0.6', 'latency_p99 = 100 ms', 'error_rate = 2 %'))).toEqual([]);
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc >= 0.6', 'latency_p99 = 100 ms', 'auc = 0.7'))).toHaveLength(1);
    });

    test('no direction, a wrong-way bound or incomparable units: no verdict', async () => {
        expect(await foundIn(services, 'success-not-above-baseline', plan('calibration >= 0.1', 'calibration = 0.2'))).toEqual([]);
        expect(await foundIn(services, 'success-not-above-baseline', plan('auc <= 0.5', 'auc = 0.64'))).toEqual([]);
        expect(await foundIn(services, 'success-not-above-baseline', plan('latency_p99 <= 150 ms', 'latency_p99 = 12 %'))).toEqual([]);
        expect(await foundIn(services, 'success-not-above-baseline', plan('latency_p99 <= 150 ms', 'latency_p99 = 120 ms'))).toHaveLength(1);
    });

    test('baselines and metrics from an imported catalog', async () => {
        const catalog = `catalog Shared {
  metric auc { better higher }
  baseline Heuristic { expect auc = 0.64 }
}`;
        const text = (threshold: string) => `import "./shared.mlplan"
plan P { model M { evaluation { success auc >= ${threshold} } } }`;
        const [diagnostic] = await diagnosticsOf(services, 'success-not-above-baseline', text('0.6'), { 'shared.mlplan': catalog });
        expect(located(diagnostic)).toBe('success-not-above-baseline@2:48-2:51');
        expect(diagnostic.message).toContain('baseline `Heuristic`');
        expect(await foundIn(services, 'success-not-above-baseline', text('0.7'), { 'shared.mlplan': catalog })).toEqual([]);
    });
});

describe('direction-conflict', () => {
    const plan = (line: string) => `plan P {
  metric auc { better higher }
  metric latency_p99 { unit ms better lower }
  metric churn_rate { unit % better lower }
  metric drift_score { }
  ${line}
}`;

    test('a success bound pointing up on a lower-is-better metric, reported on the operator', async () => {
        const text = plan('model M { evaluation { success latency_p99 >= 150 ms } }');
        const [diagnostic] = await diagnosticsOf(services, 'direction-conflict', text);
        expect(located(diagnostic)).toBe('direction-conflict@6:46-6:48');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('`success latency_p99 >= 150 ms` asks for larger values, but `latency_p99` is better lower; did you mean `<=`?');
        expect(diagnostic.data).toMatchObject({ expectedOp: '<=' });
        expect(await foundIn(services, 'direction-conflict', plan('model M { evaluation { success latency_p99 <= 150 ms } }'))).toEqual([]);
    });

    test('kpi and indicator bounds, both directions', async () => {
        expect(await foundIn(services, 'direction-conflict', plan('objective O { kpi churn_rate > 3.5 % }'))).toEqual(['direction-conflict@6:32-6:33']);
        expect(await foundIn(services, 'direction-conflict', plan('objective O { kpi auc <= 0.9 }'))).toEqual(['direction-conflict@6:25-6:27']);
        expect(await foundIn(services, 'direction-conflict', plan('slo S { indicator latency_p99 > 150 ms }'))).toEqual(['direction-conflict@6:33-6:34']);
        expect(await foundIn(services, 'direction-conflict', plan('objective O { kpi churn_rate < 3.5 % kpi auc > 0.9 }'))).toEqual([]);
        expect(await foundIn(services, 'direction-conflict', plan('slo S { indicator latency_p99 < 150 ms }'))).toEqual([]);
    });

    test('`=` and metrics without `better` never conflict', async () => {
        expect(await foundIn(services, 'direction-conflict', plan('objective O { kpi auc = 0.9 kpi latency_p99 = 100 ms }'))).toEqual([]);
        expect(await foundIn(services, 'direction-conflict', plan('objective O { kpi drift_score >= 0.9 kpi drift_score <= 0.1 }'))).toEqual([]);
        expect(await foundIn(services, 'direction-conflict', plan('objective O { kpi auc = 0.9 kpi auc < 0.9 }'))).toHaveLength(1);
    });

    test('alerts and rollback conditions state the bad side and are not checked', async () => {
        expect(await foundIn(services, 'direction-conflict', plan('monitoring { alert latency_p99 > 200 ms } rollout { rollback when auc < 0.6 }'))).toEqual([]);
        expect(await foundIn(services, 'direction-conflict', plan('slo S { indicator latency_p99 > 200 ms } rollout { rollback when auc < 0.6 }'))).toHaveLength(1);
    });
});

describe('invalid-date', () => {
    const plan = (deadline: string, by: string, due: string) => `plan P {
  deadline ${deadline}
  metric auc { better higher }
  objective O { kpi auc >= 0.8 by ${by} }
  milestone M { due ${due} }
}`;

    test('each date position, at the date', async () => {
        const diagnostics = await diagnosticsOf(services, 'invalid-date', plan('2026-02-30', '2026-02-29', '2026-13-01'));
        expect(diagnostics.map(d => [located(d), d.message])).toEqual([
            ['invalid-date@2:12-2:22', '`2026-02-30` is not a calendar date: February 2026 has 28 days'],
            ['invalid-date@4:35-4:45', '`2026-02-29` is not a calendar date: 2026 is not a leap year, so February 2026 has 28 days'],
            ['invalid-date@5:21-5:31', '`2026-13-01` is not a calendar date: there is no month 13 (months run from 01 to 12)'],
        ]);
        expect(diagnostics.every(d => d.severity === 1)).toBe(true);
    });

    test('real dates, leap days included, are fine', async () => {
        expect(await foundIn(services, 'invalid-date', plan('2026-12-31', '2028-02-29', '2000-02-29'))).toEqual([]);
        expect(await foundIn(services, 'invalid-date', plan('2026-12-31', '2028-02-29', '2100-02-29'))).toEqual(['invalid-date@5:21-5:31']);
        expect(await foundIn(services, 'invalid-date', plan('2026-04-31', '2026-04-30', '2026-01-00'))).toEqual(['invalid-date@2:12-2:22', 'invalid-date@5:21-5:31']);
    });
});
