import { expect, test } from 'vitest';
import { STAGES } from '../../server/src/rules/rule.js';
import { RULE_CODES, RULES, RULES_BY_CODE } from '../../server/src/rules/registry.js';

// The codes, default severities and stages are a public contract (LANGUAGE.md section 4): users'
// configuration files, ignore comments and CI pipelines name them. They are pinned in one place,
// the rule table of README.md, generated from the registry by `npm run docs` and compared with it
// by test/docs/readme.test.ts: a change to the registry is a change to that table too. The tests
// here hold what every registry must satisfy, whatever rules it lists.

test('no code twice, each a lower-case kebab-case word list', () => {
    expect(RULES_BY_CODE.size).toBe(RULES.length);
    expect(RULE_CODES.size).toBe(RULES.length);
    for (const rule of RULES) {
        expect(rule.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
});

test('completeness rules are warnings with the stage they start at; no other rule has a stage', () => {
    for (const rule of RULES) {
        if (rule.category === 'completeness') {
            expect(rule.severity, rule.code).toBe('warning');
            expect(STAGES, rule.code).toContain(rule.stage);
        } else {
            expect(rule.stage, rule.code).toBeUndefined();
        }
    }
});

test('a rule checks something, unless its findings come from the parser, the linker or suppression', () => {
    for (const rule of RULES) {
        expect(rule.check !== undefined, rule.code).toBe(rule.category !== 'source');
    }
});

test('every rule explains itself: a one-line title and a real paragraph on why it matters', () => {
    for (const rule of RULES) {
        expect(rule.title, rule.code).not.toMatch(/\n/);
        expect(rule.title.length, rule.code).toBeGreaterThan(10);
        expect(rule.why.length, rule.code).toBeGreaterThan(120);
    }
});

test('the rules an ignore comment cannot name: unreadable text and the ignore comments themselves', () => {
    expect(RULES.filter(rule => rule.ignorable === false).map(rule => rule.code)).toEqual(['syntax-error', 'unused-ignore']);
});
