/**
 * What hovers and quick-fixes must show, in one place. These assert only what LANGUAGE.md
 * guarantees (a hover explains every figure; `fallback-missing` is fixed by inserting `fallback`
 * with the first baseline). Tighten them here when the wording of the providers settles; the
 * tests in hover.e2e.ts and quick-fix.e2e.ts only locate the position and call the provider.
 */

export interface HoverExpectation {
    /** What is hovered, for the test name. */
    readonly title: string;
    /** The fixture plan (relative to the workspace). */
    readonly file: string;
    /** Text around the position, and how far into it the pointer sits. */
    readonly needle: string;
    readonly offset: number;
    /** Every string must occur in the hover's Markdown. */
    readonly contains: readonly string[];
}

export const HOVERS: readonly HoverExpectation[] = [
    {
        // A reference to a metric declared `{ kind software unit ms better lower }`: its unit and direction.
        title: 'metric name shows its unit and direction',
        file: 'no-fallback.mlplan',
        needle: 'success latency_p99 <= 150 ms',
        offset: 'success '.length + 2,
        contains: ['latency_p99', 'ms', 'lower'],
    },
    {
        // A quantity: its value in the other units of its dimension.
        title: 'quantity 150 ms shows 0.15 s',
        file: 'no-fallback.mlplan',
        needle: 'success latency_p99 <= 150 ms',
        offset: 'success latency_p99 <= '.length + 1,
        contains: ['150 ms', '0.15 s'],
    },
];

export interface QuickFixExpectation {
    readonly file: string;
    readonly code: string;
    /** The fix's title contains this (case-insensitive). */
    readonly titleContains: string;
    /** After applying the fix, the document contains this line (trimmed) inside the block. */
    readonly insertedLine: string;
}

export const FALLBACK_QUICK_FIX: QuickFixExpectation = {
    file: 'no-fallback.mlplan',
    code: 'fallback-missing',
    titleContains: 'fallback',
    // The fixture's first (and only) baseline is KeywordRules.
    insertedLine: 'fallback KeywordRules',
};

/** `stage ` offers exactly the stages of LANGUAGE.md (other items may follow them). */
export const STAGE_COMPLETIONS: readonly string[] = ['mvp', 'growth', 'maturity'];
