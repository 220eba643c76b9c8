/**
 * Regression found by the fuzzer (npm run fuzz): an import path holding a lone surrogate (a broken
 * emoji) has no URI form: building its URI threw `URIError: URI malformed` from every lookup, so
 * linking and validation failed with "An error occurred" diagnostics instead of `import-unresolved`.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { located } from '../support/diagnostics.js';

const services = createTestServices();

afterEach(() => {
    vi.restoreAllMocks();
});

test('an import path with a lone surrogate does not resolve, and nothing else breaks', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { diagnostics } = await check(services, 'import "\udc00 broken"\nplan P {\n  owner r\n  person p { name "P" }\n}\n');
    expect(errors.mock.calls).toEqual([]);
    expect(diagnostics.map(d => String(d.message)).filter(m => m.includes('An error occurred'))).toEqual([]);
    const codes = diagnostics.map(located);
    expect(codes).toContain('import-unresolved@1:8-1:18');
    expect(codes).toContain('unresolved-reference@3:9-3:10');
});

test('an import path of a megabyte does not resolve, quickly', async () => {
    // Each lookup (linking, three rules, the export) re-encoded the path as a URI: ~0.5 s each.
    const start = performance.now();
    const { diagnostics } = await check(services, `import "${'🙂'.repeat(1_000_000)}"\nplan P { }\n`);
    expect(performance.now() - start).toBeLessThan(1_500);
    expect(diagnostics.map(located)).toContain('import-unresolved@1:8-1:2000010');
});
