/**
 * Quick-fixes that insert a placeholder (`source "TODO"`, `fallback "TODO: …"`, the reason of an
 * ignore comment) or a guessed value (a kpi's target) as LSP 3.18 snippet edits, so that the cursor
 * lands on the first one, selected, ready to be typed over, Tab moving to the next (LANGUAGE.md 4.1). A placeholder left in the plan still counts as not
 * written; the snippet only saves the trip to find it.
 *
 * VS Code re-indents the lines of a snippet edit after the first by the leading whitespace of the
 * line the edit starts on (LSP has no `keepWhitespace`: microsoft/language-server-protocol#2290),
 * while the fixes already carry the right indentation. A fix is sent as snippets only when that
 * cannot change anything: each multi-line edit starts at the beginning of a line (an insertion at
 * the end of a line is moved to the start of the next one, which inserts the same text) or on a
 * line without leading whitespace. Any other fix goes as plain text, as it would to a client
 * without snippet edits.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { isPlaceholder } from '../model/placeholder.js';

/** An LSP 3.18 `SnippetTextEdit`. */
export interface SnippetEdit {
    readonly range: Range;
    readonly snippet: { readonly kind: 'snippet'; readonly value: string };
}

interface Span {
    readonly start: number;
    readonly end: number;
}

const STRING = /"((?:\\.|[^"\\\r\n])*)"/g;
/** The reason of an `// mlplan-ignore CODE -- reason` comment. */
const IGNORE_REASON = /\/\/[ \t]*mlplan-ignore\b[^\r\n]*?[ \t]--[ \t]*([^\r\n]*)/g;
const LINE_BREAK = /\r\n|\r|\n/;

/** Where the placeholders of an inserted text are: the inside of each placeholder string, and a placeholder ignore reason. */
export function placeholderSpans(text: string): Span[] {
    const spans: Span[] = [];
    for (const match of text.matchAll(STRING)) {
        const inside = match[1].replace(/\\(.)/g, '$1');
        if (isPlaceholder(inside)) {
            spans.push({ start: match.index + 1, end: match.index + 1 + match[1].length });
        }
    }
    for (const match of text.matchAll(IGNORE_REASON)) {
        const reason = match[1].trimEnd();
        if (reason !== '' && isPlaceholder(reason)) {
            const start = match.index + match[0].length - match[1].length;
            spans.push({ start, end: start + reason.length });
        }
    }
    return spans.sort((a, b) => a.start - b.start);
}

/** Text as a snippet's literal: `$`, `}` and `\` escaped. */
function escapeSnippet(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The edits of a fix as snippet edits with its placeholders as tab stops (the first one selected
 * when applied), in document order; undefined when the fix has no placeholder, or when an editor
 * re-indenting the snippet could change the text it inserts.
 */
export function asSnippetEdits(
    edits: readonly TextEdit[], documentText: string, guesses: ReadonlyArray<readonly Span[]> = [],
): SnippetEdit[] | undefined {
    const lines = documentText.split(LINE_BREAK);
    const eol = /\r\n|\r|\n/.exec(documentText)?.[0] ?? '\n';
    const placed = mergeInsertions(edits
        .map((edit, index) => ({ placed: movedToLineStart({ edit, guessed: guesses[index] ?? [] }, lines, eol), index }))
        // Stable: of two insertions at one position, the one moved there from the previous line's end comes first.
        .sort((a, b) => compare(a.placed.edit.range.start, b.placed.edit.range.start)
            || Number(b.placed.edit !== edits[b.index]) - Number(a.placed.edit !== edits[a.index]) || a.index - b.index)
        .map(({ placed }) => placed));
    const stopsOf = ({ edit, guessed }: PlacedEdit) => mergeSpans([...placeholderSpans(edit.newText), ...guessed]);
    if (!placed.some(p => stopsOf(p).length > 0)) {
        return undefined;
    }
    if (!placed.every((p, index) => keepsItsWhitespace(p.edit, index > 0 ? placed[index - 1].edit : undefined, lines))) {
        return undefined;
    }
    let stop = 0;
    return placed.map(p => {
        const { edit } = p;
        let value = '';
        let at = 0;
        for (const span of stopsOf(p)) {
            stop++;
            const inside = escapeSnippet(edit.newText.slice(span.start, span.end));
            value += `${escapeSnippet(edit.newText.slice(at, span.start))}\${${stop}${inside ? `:${inside}` : ''}}`;
            at = span.end;
        }
        value += escapeSnippet(edit.newText.slice(at));
        return { range: edit.range, snippet: { kind: 'snippet', value } };
    });
}

/** An edit and the spans of its text that are guesses. */
interface PlacedEdit {
    readonly edit: TextEdit;
    readonly guessed: readonly Span[];
}

/**
 * Insertions at one position as one edit, their texts in order (a client could apply separate
 * insertions at one position in either order).
 */
function mergeInsertions(placed: readonly PlacedEdit[]): PlacedEdit[] {
    const merged: PlacedEdit[] = [];
    for (const next of placed) {
        const last = merged[merged.length - 1];
        if (last && isInsertion(last.edit) && isInsertion(next.edit) && compare(last.edit.range.start, next.edit.range.start) === 0) {
            const shift = last.edit.newText.length;
            merged[merged.length - 1] = {
                edit: { range: last.edit.range, newText: last.edit.newText + next.edit.newText },
                guessed: [...last.guessed, ...next.guessed.map(span => ({ start: span.start + shift, end: span.end + shift }))],
            };
        } else {
            merged.push(next);
        }
    }
    return merged;
}

function isInsertion(edit: TextEdit): boolean {
    return compare(edit.range.start, edit.range.end) === 0;
}

/** Spans in text order, an overlapping one dropped (a tab stop cannot hold another). */
function mergeSpans(spans: readonly Span[]): Span[] {
    const merged: Span[] = [];
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
        if (merged.length === 0 || span.start >= merged[merged.length - 1].end) {
            merged.push(span);
        }
    }
    return merged;
}

/**
 * `\n    source "TODO"` inserted at the end of a line is `    source "TODO"\n` inserted at the
 * start of the next one: the same text, on a line with nothing before it to re-indent by.
 */
function movedToLineStart(placed: PlacedEdit, lines: readonly string[], eol: string): PlacedEdit {
    const { edit } = placed;
    const { start, end } = edit.range;
    const atLineEnd = start.line === end.line && start.character === end.character && start.character === lines[start.line]?.length;
    if (!atLineEnd || !edit.newText.startsWith(eol) || start.line + 1 >= lines.length) {
        return placed;
    }
    const next = { line: start.line + 1, character: 0 };
    return {
        edit: { range: { start: next, end: next }, newText: edit.newText.slice(eol.length) + eol },
        guessed: placed.guessed.map(span => ({ start: span.start - eol.length, end: span.end - eol.length })),
    };
}

/**
 * An editor that re-indents snippet lines leaves this edit's text as it is: it has no line after
 * its first, or the line it starts on has no leading whitespace before it; and its first line
 * does not follow a previous edit's line break (which would re-indent it too).
 */
function keepsItsWhitespace(edit: TextEdit, previous: TextEdit | undefined, lines: readonly string[]): boolean {
    const { line, character } = edit.range.start;
    const lead = /^[ \t]*/.exec((lines[line] ?? '').slice(0, character))![0];
    if (lead === '') {
        return true;
    }
    return !LINE_BREAK.test(edit.newText) && !(previous && /[\r\n]$/.test(previous.newText));
}

function compare(a: Position, b: Position): number {
    return a.line - b.line || a.character - b.character;
}
