/**
 * Regressions found by the fuzzer (npm run fuzz): every invalid escape was its own diagnostic, so a
 * 1 MB string of `\q` gave 524,288 of them (3–5 s to build, 200 MB of SARIF), and appending them
 * with `push(...errors)`, one argument each, overflowed the call stack. A string now reports its
 * first 20 invalid escapes one by one and one more diagnostic counting the rest.
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { locatedWithMessage } from '../support/diagnostics.js';

const services = createTestServices();
const ONLY = 'only \\" and \\\\ are escapes';

async function escapeDiagnostics(text: string): Promise<string[]> {
    const { diagnostics } = await check(services, text);
    expect(diagnostics.some(d => typeof d.message === 'string' && d.message.includes('An error occurred'))).toBe(false);
    return diagnostics
        .filter(d => typeof d.message === 'string' && d.message.includes('escape'))
        .map(locatedWithMessage);
}

/** The first `count` `\q` of a string whose first character (its quote) is at 0-based column `quote`. */
function oneByOne(quote: number, count: number): string[] {
    return Array.from({ length: count }, (_, i) => {
        const column = quote + 2 + 2 * i;
        return `syntax-error@1:${column}-1:${column + 2} invalid escape \`\\q\` in a string: ${ONLY}`;
    });
}

test('up to 20 invalid escapes in a string are each reported', async () => {
    expect(await escapeDiagnostics(`plan P { title "${'\\q'.repeat(20)}" }`)).toEqual(oneByOne(15, 20));
});

test('the 21st is counted in one more diagnostic, from it to the end of the last', async () => {
    expect(await escapeDiagnostics(`plan P { title "${'\\q'.repeat(21)}" }`)).toEqual([
        ...oneByOne(15, 20),
        `syntax-error@1:57-1:59 1 more invalid escape in this string after the first 20: ${ONLY}`,
    ]);
});

test('valid escapes between them do not count', async () => {
    const body = '\\"\\q\\\\'.repeat(25);
    const diagnostics = await escapeDiagnostics(`plan P { title "${body}" }`);
    // `\"\q\\` is 6 characters: the i-th `\q` is at column 16 + 2 + 6 i (1-based).
    expect(diagnostics.slice(0, 2)).toEqual([
        `syntax-error@1:19-1:21 invalid escape \`\\q\` in a string: ${ONLY}`,
        `syntax-error@1:25-1:27 invalid escape \`\\q\` in a string: ${ONLY}`,
    ]);
    expect(diagnostics.slice(20)).toEqual([
        `syntax-error@1:${19 + 6 * 20}-1:${19 + 6 * 24 + 2} 5 more invalid escapes in this string after the first 20: ${ONLY}`,
    ]);
});

test('the limit is per string', async () => {
    const text = `plan P {\n  title "${'\\q'.repeat(30)}"\n  summary "${'\\n'.repeat(25)}"\n}`;
    const diagnostics = await escapeDiagnostics(text);
    expect(diagnostics).toHaveLength(42);
    expect(diagnostics[20]).toBe(`syntax-error@2:50-2:70 10 more invalid escapes in this string after the first 20: ${ONLY}`);
    expect(diagnostics[21]).toBe(`syntax-error@3:12-3:14 invalid escape \`\\n\` in a string: ${ONLY}`);
    expect(diagnostics[41]).toBe(`syntax-error@3:52-3:62 5 more invalid escapes in this string after the first 20: ${ONLY}`);
});

test('a 1 MB string of \\q (the fuzzer\'s reproducer) is 21 diagnostics', async () => {
    const count = 524_288;
    const start = performance.now();
    const diagnostics = await escapeDiagnostics(`plan P { title "${'\\q'.repeat(count)}" }`);
    const elapsed = performance.now() - start;
    expect(diagnostics).toEqual([
        ...oneByOne(15, 20),
        `syntax-error@1:57-1:${17 + 2 * count} ${count - 20} more invalid escapes in this string after the first 20: ${ONLY}`,
    ]);
    // Tens of milliseconds; one diagnostic per escape took 3–5 s.
    expect(elapsed).toBeLessThan(2_000);
}, 60_000);
