import type { TextEdit } from 'vscode-languageserver-types';

/** One way to fix a diagnostic: what will happen, and the edits that do it. */
export interface Fix {
    /** What the edit does, as the editor lists it: "Add `fallback TenureRule`". */
    readonly title: string;
    readonly edits: readonly TextEdit[];
    /** The single best fix of the diagnostic (at most one per diagnostic). */
    readonly isPreferred?: boolean;
}
