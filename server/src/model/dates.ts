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

/** The calendar date of a day number (the inverse of `dayNumber`); undefined when not finite. */
export function dateOfDay(day: number): CalendarDate | undefined {
    if (!Number.isFinite(day)) {
        return undefined;
    }
    const z = Math.floor(day) + 719468;
    const era = Math.floor(z / 146097);
    const dayOfEra = z - era * 146097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
    const day0 = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
    const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day: day0 };
}

/** The last day a plan's schedule is shown as a date; later ones read "after 9999-12-31". */
const LAST_SHOWN_DAY = dayNumber({ year: 9999, month: 12, day: 31 });

/** `2026-03-14` for a day number; beyond the year 9999, "after 9999-12-31" (never NaN or a 6-digit year). */
export function formatDay(day: number): string {
    const date = day <= LAST_SHOWN_DAY ? dateOfDay(day) : undefined;
    return !date || date.year < 0 ? 'after 9999-12-31' : formatDate(date);
}

/** The day number of a date as written, or undefined when it is not a real date. */
export function dayOf(text: string | undefined): number | undefined {
    const date = parseDate(text);
    return date ? dayNumber(date) : undefined;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The day of the week of a day number (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): string {
    return WEEKDAYS[(((day + 4) % 7) + 7) % 7];
}
