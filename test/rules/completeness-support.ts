import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { COMPLETENESS_RULES } from '../../server/src/rules/completeness/index.js';
import { codeOf } from '../support/diagnostics.js';

/** The offsets of the braces that open and close the block whose header starts with `start`. */
export function blockBounds(text: string, start: string): { open: number; close: number } {
    const from = text.indexOf(start);
    expect(from, `fixture lacks: ${start}`).toBeGreaterThanOrEqual(0);
    const open = text.indexOf('{', from);
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
        if (depth === 0) {
            return { open, close: i };
        }
    }
    throw new Error(`unbalanced block: ${start}`);
}

/** The LANGUAGE.md example: a plan at `growth` that says everything a growth plan must say. */
export const EXAMPLE = readFileSync('examples/churn-prediction.mlplan', 'utf8');

/** The first line of `text` that starts with `part` (after its indentation), trimmed, as written. */
export function lineWith(text: string, part: string): string {
    const line = text.split('\n').map(l => l.trim()).find(l => l.startsWith(part));
    expect(line, `fixture lacks a line starting with: ${part}`).toBeDefined();
    return line!;
}

/** The line of `property` inside the block whose header starts with `start`: `version "1.0.0"`. */
export function lineIn(text: string, start: string, property: string): string {
    const { open, close } = blockBounds(text, start);
    return lineWith(text.slice(open, close), `${property} `);
}

/** The example model's `version` line, as written. */
export const MODEL_VERSION = lineIn(EXAMPLE, 'model ChurnGBM', 'version');

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
