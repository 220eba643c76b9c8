import { blockedText } from '../rules/readiness.js';
import { SEVERITIES, countFindings, totalCounts, type Counts, type FileResult } from './results.js';

/**
 * `file:line:col severity code message`, 1-based, one line per diagnostic; with `summary`, then
 * one line per file (readiness, stage, blockers, counts) and a total line.
 */
export function formatText(results: readonly FileResult[], summary: boolean): string {
    const lines: string[] = [];
    for (const result of results) {
        for (const finding of result.findings) {
            const { line, character } = finding.range.start;
            lines.push(`${result.file}:${line + 1}:${character + 1} ${finding.severity} ${finding.code} ${finding.message}`);
        }
    }
    if (summary) {
        for (const result of results) {
            lines.push(`${result.file}: ${describeReadiness(result)}; ${describeCounts(countFindings(result.findings))}`);
        }
        const files = results.length === 1 ? '1 file' : `${results.length} files`;
        lines.push(`total: ${files}, ${describeCounts(totalCounts(results))}`);
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function describeReadiness(result: FileResult): string {
    switch (result.kind) {
        case 'plan': {
            // A plan with errors is never presented as ready, whatever its figure (LANGUAGE.md 4.1, v2).
            const blocked = blockedText(result.readiness.blockers);
            return `readiness ${result.readiness.satisfied}/${result.readiness.applicable} at stage ${result.stage}${blocked ? `, ${blocked}` : ''}`;
        }
        case 'catalog':
            return 'catalog, no readiness';
        default:
            return 'neither a plan nor a catalog';
    }
}

const NOUNS: Record<keyof Counts, [string, string]> = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['info', 'info'],
    hint: ['hint', 'hints'],
};

export function describeCounts(counts: Counts): string {
    return SEVERITIES.map(severity => `${counts[severity]} ${NOUNS[severity][counts[severity] === 1 ? 0 : 1]}`).join(', ');
}
