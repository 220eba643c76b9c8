// The plan's calendar and money figures (model/schedule.ts, model/economics.ts): date arithmetic,
// rollout schedules, labeling, months of serving, the budget's sum, yearly cost and value. Each
// figure is undefined when what it needs is missing, and never NaN or Infinity.
import { describe, expect, test } from 'vitest';
import * as ast from '../../server/src/generated/ast.js';
import { dayOf, formatDay } from '../../server/src/model/dates.js';
import { monthlyServingCost } from '../../server/src/model/derived.js';
import {
    budgetSum, costOverValue, exceeds, labelingBudgetUse, labelingSpend, yearlyServingCost, yearlyValue,
} from '../../server/src/model/economics.js';
import {
    dayAfter, datasetRows, labelingFigures, refreshSeconds, rolloutSchedule, rolloutStartDay, servingMonths,
} from '../../server/src/model/schedule.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();
const DAY = 86_400;
const HUGE = `1${'0'.repeat(308)}`;

async function plan(body: string): Promise<ast.Plan> {
    const { document } = await check(services, `plan P {\n${body}\n}`);
    const parsed = document.parseResult.value.plan;
    if (!parsed) {
        throw new Error(`no plan in: ${body}`);
    }
    return parsed;
}

async function member<T extends ast.PlanMember>(body: string, guard: (n: unknown) => n is T, nth = 0): Promise<T> {
    const found = (await plan(body)).members.filter(guard)[nth];
    if (!found) {
        throw new Error(`no such member in: ${body}`);
    }
    return found;
}

const day = (date: string) => dayOf(date)!;
const rollout = (body: string, before = '') => member(`${before}\nrollout { ${body} }`, ast.isRollout);
const dataset = (body: string) => member(`dataset d { ${body} }`, ast.isDataset);
const budget = (body: string) => member(`budget { ${body} }`, ast.isBudget);
const serving = (body: string) => member(`serving { ${body} }`, ast.isServing);
const objectives = async (body: string) => (await plan(body)).members.filter(ast.isObjective);

describe('dayAfter: date arithmetic on day numbers', () => {
    test('whole days add; part of a day ends on that day', () => {
        expect(formatDay(dayAfter(day('2026-08-15'), 19 * DAY)!)).toBe('2026-09-03');
        expect(dayAfter(day('2026-08-15'), 0)).toBe(day('2026-08-15'));
        expect(dayAfter(day('2026-08-15'), 12 * 3600)).toBe(day('2026-08-15'));
        expect(dayAfter(day('2026-08-15'), DAY - 1)).toBe(day('2026-08-15'));
        expect(formatDay(dayAfter(day('2024-02-28'), DAY)!)).toBe('2024-02-29');
    });

    test('conversion noise just under a whole day does not lose that day', () => {
        expect(dayAfter(0, DAY * (1 - 1e-13))).toBe(1);
        expect(dayAfter(0, DAY * 0.999)).toBe(0);
    });

    test('no start, or a span or result beyond the numbers: undefined', () => {
        expect(dayAfter(undefined, DAY)).toBeUndefined();
        expect(dayAfter(0, Infinity)).toBeUndefined();
        expect(dayAfter(0, NaN)).toBeUndefined();
        expect(dayAfter(Infinity, 0)).toBeUndefined();
        expect(dayAfter(0, Number.MAX_VALUE)).toBe(Math.floor(Number.MAX_VALUE / DAY));
    });
});

describe('rolloutSchedule', () => {
    test('start after a milestone, shadow, then each stage in turn; a stage without `for` counts 0', async () => {
        const r = await rollout('starts after Shadow shadow 14 d stage 1 % for 2 d stage 10 % for 12 h stage 100 %', 'milestone Shadow { due 2026-08-15 }');
        const schedule = rolloutSchedule(r, 10);
        expect(schedule.milestone?.name).toBe('Shadow');
        expect(schedule.startDay).toBe(day('2026-08-15'));
        expect(schedule.shadowSeconds).toBe(14 * DAY);
        expect(schedule.seconds).toBe(16.5 * DAY);
        expect(formatDay(schedule.endDay!)).toBe('2026-08-31');
        expect(schedule.stages.map(s => [s.share, s.seconds, s.requests, formatDay(s.startDay!), formatDay(s.endDay!)])).toEqual([
            [0.01, 2 * DAY, 10 * 0.01 * 2 * DAY, '2026-08-29', '2026-08-31'],
            [0.1, 12 * 3600, 10 * 0.1 * 12 * 3600, '2026-08-31', '2026-08-31'],
            [1, undefined, undefined, '2026-08-31', '2026-08-31'],
        ]);
    });

    test('a start date; no mean rate means no requests; no start means no days', async () => {
        const dated = rolloutSchedule(await rollout('starts 2026-03-01 stage 5 % for 1 w'), undefined);
        expect([dated.milestone, formatDay(dated.endDay!), dated.stages[0].requests]).toEqual([undefined, '2026-03-08', undefined]);
        const undated = rolloutSchedule(await rollout('shadow 1 d stage 5 % for 1 w'), 1);
        expect([undated.startDay, undated.endDay, undated.stages[0].startDay, undated.seconds]).toEqual([undefined, undefined, undefined, 8 * DAY]);
    });

    test('a milestone without a due date, an unresolved one, an invalid date: no start', async () => {
        expect(rolloutStartDay(await rollout('starts after M', 'milestone M { description "x" }'))).toEqual({ day: undefined, milestone: expect.objectContaining({ name: 'M' }) });
        expect(rolloutStartDay(await rollout('starts after Nowhere'))).toEqual({ day: undefined, milestone: undefined });
        expect(rolloutStartDay(await rollout('starts 2026-02-30'))).toEqual({ day: undefined });
        expect(rolloutStartDay(undefined)).toEqual({});
    });

    test('durations that are not times, or negative, count 0', async () => {
        const schedule = rolloutSchedule(await rollout('starts 2026-03-01 shadow 5 % stage 1 % for 3 req/s stage 10 % for -2 d'), 1);
        expect([schedule.shadowSeconds, schedule.seconds, schedule.endDay]).toEqual([0, 0, day('2026-03-01')]);
    });

    test('10,000,000 days still has a day number; a duration past every number has no date and no Infinity', async () => {
        const long = rolloutSchedule(await rollout('starts 2026-03-01 stage 1 % for 10000000 d'), 1);
        expect(long.endDay).toBe(day('2026-03-01') + 10_000_000);
        expect(formatDay(long.endDay!)).toBe('after 9999-12-31');
        expect(long.stages[0].requests).toBeCloseTo(0.01 * 10_000_000 * DAY);

        const endless = rolloutSchedule(await rollout(`starts 2026-03-01 stage 1 % for ${HUGE} d stage 100 % for 1 d`), HUGE.length);
        expect([endless.endDay, endless.stages[0].seconds, endless.stages[0].requests, endless.stages[1].startDay]).toEqual([undefined, undefined, undefined, undefined]);
        expect(endless.seconds).toBe(Number.MAX_VALUE);

        const endlessShadow = rolloutSchedule(await rollout(`starts 2026-03-01 shadow ${HUGE} d stage 1 % for 1 d`), 1);
        expect([endlessShadow.endDay, endlessShadow.stages[0].startDay, endlessShadow.shadowSeconds]).toEqual([undefined, undefined, Number.MAX_VALUE]);

        // Two durations that each fit but whose sum does not.
        const big = `15${'0'.repeat(302)}`; // 1.5e303 d: 1.3e308 s, just under the largest number
        const summed = rolloutSchedule(await rollout(`starts 2026-03-01 stage 1 % for ${big} d stage 2 % for ${big} d`), 1);
        expect([Number.isFinite(summed.stages[0].endDay), summed.stages[1].endDay, summed.endDay, summed.seconds]).toEqual([true, undefined, undefined, Number.MAX_VALUE]);
    });
});

describe('refresh periods and dataset sizes', () => {
    test('hourly, daily, weekly, monthly (30 d); once never', () => {
        expect(['hourly', 'daily', 'weekly', 'monthly', 'once', undefined].map(refreshSeconds)).toEqual([3600, DAY, 7 * DAY, 30 * DAY, undefined, undefined]);
    });

    test('a size in rows or a plain count; not negative, not another unit', async () => {
        expect(datasetRows(await dataset('size 1_200 rows'))).toBe(1200);
        expect(datasetRows(await dataset('size 1_200'))).toBe(1200);
        expect(datasetRows(await dataset('size -5 rows'))).toBeUndefined();
        expect(datasetRows(await dataset('size 3 GB'))).toBeUndefined();
        expect(datasetRows(await dataset('source "s"'))).toBeUndefined();
    });
});

describe('labelingFigures', () => {
    test('rows ÷ rate from the plan start; rows × cost per row', async () => {
        const figures = labelingFigures(await dataset('size 1_200_000 rows labeling in-house { rate 2_000 rows/day cost 0.05 USD/row }'), day('2026-01-05'));
        expect(figures).toEqual(expect.objectContaining({ rows: 1_200_000, rowsPerDay: 2000, days: 600, costPerRow: 0.05, currency: 'USD', cost: 60_000 }));
        expect(formatDay(figures.endDay!)).toBe('2027-08-28');
    });

    test('a rate per hour is converted; whole days stay whole', async () => {
        const figures = labelingFigures(await dataset('size 1_200 rows labeling in-house { rate 50 rows/h }'), day('2026-01-05'));
        expect(figures.rowsPerDay).toBeCloseTo(1200, 9);
        expect(formatDay(figures.endDay!)).toBe('2026-01-06');
    });

    test('missing or unusable figures: no days, no cost, no end', async () => {
        const noStart = labelingFigures(await dataset('size 100 rows labeling in-house { rate 10 rows/day cost 1 EUR/row }'), undefined);
        expect([noStart.days, noStart.endDay, noStart.cost, noStart.currency]).toEqual([10, undefined, 100, 'EUR']);
        const zeroRate = labelingFigures(await dataset('size 100 rows labeling in-house { rate 0 rows/day }'), 0);
        expect([zeroRate.days, zeroRate.endDay]).toEqual([undefined, undefined]);
        const wrongUnits = labelingFigures(await dataset('size 100 rows labeling in-house { rate 10 req/s cost 1 USD/req }'), 0);
        expect([wrongUnits.rowsPerDay, wrongUnits.days, wrongUnits.cost, wrongUnits.currency]).toEqual([undefined, undefined, undefined, undefined]);
        const noSize = labelingFigures(await dataset('labeling in-house { rate 10 rows/day cost 1 USD/row }'), 0);
        expect([noSize.days, noSize.cost, noSize.costPerRow]).toEqual([undefined, undefined, 1]);
    });

    test('products past every number are left out rather than Infinity', async () => {
        const figures = labelingFigures(await dataset(`size ${HUGE} rows labeling in-house { rate 0.000001 rows/day cost ${HUGE} USD/row }`), 0);
        expect([figures.days, figures.cost, figures.endDay]).toEqual([undefined, undefined, undefined]);
    });
});

describe('servingMonths', () => {
    const rolloutStart = day('2026-01-15');
    const deadline = day('2026-09-30');

    test('from the rollout start, else the plan start, to the deadline, in 30-day months rounded up', () => {
        expect(servingMonths(rolloutStart, day('2025-01-01'), deadline)).toEqual({ months: 9, fromDay: rolloutStart, from: 'rollout start', deadlineDay: deadline });
        expect(servingMonths(undefined, day('2026-03-01'), deadline)).toEqual({ months: 8, fromDay: day('2026-03-01'), from: 'plan start', deadlineDay: deadline });
        expect(servingMonths(deadline - 30, undefined, deadline).months).toBe(1);
        expect(servingMonths(deadline - 31, undefined, deadline).months).toBe(2);
    });

    test('at least one month; 12 when a date is missing', () => {
        expect(servingMonths(deadline + 10, undefined, deadline).months).toBe(1);
        expect(servingMonths(deadline, undefined, deadline).months).toBe(1);
        expect(servingMonths(undefined, undefined, deadline)).toEqual({ months: 12, fromDay: undefined, from: undefined, deadlineDay: deadline });
        expect(servingMonths(rolloutStart, undefined, undefined)).toEqual({ months: 12, fromDay: rolloutStart, from: 'rollout start', deadlineDay: undefined });
    });
});

describe('budgetSum', () => {
    const nine = servingMonths(day('2026-01-15'), undefined, day('2026-09-30'));

    test('one-off lines as written, serving per month × months, in the total\'s currency', async () => {
        const sum = budgetSum(await budget('total 30_000 USD serving 30_000 USD/year labeling 10_000 USD training 2_000 USD compute 1_000 EUR'), nine);
        expect(sum).toEqual({
            total: 30_000, currency: 'USD', servingMonthly: 2_500, months: nine, sum: 34_500, exceeded: true,
            lines: [{ name: 'labeling', amount: 10_000 }, { name: 'training', amount: 2_000 }, { name: 'serving', amount: 22_500 }],
        });
    });

    test('equality does not exceed, even through rounding noise', async () => {
        expect(budgetSum(await budget('total 32_500 USD serving 2_500 USD/month labeling 10_000 USD'), nine)?.exceeded).toBe(false);
        expect(budgetSum(await budget('total 32_499.99 USD serving 2_500 USD/month labeling 10_000 USD'), nine)?.exceeded).toBe(true);
        expect(budgetSum(await budget('total 0.3 USD labeling 0.1 USD training 0.2 USD'), nine)?.exceeded).toBe(false);
    });

    test('no total, a total that is not money, or a sum past every number: undefined', async () => {
        expect(budgetSum(await budget('serving 2_500 USD/month'), nine)).toBeUndefined();
        expect(budgetSum(await budget('total 30_000 USD/month'), nine)).toBeUndefined();
        expect(budgetSum(undefined, nine)).toBeUndefined();
        expect(budgetSum(await budget(`total 1 USD labeling ${HUGE} USD training ${HUGE} USD`), nine)).toBeUndefined();
    });

    test('a total with no line in its currency sums to 0', async () => {
        expect(budgetSum(await budget('total 1 USD labeling 5 EUR'), nine)).toEqual(expect.objectContaining({ lines: [], sum: 0, exceeded: false }));
    });
});

describe('labeling spend and the labeling budget', () => {
    const figures = async (...bodies: string[]) => {
        const p = await plan(bodies.map((body, i) => `dataset d${i} { ${body} }`).join('\n'));
        return p.members.filter(ast.isDataset).map(d => labelingFigures(d, undefined));
    };

    test('the sum in the currency of the first priced dataset', async () => {
        const spend = labelingSpend(await figures('size 10 rows', 'size 10 rows labeling in-house { cost 2 EUR/row }', 'size 5 rows labeling in-house { cost 1 USD/row }', 'size 1 rows labeling in-house { cost 1 EUR/row }'));
        expect([spend?.currency, spend?.sum, spend?.datasets.map(d => d.dataset.name)]).toEqual(['EUR', 21, ['d1', 'd3']]);
        expect(labelingSpend(await figures('size 10 rows'))).toBeUndefined();
    });

    test('against the labeling line, in that line\'s currency', async () => {
        const all = await figures('size 10 rows labeling in-house { cost 2 EUR/row }', 'size 5 rows labeling in-house { cost 1 USD/row }');
        const use = labelingBudgetUse(all, await budget('labeling 4 USD'));
        expect([use?.spend.currency, use?.spend.sum, use?.allowed, use?.exceeded]).toEqual(['USD', 5, 4, true]);
        expect(labelingBudgetUse(all, await budget('labeling 5 USD'))?.exceeded).toBe(false);
        expect(labelingBudgetUse(all, await budget('labeling 5 GBP'))).toBeUndefined();
        expect(labelingBudgetUse(all, await budget('labeling 5 USD/month'))).toBeUndefined();
        expect(labelingBudgetUse(all, undefined)).toBeUndefined();
    });
});

describe('yearly serving cost, yearly value', () => {
    test('cost per request × 365 days of volume', async () => {
        const s = await serving('volume 2_000_000 req/day cost 0.00004 USD/req');
        const yearly = yearlyServingCost(monthlyServingCost(s), undefined);
        expect(yearly?.basis).toBe('volume');
        expect(yearly?.currency).toBe('USD');
        expect(yearly?.amount).toBeCloseTo(29_200, 6);
        expect(yearly?.requestsPerYear).toBeCloseTo(730_000_000, 3);
    });

    test('a cost per month or per year × 12; else the serving budget × 12; else nothing', async () => {
        expect(yearlyServingCost(monthlyServingCost(await serving('cost 3_000 USD/month')), undefined)).toEqual({ amount: 36_000, currency: 'USD', basis: 'monthly cost' });
        expect(yearlyServingCost(monthlyServingCost(await serving('cost 36_000 EUR/year')), undefined)).toEqual({ amount: 36_000, currency: 'EUR', basis: 'monthly cost' });
        const servingBudget = await budget('serving 2_500 GBP/month');
        expect(yearlyServingCost(monthlyServingCost(await serving('cost 0.1 USD/req')), servingBudget)).toEqual({ amount: 30_000, currency: 'GBP', basis: 'serving budget' });
        expect(yearlyServingCost(undefined, await budget('serving 2_500 USD'))).toBeUndefined();
        expect(yearlyServingCost(undefined, undefined)).toBeUndefined();
    });

    test('a cost past every number is no cost', () => {
        expect(yearlyServingCost({ amount: Number.MAX_VALUE, currency: 'USD', requestsPerMonth: 1 }, undefined)).toBeUndefined();
        expect(yearlyServingCost({ amount: Number.MAX_VALUE, currency: 'USD' }, undefined)).toBeUndefined();
    });

    test('the objectives\' values per year, in the first one\'s currency, in order', async () => {
        const value = yearlyValue(await objectives('objective A { description "none" }\nobjective B { value 1_000 USD/month }\nobjective C { value 5 EUR/year }\nobjective D { value 6_000 USD/year }\nobjective E { value 5 USD }'));
        expect([value?.amount, value?.currency, value?.objectives.map(o => o.name)]).toEqual([18_000, 'USD', ['B', 'D']]);
        expect(yearlyValue(await objectives('objective A { description "none" }'))).toBeUndefined();
        expect(yearlyValue([])).toBeUndefined();
    });

    test('cost against value: one currency only, equality never exceeds', () => {
        const value = { amount: 29_200, currency: 'USD', objectives: [] };
        expect(costOverValue({ amount: 29_200.000000000004, currency: 'USD', basis: 'volume' }, value)?.exceeded).toBe(false);
        expect(costOverValue({ amount: 29_201, currency: 'USD', basis: 'volume' }, value)?.exceeded).toBe(true);
        expect(costOverValue({ amount: 29_201, currency: 'EUR', basis: 'volume' }, value)).toBeUndefined();
        expect(costOverValue(undefined, value)).toBeUndefined();
    });
});

describe('exceeds', () => {
    test('strict, with rounding noise as equality, at any scale', () => {
        expect(exceeds(2, 1)).toBe(true);
        expect(exceeds(1, 1)).toBe(false);
        expect(exceeds(1, 2)).toBe(false);
        expect(exceeds(0.1 + 0.2, 0.3)).toBe(false);
        expect(exceeds(1e300 * (1 + 1e-12), 1e300)).toBe(false);
        expect(exceeds(1e-300, 0)).toBe(true);
        expect(exceeds(0, -1)).toBe(true);
        expect(exceeds(Number.MAX_VALUE, -Number.MAX_VALUE)).toBe(true);
    });
});
