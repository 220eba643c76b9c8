import { SEVERITY_SETTINGS } from '../model/rule-settings.js';
import { RULES } from './registry.js';
import type { Rule } from './rule.js';

/**
 * The JSON Schema of `mlplan.config.json` (schemas/mlplan-config.schema.json) and the schema of the
 * `mlplan.rules` setting in package.json, generated from the registry like the README's rule table
 * (`npm run docs`; test/docs keeps both files current). VS Code validates and completes the file
 * with it (`contributes.jsonValidation`): an unknown rule code or severity is flagged in the editor.
 *
 * It accepts what LANGUAGE.md section 6 describes: `{"rules": {CODE: SEVERITY, ...}}`, plus a
 * `$schema` key. Unlike the reader (language/mlplan-config.ts), which warns about an unknown code
 * and silently ignores other top-level keys, the schema flags both: they are always a mistake.
 */

export const CONFIG_SCHEMA_FILE = 'schemas/mlplan-config.schema.json';

/** One line for a rule: what a passing plan does, its default severity and the stage it starts at. */
export function ruleDescription(rule: Rule): string {
    const stage = rule.stage ? `, from stage ${rule.stage}` : '';
    return `${capitalize(rule.title)}. Default: ${rule.severity}${stage} (${rule.category}).`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

const RULES_DESCRIPTION = 'Severity per rule code: error, warning, info, hint, or off to drop the rule\'s findings. '
    + 'The VS Code setting mlplan.rules wins over this file.';

/** The schema of `mlplan.config.json`, as written to schemas/mlplan-config.schema.json. */
export function configSchema(rules: readonly Rule[] = RULES): Record<string, unknown> {
    const properties: Record<string, unknown> = {};
    for (const rule of rules) {
        properties[rule.code] = {
            description: ruleDescription(rule),
            enum: [...SEVERITY_SETTINGS],
            default: rule.severity,
        };
    }
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'urn:mlplan:config',
        title: 'mlplan configuration (mlplan.config.json)',
        description: 'Per-rule severities for the .mlplan files in this directory and below (LANGUAGE.md section 6). Generated from the rule registry by `npm run docs`.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string', description: 'The JSON Schema of this file (optional).' },
            rules: {
                type: 'object',
                description: RULES_DESCRIPTION,
                additionalProperties: false,
                properties,
            },
        },
    };
}

/** The schema file's text: two-space JSON and a final newline. */
export function configSchemaText(rules: readonly Rule[] = RULES): string {
    return `${JSON.stringify(configSchema(rules), null, 2)}\n`;
}

/**
 * The `mlplan.rules` setting in package.json `contributes.configuration`: the same object as the
 * file's `rules`. The codes are listed as `propertyNames` (one line each, to keep package.json
 * short); VS Code flags an unknown code in settings.json and the value takes a severity.
 */
export function rulesSettingSchema(rules: readonly Rule[] = RULES): Record<string, unknown> {
    return {
        type: 'object',
        default: {},
        scope: 'resource',
        propertyNames: {
            enum: rules.map(rule => rule.code),
            enumDescriptions: rules.map(ruleDescription),
        },
        additionalProperties: {
            type: 'string',
            enum: [...SEVERITY_SETTINGS],
        },
        markdownDescription: 'Severity per rule code, e.g. `{"risk-missing": "off", "fallback-missing": "error"}`. Wins over `mlplan.config.json`.',
    };
}
