import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/**
 * The TextMate grammar VS Code paints with before (and without) semantic tokens, run through the
 * same engine VS Code uses (vscode-textmate + oniguruma).
 */
let grammar: textmate.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: text => new oniguruma.OnigString(text),
        }),
        loadGrammar: async () => textmate.parseRawGrammar(readFileSync('client/syntaxes/mlplan.tmLanguage.json', 'utf8'), 'mlplan.tmLanguage.json'),
    });
    grammar = (await registry.loadGrammar('source.mlplan'))!;
});

/** `text → scope` for every token of one line whose last scope is not the root. */
function scopes(line: string): string[] {
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    return tokens
        .map(t => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as const)
        .filter(([text, scope]) => text.trim() !== '' && scope !== 'source.mlplan')
        .map(([text, scope]) => `${text.trim()} → ${scope.replace(/\.mlplan$/, '')}`);
}

test('declarations: the keyword and the name', () => {
    expect(scopes('metric auc { kind ml better higher }')).toEqual([
        'metric → storage.type', 'auc → entity.name.type', '{ → punctuation.section.block',
        'kind → keyword.other', 'ml → constant.language', 'better → keyword.other', 'higher → constant.language',
        '} → punctuation.section.block',
    ]);
});

test('a name that is a keyword is still a name after its declaration keyword', () => {
    expect(scopes('team retention { members ana }').slice(0, 2)).toEqual(['team → storage.type', 'retention → entity.name.type']);
});

test('quantities: number and unit, compound units, percentages', () => {
    expect(scopes('success latency_p99 <= 150 ms')).toEqual([
        'success → keyword.other', '<= → keyword.operator.comparison', '150 → constant.numeric', 'ms → keyword.other.unit',
    ]);
    expect(scopes('volume 2_000_000 req/day')).toEqual(['volume → keyword.other', '2_000_000 → constant.numeric', 'req/day → keyword.other.unit']);
    expect(scopes('stage 10 % for 3 d')).toEqual([
        'stage → keyword.other', '10 → constant.numeric', '% → keyword.other.unit', 'for → keyword.other', '3 → constant.numeric', 'd → keyword.other.unit',
    ]);
});

test('v2: persona declarations, new properties, row rates and per-row prices', () => {
    expect(scopes('persona agent {').slice(0, 2)).toEqual(['persona → storage.type', 'agent → entity.name.type']);
    expect(scopes('deployment replace')).toEqual(['deployment → keyword.other', 'replace → constant.language']);
    expect(scopes('labeling in-house { rate 2_000 rows/day cost 0.05 USD/row }')).toEqual([
        'labeling → keyword.other', 'in-house → constant.language', '{ → punctuation.section.block', 'rate → keyword.other',
        '2_000 → constant.numeric', 'rows/day → keyword.other.unit', 'cost → keyword.other', '0.05 → constant.numeric',
        'USD/row → keyword.other.unit', '} → punctuation.section.block',
    ]);
    for (const keyword of ['start', 'starts', 'serves', 'replicas', 'capacity', 'latency', 'registry', 'labels', 'needs', 'value', 'decision']) {
        expect(scopes(`${keyword} x`)[0], keyword).toBe(`${keyword} → keyword.other`);
    }
});

test('dates, hyphenated values, flags', () => {
    expect(scopes('deadline 2026-09-30')).toEqual(['deadline → keyword.other', '2026-09-30 → constant.numeric.date']);
    expect(scopes('strategy blue-green')).toEqual(['strategy → keyword.other', 'blue-green → constant.language']);
    expect(scopes('  email text pii')).toEqual(['email → variable.other.property', 'text → support.type', 'pii → storage.modifier']);
});

test('strings: valid escapes and invalid ones', () => {
    expect(scopes('title "say \\"hi\\" \\n"')).toEqual([
        'title → keyword.other', '" → punctuation.definition.string.begin', 'say → string.quoted.double',
        '\\" → constant.character.escape', 'hi → string.quoted.double', '\\" → constant.character.escape',
        '\\n → invalid.illegal.escape', '" → punctuation.definition.string.end',
    ]);
});

test('comments: doc comments, line comments and the ignore directive', () => {
    expect(scopes('/** Predicts churn. */')[1]).toBe('Predicts churn. → comment.block.documentation');
    expect(scopes('// mlplan-ignore risk-missing -- owned elsewhere')).toEqual([
        '// → punctuation.definition.comment', 'mlplan-ignore → keyword.other.directive', 'risk-missing -- owned elsewhere → comment.line.double-slash',
    ]);
});

test('every example tokenizes with no invalid token', () => {
    for (const file of ['churn-prediction', 'fraud-detection', 'demand-forecast', 'invoice-coding', 'support-triage']) {
        let state = textmate.INITIAL;
        for (const line of readFileSync(`examples/${file}.mlplan`, 'utf8').split('\n')) {
            const result = grammar.tokenizeLine(line, state);
            expect(result.tokens.flatMap(t => t.scopes).filter(s => s.startsWith('invalid')), `${file}: ${line}`).toEqual([]);
            state = result.ruleStack;
        }
    }
});
