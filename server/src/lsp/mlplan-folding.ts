import type { LangiumDocument } from 'langium';
import type { FoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import type { MlPlanLspServices } from './lsp-services.js';

/**
 * Folding from the token stream: every `{ … }` block spanning three lines or more (including
 * `fields { … }`, which is no AST node of its own, so Langium's node-based default misses it), every
 * multi-line block comment, and a run of two or more `import` lines. A block folds from its `{`
 * line to the line before its `}`, so the closing brace stays visible.
 */
export class MlPlanFoldingRangeProvider implements FoldingRangeProvider {
    private readonly services: MlPlanLspServices;

    constructor(services: MlPlanLspServices) {
        this.services = services;
    }

    getFoldingRanges(document: LangiumDocument): FoldingRange[] {
        const text = document.textDocument.getText();
        const lexed = this.services.parser.Lexer.tokenize(text);
        const line = (offset: number) => document.textDocument.positionAt(offset).line;
        const ranges: FoldingRange[] = [];
        const open: number[] = [];
        for (const token of lexed.tokens) {
            if (token.image === '{') {
                open.push(token.startOffset);
            } else if (token.image === '}' && open.length > 0) {
                const start = line(open.pop()!);
                const end = line(token.startOffset) - 1;
                if (end > start) {
                    ranges.push({ startLine: start, endLine: end });
                }
            }
        }
        for (const comment of lexed.hidden) {
            if (comment.image.startsWith('/*')) {
                const start = line(comment.startOffset);
                const end = line(comment.startOffset + comment.image.length);
                if (end > start) {
                    ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
                }
            }
        }
        const imports = (document.parseResult.value as Document).imports ?? [];
        if (imports.length >= 2) {
            const start = imports[0].$cstNode?.range.start.line ?? 0;
            const end = imports[imports.length - 1].$cstNode?.range.end.line ?? 0;
            if (end > start) {
                ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Imports });
            }
        }
        return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
    }
}
