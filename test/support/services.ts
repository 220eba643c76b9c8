import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMlPlanServices } from '../../server/src/core/mlplan-core-module.js';
import type { Document } from '../../server/src/generated/ast.js';
import type { MlPlanServices } from '../../server/src/language/mlplan-module.js';
import type { MlPlanLspServices } from '../../server/src/lsp/lsp-services.js';
import { createMlPlanLspServices } from '../../server/src/lsp/mlplan-lsp-module.js';

/** The root every test document lives under; imports may read inside it. */
export const TEST_WORKSPACE = 'file:///workspace';

/**
 * The core's services (what the CLI runs: parse, link, facts, rules, export), one set per test
 * file, as Langium's own examples do.
 */
export function createTestServices(): MlPlanServices {
    const services = createMlPlanServices(EmptyFileSystem).MlPlan;
    services.imports.Imports.setRoots([URI.parse(TEST_WORKSPACE)]);
    return services;
}

/** The language server's services: the core's plus every editor provider. */
export function createEditorTestServices(): MlPlanLspServices {
    const services = createMlPlanLspServices(EmptyFileSystem).MlPlan;
    services.imports.Imports.setRoots([URI.parse(TEST_WORKSPACE)]);
    return services;
}

let counter = 0;

/**
 * Parses, links and validates `text` (plus any `files`, path → text, under file:///workspace/)
 * and returns the main document with its diagnostics.
 */
export async function check(
    services: MlPlanServices,
    text: string,
    options: { path?: string; files?: Record<string, string> } = {}
): Promise<{ document: LangiumDocument<Document>; diagnostics: Diagnostic[] }> {
    const documents = services.shared.workspace.LangiumDocuments;
    for (const doc of [...documents.all]) {
        documents.deleteDocument(doc.uri);
    }
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const extra = Object.entries(options.files ?? {}).map(([path, content]) => {
        const doc = factory.fromString<Document>(content, URI.parse(`${TEST_WORKSPACE}/${path}`));
        documents.addDocument(doc);
        return doc;
    });
    const uri = URI.parse(`${TEST_WORKSPACE}/${options.path ?? `test${counter++}.mlplan`}`);
    const document = factory.fromString<Document>(text, uri);
    documents.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document, ...extra], { validation: true });
    return { document, diagnostics: document.diagnostics ?? [] };
}
