import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { blockedText, readinessFigure, type Readiness } from '../rules/readiness.js';
import { RULES_BY_CODE } from '../rules/registry.js';
import { diagnosticCode } from '../rules/run-rules.js';
import { code, strong, type Block, type Rich } from './document.js';
import { readinessExport } from './model-builder.js';
import { markdownBlock } from './markdown.js';
import { oneLineText } from './markdown-escape.js';
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

/** One open diagnostic as the readiness report lists it (1-based line and column). */
export interface ReportDiagnostic {
    /** `error`, `warning`, `info` or `hint`. */
    readonly severity: ReportSeverity;
    readonly code: string;
    /** The rule's kind (completeness, consistency, cross-check, source), when the code is a rule's. */
    readonly category?: string;
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type ReportSeverity = 'error' | 'warning' | 'info' | 'hint';

const SEVERITIES: readonly ReportSeverity[] = ['error', 'warning', 'info', 'hint'];
const GROUP_TITLE: Record<ReportSeverity, [string, string]> = {
    error: ['Error', 'Errors'],
    warning: ['Warning', 'Warnings'],
    info: ['Info', 'Infos'],
    hint: ['Hint', 'Hints'],
};

/** The final diagnostics of a document (after configuration and suppression), by position. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[]): ReportDiagnostic[] {
    return diagnostics
        .map((d): ReportDiagnostic => {
            const code = diagnosticCode(d) ?? (d.code === undefined ? 'unknown' : String(d.code));
            const message = typeof d.message === 'string' ? d.message : String((d.message as { value?: unknown }).value ?? '');
            return {
                severity: SEVERITIES[(d.severity ?? DiagnosticSeverity.Error) - 1] ?? 'error',
                code,
                category: RULES_BY_CODE.get(code)?.category,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                message: oneLineText(message),
            };
        })
        .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}

/**
 * Every open diagnostic as Markdown, grouped errors, warnings, infos, hints: one list item per
 * diagnostic (line, code, kind of rule, message). Lists rather than tables: the report is read in
 * a preview beside the plan, too narrow for a four-column table. A report that only counted
 * completeness would hide what blocks the plan: the errors of every other rule.
 */
export function openDiagnosticsMarkdown(diagnostics: readonly ReportDiagnostic[]): string {
    if (diagnostics.length === 0) {
        return `${markdownBlock({ kind: 'missing', text: 'No open diagnostics.' })}\n`;
    }
    const counts = SEVERITIES
        .map(severity => [severity, diagnostics.filter(d => d.severity === severity).length] as const)
        .filter(([, count]) => count > 0);
    const blocks: Block[] = [{ kind: 'paragraph', text: [counts.map(([severity, count]) => `${count} ${GROUP_TITLE[severity][count === 1 ? 0 : 1].toLowerCase()}`).join(', '), '.'] }];
    for (const [severity, count] of counts) {
        blocks.push({ kind: 'heading', text: [`${GROUP_TITLE[severity][1]} (${count})`] });
        blocks.push({
            kind: 'list',
            ordered: false,
            items: diagnostics.filter(d => d.severity === severity).map((d): Rich => [
                strong(`Line ${d.line}`), ' ', code(d.code), d.category ? ` (${d.category})` : '', ': ', { message: d.message },
            ]),
        });
    }
    return `${blocks.map(markdownBlock).join('\n\n')}\n`;
}

/**
 * The whole report, in the order a reviewer reads it: the readiness headline (with its blockers),
 * what is missing, every open diagnostic, and last what is already met. The checklist is split in
 * two plain lists, since a Markdown preview shows `- [x]` task items as text.
 */
export function readinessReportMarkdown(title: string, readiness: Readiness, diagnostics: readonly ReportDiagnostic[]): string {
    const headline = withBlockers(readinessBlocks(readinessExport(readiness, readiness.applicable > 0)), readiness)
        .filter(block => block.kind !== 'checklist');
    const group = (met: boolean): Rich[] => readiness.items.filter(item => item.met === met)
        .map(item => [item.rule.title, ' (', code(item.rule.code), ')']);
    const missing = group(false);
    const met = group(true);
    return [
        `# ${title}`,
        ...headline.map(markdownBlock),
        ...(missing.length > 0 ? [`## Missing (${missing.length})`, markdownBlock({ kind: 'list', ordered: false, items: missing })] : []),
        '## Open diagnostics',
        openDiagnosticsMarkdown(diagnostics).trimEnd(),
        ...(met.length > 0 ? [`## Met (${met.length})`, markdownBlock({ kind: 'list', ordered: false, items: met })] : []),
    ].join('\n\n') + '\n';
}
