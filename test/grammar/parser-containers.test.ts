import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createTestServices } from '../support/services.js';

// MlPlanParser (its own CST builder, the recovery bound) leaves the linking of AST nodes to their
// containers to Langium's `parse`; the links must be those of Langium's deep
// `linkContentToContainer`, or scoping, hover, rename and every rule that climbs to a container see
// a different tree.

const parser = createTestServices().parser.LangiumParser;

function plans(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? plans(path) : name.endsWith('.mlplan') ? [path] : [];
    });
}

interface Link { type: string; container?: string; property?: string; index?: number }

/** Every node's container link, in document order, with the container named by its position in that order. */
function links(root: AstNode): Link[] {
    const nodes = AstUtils.streamAst(root).toArray();
    const order = new Map(nodes.map((node, i) => [node, i]));
    return nodes.map(node => ({
        type: node.$type,
        container: node.$container ? `${node.$container.$type}#${order.get(node.$container)}` : undefined,
        property: node.$containerProperty,
        index: node.$containerIndex,
    }));
}

function unlink(root: AstNode): void {
    for (const node of AstUtils.streamAst(root)) {
        const mutable = node as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
        delete mutable.$container;
        delete mutable.$containerProperty;
        delete mutable.$containerIndex;
    }
}

const EXAMPLES = plans(join(__dirname, '../../examples')).map(path => ({ name: path.slice(path.indexOf('examples')), text: readFileSync(path, 'utf8') }));
// Half a plan: the parser recovers, and the partial nodes must be linked as well.
const BROKEN = EXAMPLES.map(({ name, text }) => ({ name: `${name}, cut in half`, text: text.slice(0, Math.floor(text.length / 2)) }));

describe('the parser links every AST node to its container as Langium does', () => {
    test.each([...EXAMPLES, ...BROKEN])('$name', ({ text }) => {
        const root = parser.parse(text).value;
        const ours = links(root);
        unlink(root);
        // Nothing is linked now, so the comparison cannot pass on leftovers of our own pass.
        expect(links(root).every(link => link.container === undefined)).toBe(true);
        AstUtils.linkContentToContainer(root, { deep: true });
        const langiums = links(root);
        expect(ours.length).toBeGreaterThan(5);
        expect(ours.filter(link => link.index !== undefined).length).toBeGreaterThan(2);
        expect(ours).toEqual(langiums);
    });
});
