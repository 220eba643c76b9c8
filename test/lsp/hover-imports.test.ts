// Hovering an import's path shows the file it resolves to, as a link that opens it, and what it declares.
import { describe, expect, test } from 'vitest';
import { check, createEditorTestServices } from '../support/services.js';
import { positionOf } from '../support/diagnostics.js';

const services = createEditorTestServices();

const CATALOG = `catalog Shared {
  person ana { name "Ana" }
  person raj { name "Raj" }
  metric auc { kind ml better higher }
  dataset events { source "s" }
}
`;

async function hoverOn(text: string, needle: string, files: Record<string, string>): Promise<string | undefined> {
    const { document } = await check(services, text, { path: 'plans/plan.mlplan', files });
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle) });
    return hover ? (hover.contents as { value: string }).value : undefined;
}

describe('import hovers', () => {
    test('the resolved file, relative to the plan, linked to its URI, with what it declares', async () => {
        const value = await hoverOn('import "../lib/shared catalog.mlplan"\nplan P { owner ana }\n', 'lib/shared', { 'lib/shared catalog.mlplan': CATALOG });
        expect(value).toBe('**import** [`../lib/shared catalog.mlplan`](file:///workspace/lib/shared%20catalog.mlplan): declares 2 people, 1 metric, 1 dataset');
    });

    test('an import that does not resolve hovers with its diagnostic only', async () => {
        const value = await hoverOn('import "./missing.mlplan"\nplan P { }\n', 'missing', {});
        expect(value).toMatch(/^\*\*`import-unresolved`\*\*/);
        // No link to the missing file (only to the rule's page).
        expect(value).not.toContain('missing.mlplan](');
        expect(value).not.toMatch(/\]\(file:[^)]*missing\.mlplan\)/);
    });
});
