import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import * as ast from '../generated/ast.js';
import { markAstChanged } from '../model/ast-version.js';
import { lastMemberBefore, planBody } from './plan-body.js';

/**
 * Re-parsing only the member an edit falls in.
 *
 * Langium re-parses the whole text on every change: in a 10,000-line plan that is most of the
 * time between a keystroke and its diagnostics. But a plan (or catalog) body is a loop of
 * independent members, each starting with its own keyword, so when an edit stays strictly inside
 * one member of a plan that parsed without errors, parsing that member again and splicing it into
 * the existing tree gives exactly what a full parse would: the tokens before and after it are the
 * same, and the parser reaches and leaves the member in the same state.
 *
 * The member is parsed in a copy of the new text where everything except the plan's header, the
 * member and the plan's closing brace is blanked (newlines kept), so its syntax tree has the very
 * shape, offsets and line numbers of a full parse. Anything unusual (errors before or after, an
 * edit touching a member's first or last character or falling between members, text that no longer
 * parses as members alone) returns `undefined`, and the caller parses the whole text.
 *
 * The tree is changed in place: members replaced, positions after them moved. `markAstChanged`
 * tells node-keyed caches (model/ast-version.ts).
 */
export function reparseMember(parser: LangiumParser, previous: ParseResult<ast.Document>, text: string): ParseResult<ast.Document> | undefined {
    if (hasSyntaxErrors(previous)) {
        return undefined;
    }
    const root = previous.value;
    const rootCst = root.$cstNode as MutableComposite | undefined;
    const body = planBody(root);
    if (!rootCst || !body) {
        return undefined;
    }
    const { container, open, close } = body;
    const containerCst = body.cst as unknown as MutableComposite;
    const oldText = rootCst.fullText;
    const edit = changedRegion(oldText, text);
    if (!edit) {
        return undefined;
    }
    // The member whose text strictly contains the change: its first and last characters unchanged.
    const index = lastMemberBefore(body.members, edit.start);
    const old = index === undefined ? undefined : body.members[index].$cstNode as MutableComposite | undefined;
    if (index === undefined || !old || edit.oldEnd >= old.end) {
        return undefined;
    }
    const delta = text.length - oldText.length;
    const start = old.offset;
    const end = old.end + delta;
    if (!isSeparator(text, start - 1) || !isSeparator(text, end) || open.end > start || close.offset < old.end) {
        return undefined;
    }
    const closeAt = close.offset + delta;
    const isolated = blank(text, 0, containerCst.offset) + text.slice(containerCst.offset, open.end) + blank(text, open.end, start)
        + text.slice(start, end) + blank(text, end, closeAt) + '}';
    const result = parser.parse<ast.Document>(isolated);
    const replacement = membersOf(result, container.$type, start, end);
    if (!replacement) {
        return undefined;
    }
    graft(container, containerCst, index, replacement);
    shiftAfter(rootCst, containerCst, replacement.cst[replacement.cst.length - 1], {
        delta,
        line: old.range.end.line,
        lines: replacement.lastRange.end.line - old.range.end.line,
        columns: replacement.lastRange.end.character - old.range.end.character,
    });
    rootCst._text = text;
    markAstChanged(root);
    return { value: root, lexerErrors: [], parserErrors: [], lexerReport: result.lexerReport };
}

/** The CST node fields the splice rewrites (Langium's `LeafCstNodeImpl` and `CompositeCstNodeImpl`). */
interface MutableLeaf extends CstNode {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

interface MutableComposite extends CstNode {
    content: CstNode[];
    container?: MutableComposite;
    _rangeCache: unknown;
    _text: string;
    readonly fullText: string;
}

function hasSyntaxErrors(result: ParseResult): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/** Where `oldText` and `text` differ: `[start, oldEnd)` of the old text became `[start, newEnd)`. */
function changedRegion(oldText: string, text: string): { start: number; oldEnd: number } | undefined {
    const shorter = Math.min(oldText.length, text.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) {
        start++;
    }
    if (start === oldText.length && start === text.length) {
        return undefined;
    }
    let same = 0;
    while (same < shorter - start && oldText.charCodeAt(oldText.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) {
        same++;
    }
    return { start, oldEnd: oldText.length - same };
}

/**
 * Whether the character at `offset` ends a token whatever follows (or there is none): the member
 * then lexes the same alone as in the file. Plans written with one member per line always qualify.
 */
function isSeparator(text: string, offset: number): boolean {
    if (offset < 0 || offset >= text.length) {
        return true;
    }
    const ch = text.charCodeAt(offset);
    return ch === 0x7b || ch === 0x7d || ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

/** `text[from, to)` with every character but line breaks turned into a space: same offsets and lines. */
function blank(text: string, from: number, to: number): string {
    return text.slice(from, to).replace(/[^\r\n]+/g, run => ' '.repeat(run.length));
}

interface Replacement {
    readonly nodes: AstNode[];
    /** What goes between the members of the container's CST: member nodes and the comments between them. */
    readonly cst: CstNode[];
    readonly lastRange: CstNode['range'];
}

/** The members the isolated text parsed into, if it parsed cleanly into members exactly covering `[start, end)`. */
function membersOf(result: ParseResult<ast.Document>, type: string, start: number, end: number): Replacement | undefined {
    if (hasSyntaxErrors(result)) {
        return undefined;
    }
    const container = result.value.plan ?? result.value.catalog;
    if (!container || container.$type !== type || !onlyMembers(container)) {
        return undefined;
    }
    const nodes: AstNode[] = container.members;
    const cst = container.$cstNode as MutableComposite | undefined;
    const first = nodes[0]?.$cstNode;
    const last = nodes[nodes.length - 1]?.$cstNode;
    if (!cst || !first || !last || first.offset !== start || last.end !== end) {
        return undefined;
    }
    const from = cst.content.indexOf(first);
    const to = cst.content.indexOf(last);
    if (from < 0 || to < from) {
        return undefined;
    }
    return { nodes, cst: cst.content.slice(from, to + 1), lastRange: last.range };
}

/** Whether a parsed plan or catalog holds nothing but its name and members (no property was typed between members). */
function onlyMembers(container: AstNode): boolean {
    for (const [key, value] of Object.entries(container)) {
        if (key.startsWith('$') || key === 'name' || key === 'members') {
            continue;
        }
        if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
            return false;
        }
    }
    return true;
}

/** Replaces member `index` of `container` (AST and CST) by the parsed ones. */
function graft(container: ast.Plan | ast.Catalog, containerCst: MutableComposite, index: number, replacement: Replacement): void {
    const members: AstNode[] = container.members;
    const oldCst = members[index].$cstNode;
    members.splice(index, 1, ...replacement.nodes);
    for (let i = index; i < members.length; i++) {
        const member = members[i] as Mutable<AstNode>;
        member.$container = container;
        member.$containerProperty = 'members';
        member.$containerIndex = i;
    }
    const at = containerCst.content.indexOf(oldCst as CstNode);
    containerCst.content.splice(at, 1, ...replacement.cst);
    for (const node of replacement.cst) {
        (node as Mutable<CstNode>).container = containerCst as CstNode as Mutable<CstNode>['container'];
    }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Shift {
    readonly delta: number;
    /** The (old) line the replaced member ended on: what follows on it moves sideways too. */
    readonly line: number;
    readonly lines: number;
    readonly columns: number;
}

/** Moves every CST node after `last` (the last new node) by the edit's offset and line deltas. */
function shiftAfter(rootCst: MutableComposite, containerCst: MutableComposite, last: CstNode, shift: Shift): void {
    rootCst._rangeCache = undefined;
    containerCst._rangeCache = undefined;
    const siblingsAfter = (parent: MutableComposite, child: CstNode) => parent.content.slice(parent.content.indexOf(child) + 1);
    for (const node of [...siblingsAfter(containerCst, last), ...siblingsAfter(rootCst, containerCst)]) {
        shiftNode(node, shift);
    }
}

function shiftNode(node: CstNode, shift: Shift): void {
    if ('content' in node) {
        const composite = node as MutableComposite;
        composite._rangeCache = undefined;
        for (const child of composite.content) {
            shiftNode(child, shift);
        }
        return;
    }
    const leaf = node as MutableLeaf;
    leaf._offset += shift.delta;
    if (leaf._startLine === shift.line) {
        leaf._startColumn += shift.columns;
    }
    if (leaf._endLine === shift.line) {
        leaf._endColumn += shift.columns;
    }
    leaf._startLine += shift.lines;
    leaf._endLine += shift.lines;
}
