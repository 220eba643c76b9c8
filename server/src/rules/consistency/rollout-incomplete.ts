import * as ast from '../../generated/ast.js';
import { compareMeasures, measure, PLAIN, type Measure } from '../../model/units.js';
import { FINAL_STAGE_LINE, propertyFix } from '../fixes/skeletons.js';
import type { Fix, Rule } from '../rule.js';
import { formatShare, stageTraffic } from './value-helpers.js';

const ALL_TRAFFIC: Measure = { value: 1, unit: PLAIN };
const HALF_TRAFFIC: Measure = measure(50, '%')!;

/**
 * Strategies that move traffic in stages must say where they end: `canary` at 100 %, `ab-test` at
 * 100 % or at an even 50 % split. A canary or ab-test rollout without any `stage` is reported on
 * its `strategy` (it never states how much traffic the new model ends up with). A last stage whose
 * traffic is missing, not a fraction or outside 0–100 % is left to the other value rules.
 */
export const rolloutIncomplete: Rule = {
    code: 'rollout-incomplete',
    category: 'consistency',
    severity: 'warning',
    title: 'a canary or A/B rollout ends at full traffic (or an even A/B split)',
    why: 'A canary that stops at 10 % never finishes: the plan leaves most users on the old system with no decision recorded about when, or whether, the new model takes over, and two systems have to be operated indefinitely. Writing the final stage down (100 %, or an even 50 % split for an A/B test that is meant to end in a comparison) makes the end state of the rollout explicit and reviewable.',
    check({ facts, report }) {
        for (const rollout of facts.rollouts) {
            const strategy = rollout.strategy;
            if (strategy !== 'canary' && strategy !== 'ab-test') {
                continue;
            }
            const stages = rollout.stages ?? [];
            const ending = strategy === 'ab-test' ? '`stage 100 %` (or `stage 50 %` for an even split)' : '`stage 100 %`';
            if (stages.length === 0) {
                report({
                    node: rollout,
                    property: 'strategy',
                    message: `the ${strategy} rollout has no \`stage\`, so it never says how much traffic the new model ends up with; add stages ending with ${ending}`,
                });
                continue;
            }
            const last = stages[stages.length - 1];
            const traffic = stageTraffic(last);
            if (!traffic) {
                continue;
            }
            const complete = compareMeasures(traffic, ALL_TRAFFIC) === 0
                || (strategy === 'ab-test' && compareMeasures(traffic, HALF_TRAFFIC) === 0);
            if (!complete) {
                report({
                    node: last,
                    property: 'traffic',
                    message: `the ${strategy} rollout ends at ${formatShare(traffic)} of traffic; end it with ${ending}`,
                });
            }
        }
    },
    fix({ diagnostic, doc, edits }) {
        const rollout = doc.nodeAt(diagnostic.range.start, ast.isRollout);
        const stages = rollout?.stages ?? [];
        if (!rollout) {
            return [];
        }
        if (stages.length === 0) {
            return propertyFix(edits(), rollout, ['stage 10 % for 1 d', FINAL_STAGE_LINE]);
        }
        // A stage at or above the new one would make the appended stage a step backwards.
        const traffic = stages.map(stageTraffic).filter((t): t is Measure => t !== undefined);
        const reaches = (share: Measure) => traffic.some(t => (compareMeasures(t, share) ?? -1) >= 0);
        const last = stages[stages.length - 1];
        const fixes: Fix[] = [];
        if (!reaches(ALL_TRAFFIC)) {
            fixes.push(...edits().addAfter(last, [FINAL_STAGE_LINE]).result(`Add \`${FINAL_STAGE_LINE}\` after the last stage`, true));
        }
        if (rollout.strategy === 'ab-test' && !reaches(HALF_TRAFFIC)) {
            fixes.push(...edits().addAfter(last, ['stage 50 %']).result('Add `stage 50 %` after the last stage (an even split)'));
        }
        return fixes;
    },
};
