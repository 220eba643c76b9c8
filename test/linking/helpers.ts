import { isReference, type LangiumDocument, type Reference } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe as describeDiagnostic } from '../support/services.js';

/**
 * The 1-based range `line:col-line:col` of the `occurrence`-th (1-based) appearance of `needle`
 * in `text`, in the form `describe()` prints, so expectations name the text they point at.
 * `length` narrows the range to the first characters of the needle (`at(text, 'on d }', 1, 2)`).
 */
export function at(text: string, needle: string, occurrence = 1, length = needle.length): string {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
        }
    }
    const position = (o: number) => {
        const before = text.slice(0, o);
        const line = before.split('\n').length;
        const column = o - (before.lastIndexOf('\n') + 1) + 1;
        return `${line}:${column}`;
    };
    return `${position(offset)}-${position(offset + length)}`;
}

/** `describe()` of the diagnostics with this code. */
export function found(diagnostics: readonly Diagnostic[], code: string): string[] {
    return diagnostics.map(describeDiagnostic).filter(d => d.startsWith(`${code}@`));
}

/** The diagnostics with this code. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === code);
}

/** Syntax and linking errors, with messages: near-miss tests assert there are none, so they are not vacuous. */
export function unreadable(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .filter(d => ['syntax-error', 'unresolved-reference'].includes((d.data as { code?: string } | undefined)?.code ?? ''))
        .map(d => `${describeDiagnostic(d)} ${d.message}`);
}

/** The document's single-valued references (mlplan has no multi-references), for assertions on targets. */
export function referencesOf(document: LangiumDocument): Reference[] {
    return document.references.filter(isReference);
}
