import '../polyfill/group-by.js';
import type {
    DeepPartial, LangiumCoreServices, LangiumSharedCoreServices, Module, PartialLangiumCoreServices,
    PartialLangiumSharedCoreServices,
} from 'langium';
import { MlPlanLanguageMetaData } from '../generated/module.js';
import { MlPlanCommentProvider } from './mlplan-comments.js';
import { MlPlanConfiguration, type KnownCodes } from './mlplan-config.js';
import { MlPlanDocumentBuilder } from './mlplan-document-builder.js';
import { MlPlanFacts } from './mlplan-facts.js';
import { MlPlanImports } from './mlplan-imports.js';
import { MlPlanLinker } from './mlplan-linker.js';
import { MlPlanParsing } from './mlplan-parser.js';
import { MlPlanReferenceDescriptionProvider } from './mlplan-reference-descriptions.js';
import { MlPlanScopeComputation, MlPlanScopeProvider } from './mlplan-scope.js';
import { MlPlanValueConverter } from './mlplan-value-converter.js';

/** Services mlplan adds to Langium's. */
export interface MlPlanAddedServices {
    imports: {
        Imports: MlPlanImports;
    };
    config: {
        Configuration: MlPlanConfiguration;
        /** The rule codes a configuration may name: given by whoever composes the rules in (core/). */
        RuleCodes: KnownCodes;
    };
    facts: {
        PlanFacts: MlPlanFacts;
    };
}

/** The services of the core: what the CLI, the exporters and the rules' pipeline run on. No editor service. */
export type MlPlanServices = LangiumCoreServices & MlPlanAddedServices;

/**
 * The language's own wiring: parsing, linking, scoping, imports, configuration and plan facts.
 * It knows nothing of the rules (core/ registers them) nor of editors (lsp/ adds those services).
 */
export const MlPlanModule: Module<MlPlanServices, PartialLangiumCoreServices & DeepPartial<MlPlanAddedServices>> = {
    imports: {
        Imports: services => new MlPlanImports(services),
    },
    config: {
        Configuration: services => new MlPlanConfiguration(services.config.RuleCodes),
    },
    facts: {
        PlanFacts: services => new MlPlanFacts(services),
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
    documentation: {
        CommentProvider: services => new MlPlanCommentProvider(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new MlPlanReferenceDescriptionProvider(services),
    },
};

/** Shared (language-independent) services of the core. */
export const MlPlanSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: shared => new MlPlanDocumentBuilder(shared),
    },
};
