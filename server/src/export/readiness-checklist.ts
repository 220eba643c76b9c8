import { blockedText, readinessFigure, type Readiness } from '../rules/readiness.js';
import { code, strong, type Block } from './document.js';
import { readinessExport } from './model-builder.js';
import { markdownBlock } from './markdown.js';
import { readinessBlocks } from './sections/review.js';

/**
 * The readiness checklist as Markdown: every completeness rule that applies at the plan's stage,
 * met or not. Shown by "ML Plan: Show Readiness Report"; every export renders the same checklist.
 * The headline carries the plan's blockers: a plan with errors reads "**Readiness 19/19, blocked
 * by 1 error** at stage `growth`.", never as simply complete (LANGUAGE.md 4.1, v2).
 */
export function readinessChecklistMarkdown(readiness: Readiness): string {
    const blocks = readinessBlocks(readinessExport(readiness, readiness.applicable > 0));
    return `${withBlockers(blocks, readiness).map(markdownBlock).join('\n\n')}\n`;
}

function withBlockers(blocks: readonly Block[], readiness: Readiness): readonly Block[] {
    const blocked = blockedText(readiness.blockers);
    if (!blocked) {
        return blocks;
    }
    const headline = blocks.findIndex(block => block.kind === 'paragraph');
    if (readiness.applicable === 0 || headline < 0) {
        // Nothing to count, but the errors still stand between the file and "ready".
        const sentence = `${blocked.charAt(0).toUpperCase()}${blocked.slice(1)}.`;
        return [...blocks, { kind: 'paragraph', text: [strong(sentence)] }];
    }
    const replaced: Block = { kind: 'paragraph', text: [strong(`Readiness ${readinessFigure(readiness)}`), ' at stage ', code(readiness.stage), '.'] };
    return blocks.map((block, i) => (i === headline ? replaced : block));
}
