import { describe, expect, test } from 'vitest';
import { plainText } from '../../server/src/lsp/plain-text.js';

describe('plainText: Markdown code spans as the Problems panel and quick-fix menu show them', () => {
    test('each `x` becomes \'x\'', () => {
        expect(plainText('Add `fallback TenureRule`')).toBe("Add 'fallback TenureRule'");
        expect(plainText('Change `TenureRul` to `TenureRule`')).toBe("Change 'TenureRul' to 'TenureRule'");
        expect(plainText('`a`, `b` or `c`')).toBe("'a', 'b' or 'c'");
    });

    test('nothing else changes: quotes, Markdown-like characters, spacing', () => {
        const text = 'peak 10 req/s is below the mean *23.1 req/s*; "quoted" it\'s  [x](y) _z_ \\ 50 %';
        expect(plainText(text)).toBe(text);
        expect(plainText('rule `x` has severity "warn"')).toBe('rule \'x\' has severity "warn"');
        expect(plainText(' `a b`  ')).toBe(" 'a b'  ");
    });

    test('a text without backticks is returned as it is', () => {
        expect(plainText('')).toBe('');
        expect(plainText('no fallback defined')).toBe('no fallback defined');
    });

    test('a text with an unpaired backtick is left alone', () => {
        expect(plainText('a ` b')).toBe('a ` b');
        expect(plainText('`a` and `b')).toBe('`a` and `b');
    });

    test('an empty span and a span across lines', () => {
        expect(plainText('x `` y')).toBe("x '' y");
        expect(plainText('`a\nb`')).toBe("'a\nb'");
    });
});
