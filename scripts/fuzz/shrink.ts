/**
 * Minimal reproducers by delta debugging: drop the extra files that are not needed, then remove
 * chunks of lines, then of tokens (the lexer's, whitespace and comments included, so text it
 * cannot read is kept as its own pieces), then shorten very long pieces (a megabyte string), then,
 * when the text is small, single characters, as long as the same failure (same signature) persists.
 */
import type { Harness } from './harness.js';
import { splitLines, type Mutant } from './mutations.js';

export interface ShrinkResult {
    readonly mutant: Mutant;
    /** How many candidate mutants were run. */
    readonly runs: number;
    /** The time budget ran out before the reproducer was minimal. */
    readonly timedOut: boolean;
}

/** Classic ddmin over complements: the smallest list (1-minimal, within the budget) that still fails. */
async function ddmin<T>(items: readonly T[], fails: (candidate: readonly T[]) => Promise<boolean>, expired: () => boolean): Promise<readonly T[]> {
    let current = items;
    let n = 2;
    while (current.length >= 2 && !expired()) {
        const size = Math.ceil(current.length / n);
        let reduced = false;
        for (let start = 0; start < current.length && !expired(); start += size) {
            const complement = [...current.slice(0, start), ...current.slice(start + size)];
            if (await fails(complement)) {
                current = complement;
                n = Math.max(n - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced) {
            if (n >= current.length) {
                break;
            }
            n = Math.min(n * 2, current.length);
        }
    }
    if (current.length === 1 && !expired() && await fails([])) {
        return [];
    }
    return current;
}

/** The text cut at every token boundary (whitespace, comments and unlexable characters are pieces too). */
function pieces(harness: Harness, text: string): string[] {
    const result = harness.services.parser.Lexer.tokenize(text);
    const cuts = new Set<number>([0, text.length]);
    for (const token of [...result.tokens, ...result.hidden]) {
        cuts.add(token.startOffset);
        cuts.add(token.startOffset + token.image.length);
    }
    const sorted = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const out: string[] = [];
    for (let i = 1; i < sorted.length; i++) {
        out.push(text.slice(sorted[i - 1], sorted[i]));
    }
    return out;
}

export async function shrink(harness: Harness, original: Mutant, probeKey: string, signature: string, budgetMs: number): Promise<ShrinkResult> {
    const deadline = Date.now() + budgetMs;
    let runs = 0;
    let timedOut = false;
    const expired = () => {
        timedOut ||= Date.now() > deadline;
        return timedOut;
    };
    const fails = async (candidate: Mutant): Promise<boolean> => {
        if (expired()) {
            return false;
        }
        runs++;
        const result = await harness.run(candidate, probeKey);
        return result.failures.some(f => f.signature === signature);
    };
    let mutant: Mutant = { path: original.path, text: original.text, files: { ...original.files } };

    // The extra files, one at a time, then each extra file's text by lines.
    for (const path of Object.keys(mutant.files).sort()) {
        if (expired()) {
            break;
        }
        const files = { ...mutant.files };
        delete files[path];
        const candidate = { ...mutant, files };
        if (await fails(candidate)) {
            mutant = candidate;
        }
    }
    for (const path of Object.keys(mutant.files).sort()) {
        const lines = await ddmin(splitLines(mutant.files[path]), async kept => fails({ ...mutant, files: { ...mutant.files, [path]: kept.join('') } }), expired);
        mutant = { ...mutant, files: { ...mutant.files, [path]: lines.join('') } };
    }

    const withText = (text: string): Mutant => ({ ...mutant, text });
    mutant = withText((await ddmin(splitLines(mutant.text), kept => fails(withText(kept.join(''))), expired)).join(''));
    mutant = withText((await ddmin(pieces(harness, mutant.text), kept => fails(withText(kept.join(''))), expired)).join(''));

    // Long pieces (a huge string, a long identifier, a run of spaces): halve while it still fails.
    let parts = pieces(harness, mutant.text);
    for (let i = 0; i < parts.length && !timedOut; i++) {
        while (parts[i].length > 16 && !timedOut) {
            const piece = parts[i];
            const shorter = piece.slice(0, Math.floor(piece.length / 2)) + piece.slice(-1);
            const candidate = [...parts.slice(0, i), shorter, ...parts.slice(i + 1)];
            if (!(await fails(withText(candidate.join(''))))) {
                break;
            }
            parts = candidate;
        }
    }
    mutant = withText(parts.join(''));

    if (mutant.text.length <= 600) {
        mutant = withText((await ddmin([...mutant.text], kept => fails(withText(kept.join(''))), expired)).join(''));
    }
    return { mutant, runs, timedOut };
}
