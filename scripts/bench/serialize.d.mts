// Types of serialize.mjs, for the TypeScript tests that import it.
import type { PlanModel, Syntax } from './model.mjs';

export declare function toMlplan(plan: PlanModel): string;
export declare function toYaml(plan: PlanModel): string;
export declare function yamlSchema(options?: { syntax?: Syntax }): Record<string, unknown>;
