// Where the problems of mlplan.config.json are, for the editor (language/mlplan-config.ts,
// locateConfigProblems): the CLI keeps its one-line messages (cli-config.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfigFile, locateConfigProblems, MlPlanConfiguration, type LocatedConfigProblem } from '../../server/src/language/mlplan-config.js';
import { RULE_CODES } from '../../server/src/rules/registry.js';

const locate = (text: string) => locateConfigProblems(text, RULE_CODES);

/** The problem with the text it covers, `«»` for an empty range. */
const shown = (text: string) => locate(text).map((p: LocatedConfigProblem) => [p.severity, p.code, text.slice(p.start, p.end) || '«»', p.message]);

describe('unknown rule codes and severities', () => {
    test('a valid file has no problem', () => {
        expect(locate('{ "rules": { "risk-missing": "off", "fallback-missing": "error" } }')).toEqual([]);
        expect(locate('{}')).toEqual([]);
        expect(locate('{ "$schema": "./schema.json", "rules": {} }')).toEqual([]);
        // As the reader (which the JSON schema does not follow here): no rules at all.
        expect(locate(`{"rules": null}`)).toEqual([]);
    });

    test('a misspelled code is a warning on its key, naming the nearest known code', () => {
        const text = '{\n  "rules": {\n    "fallback-mising": "error"\n  }\n}\n';
        expect(locate(text)).toEqual([{
            start: text.indexOf('"fallback-mising"'), end: text.indexOf('"fallback-mising"') + '"fallback-mising"'.length,
            severity: 'warning', code: 'config-unknown-rule', message: 'unknown rule code `fallback-mising`; did you mean `fallback-missing`?',
        }]);
    });

    test('a code like no other is ignored without a suggestion', () => {
        expect(shown('{"rules": {"zzzzzz": "off"}}')).toEqual([['warning', 'config-unknown-rule', '"zzzzzz"', 'unknown rule code `zzzzzz` (ignored)']]);
    });

    test('an invalid severity is an error on the value, every one of them, with the nearest severity', () => {
        expect(shown('{"rules": {"risk-missing": "warn", "fallback-missing": "Error", "budget-missing": 2}}')).toEqual([
            ['error', 'config-invalid-severity', '"warn"', '`"warn"` is not a severity: use error, warning, info, hint or off'],
            ['error', 'config-invalid-severity', '"Error"', '`"Error"` is not a severity: use error, warning, info, hint or off (did you mean `error`?)'],
            ['error', 'config-invalid-severity', '2', '`2` is not a severity: use error, warning, info, hint or off'],
        ]);
    });

    test('an unknown code with an invalid severity: both', () => {
        expect(shown('{"rules": {"risk-mising": 1}}').map(p => p[1])).toEqual(['config-unknown-rule', 'config-invalid-severity']);
    });

    test('a long value is shortened in the message', () => {
        const [problem] = shown('{"rules": {"risk-missing": {"a": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}}}');
        expect(problem[3]).toBe('`{"a": "bbbbbbbbbbbbbbbbbbbbbb…` is not a severity: use error, warning, info, hint or off');
    });

    test('the last of duplicate keys counts, as for JSON.parse', () => {
        expect(shown('{"rules": {"risk-missing": "loud", "risk-missing": "off"}}')).toEqual([]);
        expect(shown('{"rules": {"risk-missing": "off", "risk-missing": "loud"}}')).toEqual([
            ['error', 'config-invalid-severity', '"loud"', '`"loud"` is not a severity: use error, warning, info, hint or off'],
        ]);
    });

    test('a file that is not an object, or rules that are not an object: on the value', () => {
        expect(shown('[1, 2]')).toEqual([['error', 'config-invalid-shape', '[1, 2]', 'expected a JSON object such as `{"rules": {"risk-missing": "off"}}`']]);
        expect(shown('{"rules": ["risk-missing"]}')).toEqual([
            ['error', 'config-invalid-shape', '["risk-missing"]', '`rules` must be an object mapping rule codes to error, warning, info, hint or off'],
        ]);
    });
});

describe('invalid JSON: an error at the offending character', () => {
    test.each([
        ['{"rules": {"a": "off"\n "b": "off"}}', '"', 'expected `,` or `}` after the property value, found `"`'],
        ['{"rules": {"risk-missing": "off",}}', ',', 'no property follows this `,`'],
        ['{"rules": [1, 2,]}', ',', 'no value follows this `,`'],
        ['{"rules": {"risk-missing": off}}', 'off', '`off` is not a JSON value; write strings in double quotes'],
        ["{'rules': {}}", "'", 'single quotes do not make a JSON string; use double quotes'],
        ['{"rules": {} // mine\n}', '/', 'JSON has no comments'],
        ['{"rules" {}}', '{', 'expected `:` after the property name, found `{`'],
        ['{"rules": {"risk-missing": "off\n}}', '"off', 'the string is not closed before the end of the line'],
        ['{"rules": {"risk-missing": "o\\qf"}}', '\\q', 'invalid escape in a string'],
        ['{"a": "\\u12"}', '\\u', 'expected four hexadecimal digits after `\\u`'],
        ['{"a": "x\ty"}', '\t', 'a control character in a string must be written as an escape'],
        ['{"a": -}', '-', 'expected a number after `-`'],
        ['{"a": 1} x', 'x', 'expected the end of the file after the JSON value, found `x`'],
        ['{"a": 1}}', '}', 'expected the end of the file after the JSON value, found `}`'],
        ['{"a": `b`}', '`', 'expected a value, found a backtick'],
        ['{"a":\u00a01}', '\u00a0', 'expected a value, found U+00A0'],
        ['\ufeff{}', '\ufeff', 'the file starts with a byte order mark; save it as UTF-8 without one'],
    ])('%j', (text, covered, reason) => {
        expect(shown(text)).toEqual([['error', 'config-invalid-json', covered, `not valid JSON: ${reason}`]]);
    });

    test('at the end of the file, an empty range there', () => {
        const text = '{\n  "rules": {\n    "risk-missing": "off"\n';
        expect(locate(text)).toEqual([{
            start: text.length, end: text.length, severity: 'error', code: 'config-invalid-json',
            message: 'not valid JSON: the file ends where `,` or `}` after the property value is expected',
        }]);
        expect(shown('')).toEqual([['error', 'config-invalid-json', '«»', 'not valid JSON: the file ends where a value is expected']]);
        expect(shown('{"a": "b')).toEqual([['error', 'config-invalid-json', '"b', 'not valid JSON: the string is not closed']]);
    });

    test('what is JSON is what JSON.parse accepts, on thousands of mutations of a configuration', () => {
        const seed = '{ "rules": { "risk-missing": "off", "x": [1, -2.5e3, true, null, {"k": "\\u00e9\\n"}] }, "$schema": "s" }\n';
        const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', '1', '.', 'e', '+', ' ', '\n', 't', 'u', 'n', 'a', '/', "'", '\t', '\u0001'];
        let random = 42;
        const next = (n: number) => {
            random = (random * 1103515245 + 12345) % 2147483648;
            return random % n;
        };
        let disagreements: string[] = [];
        for (let i = 0; i < 5000; i++) {
            let text = seed;
            for (let edits = 1 + next(3); edits > 0; edits--) {
                const at = next(text.length + 1);
                const kind = next(3);
                const char = alphabet[next(alphabet.length)];
                text = kind === 0 ? text.slice(0, at) + text.slice(at + 1)
                    : kind === 1 ? text.slice(0, at) + char + text.slice(at)
                    : text.slice(0, at) + char + text.slice(at + 1);
            }
            let parses = true;
            try {
                JSON.parse(text);
            } catch {
                parses = false;
            }
            const invalid = locate(text).some(p => p.code === 'config-invalid-json');
            if (parses === invalid) {
                disagreements.push(JSON.stringify(text));
            }
        }
        disagreements = disagreements.slice(0, 5);
        expect(disagreements).toEqual([]);
    });
});

describe('the configuration of a running editor', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlplan-config-problems-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'mlplan.config.json');

    test('remembers the files it read, usable or not, until reloaded', () => {
        writeFileSync(file, '{"rules": {"risk-mising": "off"}}');
        const configuration = new MlPlanConfiguration(RULE_CODES);
        configuration.configFor(URI.file(path.join(dir, 'p.mlplan')));
        expect(configuration.filesRead()).toEqual([file]);
        expect(configuration.locateProblems(file)?.problems.map(p => p.code)).toEqual(['config-unknown-rule']);
        configuration.reload();
        expect(configuration.filesRead()).toEqual([]);
        expect(configuration.locateProblems(path.join(dir, 'missing.json'))).toBeUndefined();
    });

    test('the mlplan.rules setting: unknown codes are returned, an invalid severity still throws', () => {
        const configuration = new MlPlanConfiguration(RULE_CODES);
        expect(configuration.setEditorRules({ 'risk-missing': 'off' })).toEqual([]);
        expect(configuration.setEditorRules({ 'risk-mising': 'off' })).toEqual(['the mlplan.rules setting: unknown rule code "risk-mising" (ignored)']);
        expect(() => configuration.setEditorRules({ 'risk-missing': 'loud' })).toThrow(ConfigError);
    });

    test('the CLI reader is unchanged: one line, the first problem', () => {
        writeFileSync(file, '{"rules": {"risk-missing": "warn", "budget-missing": "loud"}}');
        expect(() => loadConfigFile(file, RULE_CODES)).toThrow(`${file}: rule "risk-missing" has severity "warn"; use error, warning, info, hint or off`);
        writeFileSync(file, '{"rules": {"risk-mising": "off"}}');
        expect(loadConfigFile(file, RULE_CODES).warnings).toEqual([`${file}: unknown rule code "risk-mising" (ignored)`]);
    });
});
