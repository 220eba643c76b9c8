/**
 * Editor features. Each provider lives in its own file under server/src/lsp/ and is registered
 * here, one line each; they all read the same services, facts and rules as the CLI.
 */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { MlPlanDocumentFactory } from '../language/mlplan-document-factory.js';
import { MlPlanDocuments } from '../language/mlplan-documents.js';
import { MlPlanServerDocumentBuilder } from '../language/mlplan-server-builder.js';
import { MlPlanWorkspaceManager } from '../language/mlplan-workspace-manager.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import { MlPlanCommandHandler } from './mlplan-commands.js';
import { MlPlanDocumentUpdateHandler } from './mlplan-document-update-handler.js';
import { MlPlanHoverProvider } from './mlplan-hover.js';
import { MlPlanCodeLensProvider } from './mlplan-code-lens.js';
import { MlPlanCompletionProvider } from './mlplan-completion.js';
import { MlPlanFormatter } from './mlplan-formatter.js';
import { MlPlanSemanticTokenProvider } from './mlplan-semantic-tokens.js';
import { MlPlanDocumentSymbolProvider } from './mlplan-symbols.js';
import { MlPlanFoldingRangeProvider } from './mlplan-folding.js';
import { MlPlanRenameProvider } from './mlplan-rename.js';
import { MlPlanCodeActionProvider } from './mlplan-code-actions.js';

export const MlPlanLspModule: Module<MlPlanServices, PartialLangiumServices> = {
    lsp: {
        CodeActionProvider: services => new MlPlanCodeActionProvider(services),
        HoverProvider: services => new MlPlanHoverProvider(services),
        CodeLensProvider: services => new MlPlanCodeLensProvider(services),
        Formatter: services => new MlPlanFormatter(services),
        CompletionProvider: services => new MlPlanCompletionProvider(services),
        SemanticTokenProvider: services => new MlPlanSemanticTokenProvider(services),
        DocumentSymbolProvider: () => new MlPlanDocumentSymbolProvider(),
        FoldingRangeProvider: services => new MlPlanFoldingRangeProvider(services),
        RenameProvider: services => new MlPlanRenameProvider(services),
    },
};

export const MlPlanSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        ExecuteCommandHandler: shared => new MlPlanCommandHandler(shared),
        DocumentUpdateHandler: shared => new MlPlanDocumentUpdateHandler(shared),
    },
    workspace: {
        DocumentBuilder: shared => new MlPlanServerDocumentBuilder(shared),
        LangiumDocuments: shared => new MlPlanDocuments(shared),
        WorkspaceManager: shared => new MlPlanWorkspaceManager(shared),
        LangiumDocumentFactory: shared => new MlPlanDocumentFactory(shared),
    },
};
