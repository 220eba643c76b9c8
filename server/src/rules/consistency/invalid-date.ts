import { dateProblem } from '../../model/dates.js';
import { DATE_PROPERTIES } from '../../model/property-units.js';
import type { Rule } from '../rule.js';
import { localNodes } from './value-helpers.js';

export const invalidDate: Rule = {
    code: 'invalid-date',
    category: 'consistency',
    severity: 'error',
    title: 'every date exists in the calendar',
    why: 'Deadlines and due dates order the work: milestones are compared with each other and with the plan deadline, and exported into schedules and Gantt charts. A date that does not exist, such as 30 February or month 13, cannot be placed on any calendar, so every comparison involving it is meaningless and tools either reject it or quietly roll it over into the next month.',
    check({ facts, report }) {
        for (const node of localNodes(facts)) {
            for (const property of DATE_PROPERTIES[node.$type] ?? []) {
                const text = (node as unknown as Record<string, unknown>)[property];
                if (typeof text !== 'string') {
                    continue;
                }
                const problem = dateProblem(text);
                if (problem) {
                    report({ node, property, message: `\`${text}\` is not a calendar date: ${problem}` });
                }
            }
        }
    },
};
