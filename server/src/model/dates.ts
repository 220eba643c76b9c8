/**
 * Calendar dates as written in plans (`2026-03-31`). The lexer only checks the shape; whether
 * the day exists is decided here, so `2026-02-30` becomes an `invalid-date` diagnostic.
 */

export interface CalendarDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The date, or undefined when the text is not a real calendar date. */
export function parseDate(text: string | undefined): CalendarDate | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return undefined;
    }
    return { year, month, day };
}

const MONTH_NAMES = [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * Why `text` is not a calendar date, in words for a diagnostic ("February 2026 has 28 days");
 * undefined when it is one. Text not even shaped like `YYYY-MM-DD` is described as such.
 */
export function dateProblem(text: string | undefined): string | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
    if (!match) {
        return 'a date is written YYYY-MM-DD';
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12) {
        return `there is no month ${match[2]} (months run from 01 to 12)`;
    }
    if (day < 1) {
        return 'days of the month start at 01';
    }
    const length = daysInMonth(year, month);
    if (day > length) {
        const leapNote = month === 2 && day === 29 ? `${year} is not a leap year, so ` : '';
        return `${leapNote}${MONTH_NAMES[month - 1]} ${year} has ${length} days`;
    }
    return undefined;
}

/**
 * Days since 1970-01-01 (proleptic Gregorian); differences between two dates are whole days.
 * Computed arithmetically rather than with `Date.UTC`, which maps years 0–99 to 1900–1999.
 */
export function dayNumber(date: CalendarDate): number {
    // Count from 1 March so that the leap day is the last day of the (shifted) year.
    const year = date.month <= 2 ? date.year - 1 : date.year;
    const era = Math.floor(year / 400);
    const yearOfEra = year - era * 400;
    const shiftedMonth = (date.month + 9) % 12;
    const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + date.day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

/** Negative, zero or positive, like a comparator. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return dayNumber(a) - dayNumber(b);
}

export function formatDate(date: CalendarDate): string {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
