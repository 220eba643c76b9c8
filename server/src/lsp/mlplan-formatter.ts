import { AstUtils, CstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type Lexer } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { MlPlanLspServices } from './lsp-services.js';

/** One token of the document as the lexer sees it, comments included (whitespace is what we rewrite). */
export interface Token {
    readonly start: number;
    readonly end: number;
    readonly text: string;
    readonly comment?: 'line' | 'block';
}

interface Block {
    /** Index of the closing `}` in the token list. */
    readonly close: number;
    /** `{` and `}` were written on one line: the block stays on one line. */
    readonly oneLine: boolean;
}

interface Edit {
    readonly start: number;
    readonly end: number;
    readonly text: string;
}

/**
 * Formats a plan the way the examples are written: one property per line inside multi-line blocks,
 * one indent level per nesting level, `{` on the declaration line and `}` on its own line, single
 * spaces between the tokens of a property (none inside `req/s` or `subscribers.region`, none before
 * a comma), blocks written on one line kept on one line (and aligned with the one-line declarations
 * of the same kind on the lines around them), at most one blank line kept between items.
 *
 * Langium's rule-based formatter moves whitespace around hidden tokens in ways that can swallow
 * or displace a comment. Here the layout is decided gap by gap over the lexer's token stream, so by
 * construction only whitespace between tokens changes: the token sequence and every comment stay
 * where they were (a comment on its own line is re-indented with the line it stands on, a
 * trailing comment keeps its place at the end of its line). Every decision depends on the token
 * sequence and on line breaks that formatting itself keeps, so formatting twice changes nothing.
 * Documents with syntax errors are left alone (AbstractFormatter's guard).
 */
export class MlPlanFormatter extends AbstractFormatter {
    private readonly lexer: Lexer;

    constructor(services: MlPlanLspServices) {
        super();
        this.lexer = services.parser.Lexer;
    }

    /** Unused: the layout is decided per gap in `doDocumentFormat`, not per AST node. */
    protected format(): void {
        // nothing to register
    }

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const tokens = layoutTokens(text, this.lexer);
        const root = document.parseResult.value.$cstNode;
        if (tokens.length === 0 || !root) {
            return [];
        }
        const layout = new Layout(text, tokens, itemStarts(root), options, offset => textDocument.positionAt(offset).line);
        let edits: Edit[];
        if (range) {
            const from = textDocument.offsetAt(range.start);
            const to = textDocument.offsetAt(range.end);
            // The indentation of the range's first line is part of it; the break after its last line is not.
            const inRange = (start: number, end: number) => end >= from && start < to;
            edits = layout.edits(inRange).filter(e => inRange(e.start, e.end));
        } else {
            edits = layout.edits();
        }
        return edits.map(e => ({
            range: { start: textDocument.positionAt(e.start), end: textDocument.positionAt(e.end) },
            newText: e.text,
        }));
    }
}

/** The lexer's tokens and comments, in text order: what the layout puts whitespace between. */
export function layoutTokens(text: string, lexer: Lexer): Token[] {
    const lexed = lexer.tokenize(text);
    return [
        ...lexed.tokens.map(t => token(t.startOffset, t.image)),
        ...lexed.hidden
            .filter(t => t.image.startsWith('//') || t.image.startsWith('/*'))
            .map(t => token(t.startOffset, t.image, t.image.startsWith('//') ? 'line' : 'block')),
    ].sort((a, b) => a.start - b.start);
}

/**
 * The runs of aligned one-line declarations the formatter makes in `text`: for each, the token
 * index of every `{` and the spaces the formatter puts before it. For rename, which keeps a run
 * aligned when a name in it changes length.
 */
export function braceRuns(document: TextDocument, tokens: readonly Token[], items: ReadonlySet<number>): Array<Array<{ open: number; spaces: number }>> {
    const lineOf = (offset: number) => document.positionAt(offset).line;
    return tokens.length === 0 ? [] : new Layout(document.getText(), tokens, items, { tabSize: DEFAULT_INDENT, insertSpaces: true }, lineOf).runs;
}

function token(start: number, text: string, comment?: 'line' | 'block'): Token {
    return { start, end: start + text.length, text, comment };
}

/** The indent of a level when `tabSize` is missing or makes no sense (zero, negative, not a number). */
const DEFAULT_INDENT = 2;
/**
 * The widest indent of a level. A client may send any number: 2^31-1 made one level a 2 GB
 * string, which V8 refuses, and formatting failed with an internal error. Wider than any
 * indentation in use, narrow enough that deeply nested plans stay a sane size.
 */
const MAX_INDENT = 16;

/** Spaces per indent level for an editor's `tabSize`: a whole number from 1 to MAX_INDENT. */
function indentWidth(tabSize: unknown): number {
    if (typeof tabSize !== 'number' || Number.isNaN(tabSize) || tabSize < 1) {
        return DEFAULT_INDENT;
    }
    return Math.min(Math.floor(tabSize), MAX_INDENT);
}

/** The layout of one document: the whitespace each gap between two tokens should hold. */
class Layout {
    private readonly blocks = new Map<number, Block>();
    private readonly indentUnit: string;
    private readonly eol: string;

    constructor(
        private readonly text: string,
        private readonly tokens: readonly Token[],
        private readonly items: ReadonlySet<number>,
        private readonly options: FormattingOptions,
        /** The line of an offset: comparing the lines of a block's braces, rather than searching the text between them, keeps deeply nested blocks linear. */
        lineOf: (offset: number) => number,
    ) {
        this.indentUnit = options.insertSpaces === false ? '\t' : ' '.repeat(indentWidth(options.tabSize));
        this.eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
        const open: number[] = [];
        tokens.forEach((t, i) => {
            if (t.comment) {
                return;
            }
            if (t.text === '{') {
                open.push(i);
            } else if (t.text === '}' && open.length > 0) {
                const start = open.pop()!;
                this.blocks.set(start, { close: i, oneLine: lineOf(tokens[start].start) === lineOf(t.start) });
            }
        });
        this.pads = this.alignedBraces();
    }

    /** Spaces before the `{` of one-line declarations aligned with their neighbours (see alignedBraces). */
    private readonly pads: ReadonlyMap<number, number>;
    /** The runs alignedBraces found, with the spaces before each `{`. */
    readonly runs: Array<Array<{ open: number; spaces: number }>> = [];

    /**
     * One-line declarations of one kind on consecutive lines (`metric churn_rate  { … }` over
     * `metric auc         { … }`) read as a table: their `{` line up one space after the longest
     * name of the run. A run is broken by a blank line, a comment line or another kind. Adjacency is
     * read from line breaks formatting keeps (fewer than two between a `}` and the next keyword),
     * so a second pass finds the same runs.
     */
    private alignedBraces(): Map<number, number> {
        const candidates: Array<{ keyword: string; open: number; close: number; width: number }> = [];
        for (const [open, block] of this.blocks) {
            const keyword = this.tokens[open - 2];
            const name = this.tokens[open - 1];
            if (!block.oneLine || !keyword || !name || keyword.comment || name.comment || !this.items.has(keyword.start)
                || LINE_BREAK.test(this.text.slice(keyword.end, this.tokens[open].start))) {
                continue;
            }
            candidates.push({ keyword: keyword.text, open, close: block.close, width: name.text.length });
        }
        candidates.sort((a, b) => a.open - b.open);
        const pads = new Map<number, number>();
        let run: typeof candidates = [];
        const flush = () => {
            const widest = Math.max(...run.map(c => c.width));
            if (run.length > 1) {
                this.runs.push(run.map(c => ({ open: c.open, spaces: widest - c.width + 1 })));
            }
            for (const c of run) {
                if (run.length > 1 && c.width < widest) {
                    pads.set(c.open, widest - c.width + 1);
                }
            }
            run = [];
        };
        for (const candidate of candidates) {
            const last = run[run.length - 1];
            if (last && !(last.keyword === candidate.keyword && this.adjacent(last.close, candidate.open - 2))) {
                flush();
            }
            run.push(candidate);
        }
        flush();
        return pads;
    }

    /** Token `next` starts the line after the one token `close` ends (a trailing line comment between them allowed). */
    private adjacent(close: number, next: number): boolean {
        const between = this.tokens.slice(close + 1, next);
        if (between.length > 1 || (between.length === 1 && (between[0].comment !== 'line' || LINE_BREAK.test(this.text.slice(this.tokens[close].end, between[0].start))))) {
            return false;
        }
        return countLineBreaks(this.text.slice(this.tokens[close].end, this.tokens[next].start)) < 2;
    }

    /**
     * The edits of the whole document, or of the gaps `wanted` accepts. Only the wanted gaps' text
     * is built: the indentation of thousands of nested blocks around a small range is never written.
     */
    edits(wanted: (start: number, end: number) => boolean = () => true): Edit[] {
        const edits: Edit[] = [];
        /** Open blocks around the current gap, innermost last. */
        const stack: Block[] = [];
        const first = this.tokens[0];
        if (first.start > 0) {
            const leading = this.text.slice(0, first.start);
            edits.push({ start: 0, end: first.start, text: '' });
            this.reindentComment(first, leading.slice(lastLineBreakEnd(leading)), '', edits);
        }
        for (let i = 1; i < this.tokens.length; i++) {
            const previous = this.tokens[i - 1];
            const block = this.blocks.get(i - 1);
            if (block) {
                stack.push(block);
            }
            const current = this.tokens[i];
            if (!wanted(previous.end, current.end)) {
                if (!current.comment && current.text === '}' && stack.length > 0 && stack[stack.length - 1].close === i) {
                    stack.pop();
                }
                continue;
            }
            const original = this.text.slice(previous.end, current.start);
            const gap = this.gap(i, stack, original);
            if (gap !== original) {
                edits.push({ start: previous.end, end: current.start, text: gap });
            }
            const before = indentationAfterBreak(original);
            const after = indentationAfterBreak(gap);
            if (before !== undefined && after !== undefined) {
                this.reindentComment(current, before, after, edits);
            }
            if (!current.comment && current.text === '}' && stack.length > 0 && stack[stack.length - 1].close === i) {
                stack.pop();
            }
        }
        const last = this.tokens[this.tokens.length - 1];
        const trailing = this.text.slice(last.end);
        const finalNewline = LINE_BREAK.test(trailing) || this.options.insertFinalNewline === true;
        const wantedEnd = finalNewline ? this.eol : '';
        if (trailing !== wantedEnd) {
            edits.push({ start: last.end, end: this.text.length, text: wantedEnd });
        }
        return edits.sort((a, b) => a.start - b.start);
    }

    /** The whitespace wanted between token `i - 1` and token `i`, given the blocks open around the gap. */
    private gap(i: number, stack: readonly Block[], original: string): string {
        const previous = this.tokens[i - 1];
        const current = this.tokens[i];
        const lineBreaks = countLineBreaks(original);
        const innermost = stack[stack.length - 1];
        if (innermost?.oneLine) {
            return inlineSpace(previous, current);
        }
        const depth = stack.length;
        const closes = !current.comment && current.text === '}' && innermost?.close === i;
        const level = closes ? depth - 1 : depth;
        const opensBlock = this.blocks.has(i - 1);
        const keepBlank = lineBreaks >= 2 && !opensBlock && !closes;
        const newline = (indentLevel: number, blank = keepBlank) =>
            `${this.eol.repeat(blank ? 2 : 1)}${this.indentUnit.repeat(Math.max(indentLevel, 0))}`;
        const startsLine = closes || this.items.has(current.start) || current.comment !== undefined;

        if (previous.comment === 'line' || (previous.comment === 'block' && lineBreaks > 0)) {
            // A line comment ends its line; a block comment on its own line stays there.
            return newline(startsLine ? level : level + 1);
        }
        if (current.comment) {
            if (lineBreaks === 0) {
                // A trailing comment stays on its line, keeping the space the author put before it.
                return current.comment === 'line' && original.length > 0 ? original : ' ';
            }
            return newline(level);
        }
        if (previous.comment === 'block') {
            // A block comment stays with the property it precedes, but a closing brace keeps its own line.
            return closes ? newline(level) : ' ';
        }
        if (opensBlock || startsLine) {
            return newline(level);
        }
        const pad = this.pads.get(i);
        return pad !== undefined ? ' '.repeat(pad) : inlineSpace(previous, current);
    }

    /**
     * A block comment that moves to another indentation takes its continuation lines along, so a
     * `/** … *\/` doc comment keeps its shape.
     */
    private reindentComment(comment: Token, before: string, after: string, edits: Edit[]): void {
        if (comment.comment !== 'block' || !LINE_BREAK.test(comment.text) || before === after) {
            return;
        }
        let offset = comment.start;
        for (const line of comment.text.split(LINE_BREAKS).slice(1)) {
            offset = nextLineStart(this.text, offset);
            if (line.startsWith(before) && line.trim().length > 0) {
                edits.push({ start: offset, end: offset + before.length, text: after });
            }
        }
    }
}

/** Within a line: nothing inside `req/s` and `dataset.field`, nothing before a comma, one space otherwise. */
function inlineSpace(previous: Token, current: Token): string {
    if (previous.comment || current.comment) {
        return ' ';
    }
    if (current.text === ',' || current.text === '/' || current.text === '.' || previous.text === '/' || previous.text === '.') {
        return '';
    }
    return ' ';
}

/**
 * Line breaks as LSP and the lexer know them: `\r\n`, `\n`, and a lone `\r` (old Mac files). A `\r`
 * the formatter took for a space would pull the next line into a `//` comment.
 */
const LINE_BREAKS = /\r\n|\r|\n/;
const LINE_BREAK = /[\r\n]/;

function countLineBreaks(whitespace: string): number {
    return whitespace.split(LINE_BREAKS).length - 1;
}

/** The offset just after the last line break of `text` (0 when it has none). */
function lastLineBreakEnd(text: string): number {
    return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
}

/** The offset of the line after the one holding `offset`. */
function nextLineStart(text: string, offset: number): number {
    const found = /\r\n|\r|\n/g;
    found.lastIndex = offset;
    const match = found.exec(text);
    return match ? match.index + match[0].length : text.length;
}

/** The indentation at the end of a gap that ends a line; undefined for an in-line gap. */
function indentationAfterBreak(gap: string): string | undefined {
    const end = lastLineBreakEnd(gap);
    return end === 0 ? undefined : gap.slice(end);
}

/**
 * Offsets of the tokens that start an item: a top-level `import`, `plan` or `catalog`; one
 * alternative of a block's any-order property loop (`title …`, `kpi …`, `person …`); one field of
 * `fields { … }`. These go on a line of their own inside a multi-line block. Read from the grammar,
 * so a new property is laid out correctly without touching the formatter.
 */
export function itemStarts(root: CstNode): Set<number> {
    const starts = new Set<number>();
    for (const node of CstUtils.streamCst(root)) {
        if (node === root) {
            continue;
        }
        if (isCompositeCstNode(node)) {
            if (node.container === root || startsRepeatedItem(node.grammarSource)) {
                const first = CstUtils.flattenCst(node).find(leaf => !leaf.hidden);
                if (first) {
                    starts.add(first.offset);
                }
            }
        } else if (!node.hidden && startsPropertyAlternative(node.grammarSource)) {
            starts.add(node.offset);
        }
    }
    return starts;
}

/** `members+=PlanMember`, `kpis+=Kpi`, `checks+=Check` in a block's loop; `fields+=Field*`. */
function startsRepeatedItem(element: GrammarAST.AbstractElement | undefined): boolean {
    if (!GrammarAST.isRuleCall(element)) {
        return false;
    }
    const assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment);
    if (!assignment || assignment.operator !== '+=') {
        return false;
    }
    return assignment.cardinality === '*' || assignment.cardinality === '+' || isPropertyLoop(assignment.$container);
}

/** `'title'` of `'title' title=STRING` when that group is one alternative of a block's loop. */
function startsPropertyAlternative(element: GrammarAST.AbstractElement | undefined): boolean {
    if (!GrammarAST.isKeyword(element)) {
        return false;
    }
    const group: AstNode | undefined = element.$container;
    return GrammarAST.isGroup(group) && group.elements[0] === element && isPropertyLoop(group.$container);
}

function isPropertyLoop(node: unknown): boolean {
    return GrammarAST.isAlternatives(node) && (node.cardinality === '*' || node.cardinality === '+');
}
