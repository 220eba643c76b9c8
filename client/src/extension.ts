import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { registerExportCommands } from './export-commands.js';

let client: LanguageClient | undefined;

/**
 * V8 lets a long-running server's heap grow far beyond what it uses (a 10k-line plan needs about
 * 31 MB after a full GC, yet peaks near 300 MB). A ceiling makes it collect sooner at no measured
 * latency cost (BENCHMARKS.md).
 */
const SERVER_HEAP_LIMIT = '--max-old-space-size=1024';

/**
 * Starts the mlplan language server (out/server.cjs, the same engine as the CLI) and registers
 * the ML Plan commands. Everything a plan author sees — diagnostics, hovers, quick-fixes,
 * completion, the readiness code lens — comes from the server.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [SERVER_HEAP_LIMIT] } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [SERVER_HEAP_LIMIT, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'mlplan', scheme: 'file' }, { language: 'mlplan', scheme: 'untitled' }],
        // Sends `mlplan.*` settings (mlplan.rules) to the server whenever they change.
        synchronize: { configurationSection: 'mlplan' },
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
