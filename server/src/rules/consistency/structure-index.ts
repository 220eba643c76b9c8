// Consistency rules about structure: names, duplicates, references, imports, milestones, monitoring.
import type { Rule } from '../rule.js';

export const STRUCTURE_RULES: readonly Rule[] = [
];
