/**
 * Which addresses from a plan may become a clickable link in an export: absolute http(s) URLs
 * without credentials, nothing else. A `javascript:`, `data:`, `file:` or `vscode:` address, or
 * text that is not a URL at all, is shown as text.
 */
export function safeWebUrl(text: string): string | undefined {
    const trimmed = text.trim();
    if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) {
        return undefined;
    }
    let url: URL;
    try {
        url = new URL(trimmed);
    } catch {
        return undefined;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname.length === 0) {
        return undefined;
    }
    // `https://trusted.example@evil.example/` reads as the first host but goes to the second.
    if (url.username.length > 0 || url.password.length > 0) {
        return undefined;
    }
    // The WHATWG serialisation percent-encodes spaces, quotes and angle brackets.
    return url.href;
}
