// How quick-fixes edit: the ignore comment, the file's own indentation (tabs, 4 spaces, CRLF),
// one-line blocks, plans with syntax errors, and properties that hold for every fix of every plan.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { detectIndentUnit } from '../../server/src/rules/fixes/fix-document.js';
import { createFixer } from '../../server/src/rules/fixes/fixer.js';
import { asSnippetEdits, placeholderSpans } from '../../server/src/lsp/snippet-edits.js';
import { EXAMPLE, atStage, replace } from '../rules/completeness-support.js';
import { check, createEditorTestServices } from '../support/services.js';
import { codeOf, withCode } from '../support/diagnostics.js';
import { applyTextEdits, codeActions, editsOf, onlyEdit, roundTrip, toOffsets, withoutBlock, withoutLines } from './fix-support.js';

const services = createEditorTestServices();
const MVP = atStage(EXAMPLE, 'mvp');
const NO_FALLBACK = withoutLines(MVP, 'fallback TenureRule');

/** `text` with every two leading spaces replaced by `unit`. */
function reindented(text: string, unit: string): string {
    return text.replace(/^((?: {2})+)/gm, spaces => unit.repeat(spaces.length / 2));
}

describe('ignore on this line', () => {
    test('is offered for every diagnostic, and silences a warning without leaving an unused-ignore', async () => {
        const trip = await roundTrip(services, NO_FALLBACK, 'fallback-missing', { title: 'Ignore' });
        expect(trip.action.title).toBe("Ignore 'fallback-missing' on this line");
        expect(trip.action.isPreferred).toBeFalsy();
        expect(onlyEdit(trip).newText).toBe('  // mlplan-ignore fallback-missing -- TODO: reason\n');
        expect(trip.fixed).toContain('  // mlplan-ignore fallback-missing -- TODO: reason\n  serving {\n');
        expect(trip.after.map(codeOf)).not.toContain('unused-ignore');
    });

    test('takes the indentation of the diagnostic\'s line', async () => {
        const text = withoutLines(MVP, 'slice by region where auc gap <= 0.03');
        const trip = await roundTrip(services, text, 'fairness-missing', { title: 'Ignore' });
        expect(onlyEdit(trip).newText).toBe('      // mlplan-ignore fairness-missing -- TODO: reason\n');
    });

    test('adds the code to an ignore comment already above the line', async () => {
        const text = replace(withoutBlock(NO_FALLBACK, 'slo ScoringLatency'), '  serving {', '  // mlplan-ignore latency-slo-missing -- batch-like traffic\n  serving {');
        const trip = await roundTrip(services, text, 'fallback-missing', { title: 'Ignore' });
        expect(onlyEdit(trip).newText).toBe(', fallback-missing');
        expect(trip.fixed).toContain('  // mlplan-ignore latency-slo-missing, fallback-missing -- batch-like traffic\n  serving {');
        expect(trip.after.map(codeOf)).not.toContain('unused-ignore');
    });

    test('is not offered for syntax errors nor for unused ignore comments', async () => {
        const text = replace(MVP, '  serving {', '  // mlplan-ignore risk-missing -- nothing\n  serving {\n    peak peak');
        const { document, diagnostics } = await check(services, text);
        expect(diagnostics.map(codeOf)).toEqual(expect.arrayContaining(['syntax-error', 'unused-ignore']));
        for (const diagnostic of diagnostics.filter(d => ['syntax-error', 'unused-ignore'].includes(codeOf(d)))) {
            expect(await codeActions(services, document, [diagnostic])).toEqual([]);
        }
    });
});

describe('indentation follows the file', () => {
    test('the indent unit: tabs, the most common step, 2 spaces by default', () => {
        expect(detectIndentUnit(reindented(EXAMPLE, '\t'))).toBe('\t');
        expect(detectIndentUnit(reindented(EXAMPLE, '    '))).toBe('    ');
        expect(detectIndentUnit(EXAMPLE)).toBe('  ');
        expect(detectIndentUnit('plan X {}')).toBe('  ');
        // Doc-comment continuation lines (` * text`) are not indentation.
        expect(detectIndentUnit('/**\n * doc\n */\nplan X {\n    title "t"\n}\n')).toBe('    ');
    });

    test('a plan indented with tabs gets tabs', async () => {
        const text = reindented(NO_FALLBACK, '\t');
        const trip = await roundTrip(services, text, 'fallback-missing');
        expect(onlyEdit(trip).newText).toBe('\t\tfallback TenureRule\n');
        const skeleton = await roundTrip(services, reindented(withoutBlock(MVP, 'objective ReduceChurn'), '\t'), 'objective-missing');
        expect(onlyEdit(skeleton).newText).toBe('\n\tobjective Goal {\n\t\tdescription "TODO: the outcome the project is for"\n\t\tkpi churn_rate <= 10 %\n\t}\n');
        const ignore = await roundTrip(services, text, 'fallback-missing', { title: 'Ignore' });
        expect(onlyEdit(ignore).newText).toBe('\t// mlplan-ignore fallback-missing -- TODO: reason\n');
    });

    test('a plan indented with 4 spaces gets 4 spaces, nested skeletons included', async () => {
        const trip = await roundTrip(services, reindented(withoutBlock(EXAMPLE, 'model ChurnGBM'), '    '), 'model-missing');
        expect(onlyEdit(trip).newText).toContain('\n    model NewModel {\n        algorithm "TODO: the learning algorithm"\n');
        expect(onlyEdit(trip).newText).toContain('        evaluation {\n            on holdout_2026q3\n');
    });

    test('a block\'s own indentation wins over the file\'s', async () => {
        const text = replace(NO_FALLBACK, '  serving {\n    mode realtime', '  serving {\n      mode realtime');
        const trip = await roundTrip(services, text, 'fallback-missing');
        expect(onlyEdit(trip).newText).toBe('      fallback TenureRule\n');
    });

    test('CRLF line breaks are kept', async () => {
        const trip = await roundTrip(services, NO_FALLBACK.replace(/\n/g, '\r\n'), 'fallback-missing');
        expect(onlyEdit(trip).newText).toBe('    fallback TenureRule\r\n');
        const skeleton = await roundTrip(services, withoutBlock(MVP, 'objective ReduceChurn').replace(/\n/g, '\r\n'), 'objective-missing');
        expect(onlyEdit(skeleton).newText).not.toMatch(/[^\r]\n/);
    });

    test('a one-line block is opened: the new line and the brace on lines of their own', async () => {
        const text = replace(withoutBlock(NO_FALLBACK, 'serving {'), '  slo ScoringLatency', '  serving { mode realtime target cloud }\n\n  slo ScoringLatency');
        const trip = await roundTrip(services, text, 'fallback-missing');
        expect(trip.fixed).toContain('  serving { mode realtime target cloud\n    fallback TenureRule\n  }\n');
        // Only the space before the brace was replaced.
        expect(text.slice(onlyEdit(trip).start, onlyEdit(trip).end)).toBe(' ');
    });

    test('an empty one-line block', async () => {
        const text = replace(withoutLines(EXAMPLE, 'drift subscribers.tenure_months psi > 0.2', 'drift predictions ks > 0.1',
            'alert latency_p99 > 200 ms notify "#churn-oncall"', 'alert error_rate > 1 % notify "#churn-oncall"',
            'dashboard "https://grafana.example/d/churn"', 'log predictions for 30 d'), '  monitoring {\n  }', '  monitoring {}');
        const trip = await roundTrip(services, text, 'drift-monitoring-missing', { alsoFixes: [] });
        expect(trip.fixed).toContain('  monitoring {\n    drift predictions psi > 0.2\n  }\n');
    });
});

describe('partial and broken plans', () => {
    test('a plan with a syntax error elsewhere still gets its other fixes', async () => {
        const text = replace(NO_FALLBACK, '    likelihood high', '    likelihood extreme');
        const { document, diagnostics } = await check(services, text);
        expect(diagnostics.map(codeOf)).toContain('syntax-error');
        const actions = await codeActions(services, document, diagnostics);
        expect(actions.map(a => a.title)).toContain("Add 'fallback TenureRule'");
        const trip = await roundTrip(services, text, 'fallback-missing');
        expect(onlyEdit(trip).newText).toBe('    fallback TenureRule\n');
    });

    test('a block whose closing brace is missing gets no insertion, and nothing throws', async () => {
        const text = 'plan Broken {\n  stage growth\n  serving {\n    mode batch\n';
        const { document, diagnostics } = await check(services, text);
        const actions = await codeActions(services, document, diagnostics);
        for (const action of actions) {
            // Whatever is offered applies cleanly.
            applyTextEdits(text, editsOf(action, document));
        }
    });

    test('a stale or foreign diagnostic is ignored without throwing', async () => {
        const { document } = await check(services, MVP);
        const stale = { range: { start: { line: 999, character: 0 }, end: { line: 999, character: 3 } }, message: 'x', data: { code: 'fallback-missing' } };
        const foreign = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, message: 'x', source: 'other', code: 'fallback-missing' };
        expect(await codeActions(services, document, [stale, foreign])).toEqual([]);
    });

    test('a request for other kinds of action gets no quick-fix', async () => {
        const { document, diagnostics } = await check(services, NO_FALLBACK);
        const result = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri },
            range: diagnostics[0].range,
            context: { diagnostics, only: ['refactor'] },
        });
        expect(result ?? []).toEqual([]);
    });

    test('the fixes are pure: computed from the facts and the text, without the language server', async () => {
        const { document, diagnostics } = await check(services, NO_FALLBACK);
        const fixesOf = createFixer(services.facts.PlanFacts.of(document), NO_FALLBACK);
        expect(fixesOf(diagnostics[0]).map(f => f.title)).toEqual(['Add `fallback TenureRule`', 'Ignore `fallback-missing` on this line']);
    });
});

describe('every fix of every plan', () => {
    const plans: Record<string, string> = {
        'the bundled examples': '',
        'a maturity plan missing half its sections': withoutBlock(withoutBlock(withoutBlock(atStage(EXAMPLE, 'maturity'), 'monitoring {'), 'budget {'), 'risk ColdStart'),
        'a plan full of slips': replace(replace(replace(replace(MVP, 'fallback TenureRule', 'fallback TenureRul'), 'retention 365 d', 'retention 1 year'),
            'success latency_p99 <= 150 ms', 'success latency_p99 >= 150 %'), 'stage 1 % for 2 d', 'stage 20 % for 2 d'),
    };
    const examples = ['churn-prediction', 'demand-forecast', 'fraud-detection', 'invoice-coding', 'support-triage']
        .map(name => readFileSync(`examples/${name}.mlplan`, 'utf8'));

    for (const [name, plan] of Object.entries(plans)) {
        test(`${name}: at most one preferred fix per diagnostic, edits that apply and parse, no user text deleted by an insertion`, async () => {
            let total = 0;
            for (const text of plan ? [plan] : examples) {
                const { document, diagnostics } = await check(services, text);
                const offered: Array<{ title: string; edits: ReturnType<typeof editsOf> }> = [];
                for (const diagnostic of diagnostics) {
                    const actions = await codeActions(services, document, [diagnostic]);
                    expect(actions.filter(a => a.isPreferred).length).toBeLessThanOrEqual(1);
                    for (const action of actions) {
                        expect(action.kind).toBe('quickfix');
                        offered.push({ title: action.title, edits: editsOf(action, document) });
                    }
                }
                total += offered.length;
                const syntaxErrors = withCode(diagnostics, 'syntax-error').length;
                for (const { title, edits } of offered) {
                    const fixed = applyTextEdits(text, edits);
                    for (const edit of toOffsets(text, edits).filter(e => !/^[ \t]*$/.test(text.slice(e.start, e.end)))) {
                        // Only single tokens (a name, a unit, an operator) or the stage lines are ever
                        // replaced; the one deletion is a list entry that repeats one already written.
                        if (/^Remove the repeated /.test(title)) {
                            expect(edit.newText).toBe('');
                            expect(text.slice(edit.start, edit.end)).toMatch(/^[\s,]*[A-Za-z_][\w.]*[\s,]*$|^[\s,]*"[^"]*"[\s,]*$/);
                            continue;
                        }
                        expect(title).toMatch(/^(Change|Qualify|Reorder)/);
                        expect(edit.newText.length).toBeGreaterThan(0);
                    }
                    const after = await check(services, fixed);
                    expect(withCode(after.diagnostics, 'syntax-error').length, `${title} broke the syntax:\n${fixed}`).toBeLessThanOrEqual(syntaxErrors);
                }
            }
            expect(total).toBeGreaterThan(5);
        });
    }
});

/** The text a client inserts for a snippet: each `${n:text}` as its text, `${n}` as nothing, escapes undone. */
function expandSnippet(value: string): string {
    return value.replace(/\$\{\d+(?::((?:\\.|[^\\}])*))?\}|\\(.)/g, (_match, inside: string | undefined, escaped: string | undefined) =>
        escaped ?? (inside ?? '').replace(/\\(.)/g, '$1'));
}

/** The edits of an action sent as snippets, as `{ range, newText }` with the snippets expanded; undefined for plain edits. */
function expandedSnippetEdits(action: CodeAction): TextEdit[] | undefined {
    const change = action.edit?.documentChanges?.[0];
    if (!change || !('edits' in change)) {
        return undefined;
    }
    return change.edits.map(edit => ('snippet' in edit ? { range: edit.range, newText: expandSnippet(edit.snippet.value) } : edit));
}

const at = (line: number, character: number) => ({ line, character });
const insert = (line: number, character: number, newText: string): TextEdit => ({ range: { start: at(line, character), end: at(line, character) }, newText });
const values = (edits: ReturnType<typeof asSnippetEdits>) => edits?.map(e => `${e.range.start.line}:${e.range.start.character} ${e.snippet.value}`);

describe('placeholders as snippets', () => {
    test('the placeholders of an inserted text: placeholder strings, and the reason of an ignore comment', () => {
        const text = 'source "TODO" version "v1" consent "" mitigation "tbd: ask" name " ? " // mlplan-ignore x -- TODO: reason';
        expect(placeholderSpans(text).map(s => text.slice(s.start, s.end))).toEqual(['TODO', '', 'tbd: ask', ' ? ', 'TODO: reason']);
        expect(placeholderSpans('source "warehouse://x" description "TODOS are done"')).toEqual([]);
        expect(placeholderSpans('// mlplan-ignore x -- agreed with legal')).toEqual([]);
    });

    test('each placeholder becomes a tab stop, numbered in document order across the edits of the fix', () => {
        const document = 'plan P {\n  dataset d {\n  }\n  risk R { }\n}\n';
        expect(values(asSnippetEdits([
            insert(4, 0, '  persona p {\n    description "TODO: who"\n    decision "TODO: what"\n  }\n'),
            insert(2, 0, '    source "TODO"\n'),
        ], document))).toEqual([
            '2:0     source "${1:TODO}"\n',
            '4:0   persona p {\n    description "${2:TODO: who}"\n    decision "${3:TODO: what}"\n  \\}\n',
        ]);
        expect(values(asSnippetEdits([insert(2, 0, '    consent ""\n')], document))).toEqual(['2:0     consent "${1}"\n']);
    });

    test('`$`, `}` and `\\` are escaped, in the text and in the placeholder', () => {
        const document = 'plan P {\n}\n';
        const [edit] = asSnippetEdits([insert(1, 0, '  metric m { description "TODO: cost in $ {x} \\"y\\"" }\n')], document)!;
        expect(edit.snippet.value).toBe('  metric m { description "${1:TODO: cost in \\$ {x\\} \\\\"y\\\\"}" \\}\n');
        expect(expandSnippet(edit.snippet.value)).toBe('  metric m { description "TODO: cost in $ {x} \\"y\\"" }\n');
    });

    test('a fix without a placeholder stays plain text', () => {
        expect(asSnippetEdits([insert(1, 0, '    retrain every 30 d\n')], 'plan P {\n  model M {\n  }\n}\n')).toBeUndefined();
    });

    test('an insertion at the end of an indented line moves to the start of the next line, inserting the same text', () => {
        const document = 'plan P {\n  dataset d {\n    fields { f number }\n  }\n}\n';
        expect(values(asSnippetEdits([insert(2, 23, '\n    source "TODO"')], document))).toEqual(['3:0     source "${1:TODO}"\n']);
    });

    test('text that an editor would re-indent stays plain: several lines starting after indentation', () => {
        // `dataset d { }` on an indented line: the new lines would gain that line's indentation once more.
        const document = 'plan P {\n  dataset d { fields { f number } }\n}\n';
        expect(asSnippetEdits([{ range: { start: at(1, 33), end: at(1, 34) }, newText: '\n    source "TODO"\n  ' }], document)).toBeUndefined();
        // One line after indentation is left alone by such an editor.
        expect(values(asSnippetEdits([insert(1, 33, ' source "TODO"')], document))).toEqual(['1:33  source "${1:TODO}"']);
    });
});

describe('quick-fixes for a client that applies snippet edits', () => {
    const snippetServices = createEditorTestServices();
    beforeAll(async () => {
        await snippetServices.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } },
        });
    });
    const NO_SOURCE = 'plan P {\n  owner a\n  person a\n  dataset d {\n    fields { f number }\n  }\n}\n';

    test('a fix that inserts a placeholder comes as a snippet edit, the placeholder selected', async () => {
        const { document, diagnostics } = await check(snippetServices, NO_SOURCE);
        const [add, ignore] = await codeActions(snippetServices, document, withCode(diagnostics, 'dataset-source-missing'));
        expect(add.title).toBe(`Add 'source "TODO"'`);
        expect(add.edit).toEqual({
            documentChanges: [{
                textDocument: { uri: document.textDocument.uri, version: document.textDocument.version },
                edits: [{ range: { start: at(5, 0), end: at(5, 0) }, snippet: { kind: 'snippet', value: '    source "${1:TODO}"\n' } }],
            }],
        });
        expect(expandedSnippetEdits(ignore)).toEqual([insert(3, 0, '  // mlplan-ignore dataset-source-missing -- TODO: reason\n')]);
        expect((ignore.edit?.documentChanges?.[0] as { edits: Array<{ snippet: { value: string } }> }).edits[0].snippet.value)
            .toBe('  // mlplan-ignore dataset-source-missing -- ${1:TODO: reason}\n');
    });

    test('a fix without a placeholder stays plain text', async () => {
        const { document, diagnostics } = await check(snippetServices, 'plan P {\n  stage maturity\n  model M {\n    algorithm "x"\n  }\n}\n');
        const [retrain] = await codeActions(snippetServices, document, withCode(diagnostics, 'retraining-missing'));
        expect(retrain.title).toBe("Add 'retrain every 30 d'");
        expect(retrain.edit?.changes?.[document.textDocument.uri]).toEqual([insert(4, 0, '    retrain every 30 d\n')]);
    });

    test('a client that does not say it applies snippet edits gets plain text', async () => {
        const { document, diagnostics } = await check(services, NO_SOURCE);
        const [add] = await codeActions(services, document, withCode(diagnostics, 'dataset-source-missing'));
        expect(add.edit).toEqual({ changes: { [document.textDocument.uri]: [insert(5, 0, '    source "TODO"\n')] } });
    });

    test('every fix of the examples inserts, as a snippet, exactly what it inserts as plain text', async () => {
        let snippets = 0;
        for (const name of ['churn-prediction', 'fraud-detection', 'support-triage']) {
            const text = readFileSync(`examples/${name}.mlplan`, 'utf8');
            const stripped = text.replace(/^\s*(source|version|consent|mitigation|fallback|algorithm|description) .*\n/gm, '');
            const plain = await check(services, stripped);
            const snippet = await check(snippetServices, stripped);
            for (const [index, diagnostic] of plain.diagnostics.entries()) {
                const plainActions = await codeActions(services, plain.document, [diagnostic]);
                const snippetActions = await codeActions(snippetServices, snippet.document, [snippet.diagnostics[index]]);
                expect(snippetActions.map(a => a.title)).toEqual(plainActions.map(a => a.title));
                snippetActions.forEach((action, i) => {
                    const expanded = expandedSnippetEdits(action);
                    const plainEdits = editsOf(plainActions[i], plain.document);
                    if (expanded) {
                        snippets++;
                        expect(applyTextEdits(stripped, expanded), action.title).toBe(applyTextEdits(stripped, plainEdits));
                    } else {
                        expect(editsOf(action, snippet.document)).toEqual(plainEdits);
                    }
                });
            }
        }
        expect(snippets).toBeGreaterThan(5);
    });
});

describe('many diagnostics in one request: one ignore per code family', () => {
    const BARE = 'plan P {\n  stage growth\n}';
    const MISSING = ['objective-missing', 'owner-missing', 'dataset-missing', 'baseline-missing', 'model-missing',
        'serving-missing', 'rollout-missing', 'monitoring-missing', 'risk-missing', 'persona-missing'];

    test('a bare growth plan: its fixes, then one ignore that names every code and silences them all', async () => {
        const { document, diagnostics } = await check(services, BARE);
        expect([...diagnostics.map(codeOf)].sort()).toEqual([...MISSING].sort());
        const actions = await codeActions(services, document, diagnostics);
        const ignores = actions.filter(a => a.title.startsWith('Ignore'));
        expect(ignores.map(a => a.title)).toEqual(['Ignore the 10 completeness findings on this line']);
        expect(actions.at(-1)).toBe(ignores[0]);
        // One fix per finding, and one that adds them all.
        expect(actions.filter(a => !a.title.startsWith('Ignore'))).toHaveLength(11);
        expect(actions.filter(a => a.title.startsWith('Add all 10 missing sections'))).toHaveLength(1);
        expect(ignores[0].diagnostics).toHaveLength(10);
        const edits = editsOf(ignores[0], document);
        expect(toOffsets(BARE, edits)).toEqual([{ start: 0, end: 0, newText: `// mlplan-ignore ${MISSING.join(', ')} -- TODO: reason\n` }]);
        const fixed = applyTextEdits(BARE, edits);
        expect(fixed.endsWith(BARE)).toBe(true);
        const { diagnostics: after } = await check(services, fixed);
        expect(after.map(codeOf)).toEqual([]);
    });

    test('a comment already above the line gets the codes it lacks appended', async () => {
        const text = `// mlplan-ignore owner-missing -- a team is being formed\n${BARE}`;
        const { document, diagnostics } = await check(services, text);
        const ignores = (await codeActions(services, document, diagnostics)).filter(a => a.title.startsWith('Ignore'));
        expect(ignores.map(a => a.title)).toEqual(['Ignore the 9 completeness findings on this line']);
        const fixed = applyTextEdits(text, editsOf(ignores[0], document));
        expect(fixed.split('\n')[0]).toBe(`// mlplan-ignore owner-missing, ${MISSING.filter(c => c !== 'owner-missing').join(', ')} -- a team is being formed`);
        expect((await check(services, fixed)).diagnostics.map(codeOf)).toEqual([]);
    });

    test('diagnostics of several families: one ignore each, and a lone one keeps its own title', async () => {
        const text = 'plan P {\n  stage growth\n  metric m { kind ml unit days }\n}';
        const { document, diagnostics } = await check(services, text);
        const unknown = withCode(diagnostics, 'unknown-unit');
        expect(unknown).toHaveLength(1);
        const actions = await codeActions(services, document, diagnostics);
        const ignores = actions.filter(a => a.title.startsWith('Ignore'));
        expect(ignores.map(a => a.title)).toEqual(['Ignore the 10 completeness findings on this line', "Ignore 'unknown-unit' on this line"]);
        // Both applied at once, as offered against the same text.
        const fixed = applyTextEdits(text, ignores.flatMap(action => editsOf(action, document)));
        expect(fixed.endsWith('  metric m { kind ml unit days }\n}')).toBe(true);
        expect((await check(services, fixed)).diagnostics.map(codeOf)).toEqual([]);
        expect((await codeActions(services, document, unknown)).filter(a => a.title.startsWith('Ignore')).map(a => a.title))
            .toEqual(["Ignore 'unknown-unit' on this line"]);
    });
});
