/**
 * A read-only view of the text being fixed: positions and lines, the file's indentation step,
 * where a block ends and how its lines are indented, the node a diagnostic is about. Pure
 * functions of the text and its CST.
 */
import { CstUtils, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import type { PlanFacts } from '../../model/plan-facts.js';

/** The indentation step used when a file gives no clue. */
export const DEFAULT_INDENT = '  ';

/**
 * The file's indentation step: a tab when most indented lines start with one, else the most
 * common increase of indentation from one line to the next (2 spaces when there is none).
 * Lines inside block comments (` * text`) are not evidence.
 */
export function detectIndentUnit(text: string): string {
    let tabs = 0;
    let spaced = 0;
    let previous = 0;
    const steps = new Map<number, number>();
    for (const line of text.split(/\r\n|\r|\n/)) {
        const content = line.trimStart();
        if (content === '' || content.startsWith('*')) {
            continue;
        }
        const indent = line.slice(0, line.length - content.length);
        if (indent.startsWith('\t')) {
            tabs++;
            continue;
        }
        if (indent.length > 0) {
            spaced++;
        }
        const width = indent.length;
        if (width > previous && width - previous <= 8) {
            steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
        }
        previous = width;
    }
    if (tabs > spaced) {
        return '\t';
    }
    let best = 0;
    let bestCount = 0;
    for (const [step, count] of steps) {
        if (count > bestCount || (count === bestCount && step < best)) {
            best = step;
            bestCount = count;
        }
    }
    return best > 0 ? ' '.repeat(best) : DEFAULT_INDENT;
}

/**
 * Skeleton lines are written with two spaces per level; this rewrites that leading indentation
 * with the file's own step.
 */
export function reindent(line: string, unit: string): string {
    const content = line.trimStart();
    const levels = Math.floor((line.length - content.length) / 2);
    return unit.repeat(levels) + content;
}

/**
 * Read-only view of the document being fixed: positions, lines, indentation, CST lookups. Lines end
 * as LSP says they do (`\r\n`, `\n` or a lone `\r`, old Mac style): positions must agree with the
 * editor's, or an edit lands on the wrong line or outside the document.
 */
export class FixDocument {
    readonly indentUnit: string;
    readonly eol: string;
    private readonly lineStarts: number[];

    constructor(readonly text: string, readonly facts: PlanFacts) {
        this.indentUnit = detectIndentUnit(text);
        this.eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
        this.lineStarts = [0];
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
                this.lineStarts.push(i + 1);
            }
        }
    }

    get lineCount(): number {
        return this.lineStarts.length;
    }

    offsetAt(position: Position): number {
        const start = this.lineStarts[Math.min(Math.max(position.line, 0), this.lineStarts.length - 1)] ?? 0;
        return Math.min(start + Math.max(position.character, 0), this.text.length);
    }

    positionAt(offset: number): Position {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = Math.ceil((low + high) / 2);
            if (this.lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return { line: low, character: offset - this.lineStarts[low] };
    }

    rangeOf(start: number, end: number): Range {
        return { start: this.positionAt(start), end: this.positionAt(end) };
    }

    textOf(range: Range): string {
        return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    }

    /** Offset of the first character of the line holding `offset`. */
    lineStart(offset: number): number {
        return this.lineStarts[this.positionAt(offset).line];
    }

    /** Offset of the end of the line holding `offset`, before its line break. */
    lineEnd(offset: number): number {
        const next = this.lineStarts[this.positionAt(offset).line + 1];
        if (next === undefined) {
            return this.text.length;
        }
        return next - (next >= 2 && this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? 2 : 1);
    }

    /** The leading whitespace of the line holding `offset`. */
    indentAt(offset: number): string {
        const start = this.lineStart(offset);
        return /^[ \t]*/.exec(this.text.slice(start, this.lineEnd(start)))?.[0] ?? '';
    }

    /** True when only whitespace precedes `offset` on its line. */
    startsLine(offset: number): boolean {
        return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
    }

    /** The innermost node accepted by `guard` around `position` (a diagnostic's start). */
    nodeAt<T extends AstNode>(position: Position, guard: (node: AstNode) => node is T): T | undefined {
        const root = this.facts.root.$cstNode;
        if (!root) {
            return undefined;
        }
        const leaf = CstUtils.findLeafNodeAtOffset(root, this.offsetAt(position));
        for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
            if (guard(node)) {
                return node;
            }
        }
        return undefined;
    }

    /**
     * The non-hidden tokens of `node`, remembered: one request may fix thousands of diagnostics
     * that all insert into the same plan, and flattening a large plan once per fix is quadratic.
     */
    tokens(node: AstNode): LeafCstNode[] {
        const cst = node.$cstNode;
        if (!cst) {
            return [];
        }
        let leaves = this.tokenCache.get(cst);
        if (!leaves) {
            leaves = tokensOf(cst);
            this.tokenCache.set(cst, leaves);
        }
        return leaves;
    }

    private readonly tokenCache = new Map<CstNode, LeafCstNode[]>();

    /**
     * The `}` that closes `node`'s block: its last token, provided the node's braces balance (a
     * block the parser had to recover from has no reliable end, and gets no fix).
     */
    closingBrace(node: AstNode): LeafCstNode | undefined {
        const cst = node.$cstNode;
        if (!cst) {
            return undefined;
        }
        // Counting a large plan's braces is the cost of a fix: once per block and text.
        if (!this.braceCache.has(cst)) {
            this.braceCache.set(cst, this.findClosingBrace(node));
        }
        return this.braceCache.get(cst);
    }

    private readonly braceCache = new Map<CstNode, LeafCstNode | undefined>();

    private findClosingBrace(node: AstNode): LeafCstNode | undefined {
        const leaves = this.tokens(node);
        const last = leaves[leaves.length - 1];
        const opened = leaves.filter(l => l.text === '{').length;
        const closed = leaves.filter(l => l.text === '}').length;
        if (!last || last.text !== '}' || opened === 0 || opened !== closed || this.text.charAt(last.offset) !== '}') {
            return undefined;
        }
        return last;
    }

    /**
     * The indentation of lines inside `node`'s block: that of its first line-starting token after
     * the opening brace (the author's own choice), else the block's indentation plus one step.
     */
    innerIndent(node: AstNode): string {
        const cst = node.$cstNode;
        const blockIndent = cst ? this.indentAt(cst.offset) : '';
        const leaves = this.tokens(node);
        const open = leaves.findIndex(l => l.text === '{');
        const close = this.closingBrace(node);
        if (open >= 0) {
            for (const leaf of leaves.slice(open + 1)) {
                if (leaf !== close && this.startsLine(leaf.offset) && this.lineStart(leaf.offset) > this.lineStart(leaves[open].offset)) {
                    return this.indentAt(leaf.offset);
                }
            }
        }
        return blockIndent + this.indentUnit;
    }

    /** Every name declared in the plan-wide namespace (this document and its imports). */
    declaredNames(): ReadonlySet<string> {
        // Asked once per fix, and a code action request may fix thousands of diagnostics of one text.
        this.names ??= new Set([...this.facts.local, ...this.facts.imported].map(d => d.name));
        return this.names;
    }

    private names?: Set<string>;
}

/** The non-hidden tokens of a CST node, in order. */
export function tokensOf(cst: CstNode | undefined): LeafCstNode[] {
    return cst ? CstUtils.flattenCst(cst).filter(l => !l.hidden).toArray() : [];
}
