import { DocumentState, URI, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, ConfigError, type LocatedConfigProblem, type MlPlanConfiguration } from '../language/mlplan-config.js';
import type { MlPlanLspServices } from './lsp-services.js';

/**
 * Keeps rule severities current in a running server: the editor's `mlplan.rules` setting (which
 * wins over files) and `mlplan.config.json` files. Either change re-validates every document
 * without re-parsing it. Problems are never silently ignored, and never repeated: those of a
 * configuration file are diagnostics in that file, where the author types (a pop-up per save
 * would interrupt them); those of the setting, which lives in the editor's settings.json, are one
 * warning message per distinct value of the setting.
 */
export function syncSettings(shared: LangiumSharedServices, mlplan: MlPlanLspServices): void {
    const configuration = mlplan.config.Configuration;
    const provider = shared.workspace.ConfigurationProvider;
    const connection = shared.lsp.Connection;
    const warnedSettings = new Set<string>();
    const files = new ConfigFileDiagnostics(configuration, (uri, diagnostics) => void connection?.sendDiagnostics({ uri, diagnostics }));

    const applyRules = (rules: unknown) => {
        let problems: readonly string[];
        try {
            problems = configuration.setEditorRules(rules ?? {});
        } catch (error) {
            configuration.setEditorRules({});
            problems = [error instanceof ConfigError ? error.message : String(error)];
        }
        const content = JSON.stringify(rules ?? {});
        if (problems.length > 0 && !warnedSettings.has(content)) {
            warnedSettings.add(content);
            void connection?.window.showWarningMessage(`ML Plan: ${problems.join('; ')}`);
        }
    };

    void provider.ready.then(async () => {
        applyRules(await provider.getConfiguration('mlplan', 'rules'));
        await revalidateAll(shared);
    });
    provider.onConfigurationSectionUpdate(update => {
        if (update.section === 'mlplan') {
            applyRules((update.configuration as { rules?: unknown } | undefined)?.rules);
            void revalidateAll(shared);
        }
    });
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        // A deleted folder may have held a configuration file: its event names only the folder.
        if (params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`) || change.type === FileChangeType.Deleted)) {
            configuration.reload();
            files.reloaded();
            // Publish after the re-validation, which reads the files again, even if no plan needed one.
            void revalidateAll(shared)
                .catch((error: unknown) => console.error(`mlplan: re-validation after a configuration change failed: ${error instanceof Error ? error.message : String(error)}`))
                .then(() => files.publish());
        }
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => files.publish());
}

/**
 * The diagnostics of every configuration file the server has read (LSP `publishDiagnostics` on the
 * file's own URI): sent when a file is first read or changed, cleared when the file is fixed,
 * deleted or no longer read.
 */
export class ConfigFileDiagnostics {
    /** Files whose diagnostics were computed since the configuration was last reloaded. */
    private readonly current = new Set<string>();
    /** URI → the diagnostics last sent there, as JSON, for files with a problem. */
    private readonly published = new Map<string, string>();

    constructor(
        private readonly configuration: MlPlanConfiguration,
        private readonly send: (uri: string, diagnostics: Diagnostic[]) => void,
    ) {}

    /** The files may have changed: compute their diagnostics again on the next `publish`. */
    reloaded(): void {
        this.current.clear();
    }

    publish(): void {
        const read = new Set<string>();
        for (const file of this.configuration.filesRead()) {
            const uri = URI.file(file).toString();
            read.add(uri);
            if (this.current.has(file)) {
                continue;
            }
            this.current.add(file);
            const located = this.configuration.locateProblems(file);
            this.update(uri, located ? configDiagnostics(uri, located.text, located.problems) : []);
        }
        for (const uri of [...this.published.keys()]) {
            if (!read.has(uri)) {
                this.update(uri, []);
            }
        }
    }

    private update(uri: string, diagnostics: Diagnostic[]): void {
        const sent = JSON.stringify(diagnostics);
        if (sent === (this.published.get(uri) ?? '[]')) {
            return;
        }
        if (diagnostics.length > 0) {
            this.published.set(uri, sent);
        } else {
            this.published.delete(uri);
        }
        this.send(uri, diagnostics);
    }
}

/** LSP diagnostics for the problems of a configuration file (`text`: its content). */
export function configDiagnostics(uri: string, text: string, problems: readonly LocatedConfigProblem[]): Diagnostic[] {
    const document = TextDocument.create(uri, 'json', 0, text);
    return problems.map(problem => ({
        range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
        severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'mlplan',
        code: problem.code,
        message: problem.message,
    }));
}

/** Re-runs validation (not parsing or linking) of every document, under the workspace lock. */
export async function revalidateAll(shared: LangiumSharedCoreServices): Promise<void> {
    const builder = shared.workspace.DocumentBuilder;
    await shared.workspace.WorkspaceLock.write(async token => {
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (document.state >= DocumentState.Validated) {
                builder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await builder.update([], [], token);
    });
}
