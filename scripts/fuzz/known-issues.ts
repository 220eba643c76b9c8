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
}

/** What the worker measures on a mutant with a `slow` failure, to decide whether a known cause holds. */
export interface SlowContext {
    /** Milliseconds the lexer alone takes on the main file. */
    readonly lexMs: number;
    readonly parserErrors: number;
    readonly diagnostics: number;
}

export const KNOWN_ISSUES: Readonly<Record<string, KnownIssue>> = {
    'lexer-unterminated-string': {
        id: 'lexer-unterminated-string',
        description: 'The STRING terminal (grammar/mlplan.langium) fails after scanning to the end of the line when a string is '
            + 'unterminated; Chevrotain then retries it at every later `"` of that line, so a long line of escaped quotes lexes in '
            + 'quadratic time (40,000 × `\\"` after an unterminated `"`: 5.6 s). Reproducer: '
            + '`plan P { title "` followed by 40,000 × `\\"` on one line.',
    },
    'parser-recovery': {
        id: 'parser-recovery',
        description: 'Chevrotain\'s error recovery costs ~0.1 ms per syntax error (follow-set computation and an Error with a stack '
            + 'trace per RecognitionException): 10,000 errors parse in ~1 s, and completion, which re-parses the text before the '
            + 'cursor, takes 2–4 s near the end. Reproducer: a dataset with `fields { ` repeated 10,000 times.',
    },
    'diagnostic-volume': {
        id: 'diagnostic-volume',
        description: 'Every invalid string escape is its own diagnostic (language/mlplan-document-validator.ts), so a 1 MB string of '
            + '`\\q` yields 524,288 of them: the build takes 3–5 s and `check --format sarif` 4–10 s (the JSON alone is 200 MB). '
            + 'Reproducer: `plan P { title "` + 524,288 × `\\q` + `" }`.',
    },
};

/** The known issue that explains a `slow` failure on this mutant, if any. */
export function knownIssueOf(check: string, context: () => SlowContext): KnownIssue | undefined {
    if (check !== 'slow') {
        return undefined;
    }
    const measured = context();
    if (measured.lexMs > 500) {
        return KNOWN_ISSUES['lexer-unterminated-string'];
    }
    if (measured.parserErrors >= 2_000) {
        return KNOWN_ISSUES['parser-recovery'];
    }
    if (measured.diagnostics >= 100_000) {
        return KNOWN_ISSUES['diagnostic-volume'];
    }
    return undefined;
}
