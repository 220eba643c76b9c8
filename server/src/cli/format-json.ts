import { countFindings, totalCounts, type FileResult } from './results.js';

/**
 * One JSON document: `{"files":[{"file","readiness":{"satisfied","applicable"},"diagnostics":[…]}]}`
 * with 0-based LSP positions (LANGUAGE.md section 5). Fields may be added here, never renamed or
 * removed: CI pipelines parse this. Added: `kind`, `readiness.stage`, `readiness.blockers` (the
 * error-severity diagnostics: a plan with any is not ready, LANGUAGE.md 4.1 v2), and with `summary`,
 * per-file `counts` and a top-level `summary`.
 */
export function formatJson(results: readonly FileResult[], summary: boolean): string {
    const files = results.map(result => ({
        file: result.file,
        kind: result.kind,
        readiness: {
            satisfied: result.readiness.satisfied,
            applicable: result.readiness.applicable,
            stage: result.stage ?? null,
            blockers: result.readiness.blockers,
        },
        diagnostics: result.findings.map(finding => ({
            code: finding.code,
            severity: finding.severity,
            message: finding.message,
            range: {
                start: { line: finding.range.start.line, character: finding.range.start.character },
                end: { line: finding.range.end.line, character: finding.range.end.character },
            },
        })),
        ...(summary ? { counts: countFindings(result.findings) } : {}),
    }));
    const document = summary
        ? { files, summary: { files: results.length, ...totalCounts(results) } }
        : { files };
    return `${JSON.stringify(document, null, 2)}\n`;
}
