import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import type { MlPlanLspServices } from './lsp-services.js';
import { createMlPlanLspServices } from './mlplan-lsp-module.js';
import { plainText } from './plain-text.js';
import { withRuleLink } from './rule-links.js';
import { syncSettings } from './settings-sync.js';

/**
 * Starts the mlplan language server: the very services the CLI uses, with an LSP connection.
 * Without a connection, one is created from the process arguments (`--stdio`, `--node-ipc`,
 * `--socket=…`), as vscode-languageserver does; used by `mlplan lsp --stdio` and reusable by the
 * VS Code extension's server entry. Nothing is written to stdout but the protocol:
 * vscode-languageserver redirects `console` to the client's log.
 */
export function startMlPlanServer(connection: Connection = createConnection(ProposedFeatures.all)): MlPlanLspServices {
    sendPlainDiagnostics(connection);
    const { shared, MlPlan } = createMlPlanLspServices({ connection, ...NodeFileSystem });
    shared.lsp.LanguageServer.onInitialize(params => {
        const roots = workspaceRoots(params);
        MlPlan.imports.Imports.setRoots(roots);
        MlPlan.config.Configuration.setSearchRoots(roots.filter(root => root.scheme === 'file').map(root => root.fsPath));
    });
    syncSettings(shared, MlPlan);
    startLanguageServer(shared);
    return MlPlan;
}

/**
 * Every diagnostic the server publishes, whoever publishes it (Langium's handler for plans,
 * settings-sync for configuration files), goes out with plain-text messages: the Problems panel
 * does not render the Markdown that the CLI and hovers keep (plain-text.ts). Quick-fixes find their
 * diagnostic by `data` and range, never by message, so the converted text the client sends back in
 * a code-action request changes nothing. Each diagnostic with a rule code also links to its rule's
 * page (`codeDescription`, rule-links.ts).
 */
export function sendPlainDiagnostics(connection: Connection): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => send({
        ...params,
        diagnostics: params.diagnostics.map(diagnostic => ({
            ...withRuleLink(diagnostic),
            // A MarkupContent message is rendered by the client: it keeps its Markdown.
            message: typeof diagnostic.message === 'string' ? plainText(diagnostic.message) : diagnostic.message,
            ...(diagnostic.relatedInformation
                ? { relatedInformation: diagnostic.relatedInformation.map(info => ({ ...info, message: plainText(info.message) })) }
                : {}),
        })),
    });
}

/** Imports may read inside the workspace folders; with none, each document's own folder (the Imports default). */
export function workspaceRoots(params: InitializeParams): URI[] {
    if (params.workspaceFolders && params.workspaceFolders.length > 0) {
        return params.workspaceFolders.map(folder => URI.parse(folder.uri));
    }
    if (params.rootUri) {
        return [URI.parse(params.rootUri)];
    }
    return [];
}
