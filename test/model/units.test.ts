import { describe, expect, test } from 'vitest';
import {
    compareMeasures, compatible, convert, equivalents, formatDuration, formatMeasure, formatNumber, formatPercent,
    formatValue, lookupUnit, measure, PLAIN, suggestUnit, toBase, UNIT_SYMBOLS, type Measure,
} from '../../server/src/model/units.js';

function m(value: number, symbol: string): Measure {
    const result = measure(value, symbol);
    if (!result) {
        throw new Error(`not a unit: ${symbol}`);
    }
    return result;
}

/** `value from` expressed in `to`. */
function conv(value: number, from: string, to: string): number | undefined {
    return convert(m(value, from), lookupUnit(to)!);
}

describe('the units of LANGUAGE.md section 1', () => {
    test('every unit of the table is known, and nothing else', () => {
        expect(UNIT_SYMBOLS).toEqual([
            'ms', 's', 'min', 'h', 'd', 'w', '%', 'req/s', 'req/min', 'req/h', 'req/day', 'req/d', 'rows',
            'rows/s', 'rows/min', 'rows/h', 'rows/day', 'rows/d',
            'USD', 'USD/month', 'USD/year', 'USD/req', 'USD/row',
            'EUR', 'EUR/month', 'EUR/year', 'EUR/req', 'EUR/row',
            'GBP', 'GBP/month', 'GBP/year', 'GBP/req', 'GBP/row',
        ]);
        for (const word of ['days', 'sec', 'usd', 'req/sec', 'USD/day', 'row', 'M', 'month']) {
            expect(lookupUnit(word), word).toBeUndefined();
        }
        expect(lookupUnit(undefined)).toBe(PLAIN);
        expect(lookupUnit('')).toBe(PLAIN);
    });

    test('dimensions', () => {
        const dimension = (s: string) => lookupUnit(s)?.dimension;
        expect(['ms', 's', 'min', 'h', 'd', 'w'].map(dimension)).toEqual(Array(6).fill('time'));
        expect(['', '%'].map(dimension)).toEqual(['fraction', 'fraction']);
        expect(['req/s', 'req/min', 'req/h', 'req/day', 'req/d'].map(dimension)).toEqual(Array(5).fill('rate'));
        expect(['USD', 'EUR', 'GBP'].map(dimension)).toEqual(Array(3).fill('money'));
        expect(['USD/month', 'EUR/month', 'GBP/month'].map(dimension)).toEqual(Array(3).fill('money-per-month'));
        expect(['USD/req', 'EUR/req', 'GBP/req'].map(dimension)).toEqual(Array(3).fill('money-per-request'));
        expect(['USD/year', 'EUR/year', 'GBP/year'].map(dimension)).toEqual(Array(3).fill('money-per-month'));
        expect(['USD/row', 'EUR/row', 'GBP/row'].map(dimension)).toEqual(Array(3).fill('money-per-row'));
        expect(['rows/s', 'rows/min', 'rows/h', 'rows/day', 'rows/d'].map(dimension)).toEqual(Array(5).fill('row-rate'));
        expect(conv(1_200, 'USD/month', 'USD/year')).toBeCloseTo(14_400);
        expect(conv(2_400, 'rows/day', 'rows/h')).toBeCloseTo(100);
        expect(conv(1, 'USD/month', 'EUR/year')).toBeUndefined();
        expect(dimension('rows')).toBe('size');
    });
});

describe('time: ms, s, min, h, d, w all convert', () => {
    test('each step of the ladder', () => {
        expect(conv(1, 's', 'ms')).toBeCloseTo(1000, 9);
        expect(conv(1, 'min', 's')).toBe(60);
        expect(conv(1, 'h', 'min')).toBe(60);
        expect(conv(1, 'd', 'h')).toBe(24);
        expect(conv(1, 'w', 'd')).toBe(7);
    });

    test('across the ladder, both ways', () => {
        expect(conv(150, 'ms', 's')).toBeCloseTo(0.15, 12);
        expect(conv(2, 'w', 'h')).toBe(336);
        expect(conv(1, 'w', 'ms')).toBeCloseTo(604_800_000, 3);
        expect(conv(90, 'min', 'h')).toBe(1.5);
        expect(conv(36, 'h', 'd')).toBe(1.5);
        expect(conv(14, 'd', 'w')).toBe(2);
        expect(conv(3_600_000, 'ms', 'h')).toBeCloseTo(1, 12);
    });

    test('base unit is the second', () => {
        expect(toBase(m(28, 'd'))).toBe(2_419_200);
        expect(toBase(m(1, 'w'))).toBe(7 * 86_400);
        expect(toBase(m(250, 'ms'))).toBeCloseTo(0.25, 12);
    });

    test('comparisons across units', () => {
        expect(compareMeasures(m(1, 'w'), m(7, 'd'))).toBe(0);
        expect(compareMeasures(m(1, 'h'), m(3_600_000, 'ms'))).toBe(0);
        expect(compareMeasures(m(59, 'min'), m(1, 'h'))).toBeLessThan(0);
        expect(compareMeasures(m(1.5, 's'), m(1_499, 'ms'))).toBeGreaterThan(0);
    });
});

describe('fraction: % and plain numbers', () => {
    test('3.5 % = 0.035, both ways', () => {
        expect(conv(3.5, '%', '')).toBeCloseTo(0.035, 12);
        expect(conv(0.995, '', '%')).toBeCloseTo(99.5, 9);
        expect(conv(100, '%', '')).toBe(1);
        expect(compareMeasures(m(3.5, '%'), m(0.035, ''))).toBe(0);
        expect(compareMeasures(m(99.5, '%'), m(0.995, ''))).toBe(0);
        expect(compareMeasures(m(50, ''), m(50, '%'))).toBeGreaterThan(0);
    });

    test('a plain number is a ratio', () => {
        expect(measure(0.78, undefined)?.unit).toBe(PLAIN);
        expect(compatible(PLAIN, lookupUnit('%')!)).toBe(true);
        expect(compatible(PLAIN, lookupUnit('ms')!)).toBe(false);
    });
});

describe('rate: req/s, req/min, req/h, req/day (alias req/d)', () => {
    test('each step', () => {
        expect(conv(1, 'req/s', 'req/min')).toBe(60);
        expect(conv(1, 'req/min', 'req/h')).toBeCloseTo(60, 9);
        expect(conv(1, 'req/h', 'req/day')).toBeCloseTo(24, 9);
        expect(conv(86_400, 'req/day', 'req/s')).toBeCloseTo(1, 12);
    });

    test('req/d is req/day', () => {
        expect(conv(1_000, 'req/d', 'req/day')).toBeCloseTo(1_000, 9);
        expect(compareMeasures(m(2_000_000, 'req/d'), m(2_000_000, 'req/day'))).toBe(0);
        expect(lookupUnit('req/d')!.factor).toBe(lookupUnit('req/day')!.factor);
    });

    test('the volume of the spec example as a mean rate', () => {
        expect(conv(2_000_000, 'req/day', 'req/s')).toBeCloseTo(23.148, 3);
        expect(conv(60, 'req/s', 'req/day')).toBeCloseTo(5_184_000, 3);
        expect(compareMeasures(m(3_600, 'req/h'), m(1, 'req/s'))).toBe(0);
    });
});

describe('money: kept apart across currencies', () => {
    test('same currency compares; different currencies never do', () => {
        expect(compareMeasures(m(100, 'USD'), m(100, 'USD'))).toBe(0);
        expect(compareMeasures(m(100, 'USD'), m(50, 'USD'))).toBeGreaterThan(0);
        for (const [a, b] of [['USD', 'EUR'], ['EUR', 'GBP'], ['GBP', 'USD']]) {
            expect(compatible(lookupUnit(a)!, lookupUnit(b)!), `${a} ${b}`).toBe(false);
            expect(conv(1, a, b)).toBeUndefined();
            expect(compareMeasures(m(1, a), m(1, b))).toBeUndefined();
        }
    });

    test('money rates: per month and per request, per currency', () => {
        expect(compareMeasures(m(2_500, 'USD/month'), m(2_400, 'USD/month'))).toBeGreaterThan(0);
        expect(compareMeasures(m(0.00004, 'EUR/req'), m(0.00004, 'EUR/req'))).toBe(0);
        expect(conv(1, 'USD/month', 'EUR/month')).toBeUndefined();
        expect(conv(1, 'GBP/req', 'USD/req')).toBeUndefined();
        // A rate is not an amount, and per month is not per request.
        expect(conv(1, 'USD/month', 'USD')).toBeUndefined();
        expect(conv(1, 'USD/req', 'USD/month')).toBeUndefined();
        expect(lookupUnit('EUR/month')!.currency).toBe('EUR');
    });
});

describe('size: rows', () => {
    test('rows compare with rows only', () => {
        expect(compareMeasures(m(1_200_000, 'rows'), m(1_000_000, 'rows'))).toBeGreaterThan(0);
        expect(conv(5, 'rows', '')).toBeUndefined();
        expect(conv(5, 'rows', 'ms')).toBeUndefined();
    });

    test('no other dimension mixes', () => {
        const pairs = [['ms', 'req/s'], ['%', 'ms'], ['req/day', 'USD/req'], ['d', 'rows'], ['USD', '%']];
        for (const [a, b] of pairs) {
            expect(compareMeasures(m(1, a), m(1, b)), `${a} ${b}`).toBeUndefined();
        }
    });

    test('a non-finite value is no measure', () => {
        expect(measure(Number.NaN, 'ms')).toBeUndefined();
        expect(measure(1, 'days')).toBeUndefined();
    });
});

describe('formatting', () => {
    test('numbers', () => {
        expect(formatNumber(2_000_000)).toBe('2,000,000');
        expect(formatNumber(23.148148)).toBe('23.1');
        expect(formatNumber(1.234)).toBe('1.23');
        expect(formatNumber(0.00004)).toBe('0.00004');
        expect(formatNumber(0.123456)).toBe('0.123');
        expect(formatNumber(0)).toBe('0');
        expect(formatNumber(-40)).toBe('-40');
        expect(formatNumber(60_000_000)).toBe('60,000,000');
    });

    test('measures and values', () => {
        expect(formatMeasure(m(150, 'ms'))).toBe('150 ms');
        expect(formatMeasure(m(99.5, '%'))).toBe('99.5 %');
        expect(formatMeasure(m(0.78, ''))).toBe('0.78');
        expect(formatMeasure(m(2_000_000, 'req/day'))).toBe('2,000,000 req/day');
        expect(formatValue(2_400, 'USD/month')).toBe('2,400 USD/month');
    });

    test('percentages and durations', () => {
        expect(formatPercent(0.035)).toBe('3.5 %');
        expect(formatPercent(50)).toBe('5,000 %');
        expect(formatDuration(2_592)).toBe('43.2 min');
        expect(formatDuration(0.15)).toBe('150 ms');
        expect(formatDuration(3 * 86_400)).toBe('3 d');
        expect(formatDuration(14 * 86_400)).toBe('2 w');
        expect(formatDuration(12_096)).toBe('3.36 h');
        expect(formatDuration(0)).toBe('0 ms');
    });

    test('equivalents for hovers', () => {
        const values = Object.fromEntries(equivalents(m(150, 'ms')).map(e => [e.symbol, e.value]));
        expect(Object.keys(values)).toEqual(['s', 'min', 'h', 'd', 'w']);
        expect(values.s).toBeCloseTo(0.15, 12);
        const rates = equivalents(m(2_000_000, 'req/day')).map(e => e.symbol);
        expect(rates).toEqual(['req/s', 'req/min', 'req/h']);
        expect(equivalents(m(3.5, '%'))).toEqual([{ symbol: '', value: expect.closeTo(0.035, 12) }]);
        expect(equivalents(m(10, 'USD'))).toEqual([]);
        expect(equivalents(m(10, 'rows'))).toEqual([]);
    });
});

describe('suggestions for unknown unit words', () => {
    test.each([
        ['days', 'd'], ['Days', 'd'], ['day', 'd'], ['hours', 'h'], ['hrs', 'h'], ['minutes', 'min'],
        ['seconds', 's'], ['sec', 's'], ['weeks', 'w'], ['millis', 'ms'], ['MS', 'ms'], ['percent', '%'],
        ['row', 'rows'], ['records', 'rows'], ['usd', 'USD'], ['euros', 'EUR'], ['gbp', 'GBP'],
        ['req/sec', 'req/s'], ['rps', 'req/s'], ['req/hour', 'req/h'], ['req/hr', 'req/h'], ['req/days', 'req/day'],
        ['requests/day', 'req/day'], ['requests/sec', 'req/s'], ['usd/month', 'USD/month'], ['USD/mo', 'USD/month'],
        ['eur/req', 'EUR/req'], ['EUR/request', 'EUR/req'], ['dollars/month', 'USD/month'], ['mss', 'ms'],
    ])('%s → %s', (word, unit) => {
        expect(suggestUnit(word)).toBe(unit);
        expect(lookupUnit(suggestUnit(word))).toBeDefined();
    });

    test('nothing near enough', () => {
        expect(suggestUnit('xyzzyplugh')).toBeUndefined();
    });
});
