import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { STRUCTURE_RULES } from '../../server/src/rules/consistency/structure-index.js';
import { check, createTestServices } from '../support/services.js';
import { codeOf, locatedWithMessage } from '../support/diagnostics.js';

const services = createTestServices();
const CODES = new Set([...STRUCTURE_RULES.map(rule => rule.code), 'unresolved-reference']);

describe('structure rules on the LANGUAGE.md example', () => {
    test('examples/churn-prediction.mlplan raises none of them', async () => {
        const { diagnostics } = await check(services, readFileSync('examples/churn-prediction.mlplan', 'utf8'));
        const ours = diagnostics.filter(d => CODES.has(codeOf(d)));
        expect(ours.map(locatedWithMessage)).toEqual([]);
    });
});
