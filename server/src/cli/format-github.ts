import type { Severity } from '../model/rule-settings.js';
import type { FileResult } from './results.js';

/**
 * `check --format github`: one GitHub Actions workflow command per diagnostic, so that the
 * findings appear as annotations on a pull request:
 * `::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`. Positions are
 * 1-based; `endColumn` is exclusive, as in SARIF (GitHub's own SARIF upload reads it so). Errors
 * are `::error`, warnings `::warning`, info and hints `::notice`. Text from plans and paths is
 * escaped as the runner requires, so a message can neither end the command nor start another.
 */
export function formatGithub(results: readonly FileResult[]): string {
    const lines: string[] = [];
    for (const result of results) {
        for (const finding of result.findings) {
            const { start, end } = finding.range;
            const properties = [
                ['file', result.file],
                ['line', String(start.line + 1)],
                ['col', String(start.character + 1)],
                ['endLine', String(end.line + 1)],
                ['endColumn', String(end.character + 1)],
                ['title', finding.code],
            ].map(([name, value]) => `${name}=${escapeProperty(value)}`).join(',');
            lines.push(`::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}`);
        }
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
    error: 'error',
    warning: 'warning',
    info: 'notice',
    hint: 'notice',
};

/** The message of a workflow command (the runner's `escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (the runner's `escapeProperty`). */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
