/**
 * The editor's composition root: the core's modules (core/mlplan-core-module.ts) plus Langium's LSP
 * services and mlplan's editor features. Each provider lives in its own file under server/src/lsp/
 * and is registered here, one line each; they all read the same services, facts and rules as the
 * CLI.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { MlPlanRulesModule, registerMlPlan } from '../core/mlplan-core-module.js';
import { MlPlanGeneratedModule, MlPlanGeneratedSharedModule } from '../generated/module.js';
import { MlPlanModule, MlPlanSharedModule } from '../language/mlplan-module.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { MlPlanDocumentFactory } from './mlplan-document-factory.js';
import { MlPlanDocuments } from './mlplan-documents.js';
import { MlPlanServerDocumentBuilder } from './mlplan-server-builder.js';
import { MlPlanWorkspaceManager } from './mlplan-workspace-manager.js';
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

export const MlPlanLspModule: Module<MlPlanLspServices, PartialLangiumServices> = {
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

/** The services of the language server (`mlplan lsp`, the VS Code extension's server) and of the editor tests. */
export function createMlPlanLspServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    MlPlan: MlPlanLspServices;
} {
    const shared = inject(createDefaultSharedModule(context), MlPlanGeneratedSharedModule, MlPlanSharedModule, MlPlanSharedLspModule);
    const MlPlan = inject(createDefaultModule({ shared }), MlPlanGeneratedModule, MlPlanModule, MlPlanRulesModule, MlPlanLspModule);
    registerMlPlan(shared, MlPlan);
    return { shared, MlPlan };
}

