/**
 * Round trips for quick-fixes: raise a diagnostic, ask the code-action provider for its fixes,
 * apply one to the text, check the result again, and compare.
 */
import { type LangiumDocument } from 'langium';
import { expect } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Document } from '../../server/src/generated/ast.js';
import type { MlPlanLspServices } from '../../server/src/lsp/lsp-services.js';
import { check } from '../support/services.js';
import { codeOf, located, locatedWithMessage, withCode } from '../support/diagnostics.js';

function offsetAt(text: string, position: { line: number; character: number }): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
        const next = text.indexOf('\n', offset);
        expect(next, `line ${position.line} beyond the text`).toBeGreaterThanOrEqual(0);
        offset = next + 1;
    }
    return offset + position.character;
}

export interface OffsetEdit {
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

/** LSP edits as offsets, in document order (inserts at the same position keep their array order). */
export function toOffsets(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
    return edits
        .map((edit, index) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText, index }))
        .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index)
        .map(({ start, end, newText }) => ({ start, end, newText }));
}

/** Applies LSP text edits as a client does; fails on overlapping edits. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
    let result = '';
    let cursor = 0;
    for (const edit of toOffsets(text, edits)) {
        expect(edit.start, 'overlapping edits').toBeGreaterThanOrEqual(cursor);
        result += text.slice(cursor, edit.start) + edit.newText;
        cursor = edit.end;
    }
    return result + text.slice(cursor);
}

export async function codeActions(services: MlPlanLspServices, document: LangiumDocument<Document>, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const provider = services.lsp.CodeActionProvider;
    expect(provider, 'no CodeActionProvider registered').toBeDefined();
    const result = await provider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics },
    });
    return (result ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a);
}

export function editsOf(action: CodeAction, document: LangiumDocument): TextEdit[] {
    return action.edit?.changes?.[document.textDocument.uri] ?? [];
}

/** Sorted codes, duplicates kept. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(codeOf).sort();
}

export interface RoundTripOptions {
    /** Which action to apply: by title (substring or pattern); the preferred one by default. */
    readonly title?: string | RegExp;
    /** Which diagnostic of the code to fix (0-based, in the order reported). */
    readonly index?: number;
    /** Codes other than the fixed one that the fix may also make disappear. */
    readonly alsoFixes?: readonly string[];
    /** The fix replaces text the user wrote (a reference, a unit, an operator, stage order). */
    readonly replaces?: boolean;
    readonly files?: Record<string, string>;
}

export interface RoundTrip {
    readonly before: Diagnostic[];
    readonly after: Diagnostic[];
    /**
     * Findings on placeholder strings the fix inserted (`source "TODO"`): a placeholder satisfies no
     * rule (LANGUAGE.md 4.1, v2), so the fix moves the finding onto the string the author has to
     * write, which is all it can do. Left out of the comparisons below.
     */
    readonly placeholders: Diagnostic[];
    readonly diagnostic: Diagnostic;
    readonly actions: CodeAction[];
    readonly action: CodeAction;
    readonly edits: OffsetEdit[];
    readonly fixed: string;
}

/**
 * Raises `code` in `text`, applies a fix, re-checks, and asserts the contract of every fix: the
 * diagnostic is gone, no other diagnostic appeared, and (unless `replaces`) the edits only insert
 * text or replace whitespace, so that all of the original text is still there, in order.
 */
export async function roundTrip(services: MlPlanLspServices, text: string, code: string, options: RoundTripOptions = {}): Promise<RoundTrip> {
    const { document, diagnostics: before } = await check(services, text, { files: options.files });
    const targets = withCode(before, code);
    const diagnostic = targets[options.index ?? 0];
    expect(diagnostic, `no ${code} in ${before.map(located).join(', ')}`).toBeDefined();
    const actions = await codeActions(services, document, [diagnostic]);
    const fixes = actions.filter(a => !a.title.startsWith('Ignore'));
    const title = options.title;
    const action = title === undefined
        ? fixes.find(a => a.isPreferred)
        : actions.find(a => (typeof title === 'string' ? a.title.includes(title) : title.test(a.title)));
    expect(action, `no fix${title ? ` "${title}"` : ' preferred'} among: ${actions.map(a => a.title).join(' | ')}`).toBeDefined();
    expect(action!.kind).toBe('quickfix');
    expect(action!.diagnostics).toEqual([diagnostic]);
    const edits = editsOf(action!, document);
    expect(edits.length).toBeGreaterThan(0);
    const fixed = applyTextEdits(text, edits);
    const offsets = toOffsets(text, edits);
    if (!options.replaces) {
        for (const edit of offsets) {
            expect(text.slice(edit.start, edit.end), 'a fix replaced text the user wrote').toMatch(/^[ \t]*$/);
        }
    }
    const { diagnostics: checked } = await check(services, fixed, { files: options.files });
    const inserted = insertedSpans(text, edits);
    const placeholders = checked.filter(d => isPlaceholderFinding(d) && inserted.some(span => within(fixed, d, span)));
    const after = checked.filter(d => !placeholders.includes(d));
    const remaining = withCode(after, code).length;
    expect(remaining, `${code} still raised after "${action!.title}":\n${fixed}`).toBeLessThan(targets.length);
    const allowed = new Set([code, ...(options.alsoFixes ?? [])]);
    const othersBefore = codes(before).filter(c => !allowed.has(c));
    const othersAfter = codes(after).filter(c => !allowed.has(c));
    expect(othersAfter, `"${action!.title}" changed other diagnostics:\n${after.map(locatedWithMessage).join('\n')}\n${fixed}`).toEqual(othersBefore);
    for (const extra of options.alsoFixes ?? []) {
        expect(codes(after).filter(c => c === extra).length).toBeLessThanOrEqual(codes(before).filter(c => c === extra).length);
    }
    return { before, after, placeholders, diagnostic, actions, action: action!, edits: offsets, fixed };
}

function isPlaceholderFinding(diagnostic: Diagnostic): boolean {
    return (diagnostic.data as { placeholder?: unknown } | undefined)?.placeholder === true;
}

/** Where the text each edit inserts ends up in the edited text, as offsets. */
function insertedSpans(text: string, edits: readonly TextEdit[]): Array<{ start: number; end: number }> {
    let shift = 0;
    return toOffsets(text, edits).map(edit => {
        const start = edit.start + shift;
        shift += edit.newText.length - (edit.end - edit.start);
        return { start, end: start + edit.newText.length };
    });
}

/** The diagnostic's range lies inside `span` of `text`. */
function within(text: string, diagnostic: Diagnostic, span: { start: number; end: number }): boolean {
    return offsetAt(text, diagnostic.range.start) >= span.start && offsetAt(text, diagnostic.range.end) <= span.end;
}

/** The one edit of a round trip (most fixes make exactly one). */
export function onlyEdit(trip: RoundTrip): OffsetEdit {
    expect(trip.edits).toHaveLength(1);
    return trip.edits[0];
}

/** `text` without the given lines (each must be present, matched whole with its line break). */
export function withoutLines(text: string, ...lines: string[]): string {
    return lines.reduce((t, line) => {
        const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = new RegExp(`^[ \\t]*${escaped}[ \\t]*(//[^\\n]*)?\\n`, 'm');
        expect(pattern.test(t), `fixture lacks line: ${line}`).toBe(true);
        return t.replace(pattern, '');
    }, text);
}

/** `text` without the block that starts with the line `header` (up to its matching brace line). */
export function withoutBlock(text: string, header: string): string {
    const lines = text.split('\n');
    const start = lines.findIndex(l => l.trim().startsWith(header));
    expect(start, `fixture lacks block: ${header}`).toBeGreaterThanOrEqual(0);
    let depth = 0;
    let end = start;
    for (; end < lines.length; end++) {
        depth += (lines[end].match(/\{/g) ?? []).length - (lines[end].match(/\}/g) ?? []).length;
        if (depth === 0) {
            break;
        }
    }
    // A doc comment directly above goes with the block.
    const from = start > 0 && lines[start - 1].trim().startsWith('/**') ? start - 1 : start;
    return [...lines.slice(0, from), ...lines.slice(end + 1)].join('\n');
}
