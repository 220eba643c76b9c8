import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import { UNTERMINATED_STRING_MESSAGE } from './syntax-messages.js';

/** Chevrotain's types, as Langium's lexer result carries them (chevrotain is no direct dependency). */
type ILexingError = LexerResult['errors'][number];
type TokenType = LexerResult['tokens'][number]['tokenType'];

/**
 * The lexer, plus one error per unterminated string.
 *
 * The grammar's STRING terminal also matches a string that does not close on its line, up to the
 * end of the line, as one token. A terminal that failed there instead made Chevrotain retry at
 * every later `"` of the line, each retry scanning to its end: quadratic in the line's length
 * (40,000 × `\"` took seconds). The token stays a STRING for the parser, so the rest of the file
 * parses as the author meant; here it becomes a lexer error covering the string, so the document
 * counts as having a syntax error wherever lexer errors count (diagnostics, `export` refusal,
 * the formatter's guard, the fuzzer).
 */
export class MlPlanLexer extends DefaultLexer {
    private readonly stringType: TokenType | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.stringType = this.definition['STRING'];
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        let unterminated: ILexingError[] | undefined;
        for (const token of result.tokens) {
            if (token.tokenType === this.stringType && !isTerminatedString(token.image)) {
                (unterminated ??= []).push({
                    offset: token.startOffset,
                    line: token.startLine,
                    column: token.startColumn,
                    length: token.image.length,
                    message: UNTERMINATED_STRING_MESSAGE,
                });
            }
        }
        if (unterminated) {
            result.errors = mergeByOffset(result.errors, unterminated);
        }
        return result;
    }
}

/**
 * Whether a STRING token's text closes with its own `"`: it ends with a quote that is not escaped,
 * i.e. preceded by an even number of backslashes (the string's escapes are read left to right in
 * pairs, so a run of backslashes before the last character pairs up from its start).
 */
export function isTerminatedString(image: string): boolean {
    const last = image.length - 1;
    if (last < 1 || image.charCodeAt(last) !== 0x22) {
        return false;
    }
    let backslashes = 0;
    for (let i = last - 1; i > 0 && image.charCodeAt(i) === 0x5c; i--) {
        backslashes++;
    }
    return backslashes % 2 === 0;
}

/** Two lists of errors, each in document order, as one list in document order. */
function mergeByOffset(a: ILexingError[], b: ILexingError[]): ILexingError[] {
    if (a.length === 0) {
        return b;
    }
    const merged: ILexingError[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (j >= b.length || (i < a.length && a[i].offset <= b[j].offset)) {
            merged.push(a[i++]);
        } else {
            merged.push(b[j++]);
        }
    }
    return merged;
}
