/**
 * docs/rules/: one page per rule code and an index, generated from the rule registry and
 * server/src/rules/rule-examples.ts by rules/rule-docs.ts (the renderer `mlplan explain` uses).
 * `npm run docs` (UPDATE_DOCS=1) writes them; otherwise a missing or stale page fails here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { checkExampleText, exampleServices, explainRule } from '../../server/src/cli/explain.js';
import { RULES } from '../../server/src/rules/registry.js';
import { ruleMarkdown, rulesIndexMarkdown } from '../../server/src/rules/rule-docs.js';
import { RULE_EXAMPLES } from '../../server/src/rules/rule-examples.js';

const DIR = 'docs/rules';
const UPDATE = process.env.UPDATE_DOCS === '1';
const services = exampleServices();

/** Writes `expected` under UPDATE_DOCS when it differs, else requires the file to hold it. */
function expectGenerated(file: string, expected: string): void {
    const actual = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (actual !== expected && UPDATE) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, expected);
        return;
    }
    expect(actual, `${file} is missing or stale: run \`npm run docs\``).toBe(expected);
}

test('every registered rule has an example, and every example a registered rule', () => {
    expect(RULES.map(rule => rule.code).filter(code => !RULE_EXAMPLES[code])).toEqual([]);
    const codes = new Set(RULES.map(rule => rule.code));
    expect(Object.keys(RULE_EXAMPLES).filter(code => !codes.has(code))).toEqual([]);
});

test('docs/rules/README.md indexes every rule and is current', () => {
    expectGenerated(`${DIR}/README.md`, rulesIndexMarkdown(RULES));
});

test('docs/rules/ holds a page for every rule code and nothing else', () => {
    if (UPDATE) {
        return;
    }
    const pages = readdirSync(DIR).filter(name => name !== 'README.md').sort();
    expect(pages).toEqual(RULES.map(rule => `${rule.code}.md`).sort());
});

describe.each(RULES.map(rule => rule.code))('%s', code => {
    test('its example raises the code, its quick-fix resolves a finding, and its page is current', async () => {
        const doc = await explainRule(code, services);
        expect(doc.outcome.findings.length, `the example of ${code} does not raise it`).toBeGreaterThan(0);
        const rule = RULES.find(r => r.code === code)!;
        if (rule.fix && doc.outcome.fixed) {
            // The fixed example still reads (no syntax error) and raises the code fewer times.
            const { diagnostics } = await checkExampleText(doc.outcome.fixed.text, RULE_EXAMPLES[code]!.files, services);
            // A fix that writes a placeholder ("TODO") leaves the finding, now asking for the real value.
            const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code ?? d.code;
            expect(diagnostics.map(codeOf)).not.toContain('syntax-error');
            const left = diagnostics.filter(d => codeOf(d) === code && !/placeholder/i.test(String(d.message)));
            expect(left.length).toBeLessThan(doc.outcome.findings.length);
        }
        expectGenerated(`${DIR}/${code}.md`, ruleMarkdown(doc));
    });
});
