import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';
import { reflection } from '../generated/ast.js';
import { AstCache } from './ast-version.js';

/**
 * Walks over an AST, visiting nodes and references in exactly the order of Langium's
 * `AstUtils.streamAst` and `AstUtils.streamReferences` (properties in key order, `$`-properties
 * skipped, arrays in order), but as plain recursive loops. Langium's streams allocate an iterator and a state object per
 * node and per property; on a 10,000-line plan, walked by the linker, the index and several
 * rules on every keystroke, that allocation was a large share of the time and of the garbage.
 */

/**
 * Walked trees, by root. The linker, the reference index and the rules each walk the same document
 * once per build: one walk serves all (until the tree changes, see ast-version.ts).
 */
const WALKED = new AstCache<AstNode, readonly AstNode[]>();

/** Every node of the tree under `root` (itself first), depth first. */
export function allNodes(root: AstNode): readonly AstNode[] {
    return WALKED.get(root, walk);
}

function walk(root: AstNode): AstNode[] {
    const out: AstNode[] = [];
    const visit = (node: AstNode): void => {
        out.push(node);
        for (const key of Object.keys(node)) {
            if (key.startsWith('$')) {
                continue;
            }
            const value = (node as unknown as Record<string, unknown>)[key];
            if (isAstNode(value)) {
                visit(value);
            } else if (Array.isArray(value)) {
                for (const item of value) {
                    if (isAstNode(item)) {
                        visit(item);
                    }
                }
            }
        }
    };
    visit(root);
    return out;
}

/**
 * The properties of each node type that may hold a reference, from the grammar's reflection: most
 * nodes hold none, and the linker, the index and some rules ask this of every node of a plan.
 */
const REFERENCE_PROPERTIES = new Map<string, readonly string[]>();

function referenceProperties(type: string): readonly string[] {
    let properties = REFERENCE_PROPERTIES.get(type);
    if (!properties) {
        const meta = reflection.getTypeMetaData(type).properties;
        properties = Object.keys(meta).filter(name => meta[name].referenceType !== undefined);
        REFERENCE_PROPERTIES.set(type, properties);
    }
    return properties;
}

/** Calls `action` for each reference held directly by `node`, in property order, as Langium's
 *  `streamReferences` yields them. */
export function forEachReference(node: AstNode, action: (info: ReferenceInfo) => void): void {
    const candidates = referenceProperties(node.$type);
    if (candidates.length === 0) {
        return;
    }
    // With several, the order is the node's own key order (the order they were written in), as in Langium.
    for (const property of candidates.length === 1 ? candidates : Object.keys(node)) {
        if (property.startsWith('$')) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            action({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isReference(element) || isMultiReference(element)) {
                    action({ reference: element, container: node, property, index });
                }
            }
        }
    }
}
