import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/**
 * The server's formatter leaves a file that does not parse alone (Langium's AbstractFormatter: no
 * edits while there is a lexer or parser error; for a range, while one lies at or before the
 * range's end). VS Code then does nothing, silently. This middleware says why, on the status bar,
 * naming the first syntax error the server reported.
 */
export const STATUS_MESSAGE_MS = 10_000;

export function formattingMiddleware(): Middleware {
    return {
        async provideDocumentFormattingEdits(document, options, token, next) {
            const edits = await next(document, options, token);
            if (!token.isCancellationRequested && (!edits || edits.length === 0)) {
                explainUnformatted(document);
            }
            return edits;
        },
        async provideDocumentRangeFormattingEdits(document, range, options, token, next) {
            const edits = await next(document, range, options, token);
            if (!token.isCancellationRequested && (!edits || edits.length === 0)) {
                explainUnformatted(document, range.end.line);
            }
            return edits;
        },
    };
}

/** Shows the reason on the status bar when a syntax error (at or before `lastLine`) blocks formatting. */
export function explainUnformatted(document: vscode.TextDocument, lastLine = Number.MAX_SAFE_INTEGER): string | undefined {
    const message = notFormattedMessage(vscode.languages.getDiagnostics(document.uri), lastLine);
    if (message) {
        vscode.window.setStatusBarMessage(message, STATUS_MESSAGE_MS);
    }
    return message;
}

/** "ML Plan: not formatted — line 12 has a syntax error: …", or undefined when no syntax error is known. */
export function notFormattedMessage(diagnostics: readonly vscode.Diagnostic[], lastLine = Number.MAX_SAFE_INTEGER): string | undefined {
    const syntax = diagnostics
        .filter(d => isSyntaxError(d) && d.range.start.line <= lastLine)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (syntax.length === 0) {
        return undefined;
    }
    const first = syntax[0];
    const more = syntax.length > 1 ? ` (${syntax.length - 1} more after it)` : '';
    const text = first.message.split(/\r?\n/)[0].trim();
    return `ML Plan: not formatted — line ${first.range.start.line + 1} has a syntax error${more}: ${text}`;
}

/** The server gives lexer and parser errors the mlplan code `syntax-error` (core/mlplan-document-validator.ts). */
function isSyntaxError(diagnostic: vscode.Diagnostic): boolean {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return code === 'syntax-error';
}
