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

/** Days since 1970-01-01 (UTC); differences between two dates are whole days. */
export function dayNumber(date: CalendarDate): number {
    return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

/** Negative, zero or positive, like a comparator. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return dayNumber(a) - dayNumber(b);
}

export function formatDate(date: CalendarDate): string {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
