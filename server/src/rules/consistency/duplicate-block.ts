import type { AstNode } from 'langium';
import type { Rule } from '../rule.js';

export const duplicateBlock: Rule = {
    code: 'duplicate-block',
    category: 'consistency',
    severity: 'error',
    title: 'the plan has at most one `serving`, `rollout`, `monitoring` and `budget` block',
    why: 'A plan describes one system going to production: one way it is served, one rollout, one monitoring setup, one budget. Two `serving` blocks mean two incompatible answers to the same question, and every figure derived from them (mean rate, monthly cost, error budget) would depend on which one a tool happened to read. Merge them into one, or split the plan.',
    check({ facts, report }) {
        const groups: Array<[string, readonly AstNode[]]> = [
            ['serving', facts.servings],
            ['rollout', facts.rollouts],
            ['monitoring', facts.monitorings],
            ['budget', facts.budgets],
        ];
        for (const [keyword, blocks] of groups) {
            const first = blocks[0];
            for (const block of blocks.slice(1)) {
                const line = (first.$cstNode?.range.start.line ?? 0) + 1;
                report({
                    node: block,
                    keyword,
                    message: `a second \`${keyword}\` block: the plan already has one on line ${line}; a plan has at most one, so merge them`,
                });
            }
        }
    },
};
