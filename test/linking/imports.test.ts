import { URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../server/src/generated/ast.js';
import { check, createTestServices } from '../support/services.js';
import { found } from '../support/diagnostics.js';
import { unreadable } from '../support/diagnostics.js';
import { referencesOf } from './helpers.js';

const services = createTestServices();
const documents = services.shared.workspace.LangiumDocuments;

/** Loads documents at arbitrary URIs (also outside file:///workspace) and builds them all. */
async function build(files: Record<string, string>): Promise<Map<string, LangiumDocument<Document>>> {
    for (const doc of [...documents.all]) {
        documents.deleteDocument(doc.uri);
    }
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const loaded = new Map<string, LangiumDocument<Document>>();
    for (const [uri, text] of Object.entries(files)) {
        const doc = factory.fromString<Document>(text, URI.parse(uri));
        documents.addDocument(doc);
        loaded.set(uri, doc);
    }
    await services.shared.workspace.DocumentBuilder.build([...loaded.values()], { validation: true });
    return loaded;
}

function resolvedNames(document: LangiumDocument): string[] {
    return referencesOf(document).map(ref => `${ref.$refText}${ref.ref ? '' : ' (unresolved)'}`);
}

const CATALOG = `catalog Shared {
  person ana
  team data { members ana }
  metric auc { kind ml better higher }
  dataset subscribers { source "s" fields { tenure number  region category } }
  baseline Rule { kind heuristic expect auc = 0.6 }
}`;

describe('imports', () => {
    test('a catalog\'s declarations are visible as if declared locally, fields included', async () => {
        const text = `import "./catalog.mlplan"
plan P {
  owner data
  objective O { kpi auc >= 0.8 }
  dataset holdout { source "h" fields { region category } }
  model M { owner ana trains on subscribers features tenure, subscribers.region evaluation { on holdout slice by region } }
  serving { fallback Rule }
  monitoring { drift subscribers.tenure psi > 0.2 }
}`;
        const { document, diagnostics } = await check(services, text, { files: { 'catalog.mlplan': CATALOG } });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(resolvedNames(document)).toEqual([
            'data', 'auc', 'ana', 'subscribers', 'tenure', 'subscribers', 'region', 'holdout', 'region', 'Rule', 'subscribers', 'tenure',
        ]);
        expect(found(diagnostics, 'import-unresolved')).toEqual([]);
    });

    test('paths are relative to the importing file, `../` included', async () => {
        const text = `import "../../lib/people.mlplan"
import "./local.mlplan"
plan P { owner ana objective O { kpi auc >= 0.8 } }`;
        const { document, diagnostics } = await check(services, text, {
            path: 'plans/q3/main.mlplan',
            files: {
                'lib/people.mlplan': 'catalog People { person ana }',
                'plans/q3/local.mlplan': 'catalog Local { metric auc { kind ml } }',
                'local.mlplan': 'catalog Decoy { metric other { kind ml } }',
            },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(resolvedNames(document)).toEqual(['ana', 'auc']);
    });

    test('imports are transitive', async () => {
        const text = `import "./a.mlplan"
plan P { owner ana objective O { kpi auc >= 0.8 } }`;
        const { document, diagnostics } = await check(services, text, {
            files: {
                'a.mlplan': 'import "./lib/b.mlplan"\ncatalog A { metric auc { kind ml } }',
                'lib/b.mlplan': 'import "../c.mlplan"\ncatalog B { }',
                'c.mlplan': 'catalog C { person ana }',
            },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(resolvedNames(document)).toEqual(['ana', 'auc']);
    });

    test('a cycle of imports is tolerated: names resolve both ways, the build terminates', async () => {
        const main = `import "./a.mlplan"
import "./main.mlplan"
plan P { owner ana objective O { kpi auc >= 0.8 } }`;
        const { document, diagnostics } = await check(services, main, {
            path: 'main.mlplan',
            files: { 'a.mlplan': 'import "./main.mlplan"\nimport "./b.mlplan"\ncatalog A { person ana }', 'b.mlplan': 'import "./a.mlplan"\ncatalog B { metric auc { kind ml } }' },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(resolvedNames(document)).toEqual(['ana', 'auc']);
        expect(found(diagnostics, 'import-cycle')).toHaveLength(2);
    });

    test('a name declared locally wins over the imported one, and the first of two local ones wins', async () => {
        const text = `import "./catalog.mlplan"
plan P { owner ana person ana person ana }`;
        const { document } = await check(services, text, { files: { 'catalog.mlplan': CATALOG } });
        const target = referencesOf(document)[0].ref;
        expect(target?.$cstNode?.range.start).toEqual({ line: 1, character: 19 });
    });

    test('an import outside the root is refused and never loaded', async () => {
        const loaded = await build({
            'file:///workspace/main.mlplan': 'import "../secret.mlplan"\nplan P { owner ana }',
        });
        const main = loaded.get('file:///workspace/main.mlplan')!;
        expect(found(main.diagnostics ?? [], 'import-unresolved')).toEqual(['import-unresolved@1:8-1:26']);
        expect(documents.hasDocument(URI.parse('file:///secret.mlplan'))).toBe(false);
        expect(resolvedNames(main)).toEqual(['ana (unresolved)']);
    });

    test('an import outside the root stays refused even when something else loaded that file', async () => {
        const loaded = await build({
            'file:///workspace/main.mlplan': 'import "../secret.mlplan"\nplan P { owner ana }',
            'file:///secret.mlplan': 'catalog Secret { person ana }',
        });
        const main = loaded.get('file:///workspace/main.mlplan')!;
        expect(found(main.diagnostics ?? [], 'import-unresolved')).toEqual(['import-unresolved@1:8-1:26']);
        expect(resolvedNames(main)).toEqual(['ana (unresolved)']);
        expect(services.imports.Imports.importedDocuments(main)).toEqual([]);
    });

    test('a file opened from outside every root may import from its own folder only', async () => {
        const loaded = await build({
            'file:///elsewhere/main.mlplan': 'import "./people.mlplan"\nimport "../workspace/w.mlplan"\nplan P { owner ana team t { members bob } }',
            'file:///elsewhere/people.mlplan': 'catalog People { person ana }',
            'file:///workspace/w.mlplan': 'catalog W { person bob }',
        });
        const main = loaded.get('file:///elsewhere/main.mlplan')!;
        expect(resolvedNames(main)).toEqual(['ana', 'bob (unresolved)']);
        expect(found(main.diagnostics ?? [], 'import-unresolved')).toEqual(['import-unresolved@2:8-2:31']);
    });
});

describe('scope caching', () => {
    test('a document replaced under the same URI links against its new content', async () => {
        await check(services, 'plan P { owner ana person ana }', { path: 'same.mlplan' });
        const { document, diagnostics } = await check(services, 'plan P { owner bob person bob }', { path: 'same.mlplan' });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(referencesOf(document)[0].ref?.$container).toBe(document.parseResult.value.plan);
    });
});
