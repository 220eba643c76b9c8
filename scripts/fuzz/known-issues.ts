/**
 * Problems the fuzzer finds that are understood, reported, and not fixable in the fuzzer's own
 * files (they belong to the grammar, the parser library or the diagnostics pipeline). A failure
 * they explain is still printed, on one line, and counted in the summary as "known"; it does not
 * fail the run unless `--strict` is given. Each entry is matched on a measurable property of the
 * mutant, never on its text, so a new problem that merely looks similar is not hidden: only `slow`
 * failures can be known, and only on inputs where the stated cause is measured to hold.
 *
 * When one of these is fixed, delete its entry: the fuzzer then holds the fix in place.
 */

export interface KnownIssue {
    readonly id: string;
    /** What happens, where the cause lives, and a standing reproducer. */
    readonly description: string;
    /** Whether the stated cause is measured to hold on this mutant (asked only for `slow` failures). */
    readonly holds: (measured: SlowContext) => boolean;
}

/** What the worker measures on a mutant with a `slow` failure, to decide whether a known cause holds. */
export interface SlowContext {
    /** Milliseconds the lexer alone takes on the main file. */
    readonly lexMs: number;
    readonly parserErrors: number;
    readonly diagnostics: number;
}

/**
 * None at present. Fixed, and held in place by the fuzzer and by tests:
 * - `lexer-unterminated-string` (quadratic lexing of a long line after an unterminated `"`):
 *   language/mlplan-lexer.ts, test/grammar/unterminated-string.test.ts;
 * - `parser-recovery` (~0.1 ms per syntax error, 10,000 errors): language/mlplan-parser.ts,
 *   test/grammar/parser-recovery.test.ts;
 * - `diagnostic-volume` (one diagnostic per invalid escape, 524,288 for 1 MB of `\q`):
 *   language/mlplan-document-validator.ts, test/grammar/escape-volume.test.ts.
 *
 * An entry looks like
 * `'some-id': { id: 'some-id', description: '…', holds: measured => measured.lexMs > 500 }`.
 */
export const KNOWN_ISSUES: Readonly<Record<string, KnownIssue>> = {};

/** The known issue that explains a `slow` failure on this mutant, if any. */
export function knownIssueOf(check: string, context: () => SlowContext): KnownIssue | undefined {
    if (check !== 'slow') {
        return undefined;
    }
    const issues = Object.values(KNOWN_ISSUES);
    if (issues.length === 0) {
        return undefined;
    }
    const measured = context();
    return issues.find(issue => issue.holds(measured));
}
