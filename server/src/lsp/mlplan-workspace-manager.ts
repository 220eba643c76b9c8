import { DefaultWorkspaceManager, type LangiumDocument, type LangiumSharedCoreServices, type Stream, type URI } from 'langium';

/**
 * Langium's start-up of a server's workspace, with two races closed: until the workspace is
 * loaded and built, every request waits for it.
 */
export class MlPlanWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        // Langium builds the workspace at start-up without validation. When that build is
        // cancelled (an edit, the editor's settings arriving), the next build finishes the documents
        // it had begun with the options they were begun with: they end linked but never validated,
        // publish no diagnostics, and a request waiting for their validation (code actions) is never
        // answered. With the same options for every build there is nothing to inherit.
        this.initialBuildOptions = this.documentBuilder.updateBuildOptions;
    }

    /**
     * Langium loads the workspace's files all at once and, should one fail (deleted between the
     * directory listing and its reading, unreadable), never declares the workspace ready: no
     * request is ever answered and no diagnostics are ever published. A file that cannot be read
     * is left out; a watched-file event brings it in when it is back.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                console.warn(`ML Plan: ${uri.toString()} left out of the workspace: ${error instanceof Error ? error.message : String(error)}`);
            }
        }));
    }
}
