import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Document } from '../generated/ast.js';
import { createMlPlanServices } from '../core/mlplan-core-module.js';
import { ConfigError, type MlPlanConfiguration } from '../language/mlplan-config.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import { CliError } from './errors.js';
import { buildWorkspace, type Inputs } from './workspace.js';

export interface LoadedWorkspace {
    readonly services: MlPlanServices;
    readonly configuration: MlPlanConfiguration;
    /** The targets' documents, built, in the order of the targets. */
    readonly documents: Array<LangiumDocument<Document>>;
    /** Problems of the configuration files read (an invalid file): the command stops on them. */
    readonly problems: readonly string[];
    /** Warnings of the configuration in effect (`--config FILE`, else each target's own file). */
    readonly warnings: ReadonlySet<string>;
}

/**
 * What `check` and `export` both start with: the language server's own services, `--config FILE`
 * applied (a file that cannot be used is a CliError), and the targets built with their imports.
 */
export async function loadWorkspace(inputs: Inputs, configFile: string | undefined): Promise<LoadedWorkspace> {
    const { shared, MlPlan: services } = createMlPlanServices({ ...NodeFileSystem });
    const configuration = services.config.Configuration;
    const warnings = new Set<string>();
    if (configFile !== undefined) {
        try {
            configuration.useFile(configFile).warnings.forEach(w => warnings.add(w));
        } catch (error) {
            throw error instanceof ConfigError ? new CliError(error.message) : error;
        }
    }
    const documents = await buildWorkspace(services, shared.workspace.TextDocuments, inputs);
    const problems = configuration.getProblems();
    if (configFile === undefined && problems.length === 0) {
        for (const target of inputs.targets) {
            configuration.configFor(target.uri)?.warnings.forEach(w => warnings.add(w));
        }
    }
    return { services, configuration, documents, problems, warnings };
}
