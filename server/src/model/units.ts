/**
 * Units and quantities: the one place where `150 ms`, `99.5 %` or `2_000_000 req/day` get a
 * meaning. Every rule, hover and export that compares or shows a quantity goes through here,
 * so a figure is converted and printed the same way everywhere.
 */

import { formatDecimal, type DecimalFormat } from './number-format.js';

export type Dimension =
    | 'time'
    | 'fraction'
    | 'rate'
    | 'money'
    | 'money-per-month'
    | 'money-per-request'
    | 'money-per-row'
    | 'size'
    | 'row-rate';

export interface UnitInfo {
    /** The unit as written in a plan (`''` for a plain number). */
    readonly symbol: string;
    readonly dimension: Dimension;
    /** Multiplier to the dimension's base unit: seconds, ratio, requests per second, rows, rows per
     *  second, money. */
    readonly factor: number;
    /** Money units never convert across currencies. */
    readonly currency?: string;
}

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Monthly figures (budgets, costs) use a 30-day month, as LANGUAGE.md's budget rule does. */
export const DAYS_PER_MONTH = 30;
/** Yearly figures (LANGUAGE.md 4.3): a year of volume is 365 days; a monthly amount is × 12 a year. */
export const DAYS_PER_YEAR = 365;
export const MONTHS_PER_YEAR = 12;
export const SECONDS_PER_DAY = DAY;

function unit(symbol: string, dimension: Dimension, factor: number, currency?: string): UnitInfo {
    return { symbol, dimension, factor, currency };
}

const UNIT_LIST: UnitInfo[] = [
    unit('ms', 'time', SECOND / 1000),
    unit('s', 'time', SECOND),
    unit('min', 'time', MINUTE),
    unit('h', 'time', HOUR),
    unit('d', 'time', DAY),
    unit('w', 'time', WEEK),
    unit('', 'fraction', 1),
    unit('%', 'fraction', 0.01),
    unit('req/s', 'rate', 1),
    unit('req/min', 'rate', 1 / MINUTE),
    unit('req/h', 'rate', 1 / HOUR),
    unit('req/day', 'rate', 1 / DAY),
    unit('req/d', 'rate', 1 / DAY),
    unit('rows', 'size', 1),
    unit('rows/s', 'row-rate', 1),
    unit('rows/min', 'row-rate', 1 / MINUTE),
    unit('rows/h', 'row-rate', 1 / HOUR),
    unit('rows/day', 'row-rate', 1 / DAY),
    unit('rows/d', 'row-rate', 1 / DAY),
    ...CURRENCIES.flatMap(c => [
        unit(c, 'money', 1, c),
        unit(`${c}/month`, 'money-per-month', 1, c),
        // A yearly amount is a monthly one × 12 (LANGUAGE.md section 1): one dimension, base per month.
        unit(`${c}/year`, 'money-per-month', 1 / MONTHS_PER_YEAR, c),
        unit(`${c}/req`, 'money-per-request', 1, c),
        unit(`${c}/row`, 'money-per-row', 1, c),
    ]),
];

const UNITS = new Map(UNIT_LIST.map(u => [u.symbol, u]));

/** Every unit a plan may write, in the order of LANGUAGE.md's table (plain number excluded). */
export const UNIT_SYMBOLS: readonly string[] = UNIT_LIST.filter(u => u.symbol !== '').map(u => u.symbol);

export const PLAIN: UnitInfo = UNITS.get('')!;

/** `req/d` and `rows/d` are accepted but never suggested or listed: the plan's style is `/day`. */
export function isTolerated(symbol: string): boolean {
    return symbol.endsWith('/d');
}

/** The units completion, messages and hovers list: every unit but the tolerated short forms. */
export const SHOWN_UNIT_SYMBOLS: readonly string[] = UNIT_SYMBOLS.filter(s => !isTolerated(s));

/** The unit for a symbol as written (`undefined` or `''` is a plain ratio); undefined if unknown. */
export function lookupUnit(symbol: string | undefined): UnitInfo | undefined {
    return UNITS.get(symbol ?? '');
}

/** Words people write for units, mapped to the unit they mean. */
const ALIASES: Record<string, string> = {
    days: 'd', day: 'd', hours: 'h', hour: 'h', hr: 'h', hrs: 'h', minutes: 'min', minute: 'min',
    mins: 'min', m: 'min', seconds: 's', second: 's', sec: 's', secs: 's', weeks: 'w', week: 'w',
    millis: 'ms', msec: 'ms', milliseconds: 'ms', percent: '%', pct: '%', row: 'rows',
    records: 'rows', usd: 'USD', dollars: 'USD', eur: 'EUR', euros: 'EUR', gbp: 'GBP', pounds: 'GBP',
    'req/sec': 'req/s', 'req/second': 'req/s', 'rps': 'req/s', 'qps': 'req/s', 'req/minute': 'req/min',
    'req/hour': 'req/h', 'req/days': 'req/day', 'rpd': 'req/day',
    'rows/sec': 'rows/s', 'rows/second': 'rows/s', 'rows/minute': 'rows/min', 'rows/hour': 'rows/h',
    'rows/days': 'rows/day', 'row/day': 'rows/day', 'row/h': 'rows/h',
};

/** Words people write on either side of a `/` (`USD/mo`, `requests/sec`), mapped to ours. */
const PER_ALIASES: Record<string, string> = {
    mo: 'month', mon: 'month', mth: 'month', months: 'month', monthly: 'month',
    yr: 'year', y: 'year', years: 'year', annum: 'year', yearly: 'year', annual: 'year', a: 'year',
    rows: 'row', record: 'row', records: 'row', item: 'row', items: 'row', label: 'row', labels: 'row',
    request: 'req', requests: 'req', reqs: 'req', queries: 'req', query: 'req', calls: 'req', call: 'req',
    prediction: 'req', predictions: 'req',
};

/** `word` spelled as a unit side: `usd` → `USD`, `sec` → `s`, `mo` → `month`. */
function normaliseSide(word: string): string {
    const lower = word.toLowerCase();
    const currency = CURRENCIES.find(c => c.toLowerCase() === lower || ALIASES[lower] === c);
    if (currency) {
        return currency;
    }
    return PER_ALIASES[lower] ?? ALIASES[lower] ?? lower;
}

/** The unit a user most likely meant by an unknown word: an alias, else the nearest symbol. */
export function suggestUnit(word: string): string | undefined {
    const alias = ALIASES[word] ?? ALIASES[word.toLowerCase()];
    if (alias) {
        return alias;
    }
    const upper = word.toUpperCase();
    if (UNITS.has(upper)) {
        return upper;
    }
    const slash = word.indexOf('/');
    if (slash > 0) {
        const rebuilt = `${normaliseSide(word.slice(0, slash))}/${normaliseSide(word.slice(slash + 1))}`;
        if (UNITS.has(rebuilt)) {
            // `day` normalises to `d`; suggest the spelled-out form, the alias is only tolerated.
            return rebuilt.endsWith('/d') ? `${rebuilt.slice(0, -2)}/day` : rebuilt;
        }
        // `rows` is the size unit but `row` the per-row side: `labels/day` → `rows/day`.
        const rows = `rows/${normaliseSide(word.slice(slash + 1))}`;
        if (/^(rows?|records?|labels?|items?)$/i.test(word.slice(0, slash)) && UNITS.has(rows)) {
            return rows.endsWith('/d') ? 'rows/day' : rows;
        }
    }
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const symbol of UNIT_SYMBOLS) {
        const distance = editDistance(word.toLowerCase(), symbol.toLowerCase());
        if (distance < bestDistance) {
            best = symbol;
            bestDistance = distance;
        }
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}

/** Levenshtein distance; also used to suggest names for unresolved references. */
export function editDistance(a: string, b: string): number {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(
                previous[j] + 1,
                previous[j - 1] + 1,
                diagonal + (a[i - 1] === b[j - 1] ? 0 : 1)
            );
            diagonal = above;
        }
    }
    return previous[b.length];
}

/** A number with a known unit. */
export interface Measure {
    readonly value: number;
    readonly unit: UnitInfo;
}

export function measure(value: number, symbol: string | undefined): Measure | undefined {
    const info = lookupUnit(symbol);
    return info && Number.isFinite(value) ? { value, unit: info } : undefined;
}

/** Two units can be compared or converted: same dimension and, for money, same currency. */
export function compatible(a: UnitInfo, b: UnitInfo): boolean {
    return a.dimension === b.dimension && a.currency === b.currency;
}

/** The value in the dimension's base unit (seconds, ratio, req/s, rows, currency units). */
export function toBase(m: Measure): number {
    return m.value * m.unit.factor;
}

/** The value expressed in `target`; undefined when the units are not compatible. */
export function convert(m: Measure, target: UnitInfo): number | undefined {
    return compatible(m.unit, target) ? (m.value * m.unit.factor) / target.factor : undefined;
}

/** Compares two measures in base units: negative, zero or positive; undefined if incompatible. */
export function compareMeasures(a: Measure, b: Measure): number | undefined {
    if (!compatible(a.unit, b.unit)) {
        return undefined;
    }
    const difference = toBase(a) - toBase(b);
    // Conversions through factors like 1/86400 leave rounding noise; treat it as equality.
    const scale = Math.max(Math.abs(toBase(a)), Math.abs(toBase(b)), 1e-300);
    return Math.abs(difference) / scale < 1e-9 ? 0 : difference;
}

/** Human name of a dimension, for messages. */
export function describeDimension(dimension: Dimension): string {
    switch (dimension) {
        case 'time': return 'a duration';
        case 'fraction': return 'a ratio or percentage';
        case 'rate': return 'a request rate';
        case 'money': return 'an amount of money';
        case 'money-per-month': return 'an amount per month or per year';
        case 'money-per-request': return 'a cost per request';
        case 'money-per-row': return 'a cost per row';
        case 'size': return 'a number of rows';
        case 'row-rate': return 'a rate of rows';
    }
}

/** Units that are examples of a dimension, for messages ("use ms, s, min, h, d or w"). */
export function unitsOfDimension(dimension: Dimension, currency?: string): UnitInfo[] {
    return UNIT_LIST.filter(u => u.dimension === dimension && (currency === undefined || u.currency === currency || u.currency === undefined));
}

/** From here on a figure is shown in scientific notation: 1e308 written out is 103 groups of digits. */
const HUGE = 1e21;

/** `1.5e+308`: three significant digits, trailing zeros dropped. */
function huge(n: number): string {
    if (!Number.isFinite(n)) {
        // A number too long for a double (a 310-digit literal) or a missing one: never print
        // `Infinity` or `NaN` to a user.
        return Number.isNaN(n) ? '?' : n > 0 ? 'over 1.8e+308' : 'under -1.8e+308';
    }
    const [mantissa, exponent] = n.toExponential(2).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}e${exponent}`;
}

const FORMATS = {
    significant: { maximumSignificantDigits: 3, grouping: false },
    oneDecimal: { maximumFractionDigits: 1, grouping: true },
    twoDecimals: { maximumFractionDigits: 2, grouping: true },
    asWritten: { maximumFractionDigits: 20, grouping: true },
} as const satisfies Record<string, DecimalFormat>;

/**
 * Formats a number the way messages, hovers and exports show it: thousands separators,
 * one decimal from 10 up, two below, three significant digits under 1.
 */
export function formatNumber(n: number): string {
    if (!Number.isFinite(n) || Math.abs(n) >= HUGE) {
        return huge(n);
    }
    const abs = Math.abs(n);
    if (abs !== 0 && abs < 1) {
        return formatDecimal(n, FORMATS.significant);
    }
    return formatDecimal(n, abs >= 10 ? FORMATS.oneDecimal : FORMATS.twoDecimals);
}

/**
 * A number exactly as the plan wrote it, with thousands separators: `99.95`, `0.000002`,
 * `250,000`. For values the plan states (exports show a `99.95 %` objective as written, where
 * `formatNumber` would round it to `100`); derived figures use `formatNumber`.
 */
export function formatWrittenNumber(n: number): string {
    if (!Number.isFinite(n) || Math.abs(n) >= HUGE) {
        return huge(n);
    }
    return formatDecimal(n, FORMATS.asWritten);
}

/** A written value with its unit: `99.95 %`, `2,000,000 req/day`. */
export function formatWrittenValue(value: number, symbol: string): string {
    return symbol ? `${formatWrittenNumber(value)} ${symbol}` : formatWrittenNumber(value);
}

/** `150 ms`, `99.5 %`, `0.78`, `2,000,000 req/day`. */
export function formatMeasure(m: Measure): string {
    return formatValue(m.value, m.unit.symbol);
}

export function formatValue(value: number, symbol: string): string {
    return symbol ? `${formatNumber(value)} ${symbol}` : formatNumber(value);
}

/** A ratio as a percentage: 0.035 → `3.5 %`. */
export function formatPercent(ratio: number): string {
    return formatValue(ratio * 100, '%');
}

/**
 * A duration in the largest time unit that keeps the value at 1 or more: 2592 s → `43.2 min`.
 * Weeks only when whole (14 d → `2 w`, but 19 d stays `19 d` rather than `2.71 w`): people count
 * rollouts and retention in days.
 */
export function formatDuration(seconds: number): string {
    const steps: Array<[string, number]> = [['w', WEEK], ['d', DAY], ['h', HOUR], ['min', MINUTE], ['s', SECOND]];
    for (const [symbol, size] of steps) {
        if (Math.abs(seconds) >= size && (size !== WEEK || Number.isInteger(seconds / WEEK))) {
            return formatValue(seconds / size, symbol);
        }
    }
    return formatValue(seconds * 1000, 'ms');
}

/** The same measure in every other unit of its dimension (and currency), for hovers. */
export function equivalents(m: Measure): Array<{ symbol: string; value: number }> {
    if (m.unit.dimension === 'size' || m.unit.dimension.startsWith('money')) {
        return [];
    }
    return UNIT_LIST
        .filter(u => compatible(u, m.unit) && u.symbol !== m.unit.symbol && !isTolerated(u.symbol))
        .map(u => ({ symbol: u.symbol, value: convert(m, u)! }));
}
