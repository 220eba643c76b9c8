import type { DocumentState, LangiumDocument, URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { MlPlanDocumentBuilder } from '../language/mlplan-document-builder.js';
import { mayReadFromDisk } from './mlplan-documents.js';

/**
 * The document builder of a running server: mlplan's (relinking on imports), plus what a
 * server needs that Langium's builder gets wrong when files change under it and builds are
 * cancelled by edits. The CLI builds once, uncancelled, from files it chose, so none of this
 * changes what it does.
 */
export class MlPlanServerDocumentBuilder extends MlPlanDocumentBuilder {
    /** Requests waiting for the workspace to reach a state, released when a build reaches it. */
    private readonly stateWaiters: Array<{ readonly state: DocumentState; readonly release: () => void }> = [];

    /**
     * A file watcher reports any path in the workspace, symbolic links included, and Langium
     * would load what a link points to, outside the workspace folders. A change is taken up only
     * for a document open in the editor (its text is the editor's) or a path inside a root by its
     * real path (see MlPlanImports.isFileInsideRoots); anything else is ignored, never read.
     */
    protected override async findChangedUris(changed: URI): Promise<URI[]> {
        if (this.textDocuments?.get(changed) || mayReadFromDisk(this.serviceRegistry, changed)) {
            return super.findChangedUris(changed);
        }
        return [];
    }

    /**
     * Once a build is cancelled, Langium skips the listeners of a document phase still to be
     * called, yet the document keeps the state it reached, so no later build calls them: its
     * diagnostics were never published and a request waiting for that state (hover, code actions)
     * was never answered. The document did reach the state: every listener hears of it.
     */
    protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: CancellationToken): Promise<void> {
        return super.notifyDocumentPhase(document, state, CancellationToken.None);
    }

    /**
     * Langium releases a request waiting for the workspace (references, highlights, rename,
     * workspace symbols) when a build phase is announced, and announces none that no document went
     * through: a build with nothing to rebuild (a watched file that is no plan changed) moves the
     * workspace state on in silence, and a request that began waiting during it waited for the next
     * edit. Such a request is also released when a build reaches its state.
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        const announced = super.awaitBuilderState(state, cancelToken);
        if (this.currentState >= state || cancelToken.isCancellationRequested) {
            return announced; // settled already
        }
        return Promise.race([announced, new Promise<void>(release => this.stateWaiters.push({ state, release }))]);
    }

    protected override async runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => unknown,
    ): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        // The phase is complete (a cancelled one throws above): the workspace is in `targetState`.
        for (let i = this.stateWaiters.length - 1; i >= 0; i--) {
            if (this.stateWaiters[i].state <= targetState) {
                this.stateWaiters.splice(i, 1)[0].release();
            }
        }
    }
}
