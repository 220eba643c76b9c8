/**
 * Escaping of text taken from a plan before it goes into Markdown. Plan text is untrusted: it must
 * never open an HTML tag, start a heading, list or quote, close a table cell, form a link or an
 * emphasis, whatever a renderer (GitHub, markdown-it, VS Code's preview) makes of it. The escapes
 * are the minimal set that achieves this, so the raw Markdown stays readable in a diff.
 */
import { safeWebUrl } from './safe-url.js';

/**
 * Characters with an inline meaning: emphasis, code, links, HTML, entities, table cells,
 * strikethrough, and the `@` of an e-mail address (which GFM would turn into a mailto: link).
 */
const INLINE_SPECIALS = /[\\`*_[\]<>&|~@]/g;

/** Line breaks of any kind, and control characters that have no business in a document. */
const LINE_BREAKS = /\r\n?|[\n\u2028\u2029\u0085]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text on one line: line breaks become spaces, control characters go, runs of spaces collapse. */
export function oneLineText(text: string): string {
    return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(/[ \t]+/g, ' ').trim();
}

/**
 * Text for a paragraph, list item or table cell, on one line. Besides the inline specials, a
 * block marker at the start (`# `, `>`, `- `, `1. `) is escaped so that the text can also start a
 * paragraph without becoming a heading, a quote or a list.
 */
export function escapeMarkdownText(text: string): string {
    return escapeBlockStart(escapeInline(oneLineText(text)));
}

/**
 * A piece of inline text, on one line but not trimmed, so that pieces can be joined: the caller
 * escapes the block start of the joined line (`escapeBlockStart`).
 */
export function escapeMarkdownInline(text: string): string {
    return escapeInline(text.replace(LINE_BREAKS, ' ').replace(CONTROLS, ''));
}

/**
 * The inline specials of text already on one line, without trimming it. Each is escaped only
 * where it could mean something, so that `R&D`, `a < b > c` or `snake_case` stay as written:
 * `<` before a letter, `/`, `!` or `?` (a tag or autolink), `>` that is not a spaced comparison
 * and `&` that would complete an entity become entities; `_` inside a word cannot emphasise and is kept; `@` inside a word is escaped
 * so that no renderer makes an e-mail address a mailto: link.
 */
function escapeInline(text: string): string {
    return text.replace(INLINE_SPECIALS, (character, offset: number) => {
        const before = text.charAt(offset - 1);
        const after = text.charAt(offset + 1);
        switch (character) {
            case '<':
                return /[A-Za-z/!?]/.test(after) ? '&lt;' : '<';
            case '>':
                // A comparison (` > `, ` >= `) reads as written; anything else (`<b>`) is an entity.
                return /^\s?$/.test(before) && /^[\s=]?$/.test(after) ? '>' : '&gt;';
            case '&':
                return /^&#?[A-Za-z0-9]+;/.test(text.slice(offset)) ? '&amp;' : '&';
            case '_':
                return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? '_' : '\\_';
            case '@':
                return /\S/.test(before) && /[A-Za-z0-9]/.test(after) ? '\\@' : '@';
            default:
                return `\\${character}`;
        }
    });
}

/**
 * A block marker at the start of a paragraph or list item, escaped: a heading (`# `), a quote
 * (`>`), a bullet (`- `, `+ `), a thematic break (`---`) or a numbered item (`1. `).
 */
export function escapeBlockStart(markdown: string): string {
    return markdown
        .replace(/^(#{1,6})(?=\s|#|$)/, '\\$1')
        .replace(/^>/, '\\>')
        .replace(/^([-+])(?=[\s\-+]|$)/, '\\$1')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * A code span holding `text` (identifiers, units, file names). Safe in a table cell too: a pipe is
 * written `\|`, which GFM tables read as a pipe even inside code.
 */
export function markdownCode(text: string): string {
    const flat = oneLineText(text).replace(/\|/g, '\\|');
    if (flat.length === 0) {
        return '';
    }
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A link to `url` when it is a plain http(s) address, else the text alone, escaped, so that a
 * `javascript:`, `data:` or `file:` address is never clickable. The destination is written in
 * angle brackets with `|`, parentheses and spaces percent-encoded, so it cannot end the link or a
 * table cell early.
 */
export function markdownLink(url: string, label?: string): string {
    const safe = safeWebUrl(url);
    if (!safe) {
        return escapeMarkdownText(label ?? url);
    }
    const destination = safe.replace(/[|()<> \\]/g, character => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${escapeMarkdownText(label ?? safe)}](<${destination}>)`;
}

/**
 * A message whose `backquoted` parts are names (diagnostic messages): the names become code spans,
 * the rest is escaped text. Unbalanced backquotes stay literal.
 */
export function markdownWithCode(text: string): string {
    return escapeBlockStart(splitBackquoted(oneLineText(text))
        .map(part => part.code ? markdownCode(part.text) : escapeInline(part.text))
        .join(''));
}

export interface TextPart {
    readonly text: string;
    readonly code: boolean;
}

/** Splits `a \`b\` c` into text and code parts; shared with the HTML exporter. */
export function splitBackquoted(text: string): TextPart[] {
    const parts: TextPart[] = [];
    const pattern = /`([^`]+)`/g;
    let last = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match.index > last) {
            parts.push({ text: text.slice(last, match.index), code: false });
        }
        parts.push({ text: match[1], code: true });
        last = match.index + match[0].length;
    }
    if (last < text.length) {
        parts.push({ text: text.slice(last), code: false });
    }
    return parts;
}

/** A table row: every cell is already Markdown; an empty cell shows a dash so gaps are visible. */
export function markdownRow(cells: readonly string[]): string {
    return `| ${cells.map(cell => cell.length > 0 ? cell : '—').join(' | ')} |`;
}

/** A whole table; `headers` are fixed words, `rows` already-escaped cells. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    return [
        markdownRow(headers),
        `|${headers.map(() => ' --- ').join('|')}|`,
        ...rows.map(row => markdownRow(headers.map((_, i) => row[i] ?? ''))),
    ].join('\n');
}
