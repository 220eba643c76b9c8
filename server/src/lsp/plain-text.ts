/**
 * Diagnostic messages and fix titles are written once, in Markdown (`fallback TenureRule`), for the
 * places that render it: the CLI's output, exports and our hovers. An editor's Problems panel and
 * quick-fix menu show plain text, where the backticks are noise; this is the plain-text form the
 * language server sends instead: each `x` becomes 'x' (straight single quotes, as TypeScript's
 * messages quote names). Nothing else changes. A text with an odd number of backticks is not
 * Markdown we wrote, and is left alone rather than quoted wrongly.
 */
export function plainText(text: string): string {
    if (!text.includes('`')) {
        return text;
    }
    const backticks = text.split('`').length - 1;
    if (backticks % 2 !== 0) {
        return text;
    }
    return text.replace(/`([^`]*)`/g, "'$1'");
}
