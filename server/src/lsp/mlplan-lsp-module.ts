/**
 * Editor features. Each provider lives in its own file under server/src/lsp/ and is registered
 * here, one line each; they all read the same services, facts and rules as the CLI.
 */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { MlPlanDocumentBuilder } from '../language/mlplan-document-builder.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import { MlPlanCommandHandler } from './mlplan-commands.js';

export const MlPlanLspModule: Module<MlPlanServices, PartialLangiumServices> = {
    lsp: {
    },
};

export const MlPlanSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        ExecuteCommandHandler: shared => new MlPlanCommandHandler(shared),
    },
    workspace: {
        DocumentBuilder: shared => new MlPlanDocumentBuilder(shared),
    },
};
