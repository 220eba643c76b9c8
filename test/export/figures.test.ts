import { describe, expect, test } from 'vitest';
import type * as ast from '../../server/src/generated/ast.js';
import { peakToMeanRatio, servingBudgetUse } from '../../server/src/model/derived.js';
import { formatDuration, formatWrittenNumber, formatWrittenValue } from '../../server/src/model/units.js';
import { valueToCost } from '../../server/src/model/economics.js';

/** The figures this exporter added to model/ (derived.ts, units.ts), checked where they live. */
const q = (value: number, unit?: string) => ({ value, unit }) as ast.Quantity;
const serving = (fields: Partial<Record<'volume' | 'peak' | 'cost', ast.Quantity>>) => fields as unknown as ast.Serving;
const budget = (servingLine?: ast.Quantity) => ({ serving: servingLine }) as unknown as ast.Budget;

describe('peakToMeanRatio', () => {
    test('peak over the mean implied by the volume', () => {
        expect(peakToMeanRatio(serving({ volume: q(2_000_000, 'req/day'), peak: q(60, 'req/s') }))).toBeCloseTo(2.592, 9);
        expect(peakToMeanRatio(serving({ volume: q(2_000_000, 'req/day') }))).toBeUndefined();
        expect(peakToMeanRatio(serving({ volume: q(0, 'req/day'), peak: q(1, 'req/s') }))).toBeUndefined();
    });
});

describe('servingBudgetUse', () => {
    const s = serving({ volume: q(2_000_000, 'req/day'), cost: q(0.00004, 'USD/req') });
    test('share of the serving budget, and whether it is exceeded (budget-exceeded\'s comparison)', () => {
        const use = servingBudgetUse(s, budget(q(2_500, 'USD/month')))!;
        expect(use.cost.amount).toBeCloseTo(2_400, 6);
        expect(use.share).toBeCloseTo(0.96, 9);
        expect(use.exceeded).toBe(false);
        expect(servingBudgetUse(s, budget(q(2_000, 'USD/month')))?.exceeded).toBe(true);
        expect(servingBudgetUse(s, budget(q(2_400, 'USD/month')))?.exceeded).toBe(false);
    });
    test('nothing to compare: no budget line, another currency, or a one-off amount', () => {
        expect(servingBudgetUse(s, budget())).toBeUndefined();
        expect(servingBudgetUse(s, budget(q(2_500, 'EUR/month')))).toBeUndefined();
        expect(servingBudgetUse(s, budget(q(2_500, 'USD')))).toBeUndefined();
        expect(servingBudgetUse(s, budget(q(0, 'USD/month')))?.share).toBeUndefined();
    });
});

describe('formatting', () => {
    test('written values keep every digit the plan wrote', () => {
        expect(formatWrittenNumber(99.95)).toBe('99.95');
        expect(formatWrittenNumber(0.000002)).toBe('0.000002');
        expect(formatWrittenNumber(250_000)).toBe('250,000');
        expect(formatWrittenValue(2_000_000, 'req/day')).toBe('2,000,000 req/day');
        expect(formatWrittenValue(0.78, '')).toBe('0.78');
    });
    test('durations use weeks only when whole', () => {
        expect(formatDuration(14 * 86_400)).toBe('2 w');
        expect(formatDuration(19 * 86_400)).toBe('19 d');
        expect(formatDuration(10 * 86_400)).toBe('10 d');
        expect(formatDuration(2_592)).toBe('43.2 min');
    });
});

describe('valueToCost', () => {
    const value = (amount: number, currency = 'USD') => ({ amount, currency, objectives: [] });
    const cost = (amount: number, currency = 'USD') => ({ amount, currency, basis: 'volume' as const });
    test('yearly value over yearly cost, in one currency', () => {
        expect(valueToCost(value(400_000), cost(29_200))).toBeCloseTo(13.699, 3);
        expect(valueToCost(value(100), cost(100))).toBe(1);
    });
    test('no ratio across currencies, to a zero cost, or with a side missing', () => {
        expect(valueToCost(value(100), cost(10, 'EUR'))).toBeUndefined();
        expect(valueToCost(value(100), cost(0))).toBeUndefined();
        expect(valueToCost(undefined, cost(10))).toBeUndefined();
        expect(valueToCost(value(100), undefined)).toBeUndefined();
        expect(valueToCost(value(Number.MAX_VALUE), cost(Number.MIN_VALUE))).toBeUndefined();
    });
});
