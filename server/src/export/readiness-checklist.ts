import type { Readiness } from '../rules/readiness.js';
import { escapeMarkdownText } from './markdown-escape.js';

/**
 * The readiness checklist as Markdown: every completeness rule that applies at the plan's stage,
 * met or not. Shown by "ML Plan: Show Readiness Report" and included in every export.
 */
export function readinessChecklistMarkdown(readiness: Readiness): string {
    if (readiness.applicable === 0) {
        return '_No completeness rule applies (a catalog, or every rule is turned off)._\n';
    }
    const lines = [
        `**Readiness ${readiness.satisfied}/${readiness.applicable}** at stage \`${readiness.stage}\`.`,
        '',
        ...readiness.items.map(item => `- [${item.met ? 'x' : ' '}] ${escapeMarkdownText(item.rule.title)} (\`${item.rule.code}\`)`),
    ];
    return lines.join('\n') + '\n';
}
