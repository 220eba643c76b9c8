import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LangiumDocument } from 'langium';
import { AllSemanticTokenModifiers, SemanticTokensDecoder } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();
const provider = services.lsp.SemanticTokenProvider!;

interface Token {
    readonly text: string;
    readonly offset: number;
    /** `type` or `type+modifier+modifier`. */
    readonly kind: string;
}

function modifierNames(bits: number): string[] {
    return Object.entries(AllSemanticTokenModifiers).filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);
}

async function tokensOf(document: LangiumDocument, range?: Range): Promise<Token[]> {
    const textDocument = { uri: document.uri.toString() };
    const result = range
        ? await provider.semanticHighlightRange(document, { textDocument, range })
        : await provider.semanticHighlight(document, { textDocument });
    return SemanticTokensDecoder.decode(result, provider.tokenTypes, document).map(t => ({
        text: t.text,
        offset: t.offset,
        kind: [t.tokenType, ...modifierNames(t.tokenModifiers)].join('+'),
    }));
}

async function highlight(text: string): Promise<Token[]> {
    return tokensOf((await check(services, text)).document);
}

/** `text:kind` for every token, in document order. */
const describeTokens = (tokens: Token[]) => tokens.map(t => `${t.text}:${t.kind}`);

describe('names that are keywords', () => {
    const PLAN = `plan P {
  owner retention
  team retention { members date lead date }
  person date { name "D" }
  dataset d { fields { date date pii size number } }
  model M { trains on d features date }
}`;

    test('a keyword used as a name is colored as the name, by role, and as a keyword where it acts as one', async () => {
        expect(describeTokens(await highlight(PLAN))).toEqual([
            'plan:keyword', 'P:namespace+declaration',
            'owner:keyword', 'retention:parameter',
            'team:keyword', 'retention:parameter+declaration', 'members:keyword', 'date:parameter', 'lead:keyword', 'date:parameter',
            'person:keyword', 'date:parameter+declaration', 'name:keyword', '"D":string',
            'dataset:keyword', 'd:struct+declaration', 'fields:keyword',
            'date:property+declaration', 'date:type+defaultLibrary', 'pii:modifier',
            'size:property+declaration', 'number:type+defaultLibrary',
            'model:keyword', 'M:class+declaration', 'trains:keyword', 'on:keyword', 'd:struct', 'features:keyword', 'date:property',
        ]);
    });
});

describe('roles', () => {
    test('each kind of declaration has its token type, with `declaration`; references the same type without it', async () => {
        const tokens = await highlight(`plan P {
  metric m { kind ml unit ms better lower }
  objective O { kpi m <= 3 ms }
  baseline B { kind heuristic expect m = 4 ms }
  slo S { indicator m <= 150 ms }
  risk R { impact high }
  milestone A { due 2026-01-01 }
  milestone Z { after A }
}`);
        const names = tokens.filter(t => /^[A-Zm]$/.test(t.text)).map(t => `${t.text}:${t.kind}`);
        expect(names).toEqual([
            'P:namespace+declaration', 'm:enumMember+declaration', 'O:interface+declaration', 'm:enumMember',
            'B:interface+declaration', 'm:enumMember', 'S:function+declaration', 'm:enumMember', 'R:function+declaration',
            'A:function+declaration', 'Z:function+declaration', 'A:function',
        ]);
    });

    test('values: enumeration values, numbers, units, dates, strings, comparators', async () => {
        const tokens = await highlight(`plan P {
  stage growth
  deadline 2026-09-30
  title "T"
  serving { mode realtime volume 2_000_000 req/day cost 0.1 USD/req }
  metric m { kind ml }
  objective O { kpi m >= 99.5 % by 2026-01-01 }
}`);
        expect(describeTokens(tokens)).toEqual(expect.arrayContaining([
            'growth:enumMember', '2026-09-30:number', '"T":string', 'realtime:enumMember',
            '2_000_000:number', 'req:type', '/:type', 'day:type', '0.1:number', 'USD:type', 'req:type',
            'ml:enumMember', '>=:operator', '99.5:number', '%:type', 'by:keyword', '2026-01-01:number',
        ]));
    });

    test('an unresolved reference takes the type of what it must point to', async () => {
        const tokens = await highlight('plan P {\n  owner nobody\n  milestone A { after Missing }\n  objective O { kpi unknown >= 1 }\n}');
        expect(describeTokens(tokens)).toEqual(expect.arrayContaining(['nobody:parameter', 'Missing:function', 'unknown:enumMember']));
    });

    test('comments are comments; a doc comment also has `documentation`', async () => {
        const tokens = await highlight('// a note\n/** The plan. */\nplan P { /* inline */ }\n');
        expect(describeTokens(tokens)).toEqual([
            '// a note:comment', '/** The plan. */:comment+documentation', 'plan:keyword', 'P:namespace+declaration', '/* inline */:comment',
        ]);
    });

    test('references into an imported catalog take the kind of their target', async () => {
        const catalog = 'catalog C {\n  person lena { }\n  dataset events { fields { clicks number } }\n}';
        const { document } = await check(services, 'import "./c.mlplan"\nplan P {\n  owner lena\n  model M { trains on events features clicks }\n}', { files: { 'c.mlplan': catalog } });
        expect(describeTokens(await tokensOf(document))).toEqual(expect.arrayContaining([
            '"./c.mlplan":string', 'lena:parameter', 'events:struct', 'clicks:property',
        ]));
    });
});

describe('v2 constructs', () => {
    test('a persona is declared and referred to like the people of the plan; every new reference takes its target\'s kind', async () => {
        expect(describeTokens(await highlight(`plan P {
  deployment replace
  persona agent { decision "d" }
  objective O { for agent value 1 USD/year }
  dataset subs { labeling in-house { rate 10 rows/day cost 1 USD/row } labels after 2 d }
  model M { latency 40 ms }
  serving { serves M replicas 3 capacity 40 req/s }
  rollout { starts after A }
  milestone A { due 2026-01-01 needs subs }
}`))).toEqual([
            'plan:keyword', 'P:namespace+declaration',
            'deployment:keyword', 'replace:enumMember',
            'persona:keyword', 'agent:parameter+declaration', 'decision:keyword', '"d":string',
            'objective:keyword', 'O:interface+declaration', 'for:keyword', 'agent:parameter', 'value:keyword', '1:number', 'USD:type', '/:type', 'year:type',
            'dataset:keyword', 'subs:struct+declaration', 'labeling:keyword', 'in-house:enumMember',
            'rate:keyword', '10:number', 'rows:type', '/:type', 'day:type', 'cost:keyword', '1:number', 'USD:type', '/:type', 'row:type',
            'labels:keyword', 'after:keyword', '2:number', 'd:type',
            'model:keyword', 'M:class+declaration', 'latency:keyword', '40:number', 'ms:type',
            'serving:keyword', 'serves:keyword', 'M:class', 'replicas:keyword', '3:number', 'capacity:keyword', '40:number', 'req:type', '/:type', 's:type',
            'rollout:keyword', 'starts:keyword', 'after:keyword', 'A:function',
            'milestone:keyword', 'A:function+declaration', 'due:keyword', '2026-01-01:number', 'needs:keyword', 'subs:struct',
        ]);
    });

    test('unresolved new references take the kind of what they must point to', async () => {
        const tokens = await highlight('plan P {\n  objective O { for nobody }\n  serving { serves Ghost }\n  rollout { starts after Never }\n  milestone A { needs nothing }\n}');
        expect(describeTokens(tokens)).toEqual(expect.arrayContaining(['nobody:parameter', 'Ghost:class', 'Never:function', 'nothing:struct']));
    });
});

describe('a whole example', () => {
    const text = readFileSync(join(__dirname, '../../examples/churn-prediction.mlplan'), 'utf8');

    test('every word, number, string, date and comment has exactly one token covering it; punctuation none', async () => {
        const { document } = await check(services, text);
        const tokens = await tokensOf(document);
        const lexed = services.parser.Lexer.tokenize(text);
        const expected = [...lexed.tokens, ...lexed.hidden.filter(t => t.image.startsWith('/'))]
            .filter(t => !['{', '}', ',', '.'].includes(t.image))
            .sort((a, b) => a.startOffset - b.startOffset)
            .map(t => `${t.startOffset}:${t.image}`);
        expect(tokens.map(t => `${t.offset}:${t.text}`)).toEqual(expected);
    });

    test('a range request returns the tokens of that range only', async () => {
        const { document } = await check(services, text);
        const line = text.split('\n').findIndex(l => l.includes('stage growth'));
        const tokens = await tokensOf(document, { start: { line, character: 0 }, end: { line, character: 40 } });
        expect(describeTokens(tokens)).toEqual(['stage:keyword', 'growth:enumMember']);
    });
});
