import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();
const churnText = readFileSync(join(__dirname, '../../examples/churn-prediction.mlplan'), 'utf8');

async function symbolsOf(text: string): Promise<{ document: LangiumDocument; symbols: DocumentSymbol[] }> {
    const { document } = await check(services, text);
    const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
    return { document, symbols };
}

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** `name (Kind) detail` with children indented, one line each. */
function outline(symbols: DocumentSymbol[] | undefined, depth = 0): string[] {
    return (symbols ?? []).flatMap(s => [
        `${'  '.repeat(depth)}${s.name} (${KIND_NAMES.get(s.kind) ?? s.kind})${s.detail ? ` ${s.detail}` : ''}`,
        ...outline(s.children, depth + 1),
    ]);
}

function textOf(document: LangiumDocument, range: Range): string {
    return document.textDocument.getText(range);
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('outline', () => {
    test('the churn example: the plan, its declarations by kind, fields under datasets, blocks by keyword', async () => {
        const { symbols } = await symbolsOf(churnText);
        expect(outline(symbols)).toEqual([
            'ChurnPrediction (Module) plan',
            '  ana (Object) person',
            '  raj (Object) person',
            '  retention (Object) team',
            '  churn_rate (Variable) metric',
            '  auc (Variable) metric',
            '  latency_p99 (Variable) metric',
            '  error_rate (Variable) metric',
            '  retention_agent (Object) persona',
            '  ReduceChurn (Interface) objective',
            '  subscribers (Struct) dataset',
            '    tenure_months (Field) number',
            '    plan_tier (Field) category',
            '    region (Field) category sensitive',
            '    email (Field) text pii',
            '    churned (Field) boolean label',
            '  holdout_2026q3 (Struct) dataset',
            '    tenure_months (Field) number',
            '    plan_tier (Field) category',
            '    region (Field) category sensitive',
            '    churned (Field) boolean label',
            '  TenureRule (Interface) baseline',
            '  ChurnGBM (Class) model',
            '    evaluation (Module) on holdout_2026q3',
            '  serving (Module)',
            '  ScoringLatency (Event) slo',
            '  rollout (Module)',
            '  monitoring (Module)',
            '  ColdStart (Event) risk',
            '  Prototype (Event) milestone',
            '  Shadow (Event) milestone',
            '  Labeled (Event) milestone',
            '  budget (Module)',
        ]);
    });

    test('ranges cover the whole block; the selection is the name, or the keyword of an unnamed block', async () => {
        const { document, symbols } = await symbolsOf(churnText);
        const plan = symbols[0];
        const byName = new Map(plan.children!.map(s => [s.name, s]));
        expect(textOf(document, byName.get('serving')!.selectionRange)).toBe('serving');
        expect(textOf(document, byName.get('serving')!.range)).toMatch(/^serving \{\n {4}mode realtime[\s\S]*fallback TenureRule\n {2}\}$/);
        expect(textOf(document, byName.get('subscribers')!.selectionRange)).toBe('subscribers');
        expect(textOf(document, byName.get('subscribers')!.range)).toMatch(/^dataset subscribers \{[\s\S]*check range tenure_months from 0 to 600\n {2}\}$/);
        const evaluation = byName.get('ChurnGBM')!.children![0];
        expect(textOf(document, evaluation.selectionRange)).toBe('evaluation');
        expect(textOf(document, evaluation.range)).toMatch(/^evaluation \{[\s\S]*slice by region where auc gap <= 0.03\n {4}\}$/);
        expect(textOf(document, byName.get('ana')!.range)).toBe('person ana { name "Ana Lima" role "ML lead" }');
        const check = (list: DocumentSymbol[] | undefined, parent?: DocumentSymbol): void => {
            for (const symbol of list ?? []) {
                expect(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`).toBe(true);
                if (parent) {
                    expect(contains(parent.range, symbol.range), `${symbol.name}: inside ${parent.name}`).toBe(true);
                }
                check(symbol.children, symbol);
            }
        };
        check(symbols);
    });

    test('a name that is a keyword is still listed by its kind; a catalog is a package', async () => {
        const { symbols } = await symbolsOf('catalog Shared {\n  team retention { }\n  dataset date { fields { date date } }\n}');
        expect(outline(symbols)).toEqual([
            'Shared (Package) catalog',
            '  retention (Object) team',
            '  date (Struct) dataset',
            '    date (Field) date',
        ]);
    });

    test('personas are listed by kind, with their range and the name selected', async () => {
        const { document, symbols } = await symbolsOf('plan P {\n  persona agent { description "A" }\n  persona lead { }\n}');
        expect(outline(symbols)).toEqual(['P (Module) plan', '  agent (Object) persona', '  lead (Object) persona']);
        expect(textOf(document, symbols[0].children![0].range)).toBe('persona agent { description "A" }');
        expect(textOf(document, symbols[0].children![0].selectionRange)).toBe('agent');
    });

    test('an incomplete plan gives what it can, without throwing', async () => {
        const { symbols } = await symbolsOf('plan P {\n  metric m { kind ml\n  dataset {\n');
        expect(outline(symbols)[0]).toBe('P (Module) plan');
        expect(outline((await symbolsOf('')).symbols)).toEqual([]);
    });
});

describe('folding', () => {
    async function foldsOf(text: string): Promise<FoldingRange[]> {
        const { document } = await check(services, text);
        return services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
    }

    test('every multi-line block folds, `fields { … }` included, keeping its closing brace visible', async () => {
        const folds = await foldsOf(churnText);
        const lines = churnText.split('\n');
        expect(folds.map(f => lines[f.startLine].trim())).toEqual([
            'plan ChurnPrediction {', 'persona retention_agent {', 'objective ReduceChurn {', 'dataset subscribers {', 'fields {',
            'dataset holdout_2026q3 {', 'fields {', 'baseline TenureRule {', 'model ChurnGBM {', 'evaluation {', 'serving {', 'slo ScoringLatency {',
            'rollout {', 'monitoring {', 'risk ColdStart {', 'budget {',
        ]);
        for (const fold of folds) {
            expect(lines[fold.endLine + 1].trim(), `fold from line ${fold.startLine}`).toBe('}');
        }
        // One-line blocks (`person ana { … }`) do not fold.
        expect(folds.some(f => lines[f.startLine].includes('person ana'))).toBe(false);
    });

    test('a labeling block written over several lines folds inside its dataset', async () => {
        const text = 'plan P {\n  dataset d {\n    labeling in-house {\n      rate 10 rows/day\n      cost 1 USD/row\n    }\n  }\n}\n';
        expect(await foldsOf(text)).toEqual([{ startLine: 0, endLine: 6 }, { startLine: 1, endLine: 5 }, { startLine: 2, endLine: 4 }]);
    });

    test('multi-line block comments and a run of imports fold too', async () => {
        const text = 'import "./a.mlplan"\nimport "./b.mlplan"\n/**\n * Doc.\n */\nplan P {\n  title "x"\n}\n';
        const folds = await foldsOf(text);
        expect(folds).toEqual([
            { startLine: 0, endLine: 1, kind: FoldingRangeKind.Imports },
            { startLine: 2, endLine: 4, kind: FoldingRangeKind.Comment },
            { startLine: 5, endLine: 6 },
        ]);
    });

    test('an unclosed block does not fold, the rest still does', async () => {
        const folds = await foldsOf('plan P {\n  dataset d {\n    source "x"\n  }\n  metric m {\n');
        expect(folds).toEqual([{ startLine: 1, endLine: 2 }]);
    });
});
