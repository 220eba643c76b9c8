import { describe, expect, test } from 'vitest';
import * as ast from '../../server/src/generated/ast.js';
import {
    errorBudget, meanRate, measureOf, metricUnit, monthlyServingCost, peakRate, rolloutDuration,
} from '../../server/src/model/derived.js';
import { PLAIN } from '../../server/src/model/units.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

/** The first member of type `guard` of a plan made of `body`. */
async function member<T extends ast.PlanMember>(body: string, guard: (n: unknown) => n is T): Promise<T> {
    const { document } = await check(services, `plan P {\n${body}\n}`);
    const found = document.parseResult.value.plan?.members.find(guard);
    if (!found) {
        throw new Error(`no such member in: ${body}`);
    }
    return found;
}

const serving = (body: string) => member(`serving { ${body} }`, ast.isServing);

describe('quantities and metric units', () => {
    test('a quantity node becomes a measure; unknown units and missing values do not', async () => {
        const s = await serving('volume 2_000_000 req/day peak 60 cost 3 bananas');
        expect(measureOf(s.volume)).toEqual({ value: 2_000_000, unit: expect.objectContaining({ symbol: 'req/day' }) });
        expect(measureOf(s.peak)?.unit).toBe(PLAIN);
        expect(measureOf(s.cost)).toBeUndefined();
        expect(measureOf(undefined)).toBeUndefined();
    });

    test('a metric without unit measures a plain ratio', async () => {
        expect(metricUnit(await member('metric auc { better higher }', ast.isMetric))).toBe(PLAIN);
        expect(metricUnit(await member('metric lat { unit ms }', ast.isMetric))?.symbol).toBe('ms');
        expect(metricUnit(await member('metric lat { unit days }', ast.isMetric))).toBeUndefined();
        expect(metricUnit(undefined)).toBeUndefined();
    });
});

describe('rates', () => {
    test('mean rate from the volume, peak in req/s', async () => {
        const s = await serving('volume 2_000_000 req/day peak 3_600 req/h');
        expect(meanRate(s)).toBeCloseTo(23.148, 3);
        expect(peakRate(s)).toBeCloseTo(1, 12);
    });

    test('wrong or missing figures give nothing', async () => {
        const s = await serving('volume 20 ms peak 3 %');
        expect(meanRate(s)).toBeUndefined();
        expect(peakRate(s)).toBeUndefined();
        expect(meanRate(undefined)).toBeUndefined();
    });
});

describe('monthly serving cost (30-day month)', () => {
    test('per request × volume', async () => {
        const cost = monthlyServingCost(await serving('volume 2_000_000 req/day cost 0.00004 USD/req'));
        expect(cost?.currency).toBe('USD');
        expect(cost?.requestsPerMonth).toBeCloseTo(60_000_000, 3);
        expect(cost?.amount).toBeCloseTo(2_400, 6);
    });

    test('a volume in req/s or the req/d alias converts first', async () => {
        expect(monthlyServingCost(await serving('volume 10 req/s cost 0.001 EUR/req'))?.amount).toBeCloseTo(25_920, 6);
        expect(monthlyServingCost(await serving('volume 1_000 req/d cost 0.5 GBP/req'))).toEqual(
            { amount: expect.closeTo(15_000, 6), currency: 'GBP', requestsPerMonth: expect.closeTo(30_000, 6) });
    });

    test('a monthly cost is taken as is', async () => {
        expect(monthlyServingCost(await serving('cost 900 EUR/month'))).toEqual({ amount: 900, currency: 'EUR' });
    });

    test('nothing to compute', async () => {
        expect(monthlyServingCost(await serving('cost 0.00004 USD/req'))).toBeUndefined();
        expect(monthlyServingCost(await serving('volume 5 ms cost 0.00004 USD/req'))).toBeUndefined();
        expect(monthlyServingCost(await serving('volume 5 req/s cost 4 USD'))).toBeUndefined();
        expect(monthlyServingCost(await serving('volume 5 req/s'))).toBeUndefined();
        expect(monthlyServingCost(undefined)).toBeUndefined();
    });
});

describe('SLO error budget', () => {
    test('(1 − objective) × window', async () => {
        const budget = errorBudget(await member('slo S { objective 99.5 % window 28 d }', ast.isSlo));
        expect(budget?.objective).toBeCloseTo(0.995, 12);
        expect(budget?.windowSeconds).toBe(2_419_200);
        expect(budget?.seconds).toBeCloseTo(12_096, 6);
        expect(errorBudget(await member('slo S { objective 0.999 window 1 w }', ast.isSlo))?.seconds).toBeCloseTo(604.8, 6);
    });

    test('no budget without a fraction objective and a time window', async () => {
        expect(errorBudget(await member('slo S { objective 99.5 % }', ast.isSlo))).toBeUndefined();
        expect(errorBudget(await member('slo S { objective 99.5 ms window 28 d }', ast.isSlo))).toBeUndefined();
        expect(errorBudget(await member('slo S { objective 99.5 % window 28 }', ast.isSlo))).toBeUndefined();
    });
});

describe('rollout duration', () => {
    test('shadow plus every stage duration, in seconds', async () => {
        const rollout = await member('rollout { shadow 14 d stage 1 % for 2 d stage 10 % for 12 h stage 100 % }', ast.isRollout);
        expect(rolloutDuration(rollout)).toBe(16.5 * 86_400);
    });

    test('nothing when no duration is given', async () => {
        expect(rolloutDuration(await member('rollout { stage 100 % }', ast.isRollout))).toBeUndefined();
        expect(rolloutDuration(undefined)).toBeUndefined();
    });
});
