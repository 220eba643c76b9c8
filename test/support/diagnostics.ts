/**
 * Assertion helpers shared by the tests: a diagnostic's code and its `code@line:col-line:col`
 * form, the diagnostics of one code, and where a piece of text stands (ranges and positions
 * computed from the text itself, an oracle independent of the CST). Positions printed here are
 * 1-based, like the CLI's; every `occurrence` is 1-based (1 is the first appearance).
 */
import type { LangiumDocument } from 'langium';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { Document, Plan } from '../../server/src/generated/ast.js';
import type { MlPlanServices } from '../../server/src/language/mlplan-module.js';
import { check } from './services.js';

/** The rule code of a diagnostic: its `data.code` (every mlplan diagnostic has one), else its LSP `code`. */
export function codeOf(diagnostic: Diagnostic): string {
    const data = diagnostic.data as { code?: string } | undefined;
    return data?.code ?? String(diagnostic.code);
}

/** `code@line:col-line:col` (1-based, like the CLI) for compact, exact assertions. */
export function located(diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    return `${codeOf(diagnostic)}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** `located()` and the message: `code@line:col-line:col message`, for asserting there are none or reading what there are. */
export function locatedWithMessage(diagnostic: Diagnostic): string {
    return `${located(diagnostic)} ${diagnostic.message}`;
}

/** The diagnostics with this code, in the order reported. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(d => codeOf(d) === code);
}

/** `located()` of the diagnostics with this code. */
export function found(diagnostics: readonly Diagnostic[], code: string): string[] {
    return withCode(diagnostics, code).map(located);
}

/** Syntax and linking errors, with messages: near-miss tests assert there are none, so they are not vacuous. */
export function unreadable(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .filter(d => ['syntax-error', 'unresolved-reference'].includes(codeOf(d)))
        .map(locatedWithMessage);
}

/** Checks `text` (with `files`, path → text, beside it) and returns its diagnostics with this code. */
export async function diagnosticsOf(services: MlPlanServices, code: string, text: string, files?: Record<string, string>): Promise<Diagnostic[]> {
    const { diagnostics } = await check(services, text, { files });
    return withCode(diagnostics, code);
}

/** `located()` of the diagnostics with this code that checking `text` (with `files`) reports. */
export async function foundIn(services: MlPlanServices, code: string, text: string, files?: Record<string, string>): Promise<string[]> {
    return (await diagnosticsOf(services, code, text, files)).map(located);
}

/** Checks `text` and returns the document, its plan, and its syntax errors as `locatedWithMessage()`. */
export async function syntaxOf(services: MlPlanServices, text: string): Promise<{ document: LangiumDocument<Document>; syntax: string[]; plan: Plan | undefined }> {
    const { document, diagnostics } = await check(services, text);
    return { document, syntax: withCode(diagnostics, 'syntax-error').map(locatedWithMessage), plan: document.parseResult.value.plan };
}

/** The offset of the `occurrence`-th appearance of `needle` in `text`; throws when there are fewer. */
function offsetOf(text: string, needle: string, occurrence = 1): number {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
        }
    }
    return offset;
}

/** `line:col` (1-based) of an offset in `text`. */
function lineColumn(text: string, offset: number): string {
    const before = text.slice(0, offset).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
}

/**
 * The range `line:col-line:col` (1-based) of the `occurrence`-th appearance of `needle` in
 * `text`, as `located()` prints it after the `@`, so expectations name the text they point at.
 * `length` narrows the range to the first characters of the needle (`rangeAt(text, 'on d }', 1, 2)`).
 */
export function rangeAt(text: string, needle: string, occurrence = 1, length = needle.length): string {
    const offset = offsetOf(text, needle, occurrence);
    return `${lineColumn(text, offset)}-${lineColumn(text, offset + length)}`;
}

/**
 * The range of `word` inside the `occurrence`-th appearance of `context`, for a word that also
 * appears elsewhere: `rangeWithin(text, 'on holdout', 'holdout')`.
 */
export function rangeWithin(text: string, context: string, word: string, occurrence = 1): string {
    const offset = offsetOf(text, context, occurrence);
    const inner = context.indexOf(word);
    if (inner < 0) {
        throw new Error(`"${word}" is not in "${context}"`);
    }
    return `${lineColumn(text, offset + inner)}-${lineColumn(text, offset + inner + word.length)}`;
}

/** The LSP position `shift` characters into the `occurrence`-th appearance of `needle` in the document. */
export function positionOf(document: LangiumDocument, needle: string, occurrence = 1, shift = 0): Position {
    return document.textDocument.positionAt(offsetOf(document.textDocument.getText(), needle, occurrence) + shift);
}
