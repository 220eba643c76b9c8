import { DefaultLangiumDocuments, type LangiumDocument, type LangiumSharedCoreServices, type ServiceRegistry, type TextDocumentProvider, type URI } from 'langium';
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { MlPlanServices } from '../language/mlplan-module.js';

/**
 * True when a document that is not loaded may be read from disk: a file inside a root (workspace
 * folder), by its real path. Documents open in the editor are read from the editor instead.
 */
export function mayReadFromDisk(registry: ServiceRegistry, uri: URI): boolean {
    const imports = registry.all.map(services => (services as Partial<MlPlanServices>).imports?.Imports).find(found => found !== undefined);
    return imports?.isFileInsideRoots(uri) ?? false;
}

/**
 * Langium answers references, highlights, rename, prepare-rename, implementation and call
 * hierarchy (the requests that wait for the workspace rather than for their document) by loading
 * the document named in the request from disk, wherever it is and whatever its URI scheme
 * (`http:` and `untitled:` URIs read the local file at their path). Here a document is created only from the editor's text when it is open,
 * or from a file inside a root; a request for anything else is refused like Langium refuses
 * hover or completion for a document it does not hold (ServerCancelled), and nothing is read.
 */
export class MlPlanDocuments extends DefaultLangiumDocuments {
    private readonly registry: ServiceRegistry;
    private readonly textDocuments: TextDocumentProvider | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.registry = services.ServiceRegistry;
        this.textDocuments = services.workspace.TextDocuments;
    }

    override async getOrCreateDocument(uri: URI, cancellationToken?: CancellationToken): Promise<LangiumDocument> {
        const loaded = this.getDocument(uri);
        if (loaded) {
            return loaded;
        }
        const open = this.textDocuments?.get(uri);
        if (!open && !mayReadFromDisk(this.registry, uri)) {
            throw new ResponseError(LSPErrorCodes.ServerCancelled, `No document found for URI: ${uri.toString()}`);
        }
        const token = cancellationToken ?? CancellationToken.None;
        // An open document not yet built (opened a moment ago) has the editor's text, not the file's.
        const document = open
            ? await this.langiumDocumentFactory.fromTextDocument(open, uri, token)
            : await this.langiumDocumentFactory.fromUri(uri, token);
        // Another request, or the build, may have created it while this one read and parsed it.
        const created = this.getDocument(uri);
        if (created) {
            return created;
        }
        this.addDocument(document);
        return document;
    }
}
