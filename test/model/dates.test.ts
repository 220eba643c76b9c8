import { describe, expect, test } from 'vitest';
import {
    compareDates, dateProblem, dayNumber, daysInMonth, formatDate, isLeapYear, parseDate,
} from '../../server/src/model/dates.js';

function date(text: string) {
    const parsed = parseDate(text);
    if (!parsed) {
        throw new Error(`not a date: ${text}`);
    }
    return parsed;
}

describe('calendar validity', () => {
    test('real dates parse', () => {
        expect(parseDate('2026-03-31')).toEqual({ year: 2026, month: 3, day: 31 });
        expect(parseDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
        expect(parseDate('2026-01-01')).toEqual({ year: 2026, month: 1, day: 1 });
        expect(parseDate('2026-02-28')).toBeDefined();
    });

    test.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32'])(
        '%s does not exist', text => {
            expect(parseDate(text)).toBeUndefined();
            expect(dateProblem(text)).toBeDefined();
        }
    );

    test('leap years: every 4th, not every 100th, but every 400th', () => {
        expect(isLeapYear(2024)).toBe(true);
        expect(isLeapYear(2026)).toBe(false);
        expect(isLeapYear(1900)).toBe(false);
        expect(isLeapYear(2000)).toBe(true);
        expect(isLeapYear(2100)).toBe(false);
        expect(parseDate('2024-02-29')).toBeDefined();
        expect(parseDate('2028-02-29')).toBeDefined();
        expect(parseDate('2000-02-29')).toBeDefined();
        expect(parseDate('1900-02-29')).toBeUndefined();
        expect(parseDate('2100-02-29')).toBeUndefined();
        expect(daysInMonth(2024, 2)).toBe(29);
        expect(daysInMonth(2026, 2)).toBe(28);
        expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(m => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        expect(daysInMonth(2026, 13)).toBe(0);
    });

    test('text not shaped like YYYY-MM-DD', () => {
        for (const text of ['2026-3-31', '26-03-31', '2026/03/31', '2026-03-31T00:00', '', undefined]) {
            expect(parseDate(text), String(text)).toBeUndefined();
        }
        expect(dateProblem('2026/03/31')).toBe('a date is written YYYY-MM-DD');
    });

    test('explanations', () => {
        expect(dateProblem('2026-02-30')).toBe('February 2026 has 28 days');
        expect(dateProblem('2026-02-29')).toBe('2026 is not a leap year, so February 2026 has 28 days');
        expect(dateProblem('2024-02-30')).toBe('February 2024 has 29 days');
        expect(dateProblem('2026-04-31')).toBe('April 2026 has 30 days');
        expect(dateProblem('2026-13-01')).toBe('there is no month 13 (months run from 01 to 12)');
        expect(dateProblem('2026-05-00')).toBe('days of the month start at 01');
        expect(dateProblem('2024-02-29')).toBeUndefined();
    });
});

describe('day arithmetic', () => {
    test('day numbers count from 1970-01-01', () => {
        expect(dayNumber(date('1970-01-01'))).toBe(0);
        expect(dayNumber(date('1970-01-02'))).toBe(1);
        expect(dayNumber(date('1969-12-31'))).toBe(-1);
        expect(dayNumber(date('2000-03-01'))).toBe(11_017);
    });

    test('agree with the JavaScript calendar over a long stretch', () => {
        for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2110, 0, 1); t += 86_400_000 * 13) {
            const d = new Date(t);
            const calendar = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
            expect(dayNumber(calendar)).toBe(t / 86_400_000);
        }
    });

    test('years before 100 are not shifted to the 1900s', () => {
        expect(dayNumber(date('0050-01-01')) - dayNumber(date('0049-01-01'))).toBe(365);
        expect(dayNumber(date('0048-03-01')) - dayNumber(date('0048-02-28'))).toBe(2);
        expect(compareDates(date('0050-01-01'), date('1950-01-01'))).toBeLessThan(0);
    });

    test('differences and comparisons', () => {
        expect(compareDates(date('2024-03-01'), date('2024-02-28'))).toBe(2);
        expect(compareDates(date('2026-03-01'), date('2026-02-28'))).toBe(1);
        expect(compareDates(date('2027-01-01'), date('2026-01-01'))).toBe(365);
        expect(compareDates(date('2025-01-01'), date('2024-01-01'))).toBe(366);
        expect(compareDates(date('2026-03-01'), date('2026-03-01'))).toBe(0);
        expect(compareDates(date('2026-01-15'), date('2026-03-01'))).toBeLessThan(0);
    });

    test('formatting round-trips', () => {
        for (const text of ['2026-03-31', '0001-01-01', '2024-02-29', '9999-12-31']) {
            expect(formatDate(date(text))).toBe(text);
        }
    });
});
