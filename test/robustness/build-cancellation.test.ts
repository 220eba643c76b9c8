import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createMlPlanLspServices } from '../../server/src/lsp/mlplan-lsp-module.js';

/**
 * A build cancelled by an edit, in process, at the moment that used to lose a request: right after
 * a document reached the state the request waits for. Over a real connection that moment is a
 * matter of timing (an edit read while the server yields just after validating a big plan); here a
 * listener called before the request's cancels the build, as that edit would.
 */
describe('a build cancelled right after a document reached a state', () => {
    test('the request waiting for that state of the document is still answered', async () => {
        const { shared } = createMlPlanLspServices(EmptyFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        const factory = shared.workspace.LangiumDocumentFactory;
        const [first, second] = ['first', 'second'].map(name => {
            const document = factory.fromString(`plan ${name} {\n  metric m { kind ml better higher }\n}\n`, URI.parse(`file:///ws/${name}.mlplan`));
            documents.addDocument(document);
            return document;
        });
        const builder = shared.workspace.DocumentBuilder;
        const edit = new CancellationTokenSource();
        builder.onDocumentPhase(DocumentState.Validated, document => {
            if (document === first) edit.cancel();
        });
        // A code action on `first` waits for its validation (registered after the listener above).
        const codeAction = builder.waitUntil(DocumentState.Validated, first.uri).then(() => 'answered');
        const build = builder.build([first, second], { validation: true }, edit.token).then(() => 'finished', () => 'cancelled');
        expect(await build).toBe('cancelled');
        expect(first.state).toBe(DocumentState.Validated);
        expect(second.state).toBeLessThan(DocumentState.Validated);
        const stillWaiting = new Promise(resolve => setTimeout(() => resolve('still waiting'), 1_000));
        expect(await Promise.race([codeAction, stillWaiting])).toBe('answered');
    });
});
