import { readFileSync } from 'node:fs';
import { describe as group, expect, test } from 'vitest';
import { check, createTestServices, describe } from '../support/services.js';

const services = createTestServices();

group('the LANGUAGE.md example', () => {
    test('parses and links with no error', async () => {
        const text = readFileSync('examples/churn-prediction.mlplan', 'utf8');
        const { document, diagnostics } = await check(services, text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.map(d => `${describe(d)} ${d.message}`)).toEqual([]);
        expect(document.parseResult.value.plan?.members.length).toBeGreaterThan(10);
    });
});
