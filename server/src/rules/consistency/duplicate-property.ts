import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import type { Rule } from '../rule.js';

/**
 * The properties that may be written once, by block type, named by the keyword that starts them
 * (`trains` for `trains on`, `rollback` for `rollback when`). Repeatable properties (`kpi`,
 * `stakeholder`, `check`, `expect`, `success`, `slice`, `stage`, `drift`, `alert`, `deliverable`)
 * are deliberately absent. Properties written with `=` in the grammar's any-order loops keep only
 * one value in the AST, so duplicates are found on the concrete syntax tree.
 */
export const SINGLE_VALUED: Readonly<Record<string, readonly string[]>> = {
    Plan: ['title', 'summary', 'description', 'owner', 'stage', 'deadline', 'regulations'],
    Catalog: ['title', 'description'],
    Person: ['name', 'role', 'email'],
    Team: ['name', 'members', 'lead'],
    Metric: ['kind', 'unit', 'better', 'description'],
    Objective: ['description', 'priority'],
    Dataset: ['source', 'description', 'owner', 'version', 'refresh', 'size', 'labeling', 'consent', 'retention', 'fields'],
    Baseline: ['kind', 'description'],
    Model: ['algorithm', 'description', 'owner', 'trains', 'features', 'compute', 'explain', 'retrain', 'evaluation'],
    Evaluation: ['on'],
    Serving: ['mode', 'target', 'volume', 'peak', 'cost', 'compute', 'fallback'],
    Slo: ['indicator', 'objective', 'window', 'description'],
    Rollout: ['strategy', 'shadow', 'rollback'],
    Monitoring: ['dashboard', 'log'],
    Risk: ['description', 'likelihood', 'impact', 'mitigation', 'owner'],
    Milestone: ['due', 'description', 'owner', 'after'],
    Budget: ['total', 'serving', 'labeling', 'training', 'compute'],
};

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
            const single = SINGLE_VALUED[node.$type];
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
        } else if (ruleOf(child.grammarSource) === node.$type) {
            found.push(child);
        }
    }
}

/**
 * The parser rule a keyword of the grammar belongs to, or undefined for any other grammar element.
 * Asked for every token of every plan, so remembered per grammar element.
 */
const RULE_OF_KEYWORD = new WeakMap<GrammarAST.AbstractElement, string | null>();

function ruleOf(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!element) {
        return undefined;
    }
    let rule = RULE_OF_KEYWORD.get(element);
    if (rule === undefined) {
        rule = GrammarAST.isKeyword(element) ? AstUtils.getContainerOfType(element, GrammarAST.isParserRule)?.name ?? null : null;
        RULE_OF_KEYWORD.set(element, rule);
    }
    return rule ?? undefined;
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
