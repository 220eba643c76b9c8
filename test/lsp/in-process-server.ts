/**
 * The language server as an editor sees it, in the test's own process: `startMlPlanServer` on a
 * real vscode-languageserver connection over in-memory streams, spoken to by a JSON-RPC client.
 * Everything the server sends (published diagnostics, messages to show) is recorded. Message
 * readers (not raw streams) are passed so that vscode-languageserver neither patches `console`
 * nor ends the process when the streams close.
 */
import { PassThrough } from 'node:stream';
import {
    createConnection, createProtocolConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
    InitializedNotification, InitializeRequest, ProposedFeatures, PublishDiagnosticsNotification, ShowMessageNotification,
    ShowMessageRequest, StreamMessageReader, StreamMessageWriter,
    type FileEvent, type ProtocolConnection, type PublishDiagnosticsParams, type ShowMessageParams,
} from 'vscode-languageserver/node';
import { startMlPlanServer } from '../../server/src/lsp/start-server.js';

export interface InProcessServer {
    readonly client: ProtocolConnection;
    /** Every publishDiagnostics notification, in order. */
    readonly published: PublishDiagnosticsParams[];
    /** Every window/showMessage notification and window/showMessageRequest, in order. */
    readonly shown: ShowMessageParams[];
    /** Resolves with the first publication for `uri`, after the `after`-th one, that `accept` takes. */
    diagnosticsFor(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, after?: number): Promise<PublishDiagnosticsParams>;
    watchedFilesChanged(changes: FileEvent[]): Promise<void>;
    settingsChanged(settings: unknown): Promise<void>;
    dispose(): void;
}

export async function startInProcessServer(folderUri: string): Promise<InProcessServer> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startMlPlanServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const published: PublishDiagnosticsParams[] = [];
    const shown: ShowMessageParams[] = [];
    const waiters = new Set<() => void>();
    client.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push(params);
        waiters.forEach(wake => wake());
    });
    client.onNotification(ShowMessageNotification.type, params => {
        shown.push(params);
    });
    client.onRequest(ShowMessageRequest.type, params => {
        shown.push(params);
        return null;
    });
    client.listen();
    await client.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: folderUri,
        capabilities: {},
        workspaceFolders: [{ uri: folderUri, name: 'plans' }],
    });
    await client.sendNotification(InitializedNotification.type, {});

    const diagnosticsFor = (uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, after = 0) =>
        new Promise<PublishDiagnosticsParams>((resolve, reject) => {
            const look = () => {
                const found = published.slice(after).find(p => p.uri === uri && accept(p));
                if (found) {
                    clearTimeout(timer);
                    waiters.delete(look);
                    resolve(found);
                }
            };
            const timer = setTimeout(() => {
                waiters.delete(look);
                reject(new Error(`no matching diagnostics for ${uri}; published: ${JSON.stringify(published.slice(after))}`));
            }, 15_000);
            waiters.add(look);
            look();
        });

    return {
        client,
        published,
        shown,
        diagnosticsFor,
        watchedFilesChanged: changes => client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }),
        settingsChanged: settings => client.sendNotification(DidChangeConfigurationNotification.type, { settings }),
        dispose: () => {
            client.dispose();
            toServer.end();
            toClient.end();
        },
    };
}
