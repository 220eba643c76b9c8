/**
 * The core's composition root: Langium's core services, the language's wiring (language/) and the
 * rules (rules/), run by the diagnostics pipeline. This is what the CLI, the exporters and the tests
 * of the rules run on; no editor service is created. The editor's composition root
 * (lsp/mlplan-lsp-module.ts) builds the same modules and adds its own.
 */
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices,
} from 'langium';
import { MlPlanGeneratedModule, MlPlanGeneratedSharedModule } from '../generated/module.js';
import { MlPlanModule, MlPlanSharedModule, type MlPlanServices } from '../language/mlplan-module.js';
import { PlanTextDocuments } from '../language/plan-text-documents.js';
import { RULE_CODES } from '../rules/registry.js';
import { MlPlanDocumentValidator, registerRuleChecks } from './mlplan-document-validator.js';

/** What the core adds to the language's wiring: the rules and the pipeline that runs them. */
export const MlPlanRulesModule: Module<MlPlanServices, PartialLangiumCoreServices & { config: { RuleCodes: ReadonlySet<string> } }> = {
    config: {
        RuleCodes: () => RULE_CODES,
    },
    validation: {
        DocumentValidator: services => new MlPlanDocumentValidator(services),
    },
};

/** Registers the language's services with the shared ones, and the rules with the validator. */
export function registerMlPlan(shared: LangiumSharedCoreServices, MlPlan: MlPlanServices): void {
    shared.ServiceRegistry.register(MlPlan);
    registerRuleChecks(MlPlan);
}

/** The shared services of the core, with the texts of the documents handed to it. */
export type MlPlanSharedCoreServices = LangiumSharedCoreServices & { readonly workspace: { readonly TextDocuments: PlanTextDocuments } };

/**
 * The services of the command line and of any program that checks plans without an editor.
 * Documents are given their text by the caller (`PlanTextDocuments`): a file is a plan because it
 * was given as one, whatever its extension.
 */
export function createMlPlanServices(context: DefaultSharedCoreModuleContext): {
    shared: MlPlanSharedCoreServices;
    MlPlan: MlPlanServices;
} {
    const shared: MlPlanSharedCoreServices = inject(
        createDefaultSharedCoreModule(context),
        MlPlanGeneratedSharedModule,
        MlPlanSharedModule,
        { workspace: { TextDocuments: () => new PlanTextDocuments() } },
    );
    const MlPlan = inject(createDefaultCoreModule({ shared }), MlPlanGeneratedModule, MlPlanModule, MlPlanRulesModule);
    registerMlPlan(shared, MlPlan);
    return { shared, MlPlan };
}
