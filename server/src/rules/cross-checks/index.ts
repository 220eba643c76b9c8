/**
 * The cross-checks of LANGUAGE.md 4.3: what a senior reviewer computes by comparing parts of a plan
 * with each other. One file per rule, listed here in the order of the contract's table.
 */
import type { Rule } from '../rule.js';
import { evaluationMissingLabel } from './evaluation-missing-label.js';

export const CROSS_CHECK_RULES: readonly Rule[] = [
    evaluationMissingLabel,
];
