// Completeness rules (LANGUAGE.md 4.1), in the order of its table. One import and one entry per rule.
import type { Rule } from '../rule.js';
import { fallbackMissing } from './fallback-missing.js';

export const COMPLETENESS_RULES: readonly Rule[] = [
    fallbackMissing,
];
