import type { TextEdit } from 'vscode-languageserver-types';

/** One way to fix a diagnostic: what will happen, and the edits that do it. */
export interface Fix {
    /** What the edit does, as the editor lists it: "Add `fallback TenureRule`". */
    readonly title: string;
    readonly edits: readonly TextEdit[];
    /**
     * Values the fix had to guess (a kpi's target, a budget's total), per edit: offsets into that
     * edit's `newText`. An editor taking snippet edits selects them in turn, like placeholders.
     */
    readonly guesses?: ReadonlyArray<ReadonlyArray<{ readonly start: number; readonly end: number }>>;
    /** The single best fix of the diagnostic (at most one per diagnostic). */
    readonly isPreferred?: boolean;
}
