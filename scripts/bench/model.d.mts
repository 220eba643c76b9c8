// Types of model.mjs, for the TypeScript tests that import it.

/** The language version a model is written for (see model.mjs). */
export type Syntax = 'v1' | 'v2';

/** One declaration of a generated plan or catalog: its kind and the properties serialize.mjs writes. */
export interface MemberModel {
    readonly kind: string;
    readonly name?: string;
    readonly [property: string]: unknown;
}

/** A generated plan or catalog, as serialize.mjs writes it. */
export interface PlanModel {
    readonly kind: 'plan' | 'catalog';
    readonly name: string;
    readonly imports: readonly string[];
    readonly members: readonly MemberModel[];
    readonly [property: string]: unknown;
}

/** The names of what an imported catalog provides to a plan. */
export interface SharedNames {
    readonly people: readonly string[];
    readonly team: string;
    readonly dataset: string;
    readonly [property: string]: unknown;
}

export declare function rng(seed: number): {
    next(): number;
    int(lo: number, hi: number): number;
    pick<T>(list: readonly T[]): T;
    chance(p: number): boolean;
};
export declare function isoDate(days: number): string;
export declare function q(value: number, unit: string | undefined): { value: string; unit: string | undefined };
export declare function planModel(options: {
    seed: number; name: string; groups: number; imports?: readonly string[]; shared?: SharedNames; findings?: boolean; syntax?: Syntax;
}): PlanModel;
export declare function catalogModel(options: {
    seed: number; name: string; prefix: string; imports?: readonly string[]; common?: { metrics: Record<string, string> }; syntax?: Syntax;
}): { model: PlanModel; shared: SharedNames };
export declare function commonModel(): { model: PlanModel; metrics: Record<string, string> };
