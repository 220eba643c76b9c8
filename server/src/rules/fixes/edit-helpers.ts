/**
 * The edits of quick-fixes: add lines to a block, declare at plan level, insert after a node,
 * replace a token. Pure functions of the document text and its CST (see fix-document.ts); no LSP
 * service is involved, so the same fixes could be applied by any front end.
 *
 * The edits only ever insert text, or replace whitespace between a block's last token and its
 * closing brace (to put an inserted line and the brace on their own lines): a fix never deletes
 * what the user wrote. Rules that replace a token (a misspelt reference, a wrong unit) do so
 * through `replace`, on exactly that token.
 */
import type { AstNode } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { GUESS_MARKS, unmark, type Planned } from './planned.js';
import type { Fix } from './fix.js';
import { reindent, type FixDocument } from './fix-document.js';

interface BlockChunk {
    readonly lines: readonly string[];
    /** Declarations are set apart by a blank line; properties are not. */
    readonly separated: boolean;
}

/**
 * Collects the edits of one fix. Lines for the same block are merged into one insertion, so a
 * fix that adds a kpi line and declares the metric it needs, or two declarations, produces edits
 * that never overlap. Skeleton lines are written with two spaces per level (see `reindent`).
 */
export class EditBuilder {
    private readonly blocks = new Map<AstNode, BlockChunk[]>();
    /** The edits in the order they were asked for; block insertions are rendered last, once all their lines are known. */
    private readonly pending: Array<() => TextEdit | undefined> = [];
    private readonly reserved = new Set<string>();
    /** What `declare` added, for titles: "`metric kpi_metric`". */
    private readonly declared: string[] = [];
    private failed = false;
    /**
     * What this fix declares that later skeletons of the same fix should use rather than declare
     * again (a fix adding every missing section declares a dataset, then a model training on it).
     */
    readonly planned: Planned = {
        parties: [], datasets: [], baselines: [], rollbackConditions: [],
    };

    constructor(readonly doc: FixDocument) {}

    /** A name not yet declared (nor reserved by this fix): `base`, else `base2`, `base3`, ... */
    uniqueName(base: string): string {
        const taken = this.doc.declaredNames();
        let name = base;
        for (let i = 2; taken.has(name) || this.reserved.has(name); i++) {
            name = `${base}${i}`;
        }
        this.reserved.add(name);
        return name;
    }

    /** Adds property lines at the end of `node`'s block, before its closing brace. */
    addToBlock(node: AstNode | undefined, lines: readonly string[]): this {
        return this.addChunk(node, { lines, separated: false });
    }

    /** Adds a declaration (a block of lines) at the end of the plan or catalog, after a blank line. */
    declare(lines: readonly string[]): this {
        const container = this.doc.facts.plan ?? this.doc.facts.catalog;
        this.declared.push(headline(lines));
        return this.addChunk(container, { lines, separated: true });
    }

    /** `title`, followed by what else the fix declares: "Add `kpi …` (declares `metric kpi_metric`)". */
    titled(title: string, except?: string): string {
        const others = this.declared.filter(d => d !== except);
        return others.length > 0 ? `${title} (declares ${others.join(', ')})` : title;
    }

    /**
     * Adds one property line after the node's leading properties (those before its first nested
     * declaration), where a reader looks for `owner` or `title`.
     */
    addAfterHeader(node: AstNode, line: string): this {
        const leaves = this.doc.tokens(node);
        const open = leaves.findIndex(l => l.text === '{');
        if (open < 0 || !this.doc.closingBrace(node)) {
            this.failed = true;
            return this;
        }
        const nested = childStarts(node);
        let anchor = leaves[open];
        for (const leaf of leaves.slice(open + 1, leaves.length - 1)) {
            if (nested.some(start => leaf.offset >= start)) {
                break;
            }
            anchor = leaf;
        }
        return this.insertAfterOffset(anchor.end, [line], this.doc.innerIndent(node));
    }

    /** Adds lines right after `node` (a rollout stage), with the node's own indentation. */
    addAfter(node: AstNode, lines: readonly string[]): this {
        const cst = node.$cstNode;
        if (!cst) {
            this.failed = true;
            return this;
        }
        const indent = this.doc.startsLine(cst.offset) ? this.doc.indentAt(cst.offset) : this.doc.innerIndent(node.$container ?? node);
        return this.insertAfterOffset(cst.end, lines, indent);
    }

    /** Replaces exactly `range` (a reference, a unit, an operator) with `text`. */
    replace(range: Range, text: string): this {
        this.pending.push(() => ({ range, newText: text }));
        return this;
    }

    /** The fix, or nothing when some edit could not be placed (a block without its closing brace). */
    result(title: string, isPreferred = false): Fix[] {
        if (this.failed) {
            return [];
        }
        const edits: TextEdit[] = [];
        const guesses: Array<Array<{ start: number; end: number }>> = [];
        for (const build of this.pending) {
            const built = build();
            if (!built) {
                return [];
            }
            const { text, spans } = unmark(built.newText);
            edits.push({ range: built.range, newText: text });
            guesses.push(spans);
        }
        if (edits.length === 0) {
            return [];
        }
        return [{
            title: title.replace(GUESS_MARKS, ''),
            edits,
            ...(guesses.some(spans => spans.length > 0) ? { guesses } : {}),
            ...(isPreferred ? { isPreferred } : {}),
        }];
    }

    private addChunk(node: AstNode | undefined, chunk: BlockChunk): this {
        if (!node) {
            this.failed = true;
            return this;
        }
        const chunks = this.blocks.get(node);
        if (chunks) {
            chunks.push(chunk);
            return this;
        }
        this.blocks.set(node, [chunk]);
        this.pending.push(() => this.blockEdit(node, this.blocks.get(node) ?? []));
        return this;
    }

    /** Lines after `offset`: on new lines when the rest of its line is empty or a comment, else inline. */
    private insertAfterOffset(offset: number, lines: readonly string[], indent: string): this {
        const { doc } = this;
        const end = doc.lineEnd(offset);
        const rest = doc.text.slice(offset, end);
        const unit = doc.indentUnit;
        let edit: TextEdit;
        if (/^\s*(\/\/.*)?$/.test(rest)) {
            const text = lines.map(line => doc.eol + indent + reindent(line, unit)).join('');
            edit = { range: doc.rangeOf(end, end), newText: text };
        } else {
            // Set apart from the token that follows too (`plan P{title "T"}` has none before it).
            const after = /\s/.test(rest.charAt(0)) ? '' : ' ';
            edit = { range: doc.rangeOf(offset, offset), newText: lines.map(line => ` ${line.trim()}`).join('') + after };
        }
        this.pending.push(() => edit);
        return this;
    }

    /** One insertion before the closing brace of `node`, on lines of their own. */
    private blockEdit(node: AstNode, chunks: readonly BlockChunk[]): TextEdit | undefined {
        const { doc } = this;
        const brace = doc.closingBrace(node);
        const start = node.$cstNode?.offset;
        if (!brace || start === undefined || chunks.length === 0) {
            return undefined;
        }
        const text = doc.text;
        const inner = doc.innerIndent(node);
        const blockIndent = doc.indentAt(start);
        const ownLine = doc.startsLine(brace.offset);
        const insertAt = ownLine ? doc.lineStart(brace.offset) : trimBack(text, brace.offset);
        // A declaration is set apart by a blank line, unless it opens the block or one is there already.
        const previousLine = ownLine
            ? (insertAt > 0 ? text.slice(doc.lineStart(insertAt - 1), insertAt).trim() : '')
            : text.slice(doc.lineStart(insertAt), insertAt).trim();
        let gap = previousLine !== '' && !previousLine.endsWith('{');
        const lines: string[] = [];
        for (const chunk of chunks) {
            if (chunk.separated && gap) {
                lines.push('');
            }
            lines.push(...chunk.lines);
            gap = true;
        }
        const render = (line: string) => (line === '' ? '' : inner + reindent(line, doc.indentUnit));
        if (ownLine) {
            const newText = lines.map(line => render(line) + doc.eol).join('');
            return { range: doc.rangeOf(insertAt, insertAt), newText };
        }
        // The brace shares its line with other text: open the block, putting the new lines and the
        // brace on lines of their own. Only the whitespace before the brace is replaced.
        const newText = doc.eol + lines.map(render).join(doc.eol) + doc.eol + blockIndent;
        return { range: doc.rangeOf(insertAt, brace.offset), newText };
    }
}

/** How a title names a declaration: "`objective Goal`" (its first line, without the brace). */
export function headline(lines: readonly string[]): string {
    return `\`${(lines[0] ?? '').replace(/\s*\{.*$/, '').trim()}\``;
}

/** `offset` moved back over spaces and tabs. */
function trimBack(text: string, offset: number): number {
    let at = offset;
    while (at > 0 && (text.charAt(at - 1) === ' ' || text.charAt(at - 1) === '\t')) {
        at--;
    }
    return at;
}

/** Start offsets of the declarations nested in `node` (a plan's members). */
function childStarts(node: AstNode): number[] {
    const members = (node as { members?: unknown }).members;
    if (!Array.isArray(members)) {
        return [];
    }
    return members
        .map(member => (member as AstNode).$cstNode?.offset)
        .filter((offset): offset is number => typeof offset === 'number');
}
