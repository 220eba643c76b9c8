import * as ast from '../../generated/ast.js';
import { propertyFix, rollbackLine } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Strategies that expose real traffic step by step and therefore need an abort criterion. */
const GRADUAL = new Set(['canary', 'blue-green', 'ab-test']);

/** Per-block rule on each `rollout`; reported on the `rollout` keyword (the block is unnamed). */
export const rollbackMissing: Rule = completenessRule({
    code: 'rollback-missing',
    stage: 'mvp',
    title: 'a gradual rollout says when to roll back',
    why: 'Canary, blue-green and A/B rollouts exist so that a bad model is caught while it affects few users, but only if someone decided beforehand what "bad" means. Without explicit rollback conditions (`rollback when latency_p99 > 300 ms or error_rate > 1 %`) the decision is made under pressure, late, and often by arguing over dashboards. Written thresholds can be automated, alerted on, and applied the same way to every release.',
    check({ facts, report }) {
        for (const rollout of facts.rollouts) {
            if (rollout.strategy && GRADUAL.has(rollout.strategy) && !rollout.rollback) {
                report({
                    node: rollout,
                    keyword: 'rollout',
                    message: `rollout strategy \`${rollout.strategy}\` has no \`rollback when\`: state the metric thresholds that abort the rollout (e.g. \`rollback when error_rate > 1 %\`)`,
                });
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const rollout = doc.nodeAt(diagnostic.range.start, ast.isRollout);
        if (!rollout || rollout.rollback) {
            return [];
        }
        const e = edits();
        return propertyFix(e, rollout, [rollbackLine(facts, e)]);
    },
});
