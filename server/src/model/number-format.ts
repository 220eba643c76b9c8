/**
 * Decimal formatting of finite numbers as `Intl.NumberFormat('en-US', …)` does it for the few
 * option sets mlplan uses: at most N fraction digits or at most N significant digits, trailing
 * zeros dropped, optional thousands separators. Intl is not used because the first
 * `Intl.NumberFormat` of a process loads ICU's number data, about 12 ms: the largest single cost
 * of the first diagnostics of a plan whose messages quote a figure, and of every short CLI run.
 *
 * Like ICU, the number is first written with the shortest digits that read back as the same
 * double (what `String(x)` gives), and those digits are rounded half away from zero: 1.005 with
 * two fraction digits is 1.01, although the double is slightly below 1.005 (`toFixed` says 1.00).
 * test/model/number-format.test.ts compares the two on many values.
 */
export interface DecimalFormat {
    /** Round to this many digits after the point. */
    readonly maximumFractionDigits?: number;
    /** Round to this many significant digits (takes precedence over the fraction digits). */
    readonly maximumSignificantDigits?: number;
    /** Thousands separators in the integer part: `1,234,567`. */
    readonly grouping: boolean;
}

/** `x` (finite) in the given format. */
export function formatDecimal(x: number, format: DecimalFormat): string {
    const sign = x < 0 || Object.is(x, -0) ? '-' : '';
    let { digits, point } = shortestDigits(Math.abs(x));
    const keep = format.maximumSignificantDigits !== undefined
        ? format.maximumSignificantDigits
        : point + (format.maximumFractionDigits ?? 0);
    if (keep < digits.length) {
        ({ digits, point } = roundHalfExpand(digits, point, keep));
    }
    return sign + render(digits, point, format.grouping);
}

/**
 * The shortest decimal digits of a non-negative finite number, without leading zeros, and where
 * the point goes: the value is 0.`digits` × 10^`point` (1234.5 → "12345", 4; 0.00012 → "12", -3;
 * 0 → "0", 1).
 */
function shortestDigits(x: number): { digits: string; point: number } {
    const text = String(x); // "1234.5", "1.5e-7", "1e+21"
    const e = text.indexOf('e');
    const mantissa = e < 0 ? text : text.slice(0, e);
    const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
    const dot = mantissa.indexOf('.');
    const whole = dot < 0 ? mantissa : mantissa.slice(0, dot);
    let digits = dot < 0 ? whole : whole + mantissa.slice(dot + 1);
    let point = whole.length + exponent;
    let zeros = 0;
    while (zeros < digits.length - 1 && digits.charCodeAt(zeros) === 0x30) {
        zeros++;
    }
    digits = digits.slice(zeros);
    point -= zeros;
    return { digits, point };
}

/** The first `keep` digits, the rest rounded half away from zero (`keep` may be 0 or negative). */
function roundHalfExpand(digits: string, point: number, keep: number): { digits: string; point: number } {
    if (keep < 0) {
        return { digits: '0', point: 1 };
    }
    const up = digits.charCodeAt(keep) >= 0x35; // the first dropped digit is 5 or more
    let kept = digits.slice(0, keep);
    if (up) {
        let i = kept.length - 1;
        while (i >= 0 && kept.charCodeAt(i) === 0x39) {
            i--;
        }
        if (i < 0) {
            // 999.96 → 1000: every kept digit carries (or none was kept: 0.6 → 1).
            return { digits: '1', point: point + 1 };
        }
        kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
    }
    return kept.length === 0 ? { digits: '0', point: 1 } : { digits: kept, point };
}

/** 0.`digits` × 10^`point` in positional notation, without trailing fraction zeros. */
function render(digits: string, point: number, grouping: boolean): string {
    let whole: string;
    let fraction: string;
    if (point <= 0) {
        whole = '0';
        fraction = '0'.repeat(-point) + digits;
    } else if (point >= digits.length) {
        whole = digits + '0'.repeat(point - digits.length);
        fraction = '';
    } else {
        whole = digits.slice(0, point);
        fraction = digits.slice(point);
    }
    let end = fraction.length;
    while (end > 0 && fraction.charCodeAt(end - 1) === 0x30) {
        end--;
    }
    fraction = fraction.slice(0, end);
    if (grouping && whole.length > 3) {
        const head = whole.length % 3 || 3;
        let grouped = whole.slice(0, head);
        for (let i = head; i < whole.length; i += 3) {
            grouped += `,${whole.slice(i, i + 3)}`;
        }
        whole = grouped;
    }
    return fraction.length > 0 ? `${whole}.${fraction}` : whole;
}
