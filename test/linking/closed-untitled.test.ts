import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expect, test } from 'vitest';
import type { Document } from '../../server/src/generated/ast.js';
import { createEditorTestServices } from '../support/services.js';

/**
 * An untitled plan (New Plan from Template) is an mlplan document only while the editor has it
 * open: its URI has no `.mlplan` extension. It used to stay in the workspace once closed, with no
 * language at all, and the next build (any file saved) threw "The service registry contains no
 * services for the extension ''", which ended the server process.
 */
async function openUntitledAndSaved() {
    const services = createEditorTestServices();
    const { TextDocuments, LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, WorkspaceManager, WorkspaceLock } = services.shared.workspace;
    await WorkspaceManager.initializeWorkspace([]);
    const untitled = TextDocument.create('untitled:Untitled-1', 'mlplan', 1, 'import "catalog.mlplan"\nplan Draft { stage mvp }\n');
    TextDocuments.set(untitled);
    const draft = LangiumDocumentFactory.fromTextDocument<Document>(untitled, URI.parse(untitled.uri));
    LangiumDocuments.addDocument(draft);
    const saved = LangiumDocumentFactory.fromString<Document>('plan Saved { stage mvp }\n', URI.parse('file:///workspace/saved.mlplan'));
    LangiumDocuments.addDocument(saved);
    await DocumentBuilder.build([draft, saved], { validation: true });
    // Resolves once the updates fired so far are done (they are queued once the workspace is ready).
    const settled = async () => {
        await new Promise(resolve => setImmediate(resolve));
        await WorkspaceLock.read(() => undefined);
    };
    return { services, untitled, saved, settled };
}

test('closing an untitled plan forgets it, and the next build succeeds', async () => {
    const { services, untitled, saved, settled } = await openUntitledAndSaved();
    const { TextDocuments, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    TextDocuments.delete(untitled.uri);
    services.shared.lsp.DocumentUpdateHandler.didCloseDocument!({ document: untitled });
    await settled();
    expect(LangiumDocuments.hasDocument(URI.parse(untitled.uri))).toBe(false);
    await expect(DocumentBuilder.update([URI.parse('file:///workspace/catalog.mlplan')], [])).resolves.toBeUndefined();
    expect(saved.diagnostics?.map(d => d.code)).toContain('owner-missing');
});

test('a build that fails is reported on the log, and the server goes on', async () => {
    const { services, untitled, settled } = await openUntitledAndSaved();
    const { TextDocuments } = services.shared.workspace;
    // The state the old handler left behind: the untitled plan closed but still held.
    TextDocuments.delete(untitled.uri);
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
        services.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: 'file:///workspace/catalog.mlplan', type: 1 }] });
        await settled();
        await new Promise(resolve => setTimeout(resolve, 10));
    } finally {
        console.error = original;
        process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    expect(logged.some(line => line.startsWith('mlplan: a workspace update failed') && line.includes('no services'))).toBe(true);
});
