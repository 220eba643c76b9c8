import type { TextDocument, TextDocumentProvider, URI } from 'langium';

/**
 * The texts of the documents a program without an editor hands to the core (the CLI's files).
 * Langium's service registry asks it for a document's language before looking at its extension,
 * so a file given as a plan (`plan.txt`) is read as one. In an editor, the editor's open documents
 * take this place.
 */
export class PlanTextDocuments implements TextDocumentProvider {
    private readonly documents = new Map<string, TextDocument>();

    get(uri: string | URI): TextDocument | undefined {
        return this.documents.get(uri.toString());
    }

    set(document: TextDocument): void {
        this.documents.set(document.uri, document);
    }

    delete(uri: string | URI): void {
        this.documents.delete(uri.toString());
    }
}
