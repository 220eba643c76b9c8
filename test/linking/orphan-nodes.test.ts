/**
 * Regression found by the fuzzer (npm run fuzz): a property written twice (`evaluation … evaluation`)
 * leaves the first node in the parse tree but out of the AST, with no container and so no document.
 * Resolving one of its references (hover, go to definition, semantic tokens walk the parse tree)
 * made the scope provider throw, and Langium logged "An error occurred while resolving reference".
 */
import { afterEach, expect, test, vi } from 'vitest';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

afterEach(() => {
    vi.restoreAllMocks();
});

test.each([
    ['a model evaluation written twice', 'plan N model a algorithm evaluation on o evaluation on'],
    ['a rollback written twice', 'plan{rollout rollback r rollback n a 4'],
])('%s: references of the left-out node resolve to nothing, quietly', async (_, text) => {
    const { document } = await check(services, text);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const textDocument = { uri: document.uri.toString() };
    for (let offset = 0; offset <= text.length; offset++) {
        const position = document.textDocument.positionAt(offset);
        await services.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
        await services.lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
        await services.lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
    }
    await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    expect(errors.mock.calls).toEqual([]);
});
