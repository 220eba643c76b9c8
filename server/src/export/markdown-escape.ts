/**
 * Escaping of text taken from a plan before it goes into Markdown. Plan text is untrusted: it must
 * never open an HTML tag, start a heading or list, close a table cell or form a link.
 */

const INLINE_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>&~"']/g;

/** Text for a Markdown paragraph, list item or table cell, on one line. */
export function escapeMarkdownText(text: string): string {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(INLINE_SPECIALS, character => ENTITY[character] ?? `\\${character}`);
}

// HTML-significant characters become entities, so no renderer can see a tag or an attribute.
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };
