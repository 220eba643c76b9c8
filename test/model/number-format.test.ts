import { describe, expect, test } from 'vitest';
import { Rng } from '../../scripts/fuzz/prng.js';
import { formatDecimal, type DecimalFormat } from '../../server/src/model/number-format.js';
import { formatNumber, formatWrittenNumber } from '../../server/src/model/units.js';

// formatDecimal replaces Intl.NumberFormat (whose first use costs ~12 ms): it must print exactly
// what Intl prints, ties, carries, huge and tiny numbers included.

const FORMATS: Record<string, DecimalFormat> = {
    'three significant digits': { maximumSignificantDigits: 3, grouping: false },
    'one fraction digit, grouped': { maximumFractionDigits: 1, grouping: true },
    'two fraction digits, grouped': { maximumFractionDigits: 2, grouping: true },
    'twenty fraction digits, grouped': { maximumFractionDigits: 20, grouping: true },
    'no fraction digit, ungrouped': { maximumFractionDigits: 0, grouping: false },
};

function intl(format: DecimalFormat): Intl.NumberFormat {
    return new Intl.NumberFormat('en-US', {
        maximumSignificantDigits: format.maximumSignificantDigits,
        maximumFractionDigits: format.maximumSignificantDigits === undefined ? format.maximumFractionDigits : undefined,
        useGrouping: format.grouping,
    });
}

/** Values where rounding is delicate: ties in decimal but not in binary, carries, extremes. */
const EDGES = [
    0, -0, 1, -1, 0.5, 1.005, 2.675, 1.255, 9.995, 99.95, 999.95, 0.9995, 0.00099995, 1234.5, 1234567.125,
    0.1, 0.2 + 0.1, 0.0001235, 0.1235, 1e21, 1.5e21, 123456789012345680000, 1e-7, 1.5e-7, 5e-324,
    Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 0.05, 0.045, 0.95, 0.0095,
    999_999.96, 12_345.65, 100, 1000, 10_000, 100_000, 1_000_000, 0.004, 0.006, 150_000, 99.9, 99.99,
];

/** Random numbers over many magnitudes, some with few decimals (the kind plans contain). */
function randomValues(count: number): number[] {
    const rng = new Rng('number-format');
    return Array.from({ length: count }, (_, i) => {
        const magnitude = 10 ** (rng.int(40) - 20);
        const raw = (rng.next() - 0.3) * magnitude;
        return i % 2 === 0 ? raw : Number(raw.toFixed(rng.int(5)));
    });
}

describe('formatDecimal prints what Intl.NumberFormat("en-US") prints', () => {
    const values = [...EDGES, ...EDGES.map(v => -v), ...randomValues(20_000)];
    test.each(Object.entries(FORMATS))('%s', (_, format) => {
        const reference = intl(format);
        const differences = values
            .map(v => ({ value: v, ours: formatDecimal(v, format), intl: reference.format(v) }))
            .filter(d => d.ours !== d.intl);
        expect(differences.slice(0, 10)).toEqual([]);
    });

    test('a few by hand', () => {
        expect(formatDecimal(1.005, FORMATS['two fraction digits, grouped']!)).toBe('1.01');
        expect(formatDecimal(999_999.96, FORMATS['one fraction digit, grouped']!)).toBe('1,000,000');
        expect(formatDecimal(0.0009995, FORMATS['three significant digits']!)).toBe('0.001');
        expect(formatDecimal(1e21, FORMATS['two fraction digits, grouped']!)).toBe('1,000,000,000,000,000,000,000');
        expect(formatDecimal(-0, FORMATS['two fraction digits, grouped']!)).toBe('-0');
    });
});

describe('the formats messages use', () => {
    test('formatNumber: grouping, one decimal from 10, two below, three significant digits under 1', () => {
        expect([150_000, 99.95, 9.995, 0.00012345, 0, -2.5].map(formatNumber)).toEqual(['150,000', '100', '10', '0.000123', '0', '-2.5']);
    });
    test('formatWrittenNumber keeps every digit written', () => {
        expect([2_000_000, 0.0004, 1234.5678].map(formatWrittenNumber)).toEqual(['2,000,000', '0.0004', '1,234.5678']);
    });
});
