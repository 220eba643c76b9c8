/**
 * Escaping for the HTML export. Every piece of plan text goes through `escapeHtml` (element
 * content and double-quoted attribute values alike); links go through `htmlLink`, which only ever
 * makes an http(s) address clickable.
 */
import { oneLineText, splitBackquoted } from './markdown-escape.js';
import { safeWebUrl } from './safe-url.js';

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, character => HTML_ENTITY[character]);
}

/** One line of plan text (line breaks become spaces), escaped. */
export function htmlText(text: string): string {
    return escapeHtml(oneLineText(text));
}

/** Names, units and file names: `<code>`. */
export function htmlCode(text: string): string {
    return `<code>${htmlText(text)}</code>`;
}

/**
 * A link for an http(s) address, else the address as plain text. `rel` keeps a linked page from
 * reaching back into the export's window; no referrer leaves with the click.
 */
export function htmlLink(url: string, label?: string): string {
    const safe = safeWebUrl(url);
    if (!safe) {
        return htmlText(label ?? url);
    }
    // A link that shows its own address is marked, so that print does not repeat the address.
    const bare = label === undefined ? ' class="bare"' : '';
    return `<a href="${escapeHtml(safe)}"${bare} rel="noopener noreferrer nofollow">${htmlText(label ?? safe)}</a>`;
}

/** A message whose `backquoted` parts are names: those become `<code>`, the rest is escaped text. */
export function htmlWithCode(text: string): string {
    return splitBackquoted(oneLineText(text))
        .map(part => part.code ? htmlCode(part.text) : escapeHtml(part.text))
        .join('');
}
