// Types of generate.mjs, for the TypeScript tests that import it.
import type { PlanModel, Syntax } from './model.mjs';

export declare const DEFAULT_SEED: number;
export declare const SIZES: Readonly<Record<'1k' | '10k' | '100k', number>>;
export declare const WORKSPACE_FILES: number;
export declare const SYNTAXES: readonly Syntax[];
export declare function sizedPlan(seed: number, name: string, target: number, options?: { syntax?: Syntax }): PlanModel;
export declare function generateWorkspace(dir: string, seed: number, files?: number, options?: { syntax?: Syntax }): { files: number; lines: number };
export declare function generateAll(out: string, seed?: number, options?: { syntax?: Syntax }): Record<string, unknown>;
