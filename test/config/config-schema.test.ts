import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { CONFIG_FILE_NAME, loadConfigFile } from '../../server/src/language/mlplan-config.js';
import { SEVERITY_SETTINGS } from '../../server/src/model/rule-settings.js';
import { CONFIG_SCHEMA_FILE, rulesSettingSchema } from '../../server/src/rules/config-schema.js';
import { RULE_CODES, RULES } from '../../server/src/rules/registry.js';
import { ROOT } from '../cli/run.js';

/**
 * The JSON Schema VS Code validates mlplan.config.json with (contributes.jsonValidation) accepts
 * every configuration the reader accepts without a warning, and rejects every one it refuses or
 * warns about. test/docs/config-schema.test.ts keeps the file generated and current.
 */

const schema = JSON.parse(readFileSync(path.join(ROOT, CONFIG_SCHEMA_FILE), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ strict: true, allErrors: true });
const validateFile = ajv.compile(schema);
// The setting's schema uses VS Code's own `enumDescriptions` keyword.
const settingAjv = new Ajv({ strict: true, allErrors: true });
settingAjv.addKeyword({ keyword: 'enumDescriptions' });
settingAjv.addKeyword({ keyword: 'markdownDescription' });
settingAjv.addKeyword({ keyword: 'scope' });
const validateSetting = settingAjv.compile(rulesSettingSchema());

const scratch = mkdtempSync(path.join(tmpdir(), 'mlplan-config-schema-'));
let counter = 0;

type Verdict = 'accepted' | 'warned' | 'refused';

/** What the configuration reader makes of a file with this content. */
function readerVerdict(json: unknown): Verdict {
    const file = path.join(scratch, `${counter++}.json`);
    writeFileSync(file, JSON.stringify(json));
    try {
        return loadConfigFile(file, RULE_CODES).warnings.length > 0 ? 'warned' : 'accepted';
    } catch {
        return 'refused';
    }
}

function schemaErrors(json: unknown): string {
    return validateFile(json) ? '' : ajv.errorsText(validateFile.errors, { separator: '\n' });
}

/** Files named mlplan.config.json in the repository (examples, templates, fixtures). */
function configFiles(directory: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'out') {
            continue;
        }
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) {
            found.push(...configFiles(full));
        } else if (entry.name === CONFIG_FILE_NAME) {
            found.push(full);
        }
    }
    return found;
}

/** The configurations the tests under test/ write as JSON string literals, e.g. '{"rules": {...}}'. */
function testConfigLiterals(directory: string): Array<[string, unknown]> {
    const found: Array<[string, unknown]> = [];
    for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) {
            continue;
        }
        const file = path.join(entry.parentPath, entry.name);
        for (const match of readFileSync(file, 'utf8').matchAll(/'(\{[^'\n]*"rules"[^'\n]*\})'/g)) {
            try {
                found.push([`${path.relative(ROOT, file)}: ${match[1]}`, JSON.parse(match[1]!) as unknown]);
            } catch {
                // Not JSON (a test of the reader's "not valid JSON" message): VS Code flags the syntax itself.
            }
        }
    }
    return found;
}

const fromRepository: Array<[string, unknown]> = [
    ...configFiles(ROOT).map(file => [path.relative(ROOT, file), JSON.parse(readFileSync(file, 'utf8')) as unknown] as [string, unknown]),
    ...testConfigLiterals(path.join(ROOT, 'test')),
];

const accepted: Array<[string, unknown]> = [
    ['LANGUAGE.md section 6', { rules: { 'risk-missing': 'off', 'fallback-missing': 'error' } }],
    ['an empty object', {}],
    ['no rules', { rules: {} }],
    ['a $schema key', { $schema: './schemas/mlplan-config.schema.json', rules: { 'risk-missing': 'hint' } }],
    ...SEVERITY_SETTINGS.map(severity => [`every code set to ${severity}`, { rules: Object.fromEntries(RULES.map(rule => [rule.code, severity])) }] as [string, unknown]),
];

const rejected: Array<[string, unknown, Verdict]> = [
    ['an unknown rule code', { rules: { 'risk-mising': 'off' } }, 'warned'],
    ['an unknown code next to known ones', { rules: { 'risk-missing': 'off', 'no-such-rule': 'error' } }, 'warned'],
    ['an unknown severity', { rules: { 'risk-missing': 'fatal' } }, 'refused'],
    ['a severity in capitals', { rules: { 'risk-missing': 'Error' } }, 'refused'],
    ['a number as severity', { rules: { 'fallback-missing': 3 } }, 'refused'],
    ['rules as an array', { rules: ['off'] }, 'refused'],
    ['rules as a string', { rules: 'off' }, 'refused'],
    ['an array', [], 'refused'],
    ['a string', 'rules', 'refused'],
];

describe('schemas/mlplan-config.schema.json', () => {
    test('names every rule code, with its description and the five severities', () => {
        const codes = (schema.properties as { rules: { properties: Record<string, { description: string; enum: string[] }> } }).rules.properties;
        expect(Object.keys(codes)).toEqual(RULES.map(rule => rule.code));
        for (const rule of RULES) {
            expect(codes[rule.code]!.description).toContain(rule.severity);
            expect(codes[rule.code]!.enum).toEqual([...SEVERITY_SETTINGS]);
        }
    });

    test('the repository has configurations to check', () => {
        expect(fromRepository.length).toBeGreaterThan(0);
    });

    test.each(fromRepository)('a configuration in the repository validates exactly when the reader accepts it without a warning: %s', (_name, json) => {
        const verdict = readerVerdict(json);
        if (verdict === 'accepted') {
            expect(schemaErrors(json)).toBe('');
        } else {
            expect(schemaErrors(json)).not.toBe('');
        }
    });

    test.each(accepted)('accepts %s, as the reader does', (_name, json) => {
        expect(readerVerdict(json)).toBe('accepted');
        expect(schemaErrors(json)).toBe('');
    });

    test.each(rejected)('rejects %s, which the reader refuses or warns about', (_name, json, verdict) => {
        expect(readerVerdict(json)).toBe(verdict);
        expect(schemaErrors(json)).not.toBe('');
    });

    test('flags what the reader silently ignores: a misspelled top-level key, rules set to null', () => {
        // The reader reads only "rules" (and treats null as none); in the editor both are mistakes.
        expect(readerVerdict({ rule: { 'risk-missing': 'off' } })).toBe('accepted');
        expect(schemaErrors({ rule: { 'risk-missing': 'off' } })).toMatch(/additional properties/);
        expect(readerVerdict({ rules: null })).toBe('accepted');
        expect(schemaErrors({ rules: null })).toMatch(/must be object/);
    });

    test('the unknown code is the property flagged', () => {
        expect(validateFile({ rules: { 'risk-missing': 'off', 'risk-mising': 'off' } })).toBe(false);
        expect(validateFile.errors).toEqual([expect.objectContaining({
            instancePath: '/rules',
            keyword: 'additionalProperties',
            params: { additionalProperty: 'risk-mising' },
        })]);
    });
});

describe('the mlplan.rules setting takes the same object as the file\'s "rules"', () => {
    const objects = rejected.filter(([, json]) => typeof json === 'object' && json !== null && !Array.isArray(json));
    test.each([...accepted, ...objects.map(([name, json]): [string, unknown] => [name, json])])('%s', (_name, json) => {
        const rules = (json as { rules?: unknown }).rules ?? {};
        expect(validateSetting(rules)).toBe(validateFile({ rules }));
    });
});

describe('package.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation?: Array<{ fileMatch: string; url: string }> } };

    test('VS Code validates mlplan.config.json with the schema', () => {
        expect(manifest.contributes.jsonValidation).toContainEqual({ fileMatch: CONFIG_FILE_NAME, url: `./${CONFIG_SCHEMA_FILE}` });
    });

    test('the schema ships in the .vsix', () => {
        const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map(line => line.trim());
        expect(ignore).toContain(`!${CONFIG_SCHEMA_FILE}`);
    });
});
