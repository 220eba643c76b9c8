import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CONFIG_SCHEMA_FILE, configSchemaText, rulesSettingSchema } from '../../server/src/rules/config-schema.js';

/**
 * Like the README's rule table, the JSON Schema of mlplan.config.json and the `mlplan.rules`
 * setting are generated from the rule registry: `npm run docs` (UPDATE_DOCS=1) rewrites them, and
 * these tests fail when a rule was added, renamed or retitled without it.
 */

test('schemas/mlplan-config.schema.json is generated from the registry and current', () => {
    const expected = configSchemaText();
    const actual = existsSync(CONFIG_SCHEMA_FILE) ? readFileSync(CONFIG_SCHEMA_FILE, 'utf8') : '';
    if (actual !== expected && process.env.UPDATE_DOCS === '1') {
        writeFileSync(CONFIG_SCHEMA_FILE, expected);
        return;
    }
    expect(actual, 'the configuration schema is stale: run `npm run docs`').toBe(expected);
});

test('the mlplan.rules setting in package.json lists the registry\'s codes and is current', () => {
    const text = readFileSync('package.json', 'utf8');
    const manifest = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, unknown> } } };
    const properties = manifest.contributes.configuration.properties;
    const expected = rulesSettingSchema();
    if (JSON.stringify(properties['mlplan.rules']) !== JSON.stringify(expected) && process.env.UPDATE_DOCS === '1') {
        // package.json is two-space JSON.stringify output; only this one setting is replaced.
        properties['mlplan.rules'] = expected;
        writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
        return;
    }
    expect(properties['mlplan.rules'], 'the mlplan.rules setting is stale: run `npm run docs`').toEqual(expected);
});
