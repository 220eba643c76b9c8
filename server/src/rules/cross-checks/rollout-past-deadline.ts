import { formatDay } from '../../model/dates.js';
import type { Rule } from '../rule.js';
import { daysBetween, rolloutStory } from './schedule-text.js';

/**
 * The rollout's own calendar against the plan's promise: it ends when its start (a date, or the due
 * date of the milestone it comes after) plus the shadow and every stage's `for` have passed.
 * Reported on `starts`, the figure the whole calendar hangs from.
 */
export const rolloutPastDeadline: Rule = {
    code: 'rollout-past-deadline',
    category: 'cross-check',
    severity: 'warning',
    title: 'the rollout reaches full traffic by the plan deadline',
    why: 'A model is delivered when it serves all of its traffic, not when it is trained. The shadow period and each canary stage take calendar time that is easy to forget when the deadline is set, and they cannot be compressed without giving up the evidence they exist to collect. Adding them to the rollout start shows whether the plan can keep its own deadline; if it cannot, start earlier, shorten a stage on purpose, or move the deadline now rather than in the last week.',
    check({ facts, report }) {
        const rollout = facts.rollout;
        const deadline = facts.figures.deadlineDay;
        if (!rollout?.starts || deadline === undefined) {
            return;
        }
        const schedule = facts.figures.rolloutSchedule(rollout);
        const story = rolloutStory(schedule);
        if (schedule.endDay === undefined || story === undefined || schedule.endDay <= deadline) {
            return;
        }
        report({
            node: rollout,
            property: 'starts',
            message: `${story}: ${daysBetween(deadline, schedule.endDay)} after the deadline ${formatDay(deadline)}`,
        });
    },
};
