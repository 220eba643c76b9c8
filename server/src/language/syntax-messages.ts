/**
 * Chevrotain's parser and lexer messages are multi-line and written for grammar authors
 * ("Expecting: one of these possible Token sequences: 1. [ID] 2. [after] … 144. [label]").
 * A plan author needs one line: what was expected, what was found. The CLI prints messages on
 * one line, so every syntax message passes through here.
 */

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a string in double quotes',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)',
};

/** How many alternatives are still worth listing; beyond that the message generalises. */
const MAX_LISTED = 8;

export function friendlyParserMessage(message: string): string {
    const found = describeFound(/but found:? ['`](.*)['`]\.?\s*$/s.exec(message)?.[1]);
    const single = /^Expecting token of type '([^']+)'/.exec(message);
    if (single) {
        return `expected ${describeToken(single[1])}, found ${found}`;
    }
    if (message.startsWith('Expecting end of file')) {
        return `unexpected ${found}: a file holds imports, then one \`plan\` or \`catalog\` block`;
    }
    if (message.includes('one of these possible Token sequences')) {
        const sequences = [...message.matchAll(/^\s*\d+\.\s*\[(.*)\]\s*$/gm)].map(m => m[1].split(/,\s*/).join(' '));
        return `expected ${describeAlternatives(sequences)}, found ${found}`;
    }
    return message.replace(/\s*\n\s*/g, ' ');
}

/** The lexer error of a string left open at the end of its line (mlplan-lexer.ts). */
export const UNTERMINATED_STRING_MESSAGE = 'unterminated string: a string must close with `"` on the same line';

export function friendlyLexerMessage(message: string): string {
    // A `"` is never an unexpected character: an unterminated string is one token, reported as
    // UNTERMINATED_STRING_MESSAGE by the lexer.
    const character = /->(.*)<-/s.exec(message)?.[1];
    if (character !== undefined) {
        return `unexpected character ${quote(character)}`;
    }
    return message.replace(/\s*\n\s*/g, ' ');
}

function describeAlternatives(sequences: string[]): string {
    const words = sequences.map(describeToken);
    if (words.length > MAX_LISTED) {
        return sequences.includes('ID') ? 'a name' : `one of ${words.slice(0, MAX_LISTED).join(', ')}, …`;
    }
    if (words.length <= 1) {
        return words[0] ?? 'something else';
    }
    return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function describeToken(token: string): string {
    return TOKEN_WORDS[token] ?? quote(token);
}

function describeFound(text: string | undefined): string {
    return text === undefined || text === '' ? 'the end of the file' : quote(text);
}

function quote(text: string): string {
    return text.includes('`') ? `'${text}'` : `\`${text}\``;
}

/** Backslash sequences other than `\"` and `\\` in a string token's text, with their offsets. */
export function invalidEscapes(stringToken: string): Array<{ offset: number; sequence: string }> {
    return scanInvalidEscapes(stringToken, Number.POSITIVE_INFINITY).first;
}

export interface InvalidEscapeScan {
    /** The first ones, at most the number asked for, with their offsets in the token. */
    readonly first: Array<{ offset: number; sequence: string }>;
    /** How many the token holds. */
    readonly count: number;
    /** The offset of the first one not in `first` (-1 when there is none). */
    readonly restOffset: number;
    /** The offset just after the last one (0 when there is none). */
    readonly end: number;
}

/** One pass over a string token: its first `keep` invalid escapes, how many there are, where the last ends. */
export function scanInvalidEscapes(stringToken: string, keep: number): InvalidEscapeScan {
    const first: Array<{ offset: number; sequence: string }> = [];
    let count = 0;
    let restOffset = -1;
    let end = 0;
    // Where the text ends: at the closing quote, or at the end of a string left open on its line
    // (whose last `"`, if any, ends a valid `\"`). A backslash is read with the character after it.
    const textEnd = stringToken.length > 1 && stringToken.endsWith('"') ? stringToken.length - 1 : stringToken.length;
    for (let i = 1; i < textEnd - 1; i++) {
        if (stringToken.charCodeAt(i) === 0x5c) {
            const next = stringToken[i + 1];
            if (next !== '"' && next !== '\\') {
                if (count < keep) {
                    first.push({ offset: i, sequence: `\\${next}` });
                } else if (restOffset < 0) {
                    restOffset = i;
                }
                count++;
                end = i + 2;
            }
            i++;
        }
    }
    return { first, count, restOffset, end };
}
