/**
 * The Markdown export (GitHub-flavoured): renders the export document (document.ts) built from
 * the export model. All plan text goes through markdown-escape.ts; diagrams through mermaid.ts.
 */
import type { Block, ExportDocument, Inline, Rich } from './document.js';
import type { PlanExport } from './export-model.js';
import {
    escapeBlockStart, escapeMarkdownInline, escapeMarkdownText, markdownCode, markdownLink, markdownTable, markdownWithCode,
    oneLineText,
} from './markdown-escape.js';
import { milestoneGantt, rolloutFlowchart } from './mermaid.js';
import { buildDocument } from './sections/index.js';

/** The plan as a Markdown document. */
export function renderMarkdown(model: PlanExport): string {
    return markdownOf(buildDocument(model), model);
}

export function markdownOf(document: ExportDocument, model?: PlanExport): string {
    const parts: string[] = [`# ${escapeMarkdownText(document.title)}`];
    parts.push(...document.lead.map(markdownBlock));
    for (const section of document.sections) {
        parts.push(`## ${escapeMarkdownText(section.title)}`);
        parts.push(...section.blocks.map(markdownBlock));
    }
    if (model) {
        parts.push(`---\n\n*Exported by mlplan from ${markdownCode(model.file)} (export model version ${model.mlplanExportVersion}).*`);
    }
    return `${parts.filter(part => part.length > 0).join('\n\n')}\n`;
}

/** One block, without surrounding blank lines. */
export function markdownBlock(block: Block): string {
    switch (block.kind) {
        case 'heading':
            return `### ${line(block.text)}`;
        case 'paragraph':
            return line(block.text);
        case 'missing':
            return `*${escapeMarkdownText(block.text)}*`;
        case 'facts':
            return block.items.map(item => `- **${escapeMarkdownText(item.label)}:** ${inlineRun(item.value)}`).join('\n');
        case 'table':
            // A cell holds inline content only: no block marker to escape there.
            return markdownTable(block.headers.map(escapeMarkdownText), block.rows.map(row => row.map(cell => inlineRun(cell).trim())));
        case 'list':
            return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${line(item)}`).join('\n');
        case 'checklist':
            return block.items.map(item => `- [${item.met ? 'x' : ' '}] ${line(item.text)}`).join('\n');
        case 'rollout-diagram': {
            const source = rolloutFlowchart(block.rollout);
            return source ? fence(source) : '';
        }
        case 'milestone-chart': {
            const source = milestoneGantt(block.chart);
            return source ? fence(source) : '';
        }
    }
}

function fence(mermaid: string): string {
    return `\`\`\`mermaid\n${mermaid}\n\`\`\``;
}

/** Rich text that starts a line (paragraph, list item, cell): its block start is escaped. */
function line(text: Rich): string {
    return escapeBlockStart(inlineRun(text).replace(/^\s+/, ''));
}

/**
 * Rich text inside a line. Neighbouring plain pieces are escaped together, so that what one piece
 * ends with and the next starts with (`<` + `b>`) is judged as the reader's renderer will see it.
 */
function inlineRun(text: Rich): string {
    const merged: Inline[] = [];
    for (const piece of text) {
        const last = merged[merged.length - 1];
        if (typeof piece === 'string' && typeof last === 'string') {
            merged[merged.length - 1] = last + piece;
        } else {
            merged.push(piece);
        }
    }
    return merged.map(inline).join('');
}

function inline(piece: Inline): string {
    if (typeof piece === 'string') {
        return escapeMarkdownInline(piece);
    }
    if ('code' in piece) {
        return markdownCode(piece.code);
    }
    if ('em' in piece) {
        return wrap('*', piece.em);
    }
    if ('strong' in piece) {
        return wrap('**', piece.strong);
    }
    if ('message' in piece) {
        return markdownWithCode(piece.message);
    }
    return markdownLink(piece.link);
}

/** Emphasis around the trimmed text, so the delimiters always flank it; outer spaces stay outside. */
function wrap(delimiter: string, text: string): string {
    const trimmed = oneLineText(text);
    if (trimmed.length === 0) {
        return text.length > 0 ? ' ' : '';
    }
    const before = /^\s/.test(text) ? ' ' : '';
    const after = /\s$/.test(text) ? ' ' : '';
    return `${before}${delimiter}${escapeMarkdownInline(trimmed)}${delimiter}${after}`;
}
