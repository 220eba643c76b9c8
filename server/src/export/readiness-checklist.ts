import type { Readiness } from '../rules/readiness.js';
import { readinessExport } from './model-builder.js';
import { markdownBlock } from './markdown.js';
import { readinessBlocks } from './sections/review.js';

/**
 * The readiness checklist as Markdown: every completeness rule that applies at the plan's stage,
 * met or not. Shown by "ML Plan: Show Readiness Report"; every export renders the same blocks.
 */
export function readinessChecklistMarkdown(readiness: Readiness): string {
    const blocks = readinessBlocks(readinessExport(readiness, readiness.applicable > 0));
    return `${blocks.map(markdownBlock).join('\n\n')}\n`;
}
