import type { LangiumDocument } from 'langium';
import type { Document } from '../generated/ast.js';
import { friendlyLexerMessage, friendlyParserMessage } from '../language/syntax-messages.js';
import { diagnosticCode } from '../rules/run-rules.js';

/**
 * Export refuses a plan the parser could not read (LANGUAGE.md section 5): the document would be
 * partial in ways nobody can see. Shared by `mlplan export` and the editor's export and preview.
 */
/** Why a document cannot be exported: text the parser could not read, or nothing to export. */
export function exportRefusal(document: LangiumDocument<Document>): string | undefined {
    const syntax = (document.diagnostics ?? [])
        .filter(d => diagnosticCode(d) === 'syntax-error')
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    if (syntax) {
        const { line, character } = syntax.range.start;
        return `syntax error at ${line + 1}:${character + 1}: ${firstLine(String(syntax.message))}`;
    }
    // A configuration may turn `syntax-error` off; the parse result still knows.
    const { lexerErrors, parserErrors } = document.parseResult;
    const lexer = lexerErrors[0];
    if (lexer) {
        return `syntax error at ${lexer.line ?? '?'}:${lexer.column ?? '?'}: ${firstLine(friendlyLexerMessage(lexer.message))}`;
    }
    const parser = parserErrors[0];
    if (parser) {
        const { startLine, startColumn } = parser.token;
        // The end-of-file token has no position: point after the last character.
        const lines = document.textDocument.getText().split(/\r?\n/);
        const at = startLine !== undefined && startLine > 0 && startColumn !== undefined && startColumn > 0
            ? `${startLine}:${startColumn}`
            : `${lines.length}:${lines[lines.length - 1].length + 1}`;
        return `syntax error at ${at}: ${firstLine(friendlyParserMessage(parser.message))}`;
    }
    const root = document.parseResult.value;
    if (!root.plan && !root.catalog) {
        return 'it declares no plan or catalog';
    }
    return undefined;
}

function firstLine(text: string): string {
    return text.split(/\r?\n/)[0]?.trim() || 'unreadable text';
}
