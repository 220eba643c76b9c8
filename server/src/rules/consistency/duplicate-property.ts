import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import { propertiesOf, ruleOfKeyword } from '../../model/grammar-properties.js';
import type { Rule } from '../rule.js';

/** How the property is written, for messages. */
const SPELLED: Readonly<Record<string, string>> = { trains: 'trains on', rollback: 'rollback when' };

export const duplicateProperty: Rule = {
    code: 'duplicate-property',
    category: 'consistency',
    severity: 'error',
    title: 'every property that is not repeatable is written at most once per block',
    why: 'When a block says `source` twice, only one of the two survives, silently, and the reader cannot tell which one the tools believe. In a plan that is a real ambiguity: two owners, two deadlines, two evaluation datasets. Saying a single-valued fact once makes the plan mean one thing, and the author chooses which.',
    check({ facts, report }) {
        for (const node of facts.nodes) {
            const single = propertiesOf(node.$type)?.singleValued;
            if (!single || !node.$cstNode) {
                continue;
            }
            const first = new Map<string, CstNode>();
            for (const keyword of ownKeywords(node)) {
                const word = (keyword.grammarSource as GrammarAST.Keyword).value;
                if (!single.includes(word)) {
                    continue;
                }
                const earlier = first.get(word);
                if (!earlier) {
                    first.set(word, keyword);
                    continue;
                }
                report({
                    node,
                    range: keyword.range,
                    message: `\`${SPELLED[word] ?? word}\` is written again in ${describeBlock(node)} (first on line ${earlier.range.start.line + 1}); it may appear only once, so keep one value`,
                    data: { property: word },
                });
            }
        }
    },
};

/**
 * The keyword tokens of the node's own grammar rule, in source order. The node's CST may be
 * wrapped (`members+=PlanMember` calls `Dataset` through `PlanMember`), so composite children
 * that still belong to the same AST node are searched too; children that build another AST node
 * (the `on` of `retrain on drift`) are not. A keyword used as a name (a dataset called `title`)
 * comes from the `Name` rule, not from the node's rule, and does not count.
 */
function ownKeywords(node: AstNode): CstNode[] {
    const found: CstNode[] = [];
    collectOwnKeywords(node, node.$cstNode, found);
    return found;
}

function collectOwnKeywords(node: AstNode, cst: CstNode | undefined, found: CstNode[]): void {
    if (!cst || !isCompositeCstNode(cst)) {
        return;
    }
    for (const child of cst.content) {
        if (child.hidden) {
            continue;
        }
        if (isCompositeCstNode(child)) {
            if (child.astNode === node) {
                collectOwnKeywords(node, child, found);
            }
        } else if (ruleOfKeyword(child.grammarSource) === node.$type) {
            found.push(child);
        }
    }
}

function describeBlock(node: AstNode): string {
    const name = (node as { name?: unknown }).name;
    const word = node.$type.toLowerCase();
    if (typeof name === 'string') {
        return `${word} \`${name}\``;
    }
    if (node.$type === 'Evaluation') {
        const model = (node.$container as { name?: unknown } | undefined)?.name;
        return typeof model === 'string' ? `the evaluation of model \`${model}\`` : 'the evaluation';
    }
    return `the \`${word}\` block`;
}
