// Placeholders (LANGUAGE.md 4.1, v2): a string that only reminds someone to write a value satisfies
// no rule. Each rule that reads a string reports the placeholder on the string itself.
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isPlaceholder, shownPlaceholder, writtenState } from '../../server/src/model/placeholder.js';
import { check, createEditorTestServices } from '../support/services.js';
import { found, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { codeActions } from '../lsp/fix-support.js';
import { EXAMPLE, MODEL_VERSION, atStage, replace } from './completeness-support.js';

const services = createEditorTestServices();

describe('what a placeholder is', () => {
    test.each([
        '', ' ', '\t ', 'TODO', 'todo', 'ToDo', 'TODO: ask legal', 'TODO ask legal', 'todo-later', 'TODO_later', 'TODO.',
        'TBD', 'tbd', 'TBD: the vendor', 'FIXME', 'fixme: wrong table', 'XXX', 'xxx', '?', ' ? ', '  TODO',
    ])('%j is a placeholder', text => {
        expect(isPlaceholder(text)).toBe(true);
        expect(writtenState(text)).toBe('placeholder');
    });

    test.each([
        'Todoist export', 'XXXL sizes only', 'TBDX', 'FIXMEs', 'What?', '??', 'a TODO later', 'warehouse://todo', '0', '-', 'n/a',
    ])('%j is a value', text => {
        expect(isPlaceholder(text)).toBe(false);
        expect(writtenState(text)).toBe('written');
    });

    test('nothing written is absent, not a placeholder', () => {
        expect(isPlaceholder(undefined)).toBe(false);
        expect(writtenState(undefined)).toBe('absent');
    });

    test('a message quotes the placeholder, escaped and cut short', () => {
        expect(shownPlaceholder('TODO')).toBe('"TODO"');
        expect(shownPlaceholder('')).toBe('""');
        expect(shownPlaceholder('TODO "ask"\n')).toBe('"TODO \\"ask\\"\\n"');
        expect(shownPlaceholder(`TODO ${'x'.repeat(100)}`)).toBe(`"TODO ${'x'.repeat(35)}…"`);
        // Cut by character, never inside a surrogate pair.
        expect(shownPlaceholder(`TODO ${'😀'.repeat(50)}`)).toBe(`"TODO ${'😀'.repeat(35)}…"`);
    });
});

describe('dataset-source-missing', () => {
    test('a placeholder source: on the string, saying so', async () => {
        const text = replace(EXAMPLE, 'source "warehouse://analytics.subscribers_q3"', 'source "TODO: ask the data team"');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'dataset-source-missing')).toEqual([`dataset-source-missing@${rangeAt(text, '"TODO: ask the data team"')}`]);
        expect(withCode(diagnostics, 'dataset-source-missing')[0].message)
            .toBe('dataset `holdout_2026q3` source is a placeholder ("TODO: ask the data team"): record where the data comes from');
    });

    test('an empty or blank source is a placeholder too', async () => {
        for (const value of ['""', '"   "', '"?"', '"tbd"']) {
            const text = replace(EXAMPLE, 'source "warehouse://analytics.subscribers_q3"', `source ${value}`);
            const { diagnostics } = await check(services, text);
            expect(found(diagnostics, 'dataset-source-missing'), value).toEqual([`dataset-source-missing@${rangeWithin(text, `source ${value}`, value)}`]);
        }
    });

    test('near miss: a real source that merely mentions a marker', async () => {
        const text = replace(EXAMPLE, 'source "warehouse://analytics.subscribers_q3"', 'source "warehouse://todo_lists"');
        expect(withCode((await check(services, text)).diagnostics, 'dataset-source-missing')).toEqual([]);
    });

    test('no fix is offered on a placeholder: the line is there, only the team can write its value', async () => {
        const text = replace(EXAMPLE, 'source "warehouse://analytics.subscribers_q3"', 'source "TODO"');
        const { document, diagnostics } = await check(services, text);
        const actions = await codeActions(services, document, withCode(diagnostics, 'dataset-source-missing'));
        expect(actions.map(a => a.title)).toEqual([expect.stringMatching(/^Ignore/)]);
    });
});

describe('dataset-version-missing and model-version-missing', () => {
    test('a placeholder dataset version: on the string', async () => {
        const text = replace(EXAMPLE, 'version "q3"', 'version "FIXME"');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'dataset-version-missing')).toEqual([`dataset-version-missing@${rangeAt(text, '"FIXME"')}`]);
        expect(withCode(diagnostics, 'dataset-version-missing')[0].message)
            .toBe('dataset `holdout_2026q3` version is a placeholder ("FIXME"): pin the snapshot or version the model is trained and evaluated on');
        // A growth rule: at mvp a placeholder version is as fine as none.
        expect(withCode((await check(services, atStage(text, 'mvp'))).diagnostics, 'dataset-version-missing')).toEqual([]);
    });

    test('a placeholder model version: on the string', async () => {
        const text = replace(EXAMPLE, MODEL_VERSION, 'version "XXX"');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'model-version-missing')).toEqual([`model-version-missing@${rangeAt(text, '"XXX"')}`]);
        expect(withCode(diagnostics, 'model-version-missing')[0].message)
            .toBe('model `ChurnGBM` version is a placeholder ("XXX"): name the trained version that serving runs');
    });

    test('the version fix writes `version "TODO"`, which then stands as a placeholder to fill in', async () => {
        const text = 'plan P {\n  stage growth\n  model M {\n    algorithm "logistic regression"\n  }\n}\n';
        const { document, diagnostics } = await check(services, text);
        const [action] = (await codeActions(services, document, withCode(diagnostics, 'model-version-missing'))).filter(a => !a.title.startsWith('Ignore'));
        expect(action.title).toBe("Add 'version \"TODO\"'");
        const edits = action.edit?.changes?.[document.textDocument.uri] ?? [];
        expect(edits.map(e => e.newText)).toEqual(['    version "TODO"\n']);
        const fixed = text.replace('    algorithm "logistic regression"\n', '    algorithm "logistic regression"\n    version "TODO"\n');
        const after = await check(services, fixed);
        expect(found(after.diagnostics, 'model-version-missing')).toEqual([`model-version-missing@${rangeAt(fixed, '"TODO"')}`]);
    });
});

describe('pii-policy-missing', () => {
    const regulated = replace(EXAMPLE, 'consent "Subscriber terms, section 4.2"', 'consent "TBD: legal"');

    test('a placeholder consent under regulations: an error on the string', async () => {
        const { diagnostics } = await check(services, regulated);
        expect(found(diagnostics, 'pii-policy-missing')).toEqual([`pii-policy-missing@${rangeAt(regulated, '"TBD: legal"')}`]);
        const [finding] = withCode(diagnostics, 'pii-policy-missing');
        expect(finding.severity).toBe(DiagnosticSeverity.Error);
        expect(finding.message).toBe('dataset `subscribers` consent is a placeholder ("TBD: legal"): record the legal basis for using its personal data (`email`) (the plan is subject to GDPR, CCPA, PCI-DSS)');
    });

    test('a placeholder consent and no retention, no regulations: two warnings, each where it belongs', async () => {
        const text = 'plan P {\n  dataset users { consent "" fields { email text pii } }\n}';
        const { document, diagnostics } = await check(services, text);
        expect(found(diagnostics, 'pii-policy-missing').sort()).toEqual([
            `pii-policy-missing@${rangeAt(text, 'users')}`,
            `pii-policy-missing@${rangeAt(text, '""')}`,
        ].sort());
        const messages = withCode(diagnostics, 'pii-policy-missing').map(d => d.message);
        expect(messages).toContain('dataset `users` holds personal data (`email`) but has no `retention`: record the legal basis for using it and how long it is kept');
        expect(messages).toContain('dataset `users` consent is a placeholder (""): record the legal basis for using its personal data (`email`)');
        expect(withCode(diagnostics, 'pii-policy-missing').every(d => d.severity === DiagnosticSeverity.Warning)).toBe(true);
        // The name's fix adds retention only; the placeholder's offers nothing but ignoring it.
        const [onName, onString] = ['users', '""'].map(word => withCode(diagnostics, 'pii-policy-missing').find(d => d.range.start.character === rangeColumn(text, word))!);
        const nameFixes = (await codeActions(services, document, [onName])).filter(a => !a.title.startsWith('Ignore'));
        expect(nameFixes.map(a => a.title)).toEqual(["Add 'retention 365 d'"]);
        const stringFixes = (await codeActions(services, document, [onString])).filter(a => !a.title.startsWith('Ignore'));
        expect(stringFixes).toEqual([]);
    });

    test('near miss: a written consent', async () => {
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'pii-policy-missing')).toEqual([]);
    });
});

describe('fallback-missing', () => {
    test('a placeholder string fallback: on the string', async () => {
        const text = replace(EXAMPLE, 'fallback TenureRule', 'fallback "TODO: what users get when the model fails"');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'fallback-missing')).toEqual([`fallback-missing@${rangeAt(text, '"TODO: what users get when the model fails"')}`]);
        expect(withCode(diagnostics, 'fallback-missing')[0].message)
            .toBe('the serving fallback is a placeholder ("TODO: what users get when the model fail…"): say what users get when the model fails, or name a baseline');
    });

    test('near miss: a baseline named like a marker is a reference, not a placeholder', async () => {
        const text = replace(replace(EXAMPLE, 'fallback TenureRule', 'fallback TODO'), 'baseline TenureRule {', 'baseline TODO {');
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(withCode(diagnostics, 'fallback-missing')).toEqual([]);
    });
});

describe('risk-unmitigated', () => {
    const high = replace(EXAMPLE, 'impact medium', 'impact high');

    test('a placeholder mitigation of a high-impact risk: on the string', async () => {
        for (const value of ['"TODO"', '"  "', '"?"']) {
            const text = replace(high, 'mitigation "Serve TenureRule for tenure under 1 month"', `mitigation ${value}`);
            const { diagnostics } = await check(services, text);
            expect(found(diagnostics, 'risk-unmitigated'), value).toEqual([`risk-unmitigated@${rangeWithin(text, `mitigation ${value}`, value)}`]);
            expect(withCode(diagnostics, 'risk-unmitigated')[0].message)
                .toBe(`the mitigation of high-impact risk \`ColdStart\` is a placeholder (${value}): say how it is prevented or contained`);
        }
    });

    test('near miss: a placeholder mitigation of a medium-impact risk is not this rule\'s concern', async () => {
        const text = replace(EXAMPLE, 'mitigation "Serve TenureRule for tenure under 1 month"', 'mitigation "TODO"');
        expect(withCode((await check(services, text)).diagnostics, 'risk-unmitigated')).toEqual([]);
    });

    test('no second `mitigation` is offered on a placeholder one', async () => {
        const text = replace(high, 'mitigation "Serve TenureRule for tenure under 1 month"', 'mitigation "TODO"');
        const { document, diagnostics } = await check(services, text);
        const fixes = (await codeActions(services, document, withCode(diagnostics, 'risk-unmitigated'))).filter(a => !a.title.startsWith('Ignore'));
        expect(fixes).toEqual([]);
    });
});

/** The 0-based column of the first `word` in `text` (on its line). */
function rangeColumn(text: string, word: string): number {
    const at = text.indexOf(word);
    return at - (text.lastIndexOf('\n', at) + 1);
}
