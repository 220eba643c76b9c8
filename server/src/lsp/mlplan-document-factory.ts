import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type Cancellation, type LangiumDocument } from 'langium';
import type { Document } from '../generated/ast.js';
import { reparseMember } from './mlplan-incremental-parse.js';

/**
 * Langium's document factory, but an edit of an open document that stays inside one member of a
 * plan re-parses only that member (mlplan-incremental-parse.ts). Documents read from disk (the
 * CLI, files that are not open) are parsed whole, as before.
 */
export class MlPlanDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const textDocument = this.textDocuments?.get(document.uri.toString());
        if (textDocument && document.parseResult.value.$cstNode) {
            const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
            const spliced = reparseMember(parser, document.parseResult as unknown as LangiumDocument<Document>['parseResult'], textDocument.getText());
            if (spliced) {
                Object.defineProperty(document, 'textDocument', { value: textDocument });
                (document as unknown as LangiumDocument<Document>).parseResult = spliced;
                document.state = DocumentState.Parsed;
                return document;
            }
        }
        return super.update(document, cancellationToken);
    }
}
