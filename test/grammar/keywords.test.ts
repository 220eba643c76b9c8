import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { codeOf, found, located } from '../support/diagnostics.js';

const services = createTestServices();
const grammar = readFileSync('grammar/mlplan.langium', 'utf8');

/** Every alphabetic keyword the grammar uses anywhere. */
const keywords = [...new Set([...grammar.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)'/g)].map(m => m[1]))].sort();
const FLAGS = ['label', 'pii', 'sensitive'];

test('the grammar has the keywords one expects (sanity check of the extraction)', () => {
    expect(keywords).toContain('plan');
    expect(keywords).toContain('wasserstein');
    expect(keywords.length).toBeGreaterThan(100);
});

test('every keyword is accepted as a declaration name (keywords are not reserved)', async () => {
    const text = `plan P {\n${keywords.map(k => `  person ${k}`).join('\n')}\n}`;
    const { diagnostics } = await check(services, text);
    expect(found(diagnostics, 'syntax-error')).toEqual([]);
});

test('every keyword but the flags is accepted as a field name, and resolves', async () => {
    const names = keywords.filter(k => !FLAGS.includes(k));
    const text = `plan P {
  dataset d { source "s" fields {
${names.map(k => `    ${k} number`).join('\n')}
  } }
  model m { trains on d features ${names.join(', ')} }
}`;
    const { diagnostics } = await check(services, text);
    const errors = diagnostics.filter(d => ['syntax-error', 'unresolved-reference'].includes(codeOf(d)));
    expect(errors.map(located)).toEqual([]);
});

test.each(FLAGS)('a field cannot be named %s (it is a flag): the error is on that word', async flag => {
    const { diagnostics } = await check(services, `plan P { dataset d { fields { ${flag} number } } }`);
    const first = diagnostics.find(d => codeOf(d) === 'syntax-error');
    expect(first && located(first)).toBe(`syntax-error@1:31-1:${31 + flag.length}`);
});
