import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { COMPLETENESS_RULES } from '../../server/src/rules/completeness/index.js';
import { codeOf } from '../support/diagnostics.js';

/** The LANGUAGE.md example: a plan at `growth` that says everything a growth plan must say. */
export const EXAMPLE = readFileSync('examples/churn-prediction.mlplan', 'utf8');

export const COMPLETENESS_CODES: ReadonlySet<string> = new Set(COMPLETENESS_RULES.map(r => r.code));

/** Sorted codes of every completeness diagnostic (duplicates kept). */
export function completenessCodes(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(codeOf).filter(c => COMPLETENESS_CODES.has(c)).sort();
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
