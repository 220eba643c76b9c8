import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Stage } from '../generated/ast.js';
import type { Readiness } from '../rules/readiness.js';
import { diagnosticCode } from '../rules/run-rules.js';
import type { Severity } from '../model/rule-settings.js';

/** One diagnostic as every output format sees it: flat, with its code and severity name. */
export interface Finding {
    readonly code: string;
    readonly severity: Severity;
    /** On one line: a newline in a message would break the one-line-per-diagnostic text format. */
    readonly message: string;
    /** 0-based, as in LSP. */
    readonly range: Range;
}

export interface FileResult {
    /** The path as given, or joined from the DIR given. */
    readonly file: string;
    readonly kind: 'plan' | 'catalog' | 'empty';
    /** The plan's stage; undefined for a catalog. */
    readonly stage?: Stage;
    readonly readiness: Readiness;
    /** Sorted by position, then code and message. */
    readonly findings: readonly Finding[];
}

export type Counts = Record<Severity, number>;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const SEVERITY_NAME: Record<DiagnosticSeverity, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

export function toFinding(diagnostic: Diagnostic): Finding {
    return {
        code: diagnosticCode(diagnostic) ?? (diagnostic.code === undefined ? 'unknown' : String(diagnostic.code)),
        // LSP leaves a missing severity to the client; mlplan always sets one, so treat none as an error.
        severity: SEVERITY_NAME[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error',
        message: (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
        range: diagnostic.range,
    };
}

export function compareFindings(a: Finding, b: Finding): number {
    return a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character
        || a.range.end.line - b.range.end.line
        || a.range.end.character - b.range.end.character
        || compare(a.code, b.code)
        || compare(a.message, b.message);
}

export function countFindings(findings: readonly Finding[]): Counts {
    const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const finding of findings) {
        counts[finding.severity]++;
    }
    return counts;
}

export function totalCounts(results: readonly FileResult[]): Counts {
    return countFindings(results.flatMap(result => result.findings));
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
