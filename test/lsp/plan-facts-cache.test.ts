// Plan facts are built once per version of the workspace (language/mlplan-facts.ts) and shared by
// validation, hover, code actions, the code lens and the exporters: a request never builds them
// again, and any change that could alter them (an edit, a configuration change) does. Every front
// end shows the same figure, computed once (model/derived.ts, remembered by the facts).
import { TextDocument, URI } from 'langium';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildExportModel, exportInputOf } from '../../server/src/export/index.js';
import type { MlPlanFacts } from '../../server/src/language/mlplan-facts.js';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();
const facts = services.facts.PlanFacts;

const PLAN = `plan P {
  serving { mode realtime volume 2_000_000 req/day peak 60 req/s cost 0.00004 USD/req }
  budget { serving 2_500 USD/month }
}
`;

/** Counts the facts built from now on. */
function countBuilds(): { readonly count: number } {
    const build = vi.spyOn(facts as unknown as { build: MlPlanFacts['of'] }, 'build');
    return { get count() { return build.mock.calls.length; } };
}

afterEach(() => {
    vi.restoreAllMocks();
    services.config.Configuration.setEditorRules({});
});

describe('one build of the facts per version', () => {
    test('hover, code actions, code lens and export after validation reuse the facts validation built', async () => {
        const { document, diagnostics } = await check(services, PLAN);
        const builds = countBuilds();
        const uri = document.uri.toString();
        const at = { line: 1, character: 40 }; // on `volume`'s figure: the hover computes serving figures from the facts
        const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position: at });
        expect(JSON.stringify(hover)).toContain('mean rate');
        await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
        await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri } });
        exportInputOf(services, document);
        expect(builds.count).toBe(0);
        expect(facts.of(document)).toBe(facts.of(document));
    });

    test('an edit makes new facts, once, for everyone after it', async () => {
        const { document } = await check(services, PLAN);
        const before = facts.of(document);
        const builder = services.shared.workspace.DocumentBuilder;
        services.shared.workspace.TextDocuments.set(TextDocument.create(document.uri.toString(), 'mlplan', 1, PLAN.replace('60 req/s', '20 req/s')));
        await builder.update([URI.parse(document.uri.toString())], []);
        const builds = countBuilds();
        const after = facts.of(document);
        expect(after).not.toBe(before);
        expect(after.figures.serving(after.serving!).peakRate).toBe(20);
        await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        expect(builds.count).toBe(0); // built by the revalidation of the update, before the line above
        services.shared.workspace.TextDocuments.delete(document.uri.toString());
    });

    test('a configuration change makes new facts with the new settings, without any edit', async () => {
        const { document } = await check(services, PLAN);
        const before = facts.of(document);
        services.config.Configuration.setEditorRules({ 'owner-missing': 'off' });
        const after = facts.of(document);
        expect(after).not.toBe(before);
        expect(after.settings).toEqual({ 'owner-missing': 'off' });
        expect(before.settings).toEqual({});
    });
});

describe('a figure is computed in one place', () => {
    test('the mean rate and the monthly cost a rule quotes are those the hover shows and the export writes', async () => {
        const text = PLAN.replace('peak 60 req/s', 'peak 10 req/s').replace('2_500 USD/month', '2_000 USD/month');
        const { document, diagnostics } = await check(services, text);
        const messages = diagnostics.map(d => d.message).join('\n');
        expect(messages).toContain('below the mean 23.1 req/s implied by 2,000,000 req/day');
        expect(messages).toContain('serving costs 2,400 USD/month');
        const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line: 1, character: 40 } });
        const shown = JSON.stringify(hover);
        expect(shown).toContain('23.1 req/s');
        expect(shown).toContain('2,400 USD/month');
        const derived = buildExportModel(exportInputOf(services, document)).serving?.derived;
        expect(derived?.meanRate?.text).toBe('23.1 req/s');
        expect(derived?.monthlyCost?.text).toBe('2,400 USD/month');
    });
});
