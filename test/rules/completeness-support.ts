import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { COMPLETENESS_RULES } from '../../server/src/rules/completeness/index.js';
import { describe } from '../support/services.js';

/** The LANGUAGE.md example: a plan at `growth` that says everything a growth plan must say. */
export const EXAMPLE = readFileSync('examples/churn-prediction.mlplan', 'utf8');

export const COMPLETENESS_CODES: ReadonlySet<string> = new Set(COMPLETENESS_RULES.map(r => r.code));

function codeOf(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { code?: string } | undefined;
    return data?.code ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
}

/** The diagnostics of one code. */
export function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(d => codeOf(d) === code);
}

/** `describe()` of the diagnostics of one code, for exact range assertions. */
export function ranges(diagnostics: readonly Diagnostic[], code: string): string[] {
    return only(diagnostics, code).map(describe);
}

/** Sorted codes of every completeness diagnostic (duplicates kept). */
export function completenessCodes(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(codeOf).filter((c): c is string => c !== undefined && COMPLETENESS_CODES.has(c)).sort();
}

/**
 * The expected `describe()` string for `code` reported on the `occurrence`-th (0-based) appearance
 * of `needle` in `text`: an oracle computed from the text, independent of the CST.
 */
export function at(text: string, code: string, needle: string, occurrence = 0, length = needle.length): string {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        expect(offset, `"${needle}" #${occurrence} not found`).toBeGreaterThanOrEqual(0);
    }
    const position = (o: number): string => {
        const before = text.slice(0, o).split('\n');
        return `${before.length}:${before[before.length - 1].length + 1}`;
    };
    return `${code}@${position(offset)}-${position(offset + length)}`;
}

/** The range of `word` inside the first appearance of `context`: `within(t, c, 'on holdout', 'holdout')`. */
export function within(text: string, code: string, context: string, word: string, occurrence = 0): string {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(context, offset + 1);
        expect(offset, `"${context}" #${occurrence} not found`).toBeGreaterThanOrEqual(0);
    }
    const inner = context.indexOf(word);
    expect(inner, `"${word}" not in "${context}"`).toBeGreaterThanOrEqual(0);
    const prefix = text.slice(0, offset + inner);
    return at(text, code, word, prefix.split(word).length - 1);
}

/** `text` with `snippet` removed; fails the test when the snippet is absent (a stale fixture). */
export function without(text: string, ...snippets: string[]): string {
    return snippets.reduce((t, s) => replace(t, s, ''), text);
}

/** `text` with the first `from` replaced; fails when `from` is absent. */
export function replace(text: string, from: string, to: string): string {
    expect(text.includes(from), `fixture lacks: ${from}`).toBe(true);
    return text.replace(from, to);
}

/** The example at another stage. */
export function atStage(text: string, stage: 'mvp' | 'growth' | 'maturity'): string {
    return replace(text, 'stage growth', `stage ${stage}`);
}
