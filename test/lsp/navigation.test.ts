import type { LangiumDocument } from 'langium';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentPositionParams } from 'vscode-languageserver';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';
import { codeOf, positionOf } from '../support/diagnostics.js';

const services = createEditorTestServices();

const CATALOG = `catalog Shared {
  person lena { name "Lena" }
  metric auc { kind ml better higher }
  dataset subs {
    source "lake://subs"
    fields {
      region category
      tenure number
    }
    check unique region
  }
}`;

const PLAN = `import "./catalog.mlplan"
plan P {
  owner lena
  objective O { kpi auc >= 0.8 }
  dataset hold {
    source "lake://hold"
    fields {
      region category
      tenure number  churned boolean label
    }
  }
  baseline B { kind heuristic expect auc = 0.6 }
  model M {
    trains on subs
    features region, subs.tenure
    evaluation {
      on hold
      success auc >= 0.7
      slice by region where auc gap <= 0.1
    }
  }
  monitoring {
    drift subs.region psi > 0.2
    alert auc < 0.5
  }
}`;

const PLAN_URI = 'file:///workspace/plan.mlplan';
const CATALOG_URI = 'file:///workspace/catalog.mlplan';

async function workspace(plan = PLAN, catalog = CATALOG): Promise<{ plan: LangiumDocument; catalog: LangiumDocument }> {
    const { document, diagnostics } = await check(services, plan, { path: 'plan.mlplan', files: { 'catalog.mlplan': catalog } });
    expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    const catalogDocument = services.shared.workspace.LangiumDocuments.all.find(d => d.uri.toString() === CATALOG_URI)!;
    return { plan: document, catalog: catalogDocument };
}

/** The request parameters for the position `shift` characters into the `occurrence`-th appearance of `needle`. */
function positionParams(document: LangiumDocument, needle: string, occurrence = 1, shift = 1): TextDocumentPositionParams {
    return { textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, occurrence, shift) };
}

/** `file:line:col text` for a location, 1-based, with the text it covers. */
function where(location: { uri: string; range: Range }): string {
    const document = services.shared.workspace.LangiumDocuments.all.find(d => d.uri.toString() === location.uri)!;
    const { start } = location.range;
    return `${location.uri.slice('file:///workspace/'.length)}:${start.line + 1}:${start.character + 1} ${document.textDocument.getText(location.range)}`;
}

/** The texts after applying a workspace edit. */
function applied(edit: WorkspaceEdit | undefined, texts: Record<string, string>): Record<string, string> {
    const result = { ...texts };
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const name = uri.slice('file:///workspace/'.length);
        result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'mlplan', 0, result[name]), edits);
    }
    return result;
}

function editedLines(edit: WorkspaceEdit | undefined): string[] {
    return Object.entries(edit?.changes ?? {}).flatMap(([uri, edits]) => edits.map(e => `${where({ uri, range: e.range })} -> ${e.newText}`)).sort();
}

async function references(document: LangiumDocument, needle: string, occurrence = 1, includeDeclaration = true): Promise<string[]> {
    const found: Location[] = await services.lsp.ReferencesProvider!.findReferences(document, { ...positionParams(document, needle, occurrence), context: { includeDeclaration } });
    return found.map(where).sort();
}

describe('in one file (Langium helpers)', () => {
    test('go to definition of a name that is a keyword', async () => {
        await expectGoToDefinition(services)({
            text: 'plan P {\n  owner <|>retention\n  team <|retention|> { }\n}',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true,
        });
    });

    test('find references of a metric, declaration included', async () => {
        await expectFindReferences(services)({
            text: 'plan P {\n  metric <|<|>m|> { kind ml }\n  objective O { kpi <|m|> >= 1 }\n  slo S { indicator <|m|> <= 2 }\n}',
            includeDeclaration: true,
            disposeAfterCheck: true,
        });
    });
});

describe('across an import', () => {
    test('go to definition from the plan to a metric, a person and a field of the catalog', async () => {
        const { plan } = await workspace();
        const definition = async (needle: string, occurrence = 1, shift = 1) => {
            const links = await services.lsp.DefinitionProvider!.getDefinition(plan, positionParams(plan, needle, occurrence, shift)) ?? [];
            return links.map(link => where({ uri: link.targetUri, range: link.targetSelectionRange }));
        };
        expect(await definition('auc >= 0.8')).toEqual(['catalog.mlplan:3:10 auc']);
        expect(await definition('lena')).toEqual(['catalog.mlplan:2:10 lena']);
        expect(await definition('subs.region', 1, 6)).toEqual(['catalog.mlplan:7:7 region']);
        // On a keyword: no definition.
        expect(await definition('features region')).toEqual([]);
        expect(await definition('region, subs', 1, 1)).toEqual(['catalog.mlplan:7:7 region']);
        // `slice by region` is a field of the evaluation dataset, declared in the plan.
        expect(await definition('by region', 1, 4)).toEqual(['plan.mlplan:8:7 region']);
    });

    test('find references of a catalog metric, from the catalog and from the plan', async () => {
        const { plan, catalog } = await workspace();
        const expected = [
            'catalog.mlplan:3:10 auc',
            'plan.mlplan:12:38 auc',
            'plan.mlplan:18:15 auc',
            'plan.mlplan:19:29 auc',
            'plan.mlplan:24:11 auc',
            'plan.mlplan:4:21 auc',
        ];
        expect(await references(catalog, 'auc')).toEqual(expected);
        expect(await references(plan, 'auc >= 0.7')).toEqual(expected);
        expect(await references(catalog, 'auc', 1, false)).toEqual(expected.filter(e => !e.startsWith('catalog')));
    });

    test('renaming a metric from a reference in the plan updates its declaration and every reference in both files', async () => {
        const { plan } = await workspace();
        const edit = await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'kpi auc', 1, 5), newName: 'roc_auc' });
        expect(editedLines(edit)).toEqual([
            'catalog.mlplan:3:10 auc -> roc_auc',
            'plan.mlplan:12:38 auc -> roc_auc',
            'plan.mlplan:18:15 auc -> roc_auc',
            'plan.mlplan:19:29 auc -> roc_auc',
            'plan.mlplan:24:11 auc -> roc_auc',
            'plan.mlplan:4:21 auc -> roc_auc',
        ]);
        const texts = applied(edit, { 'plan.mlplan': PLAN, 'catalog.mlplan': CATALOG });
        expect(texts['plan.mlplan']).not.toMatch(/\bauc\b/);
        await workspace(texts['plan.mlplan'], texts['catalog.mlplan']);
    });

    test('renaming from the declaration in the catalog gives the same edits', async () => {
        const { plan, catalog } = await workspace();
        const fromPlan = await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'alert auc', 1, 7), newName: 'auroc' });
        const fromCatalog = await services.lsp.RenameProvider!.rename(catalog, { ...positionParams(catalog, 'auc'), newName: 'auroc' });
        expect(editedLines(fromCatalog)).toEqual(editedLines(fromPlan));
    });

    test('renaming a field renames it in `features` (bare and qualified), `check` and `drift dataset.field`, not in other datasets', async () => {
        const { plan } = await workspace();
        const edit = await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'features region', 1, 10), newName: 'area' });
        expect(editedLines(edit)).toEqual([
            'catalog.mlplan:10:18 region -> area',
            'catalog.mlplan:7:7 region -> area',
            'plan.mlplan:15:14 region -> area',
            'plan.mlplan:23:16 region -> area',
        ]);
        const texts = applied(edit, { 'plan.mlplan': PLAN, 'catalog.mlplan': CATALOG });
        expect(texts['plan.mlplan']).toContain('slice by region');
        // Every reference followed the field; the evaluation dataset, which has its own `region`, now
        // lacks the renamed feature, and the cross-check says so.
        const { diagnostics } = await check(services, texts['plan.mlplan'], { path: 'plan.mlplan', files: { 'catalog.mlplan': texts['catalog.mlplan'] } });
        expect(diagnostics.filter(d => d.severity === 1).map(codeOf)).toEqual(['evaluation-missing-feature']);

        const qualified = await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'subs.tenure', 1, 6), newName: 'months' });
        expect(editedLines(qualified)).toEqual(['catalog.mlplan:8:7 tenure -> months', 'plan.mlplan:15:25 tenure -> months']);
    });

    test('renaming a field used in `slice by` renames it in its evaluation dataset only', async () => {
        const { plan } = await workspace();
        const edit = await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'by region', 1, 4), newName: 'zone' });
        expect(editedLines(edit)).toEqual(['plan.mlplan:19:16 region -> zone', 'plan.mlplan:8:7 region -> zone']);
    });

    test('renaming a dataset updates `trains on`, feature qualifiers and `drift`', async () => {
        const { catalog } = await workspace();
        const edit = await services.lsp.RenameProvider!.rename(catalog, { ...positionParams(catalog, 'subs {'), newName: 'subscribers' });
        expect(editedLines(edit)).toEqual([
            'catalog.mlplan:4:11 subs -> subscribers',
            'plan.mlplan:14:15 subs -> subscribers',
            'plan.mlplan:15:22 subs -> subscribers',
            'plan.mlplan:23:11 subs -> subscribers',
        ]);
    });
});

describe('rename through the v2 references', () => {
    const V2 = `plan R {
  persona agent { description "A" }
  objective O { for agent }
  dataset subs { source "s" fields { f number } }
  model M { trains on subs }
  serving { serves M }
  rollout { starts after Proto }
  milestone Proto { due 2026-01-15 }
  milestone L { due 2026-02-01 needs subs after Proto }
}`;

    async function renamed(needle: string, shift: number, newName: string): Promise<{ lines: string[]; text: string }> {
        const { document, diagnostics } = await check(services, V2, { path: 'v2.mlplan' });
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const edit = await services.lsp.RenameProvider!.rename(document, { ...positionParams(document, needle, 1, shift), newName });
        const lines = editedLines(edit);
        const text = applied(edit, { 'v2.mlplan': V2 })['v2.mlplan'];
        const after = await check(services, text, { path: 'v2.mlplan' });
        expect(after.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        return { lines, text };
    }

    test('a persona: its declaration and `for`', async () => {
        const { lines, text } = await renamed('persona agent', 9, 'operator');
        expect(lines).toEqual(['v2.mlplan:2:11 agent -> operator', 'v2.mlplan:3:21 agent -> operator']);
        expect(text).toContain('objective O { for operator }');
        expect((await renamed('for agent', 5, 'operator')).lines).toEqual(lines);
    });

    test('a model: its declaration and `serves`', async () => {
        const { lines } = await renamed('serves M', 8, 'Scorer');
        expect(lines).toEqual(['v2.mlplan:5:9 M -> Scorer', 'v2.mlplan:6:20 M -> Scorer']);
    });

    test('a milestone: its declaration, `starts after` and `after`', async () => {
        const { lines, text } = await renamed('milestone Proto', 11, 'Prototype');
        expect(lines).toEqual(['v2.mlplan:7:26 Proto -> Prototype', 'v2.mlplan:8:13 Proto -> Prototype', 'v2.mlplan:9:49 Proto -> Prototype']);
        expect(text).toContain('rollout { starts after Prototype }');
        expect((await renamed('starts after Proto', 14, 'Prototype')).lines).toEqual(lines);
    });

    test('a dataset: its declaration, `trains on` and `needs`', async () => {
        const { lines, text } = await renamed('needs subs', 7, 'subscribers');
        expect(lines).toEqual(['v2.mlplan:4:11 subs -> subscribers', 'v2.mlplan:5:23 subs -> subscribers', 'v2.mlplan:9:38 subs -> subscribers']);
        expect(text).toContain('needs subscribers after Proto');
    });

    test('a new name already taken is refused', async () => {
        const { document } = await check(services, V2, { path: 'v2.mlplan' });
        await expect(services.lsp.RenameProvider!.rename(document, { ...positionParams(document, 'persona agent', 1, 9), newName: 'Proto' }))
            .rejects.toThrow('`Proto` is already declared');
    });
});

describe('rename and keywords', () => {
    test('a rename started on a keyword is refused', async () => {
        const { plan } = await workspace();
        expect(await services.lsp.RenameProvider!.prepareRename(plan, positionParams(plan, 'objective'))).toBeUndefined();
        expect(await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'objective'), newName: 'x' })).toBeUndefined();
        expect(await services.lsp.RenameProvider!.prepareRename(plan, positionParams(plan, 'kpi'))).toBeUndefined();
    });

    test('prepareRename gives the range of the name, declared or referenced', async () => {
        const { plan } = await workspace();
        const range = await services.lsp.RenameProvider!.prepareRename(plan, positionParams(plan, 'hold {'));
        expect(range && plan.textDocument.getText(range as Range)).toBe('hold');
        const reference = await services.lsp.RenameProvider!.prepareRename(plan, positionParams(plan, 'lena'));
        expect(reference && plan.textDocument.getText(reference as Range)).toBe('lena');
    });

    test('a name may be renamed to a keyword (keywords are not reserved), and the plan still reads', async () => {
        const { plan } = await workspace();
        const edit = await services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, 'on hold', 1, 4), newName: 'stage' });
        const texts = applied(edit, { 'plan.mlplan': PLAN, 'catalog.mlplan': CATALOG });
        expect(texts['plan.mlplan']).toContain('dataset stage {');
        expect(texts['plan.mlplan']).toContain('on stage');
        await workspace(texts['plan.mlplan'], texts['catalog.mlplan']);
    });

    test('a rename that would break the plan is refused with a reason', async () => {
        const { plan } = await workspace();
        const rename = (needle: string, shift: number, newName: string) =>
            services.lsp.RenameProvider!.rename(plan, { ...positionParams(plan, needle, 1, shift), newName });
        await expect(rename('kpi auc', 5, '2fast')).rejects.toThrow('`2fast` is not a name');
        await expect(rename('kpi auc', 5, 'a b')).rejects.toThrow('is not a name');
        await expect(rename('kpi auc', 5, 'lena')).rejects.toThrow('`lena` is already declared');
        await expect(rename('features region', 10, 'pii')).rejects.toThrow('it is a field flag');
        await expect(rename('features region', 10, 'tenure')).rejects.toThrow('dataset `subs` already has a field `tenure`');
    });
});

test('the plan and catalog URIs used here are those of the workspace', async () => {
    const { plan, catalog } = await workspace();
    expect([plan.uri.toString(), catalog.uri.toString()]).toEqual([PLAN_URI, CATALOG_URI]);
});
