/** Cross-checks of dates and money: the rollout's calendar, the budget, labeling, value (LANGUAGE.md 4.3). */
import type { Rule } from '../rule.js';
import { budgetItemsExceedTotal } from './budget-items-exceed-total.js';
import { costExceedsValue } from './cost-exceeds-value.js';
import { kpiBeforeRollout } from './kpi-before-rollout.js';
import { labelingOverBudget } from './labeling-over-budget.js';
import { labelingTooSlow } from './labeling-too-slow.js';
import { rolloutPastDeadline } from './rollout-past-deadline.js';

export const SCHEDULE_CHECKS: readonly Rule[] = [
    rolloutPastDeadline,
    kpiBeforeRollout,
    budgetItemsExceedTotal,
    labelingOverBudget,
    labelingTooSlow,
    costExceedsValue,
];
