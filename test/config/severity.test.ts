import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ConfigError, loadConfigFile } from '../../server/src/language/mlplan-config.js';
import { computeReadiness } from '../../server/src/rules/readiness.js';
import { RULE_CODES } from '../../server/src/rules/registry.js';
import { check, createTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';

/** fallback-missing (warning) on `serving`, peak-below-average (error) on the peak. */
const PLAN = `plan Configured {
  serving {
    mode batch
    volume 2_000_000 req/day
    peak 10 req/s
  }
}
`;

const SEVERITY: Record<string, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

const severityOf = (diagnostics: Diagnostic[], code: string) => withCode(diagnostics, code).map(d => d.severity);

const dir = mkdtempSync(path.join(tmpdir(), 'mlplan-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(name: string, content: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
}

describe('severities by code (editor settings)', () => {
    const services = createTestServices();
    beforeEach(() => services.config.Configuration.setEditorRules({}));

    test('defaults come from the rules', async () => {
        const { diagnostics } = await check(services, PLAN);
        expect(severityOf(diagnostics, 'fallback-missing')).toEqual([DiagnosticSeverity.Warning]);
        expect(severityOf(diagnostics, 'peak-below-average')).toEqual([DiagnosticSeverity.Error]);
    });

    test.each(['error', 'warning', 'info', 'hint'])('"%s" sets the severity of that code only', async setting => {
        services.config.Configuration.setEditorRules({ 'fallback-missing': setting });
        const { diagnostics } = await check(services, PLAN);
        expect(severityOf(diagnostics, 'fallback-missing')).toEqual([SEVERITY[setting]]);
        expect(severityOf(diagnostics, 'peak-below-average')).toEqual([DiagnosticSeverity.Error]);
    });

    test('"off" drops the code', async () => {
        services.config.Configuration.setEditorRules({ 'peak-below-average': 'off' });
        const { diagnostics } = await check(services, PLAN);
        expect(severityOf(diagnostics, 'peak-below-average')).toEqual([]);
        expect(severityOf(diagnostics, 'fallback-missing')).toEqual([DiagnosticSeverity.Warning]);
    });

    test('source rules are configurable too (unresolved-reference)', async () => {
        services.config.Configuration.setEditorRules({ 'unresolved-reference': 'info' });
        const { diagnostics } = await check(services, 'plan P {\n  owner nobody\n}\n');
        expect(severityOf(diagnostics, 'unresolved-reference')).toEqual([DiagnosticSeverity.Information]);
    });

    test('an unusable editor setting is a ConfigError', () => {
        expect(() => services.config.Configuration.setEditorRules({ 'fallback-missing': 'loud' })).toThrow(ConfigError);
        expect(() => services.config.Configuration.setEditorRules(['off'])).toThrow(ConfigError);
    });
});

describe('mlplan.config.json', () => {
    test('a file sets severities by code', async () => {
        const services = createTestServices();
        services.config.Configuration.useFile(configFile('a.json', JSON.stringify({ rules: { 'fallback-missing': 'error', 'peak-below-average': 'off' } })));
        const { diagnostics } = await check(services, PLAN);
        expect(severityOf(diagnostics, 'fallback-missing')).toEqual([DiagnosticSeverity.Error]);
        expect(severityOf(diagnostics, 'peak-below-average')).toEqual([]);
    });

    test('editor settings win over the file', async () => {
        const services = createTestServices();
        services.config.Configuration.useFile(configFile('b.json', JSON.stringify({ rules: { 'fallback-missing': 'error', 'peak-below-average': 'off' } })));
        services.config.Configuration.setEditorRules({ 'fallback-missing': 'hint' });
        const { diagnostics } = await check(services, PLAN);
        expect(severityOf(diagnostics, 'fallback-missing')).toEqual([DiagnosticSeverity.Hint]);
        expect(severityOf(diagnostics, 'peak-below-average')).toEqual([]);
    });

    test('an unknown code is a warning of the loaded file, not an error', () => {
        const loaded = loadConfigFile(configFile('c.json', JSON.stringify({ rules: { 'no-such-rule': 'off', 'fallback-missing': 'info' } })), RULE_CODES);
        expect(loaded.rules).toEqual({ 'fallback-missing': 'info' });
        expect(loaded.warnings).toEqual([expect.stringContaining('unknown rule code "no-such-rule"')]);
    });

    test.each([
        ['missing', undefined, /no such file/],
        ['invalid JSON', '{ "rules": ', /not valid JSON/],
        ['not an object', '"off"', /expected a JSON object/],
        ['rules not an object', '{ "rules": ["off"] }', /"rules" must be an object/],
        ['a bad severity', '{ "rules": { "fallback-missing": 3 } }', /rule "fallback-missing" has severity 3/],
    ])('%s: ConfigError with a one-line reason naming the file', (name, content, reason) => {
        const file = content === undefined ? path.join(dir, 'absent.json') : configFile(`${name.replace(/\W/g, '-')}.json`, content);
        let error: unknown;
        try {
            loadConfigFile(file, RULE_CODES);
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        const message = (error as Error).message;
        expect(message).toMatch(reason);
        expect(message).toContain(file);
        expect(message).not.toContain('\n');
    });
});

describe('readiness and configuration', () => {
    test('a rule turned off is not applicable; other settings do not change applicability', async () => {
        const services = createTestServices();
        const readiness = async (rules: Record<string, string>) => {
            services.config.Configuration.setEditorRules(rules);
            const { document, diagnostics } = await check(services, PLAN);
            return computeReadiness(true, 'mvp', diagnostics, services.config.Configuration.rulesFor(document.uri));
        };
        const plain = await readiness({});
        const off = await readiness({ 'fallback-missing': 'off' });
        const hinted = await readiness({ 'fallback-missing': 'hint' });
        expect(plain.items.find(i => i.rule.code === 'fallback-missing')?.met).toBe(false);
        expect(off.applicable).toBe(plain.applicable - 1);
        expect(off.satisfied).toBe(plain.satisfied);
        expect(off.items.map(i => i.rule.code)).not.toContain('fallback-missing');
        expect(hinted.applicable).toBe(plain.applicable);
        expect(hinted.satisfied).toBe(plain.satisfied);
    });
});
