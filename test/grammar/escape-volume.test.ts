/**
 * Regression found by the fuzzer (npm run fuzz): every invalid escape is its own diagnostic, and
 * they were appended with `push(...errors)`, one argument each: a 1 MB string of `\q` (524,288
 * errors) overflowed the call stack and the whole validation failed.
 */
import { expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

test('a string with 200,000 invalid escapes is validated, each reported', async () => {
    const count = 200_000;
    const { diagnostics } = await check(services, `plan P { title "${'\\q'.repeat(count)}" }`);
    const escapes = diagnostics.filter(d => typeof d.message === 'string' && d.message.startsWith('invalid escape'));
    expect(escapes).toHaveLength(count);
    expect(diagnostics.some(d => typeof d.message === 'string' && d.message.includes('An error occurred'))).toBe(false);
}, 60_000);
