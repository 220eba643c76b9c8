import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Langium's handler of document changes, with two gaps closed:
 * - A closed document is forgotten when nothing but the editor made it a plan (an untitled plan
 *   from New Plan from Template), and read again from disk otherwise, so a file closed without
 *   saving is checked as it is on disk. Langium kept both as the editor last had them; a closed
 *   untitled plan then had no language at all, and the next build failed on it.
 * - A build that fails is logged. Langium left its promise unhandled, and an unhandled
 *   rejection ends a Node process: one bug in one build took the whole server down.
 */
export class MlPlanDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (this.serviceRegistry.hasServices(uri)) {
            this.fireDocumentUpdate([uri], []);
        } else {
            this.fireDocumentUpdate([], [uri]);
        }
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch((error: unknown) => {
                console.error(`mlplan: a workspace update failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            });
    }
}
