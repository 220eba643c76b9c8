/** Small plans shared by the CLI tests; each comment says what it is expected to raise. */

/** Warnings only (completeness), so `check` exits 0. */
export const WARNINGS_ONLY = `plan Quiet {
  title "A plan that only lacks things"
}
`;

/**
 * Line 2: `unresolved-reference` (error) at `nobody`; line 3: `fallback-missing` (warning) at
 * `serving`; line 6: `peak-below-average` (error) at `10 req/s`.
 */
export const WITH_ERRORS = `plan Demo {
  owner nobody
  serving {
    mode batch
    volume 2_000_000 req/day
    peak 10 req/s
  }
}
`;

/** A serving block without fallback: `fallback-missing` at 2:3, nothing else of interest. */
export const NO_FALLBACK = `plan NoFallback {
  serving {
    mode batch
  }
}
`;

/** Text the parser cannot read: `syntax-error`. */
export const BROKEN = `plan Broken {
  serving {
    mode
`;

/** The codes these tests reason about; other rules are being added and may add lines. */
export const KNOWN_CODES = ['fallback-missing', 'peak-below-average', 'syntax-error', 'unresolved-reference', 'unused-ignore'];

/** Keeps the text lines whose code is one of `codes`. */
export function linesWithCodes(output: string, codes: readonly string[] = KNOWN_CODES): string[] {
    return output.split('\n').filter(line => {
        const code = /^.+:\d+:\d+ \w+ (\S+) /.exec(line)?.[1];
        return code !== undefined && codes.includes(code);
    });
}
