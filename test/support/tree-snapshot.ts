import { isAstNode, isReference, type AstNode, type CstNode } from 'langium';

/**
 * A parse result written out as text, everything a feature can read included: every CST node with
 * its grammar element, offsets and line/column range, every AST property, reference texts and the
 * positions of their CST nodes, container links. Two parses are interchangeable when their
 * snapshots are equal; the links between nodes are checked while writing (a wrong one throws).
 */
export function snapshot(root: AstNode): string {
    const lines: string[] = [];
    cst(root.$cstNode!, 0, lines);
    ast(root, undefined, 0, lines);
    return lines.join('\n');
}

function cst(node: CstNode, depth: number, out: string[]): void {
    const source = node.grammarSource as unknown as { $type: string; value?: string; rule?: { ref?: { name: string } }; feature?: string } | undefined;
    const grammar = source ? `${source.$type}:${source.value ?? source.rule?.ref?.name ?? source.feature ?? ''}` : '-';
    const { start, end } = node.range;
    const own = (node as unknown as { _astNode?: AstNode })._astNode;
    out.push(`${' '.repeat(depth)}${'content' in node ? 'C' : 'L'} ${grammar} ${node.offset}-${node.end} ${start.line}:${start.character}-${end.line}:${end.character}${node.hidden ? ' hidden' : ''}${own ? ` ast=${own.$type}` : ''} ${JSON.stringify(node.text.slice(0, 40))}`);
    if (own && own.$cstNode !== node) {
        throw new Error(`CST node at ${node.offset} is not the $cstNode of its AST node`);
    }
    for (const child of (node as { content?: CstNode[] }).content ?? []) {
        if (child.container !== node) {
            throw new Error(`CST node at ${child.offset} has a wrong container`);
        }
        cst(child, depth + 1, out);
    }
}

function ast(node: AstNode, parent: AstNode | undefined, depth: number, out: string[]): void {
    if (node.$container !== parent) {
        throw new Error(`${node.$type} at ${node.$cstNode?.offset} has a wrong $container`);
    }
    out.push(`${' '.repeat(depth)}${node.$type} ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}] cst ${node.$cstNode?.offset}-${node.$cstNode?.end}`);
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) {
            continue;
        }
        for (const item of Array.isArray(value) ? value : [value]) {
            if (isAstNode(item)) {
                ast(item, node, depth + 1, out);
            } else if (isReference(item)) {
                out.push(`${' '.repeat(depth + 1)}${key} -> ${item.$refText} @${item.$refNode?.offset}`);
            } else {
                out.push(`${' '.repeat(depth + 1)}${key} = ${JSON.stringify(item)}`);
            }
        }
    }
}
