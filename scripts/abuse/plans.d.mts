// Types of plans.mjs, for the TypeScript tests that import it.
import type { WireDiagnostic } from './lsp-connection.mjs';

export interface Position {
    line: number;
    character: number;
}

export interface ScriptedEdit {
    readonly change: { range?: { start: Position; end: Position }; text: string };
    readonly text: string;
}

export declare function rng(seed: number): {
    next(): number;
    int(min: number, max: number): number;
    pick<T>(items: readonly T[]): T;
    chance(p: number): boolean;
};
export declare const BASE_PLAN: string;
export declare const HOVER_ANCHOR: { readonly text: string; readonly column: number; readonly expect: RegExp };
export declare function editScript(count: number, seed?: number, options?: { maxTypedLines?: number }): ScriptedEdit[];
export declare function positionAt(text: string, offset: number): Position;
export declare function bigPlan(bytes: number, name?: string): string;
export declare function randomBytes(size: number, seed?: number): Buffer;
/** `mlplan check --format json` diagnostics of `text`, checked as a file in a fresh folder. */
export declare function checkText(text: string, fileName?: string): Promise<Array<{ code: string; severity: string; message: string; range: WireDiagnostic['range'] }>>;
export declare function normalizeDiagnostics(diagnostics: ReadonlyArray<{ code?: string | number; severity?: string | number; message: string; range: WireDiagnostic['range'] }>): string[];
