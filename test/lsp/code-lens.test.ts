import { readFileSync } from 'node:fs';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { CodeLens } from 'vscode-languageserver';
import { expect, test } from 'vitest';
import type { Document } from '../../server/src/generated/ast.js';
import { MlPlanCodeLensProvider, missingTitle, readinessTitle } from '../../server/src/lsp/mlplan-code-lens.js';
import type { MlPlanLspServices } from '../../server/src/lsp/lsp-services.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import type { Readiness } from '../../server/src/rules/readiness.js';
import { readinessChecklistMarkdown } from '../../server/src/export/readiness-checklist.js';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

async function lenses(document: LangiumDocument<Document>): Promise<CodeLens[] | undefined> {
    return services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
}

const example = (name: string) => readFileSync(`examples/${name}`, 'utf8');

test('the example under review: readiness 22/24 at growth, fairness and label delay missing, on the `plan` line', async () => {
    const { document } = await check(services, example('support-triage.mlplan'), { path: 'support-triage.mlplan' });
    const uri = document.uri.toString();
    // Line 5 (0-based 4): the doc comment above the plan is not where the lens goes.
    const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } };
    expect(await lenses(document)).toEqual([
        { range, command: { title: 'Readiness 22/24 — growth', command: 'mlplan.showReadiness', arguments: [uri] } },
        { range, command: { title: 'Missing: fairness, label-delay', command: 'mlplan.showReadiness', arguments: [uri] } },
    ]);
});

test('a complete plan has one lens', async () => {
    const { document } = await check(services, example('churn-prediction.mlplan'), { path: 'churn-prediction.mlplan' });
    const result = await lenses(document);
    expect(result?.map(lens => lens.command?.title)).toEqual(['Readiness 24/24 — growth']);
    expect(result?.[0].range.start).toEqual({ line: 1, character: 0 });
    expect(result?.[0].command?.arguments).toEqual([document.uri.toString()]);
});

test('a plan after imports: the lens sits on the `plan` keyword, wherever it is', async () => {
    const { document } = await check(services, 'import "./c.mlplan"\n\n  plan P {\n}\n', { files: { 'c.mlplan': 'catalog C {}' } });
    const result = await lenses(document);
    expect(result?.[0].range.start).toEqual({ line: 2, character: 2 });
    expect(result?.[0].command?.title).toBe('Readiness 9/13 — mvp');
    expect(result?.[1].command?.title).toBe('Missing: objective, owner, dataset, baseline');
});

test('the configuration decides what applies: a rule turned off is neither counted nor missing', async () => {
    const { document } = await check(services, 'plan P {\n}\n');
    services.config.Configuration.setEditorRules({ 'owner-missing': 'off' });
    try {
        expect((await lenses(document))?.map(lens => lens.command?.title)).toEqual([
            'Readiness 9/12 — mvp',
            'Missing: objective, dataset, baseline',
        ]);
    } finally {
        services.config.Configuration.setEditorRules({});
    }
});

test('a plan with errors is never shown as ready: the figure says what blocks it', async () => {
    const complete = example('churn-prediction.mlplan');
    const one = complete.replace('peak 60 req/s', 'peak 10 req/s');
    const two = one.replace('owner raj', 'owner nobody');
    const titles = async (text: string) => (await lenses((await check(services, text, { path: 'churn-prediction.mlplan' })).document))?.map(lens => lens.command?.title);
    expect(await titles(complete)).toEqual(['Readiness 24/24 — growth']);
    expect(await titles(one)).toEqual(['Readiness 24/24, blocked by 1 error — growth']);
    expect(await titles(two)).toEqual(['Readiness 24/24, blocked by 2 errors — growth']);
    // An incomplete plan with an error shows both.
    expect(await titles('plan P {\n  owner nobody\n}\n')).toEqual(['Readiness 10/13, blocked by 1 error — mvp', 'Missing: objective, dataset, baseline']);
});

test('readinessTitle: no blocker, one, several', () => {
    const at = (blockers: number): Readiness => ({ stage: 'growth', satisfied: 19, applicable: 19, items: [], blockers });
    expect(readinessTitle(at(0))).toBe('Readiness 19/19 — growth');
    expect(readinessTitle(at(1))).toBe('Readiness 19/19, blocked by 1 error — growth');
    expect(readinessTitle(at(2))).toBe('Readiness 19/19, blocked by 2 errors — growth');
});

test('the readiness report the lens opens carries the blockers, in its figures and its headline', async () => {
    const handler = services.shared.lsp.ExecuteCommandHandler!;
    const report = async (text: string) => {
        const { document } = await check(services, text, { path: 'report.mlplan' });
        return handler.executeCommand('mlplan.readinessReport', [document.uri.toString()]) as Promise<{ satisfied: number; applicable: number; blockers: number; markdown: string }>;
    };
    const complete = example('churn-prediction.mlplan');
    const clean = await report(complete);
    expect([clean.satisfied, clean.applicable, clean.blockers]).toEqual([24, 24, 0]);
    expect(clean.markdown).toContain('**Readiness 24/24** at stage `growth`.');
    expect(clean.markdown).not.toContain('blocked');

    const blocked = await report(complete.replace('peak 60 req/s', 'peak 10 req/s').replace('owner raj', 'owner nobody'));
    expect([blocked.satisfied, blocked.applicable, blocked.blockers]).toEqual([24, 24, 2]);
    expect(blocked.markdown).toContain('**Readiness 24/24, blocked by 2 errors** at stage `growth`.');
    expect(blocked.markdown.match(/Readiness 24\/24/g)).toHaveLength(1);
});

test('readinessChecklistMarkdown: one error, and a file with nothing to count but an error', () => {
    const rule = RULES_BY_CODE.get('owner-missing')!;
    const one: Readiness = { stage: 'mvp', satisfied: 1, applicable: 1, items: [{ rule, met: true }], blockers: 1 };
    expect(readinessChecklistMarkdown(one)).toContain('**Readiness 1/1, blocked by 1 error** at stage `mvp`.');
    const nothing: Readiness = { stage: 'mvp', satisfied: 0, applicable: 0, items: [], blockers: 3 };
    expect(readinessChecklistMarkdown(nothing)).toContain('**Blocked by 3 errors.**');
    expect(readinessChecklistMarkdown({ ...nothing, blockers: 0 })).not.toContain('locked');
});

test('a catalog, an empty file and a file that does not parse get no lens', async () => {
    for (const text of [example('shared/payments-catalog.mlplan'), '', 'not a plan at all']) {
        const { document } = await check(services, text);
        expect(await lenses(document), text.slice(0, 20)).toBeUndefined();
    }
});

test('a long missing list is cut after four names', () => {
    const codes = ['objective-missing', 'owner-missing', 'dataset-missing', 'baseline-missing', 'fallback-missing', 'rollback-missing'];
    const readiness = (count: number): Readiness => ({
        stage: 'mvp',
        satisfied: 0,
        applicable: count,
        items: codes.slice(0, count).map(code => ({ rule: RULES_BY_CODE.get(code)!, met: false })),
        blockers: 0,
    });
    expect(missingTitle(readiness(6))).toBe('Missing: objective, owner, dataset, baseline and 2 more');
    // Five fit: "and 1 more" would be no shorter than the name itself.
    expect(missingTitle(readiness(5))).toBe('Missing: objective, owner, dataset, baseline, fallback');
    expect(missingTitle(readiness(0))).toBeUndefined();
});

/** A provider whose client supports refresh, counting the refreshes it asks for. */
class CountingProvider extends MlPlanCodeLensProvider {
    refreshes = 0;
    constructor(services: MlPlanLspServices) {
        super(services);
        this.refreshSupported = true;
    }
    protected override requestRefresh(): void {
        this.refreshes++;
    }
}

test('before validation the last lens stays; after it, the client is asked to refresh only when a title changed', async () => {
    const provider = new CountingProvider(services);
    const titles = (document: LangiumDocument) => provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })?.map(lens => lens.command?.title);
    const builder = services.shared.workspace.DocumentBuilder;
    const documents = services.shared.workspace.LangiumDocuments;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>('plan P {\n}\n', URI.parse('file:///workspace/stale.mlplan'));
    documents.addDocument(document);

    // Linked but not validated: no readiness to show yet, and no made-up one.
    await builder.build([document], { validation: false });
    expect(document.state).toBeLessThan(DocumentState.Validated);
    expect(titles(document)).toBeUndefined();
    expect(provider.refreshes).toBe(0);

    // Validation ends: the unanswered request is made good.
    await builder.build([document], { validation: true });
    expect(provider.refreshes).toBe(1);
    expect(titles(document)).toEqual(['Readiness 9/13 — mvp', 'Missing: objective, owner, dataset, baseline']);

    const revalidate = async () => {
        builder.resetToState(document, DocumentState.IndexedReferences);
        // While the new build runs, the editor keeps what it was shown.
        expect(titles(document)).toEqual(shownBefore);
        await builder.update([], []);
    };
    let shownBefore = titles(document);
    // Nothing changed: no refresh.
    await revalidate();
    expect(provider.refreshes).toBe(1);
    // A rule turned off changes the figures without any edit: refresh.
    shownBefore = titles(document);
    services.config.Configuration.setEditorRules({ 'owner-missing': 'off' });
    try {
        await revalidate();
        expect(provider.refreshes).toBe(2);
        expect(titles(document)).toEqual(['Readiness 9/12 — mvp', 'Missing: objective, dataset, baseline']);
    } finally {
        services.config.Configuration.setEditorRules({});
        documents.deleteDocument(document.uri);
    }
});
