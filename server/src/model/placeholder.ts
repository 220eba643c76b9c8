/**
 * Placeholder strings (LANGUAGE.md 4.1, v2): the one place that knows what counts as "not written
 * yet". A string that is blank, that starts with one of the markers below, or that is a lone `?`
 * satisfies no rule: the completeness rules read it through here, and so does anything that has
 * to tell a real value from a reminder to write one.
 */

/** Authors' usual reminders. Matched case-insensitively, as a word: `TODO: ask legal`, `tbd`. */
const MARKER = /^(?:todo|tbd|fixme|xxx)(?![a-z0-9])/i;

/** How many characters of a placeholder a message quotes before cutting it short. */
const SHOWN_LENGTH = 40;

/**
 * True when `text` holds no real value: empty or blank, a marker at its start (after any
 * blanks), or `?`. `undefined` (nothing written at all) is not a placeholder: it is absent.
 */
export function isPlaceholder(text: string | undefined): boolean {
    if (text === undefined) {
        return false;
    }
    const trimmed = text.trim();
    return trimmed === '' || trimmed === '?' || MARKER.test(trimmed);
}

/** Whether a string property is written, missing, or only a placeholder for a value. */
export type Written = 'absent' | 'placeholder' | 'written';

export function writtenState(text: string | undefined): Written {
    return text === undefined ? 'absent' : isPlaceholder(text) ? 'placeholder' : 'written';
}

/**
 * The placeholder as a message quotes it: in double quotes, control characters escaped, long
 * text cut with `…` (`"TODO: ask legal"`, `""`).
 */
export function shownPlaceholder(text: string): string {
    // By code point, so that the cut never splits a character in two.
    const characters = Array.from(text);
    const cut = characters.length > SHOWN_LENGTH ? `${characters.slice(0, SHOWN_LENGTH).join('')}…` : text;
    return JSON.stringify(cut);
}
