/**
 * The `// mlplan-ignore CODE[, CODE] -- reason` directive (LANGUAGE.md section 6): the one place
 * that knows how it is written. The suppression pass reads it, the "Ignore on this line" quick-fix
 * writes and extends it, and doc comments look past it.
 */

export const IGNORE_MARKER = 'mlplan-ignore';

/** `//`, optional blanks, the marker as a whole word; what follows is the code list and reason. */
const DIRECTIVE = /^\/\/\s*mlplan-ignore\b/;

export interface IgnoreDirective {
    /** The codes named, trimmed, empty ones dropped, in the order written. */
    readonly codes: readonly string[];
    /**
     * Offset, in the comment text, just after the last non-blank character of the code list
     * (before ` -- reason`): where another code is appended.
     */
    readonly listEnd: number;
}

/** True when a line comment's text (`// …`) is an ignore directive. */
export function isIgnoreDirective(comment: string): boolean {
    return DIRECTIVE.test(comment);
}

/** The directive in a line comment's text (starting with `//`), or undefined when it is not one. */
export function parseIgnoreDirective(comment: string): IgnoreDirective | undefined {
    const match = DIRECTIVE.exec(comment);
    if (!match) {
        return undefined;
    }
    const rest = comment.slice(match[0].length);
    const dash = rest.indexOf('--');
    const list = dash >= 0 ? rest.slice(0, dash) : rest;
    const codes = list.split(',').map(code => code.trim()).filter(code => code.length > 0);
    return { codes, listEnd: match[0].length + list.trimEnd().length };
}

/** A new directive silencing `code`, whose reason the author still has to write. */
export function ignoreDirectiveText(code: string): string {
    return `// ${IGNORE_MARKER} ${code} -- TODO: reason`;
}

/** What to insert at `listEnd` to add `code` to a directive's list. */
export function appendedCode(directive: IgnoreDirective, code: string): string {
    return directive.codes.length > 0 ? `, ${code}` : ` ${code}`;
}
