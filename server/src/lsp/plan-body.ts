import type { AstNode, CompositeCstNode, CstNode } from 'langium';
import type * as ast from '../generated/ast.js';

/**
 * The body of a plan or catalog as the parser saw it: its members in order, with the braces that
 * enclose them. Re-parsing a single member (mlplan-incremental-parse.ts) and completing inside one
 * (lsp/mlplan-completion.ts) both rest on this: a body is a loop of members that parse alone.
 */
export interface PlanBody {
    readonly container: ast.Plan | ast.Catalog;
    readonly cst: CompositeCstNode;
    readonly members: readonly AstNode[];
    /** The body's `{` and `}`. */
    readonly open: CstNode;
    readonly close: CstNode;
}

/** The body of the document's plan or catalog, when it has both braces. */
export function planBody(root: ast.Document): PlanBody | undefined {
    const container = root.plan ?? root.catalog;
    const cst = container?.$cstNode;
    if (!container || !cst || !('content' in cst) || cst.container !== root.$cstNode) {
        return undefined;
    }
    const content = (cst as CompositeCstNode).content;
    const brace = (node: CstNode, text: string) => !node.hidden && !('content' in node) && node.text === text;
    const open = content.find(node => brace(node, '{'));
    let close: CstNode | undefined;
    for (let i = content.length - 1; i >= 0 && !close; i--) {
        close = brace(content[i], '}') ? content[i] : undefined;
    }
    if (!open || !close || close === open) {
        return undefined;
    }
    return { container, cst: cst as CompositeCstNode, members: container.members, open, close };
}

/** The index of the last member that starts before `offset` (binary search), if any. */
export function lastMemberBefore(members: readonly AstNode[], offset: number): number | undefined {
    let low = 0;
    let high = members.length - 1;
    let found: number | undefined;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const start = members[middle].$cstNode?.offset ?? Number.MAX_SAFE_INTEGER;
        if (start < offset) {
            found = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}
