import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverNodeArgs } from '../../server/src/lsp/server-options.js';
import { registerCommands } from './commands.js';
import { registerExportCommands } from './export-commands.js';
import { formattingMiddleware } from './format-middleware.js';

let client: LanguageClient | undefined;


/**
 * Starts the mlplan language server (out/server.cjs, the same engine as the CLI) and registers
 * the ML Plan commands. Everything a plan author sees — diagnostics, hovers, quick-fixes,
 * completion, the readiness code lens — comes from the server.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const nodeArgs = serverNodeArgs();
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: nodeArgs } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...nodeArgs, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'mlplan', scheme: 'file' }, { language: 'mlplan', scheme: 'untitled' }],
        // Sends `mlplan.*` settings (mlplan.rules) to the server whenever they change.
        synchronize: { configurationSection: 'mlplan' },
        // Says on the status bar why a file with a syntax error is not formatted.
        middleware: formattingMiddleware(),
    };
    client = new LanguageClient('mlplan', 'ML Plan', serverOptions, clientOptions);
    registerCommands(context, () => client);
    registerExportCommands(context, () => client);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
