import * as ast from '../../generated/ast.js';
import { dayOf, formatDay } from '../../model/dates.js';
import { boundText } from '../consistency/value-helpers.js';
import type { Rule } from '../rule.js';
import { rolloutStory } from './schedule-text.js';

/**
 * A kpi dated before the rollout ends is judged on a model that some users have never seen. Every
 * kpi of the plan's own objectives with a `by` date is compared with the end of the first rollout.
 *
 * No quick-fix: moving `by` to the rollout's last day would silence the warning with a kpi that
 * still has no full-traffic data behind it; the right date depends on how long the kpi needs to be
 * measured, which only the plan's author knows.
 */
export const kpiBeforeRollout: Rule = {
    code: 'kpi-before-rollout',
    category: 'cross-check',
    severity: 'warning',
    title: 'every kpi date falls on or after the end of the rollout',
    why: 'A kpi is a promise about the product once the model is in use. Until the last rollout stage, only a share of users sees the model, so a kpi measured earlier mixes old and new behaviour and cannot tell whether the model worked. Dating the kpi after the rollout ends, with time to measure, keeps the objective honest and stops a half-rolled-out model from being declared a success or a failure too early.',
    check({ facts, report }) {
        const rollout = facts.rollout;
        if (!rollout?.starts) {
            return;
        }
        const schedule = facts.figures.rolloutSchedule(rollout);
        const story = rolloutStory(schedule);
        if (schedule.endDay === undefined || story === undefined) {
            return;
        }
        for (const objective of facts.local.filter(ast.isObjective)) {
            for (const kpi of objective.kpis ?? []) {
                const by = dayOf(kpi.by);
                if (by === undefined || by >= schedule.endDay) {
                    continue;
                }
                report({
                    node: kpi,
                    message: `${boundText(kpi)} of objective \`${objective.name}\` is due by ${formatDay(by)}, but ${story}: the kpi cannot be measured on full traffic by then`,
                });
            }
        }
    },
};
