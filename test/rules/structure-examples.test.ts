import { readFileSync } from 'node:fs';
import { describe as group, expect, test } from 'vitest';
import { STRUCTURE_RULES } from '../../server/src/rules/consistency/structure-index.js';
import { check, createTestServices, describe } from '../support/services.js';

const services = createTestServices();
const CODES = new Set([...STRUCTURE_RULES.map(rule => rule.code), 'unresolved-reference']);

group('structure rules on the LANGUAGE.md example', () => {
    test('examples/churn-prediction.mlplan raises none of them', async () => {
        const { diagnostics } = await check(services, readFileSync('examples/churn-prediction.mlplan', 'utf8'));
        const ours = diagnostics.filter(d => CODES.has((d.data as { code?: string }).code ?? ''));
        expect(ours.map(d => `${describe(d)} ${d.message}`)).toEqual([]);
    });
});
