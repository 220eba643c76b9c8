import { AstUtils, type AstNode } from 'langium';

/**
 * A parsed tree is normally never changed: a re-parse builds new nodes, so a cache keyed by node
 * identity cannot go stale. The incremental re-parse (language/mlplan-incremental-parse.ts) is the
 * exception: to keep typing fast in a large plan it splices the re-parsed member into the existing
 * tree and moves every position after it. It then marks the tree changed, and node-keyed caches
 * (`AstCache`) recompute what they hold for any node of that tree.
 */
const VERSIONS = new WeakMap<AstNode, number>();

/** How many times the tree under `root` was changed in place. */
export function astVersion(root: AstNode): number {
    return VERSIONS.get(root) ?? 0;
}

/** Records that the tree under `root` was changed in place (nodes replaced, positions moved). */
export function markAstChanged(root: AstNode): void {
    VERSIONS.set(root, astVersion(root) + 1);
}

/** Values computed from AST nodes, each forgotten when the tree of its node changes in place. */
export class AstCache<K extends AstNode, V> {
    private readonly entries = new WeakMap<K, { readonly version: number; readonly value: V }>();

    get(node: K, compute: (node: K) => V): V {
        const version = astVersion(AstUtils.findRootNode(node));
        const entry = this.entries.get(node);
        if (entry !== undefined && entry.version === version) {
            return entry.value;
        }
        const value = compute(node);
        this.entries.set(node, { version, value });
        return value;
    }
}
