import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { locatedWithMessage } from '../support/diagnostics.js';

const services = createTestServices();

describe('the LANGUAGE.md example', () => {
    test('parses and links with no error', async () => {
        const text = readFileSync('examples/churn-prediction.mlplan', 'utf8');
        const { document, diagnostics } = await check(services, text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.map(locatedWithMessage)).toEqual([]);
        expect(document.parseResult.value.plan?.members.length).toBeGreaterThan(10);
    });
});
