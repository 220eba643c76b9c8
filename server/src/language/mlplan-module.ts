import '../polyfill/group-by.js';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { MlPlanGeneratedModule, MlPlanGeneratedSharedModule, MlPlanLanguageMetaData } from '../generated/module.js';
import { MlPlanLspModule, MlPlanSharedLspModule } from '../lsp/mlplan-lsp-module.js';
import { MlPlanCommentProvider } from './mlplan-comments.js';
import { MlPlanConfiguration } from './mlplan-config.js';
import { MlPlanAstNodeDescriptionProvider } from './mlplan-descriptions.js';
import { MlPlanDocumentValidator, registerRuleChecks } from './mlplan-document-validator.js';
import { MlPlanImports } from './mlplan-imports.js';
import { MlPlanReferenceDescriptionProvider } from './mlplan-index.js';
import { MlPlanLinker } from './mlplan-linker.js';
import { MlPlanParsing } from './mlplan-parser.js';
import { MlPlanScopeComputation, MlPlanScopeProvider } from './mlplan-scope.js';
import { MlPlanValueConverter } from './mlplan-value-converter.js';

/** Services mlplan adds to Langium's. */
export interface MlPlanAddedServices {
    imports: {
        Imports: MlPlanImports;
    };
    config: {
        Configuration: MlPlanConfiguration;
    };
}

export type MlPlanServices = LangiumServices & MlPlanAddedServices;

export const MlPlanModule: Module<MlPlanServices, PartialLangiumServices & MlPlanAddedServices> = {
    imports: {
        Imports: services => new MlPlanImports(services),
    },
    config: {
        Configuration: () => new MlPlanConfiguration(),
    },
    // Production mode skips Chevrotain's grammar self-checks when the lexer and parser are built:
    // about a sixth of the CPU time of a `check` of a small plan (BENCHMARKS.md). Under vitest the
    // checks still run, so a grammar change that Chevrotain rejects fails the tests.
    LanguageMetaData: () => ({ ...MlPlanLanguageMetaData, mode: process.env.VITEST ? 'development' : 'production' }),
    parser: {
        ValueConverter: () => new MlPlanValueConverter(),
        ...MlPlanParsing,
    },
    references: {
        ScopeProvider: services => new MlPlanScopeProvider(services),
        ScopeComputation: services => new MlPlanScopeComputation(services),
        Linker: services => new MlPlanLinker(services),
    },
    validation: {
        DocumentValidator: services => new MlPlanDocumentValidator(services),
    },
    documentation: {
        CommentProvider: services => new MlPlanCommentProvider(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new MlPlanReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new MlPlanAstNodeDescriptionProvider(services),
    },
};

/**
 * Creates the services shared by the CLI and the language server. Without `connection` (the CLI,
 * tests) no LSP connection is used; the same parser, linker, rules and pipeline run either way.
 */
export function createMlPlanServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    MlPlan: MlPlanServices;
} {
    const shared = inject(createDefaultSharedModule(context), MlPlanGeneratedSharedModule, MlPlanSharedLspModule);
    const MlPlan = inject(createDefaultModule({ shared }), MlPlanGeneratedModule, MlPlanModule, MlPlanLspModule);
    shared.ServiceRegistry.register(MlPlan);
    registerRuleChecks(MlPlan);
    return { shared, MlPlan };
}
