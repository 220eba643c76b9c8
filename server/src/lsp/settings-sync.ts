import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { FileChangeType } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, ConfigError } from '../language/mlplan-config.js';
import type { MlPlanLspServices } from './lsp-services.js';

/**
 * Keeps rule severities current in a running server: the editor's `mlplan.rules` setting (which
 * wins over files) and `mlplan.config.json` files. Either change re-validates every document
 * without re-parsing it. Problems with either are shown to the user once, not silently ignored.
 */
export function syncSettings(shared: LangiumSharedServices, mlplan: MlPlanLspServices): void {
    const configuration = mlplan.config.Configuration;
    const provider = shared.workspace.ConfigurationProvider;
    const connection = shared.lsp.Connection;
    const shown = new Set<string>();
    const warn = (message: string) => {
        if (!shown.has(message)) {
            shown.add(message);
            void connection?.window.showWarningMessage(`ML Plan: ${message}`);
        }
    };

    const applyRules = (rules: unknown) => {
        try {
            configuration.setEditorRules(rules ?? {});
        } catch (error) {
            configuration.setEditorRules({});
            warn(error instanceof ConfigError ? error.message : String(error));
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
        if (params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`) || change.type === FileChangeType.Deleted)) {
            configuration.reload();
            void revalidateAll(shared);
        }
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        configuration.getProblems().forEach(warn);
    });
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
