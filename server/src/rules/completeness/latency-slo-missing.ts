import type * as ast from '../../generated/ast.js';
import { isLatencyMetric } from '../fixes/choices.js';
import { declarationFix, sloLines } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** True when the slo bounds a latency: its indicator is a software metric measured in time. */
function isLatencySlo(slo: ast.Slo): boolean {
    return isLatencyMetric(slo.indicator?.metric?.ref);
}

/**
 * Plan-level condition on each realtime `serving` block (slos visible through imports count).
 * Reported on the `serving` keyword, like every finding about that unnamed block.
 */
export const latencySloMissing: Rule = completenessRule({
    code: 'latency-slo-missing',
    stage: 'mvp',
    title: 'realtime serving has a latency slo',
    why: 'A realtime model sits on a user request path, so its response time is part of the product: a model that is accurate but answers in two seconds can break a checkout or a page load. An SLO on a time-valued software metric (`latency_p99 <= 150 ms` for 99.5 % of a 28-day window) turns "fast enough" into a number that capacity planning, alerting and the rollback criteria can all refer to, and its error budget says how much slowness is acceptable before work on new features must stop.',
    check({ facts, report }) {
        if (facts.visible.slos.some(isLatencySlo)) {
            return;
        }
        for (const serving of facts.servings) {
            if (serving.mode === 'realtime') {
                report({
                    node: serving,
                    keyword: 'serving',
                    message: 'serving is `realtime` but no slo bounds its latency: declare an slo whose indicator is a time-valued software metric (e.g. `indicator latency_p99 <= 150 ms`)',
                });
            }
        }
    },
    fix({ facts, edits }) {
        if (!facts.plan) {
            return [];
        }
        const e = edits();
        return declarationFix(e, sloLines(facts, e));
    },
});
