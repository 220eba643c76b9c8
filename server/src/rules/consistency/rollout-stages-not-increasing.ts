import { compareMeasures, type Measure } from '../../model/units.js';
import type { Rule } from '../rule.js';
import { formatShare, stageTraffic } from './value-helpers.js';

/**
 * Each stage must send more traffic than every stage before it. Stages whose traffic is not a
 * fraction within 0–100 % are skipped here (they are `unit-mismatch` or `percent-out-of-range`),
 * so one typo does not also flag every later stage.
 */
export const rolloutStagesNotIncreasing: Rule = {
    code: 'rollout-stages-not-increasing',
    category: 'consistency',
    severity: 'error',
    title: 'rollout stages send strictly more traffic each time',
    why: 'A staged rollout exposes a new model to a growing share of users so that a problem is caught while few are affected, and each stage is a checkpoint where the team decides to go on or roll back. A stage that sends the same or less traffic than an earlier one is either a typo or a step backwards the plan does not explain, and automated rollout tools usually reject it outright.',
    check({ facts, report }) {
        for (const rollout of facts.rollouts) {
            let highest: Measure | undefined;
            for (const stage of rollout.stages ?? []) {
                const traffic = stageTraffic(stage);
                if (!traffic) {
                    continue;
                }
                if (highest && (compareMeasures(traffic, highest) ?? 1) <= 0) {
                    report({
                        node: stage,
                        property: 'traffic',
                        message: `stage ${formatShare(traffic)} does not increase traffic: an earlier stage already sends ${formatShare(highest)}`,
                    });
                    continue;
                }
                highest = traffic;
            }
        }
    },
};
