import type { LangiumServices } from 'langium/lsp';
import type { MlPlanAddedServices } from '../language/mlplan-module.js';

/** The services of the language server: the core's and the editor's (lsp/mlplan-lsp-module.ts builds them). */
export type MlPlanLspServices = LangiumServices & MlPlanAddedServices;
