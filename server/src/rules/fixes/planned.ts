/**
 * What the skeletons of one fix share while it is being built: the declarations it already made
 * (so that a later skeleton refers to them instead of declaring its own) and the values it had to
 * guess (so that an editor can select them after the fix, like placeholders).
 */

/** A field as a skeleton declares it: `tenure_months number sensitive`. */
export interface FieldSpec {
    readonly name: string;
    readonly type: string;
    readonly flags: readonly string[];
}

/** A dataset chosen or declared by a fix, with its fields (none when it declares none). */
export interface DatasetChoice {
    readonly name: string;
    readonly fields: readonly FieldSpec[];
}

/** The declarations a fix made so far that later skeletons of the same fix reuse. */
export interface Planned {
    readonly parties: string[];
    readonly datasets: DatasetChoice[];
    readonly baselines: string[];
    readonly rollbackConditions: string[];
}

/**
 * Marks around a value a skeleton guessed (`kpi churn_rate <= «10» %`), private-use characters no
 * plan contains. EditBuilder.result takes them out of the text it returns and records where they
 * were, so they never reach a document.
 */
const GUESS_OPEN = '\uE000';
const GUESS_CLOSE = '\uE001';
export const GUESS_MARKS = /[\uE000\uE001]/g;

/** `text` marked as a guess: the author should check it, an editor selects it after the fix. */
export function guess(text: string): string {
    return `${GUESS_OPEN}${text}${GUESS_CLOSE}`;
}

/** `text` without guess marks, and where the marked values are in it. */
export function unmark(text: string): { text: string; spans: Array<{ start: number; end: number }> } {
    const spans: Array<{ start: number; end: number }> = [];
    let clean = '';
    let open: number | undefined;
    for (const char of text) {
        if (char === GUESS_OPEN) {
            open = clean.length;
        } else if (char === GUESS_CLOSE) {
            if (open !== undefined && clean.length > open) {
                spans.push({ start: open, end: clean.length });
            }
            open = undefined;
        } else {
            clean += char;
        }
    }
    return { text: clean, spans };
}
