import { isJSDoc, parseJSDoc, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import type { PlanFacts } from '../model/plan-facts.js';
import { readinessOf, type Readiness } from '../rules/readiness.js';

/**
 * Everything an exporter needs about one validated document. The exporters read only this: no file
 * system, no LSP connection, so the CLI and the language server ("Export to Markdown", "Open
 * Preview") produce the very same output.
 */
export interface ExportInput {
    /** The document's facts: its plan, what it imports and how, its derived figures. */
    readonly facts: PlanFacts;
    /** Its final diagnostics (after configuration and suppression). */
    readonly diagnostics: readonly Diagnostic[];
    readonly readiness: Readiness;
    /** The `/** … *\/` comment above a declaration, as plain text (paragraphs separated by a blank line). */
    readonly documentation: (node: AstNode) => string | undefined;
}

/** The export input of a document the services have built with validation. */
export function exportInputOf(services: MlPlanServices, document: LangiumDocument<Document>): ExportInput {
    const comments = services.documentation.CommentProvider;
    const facts = services.facts.PlanFacts.of(document);
    const diagnostics = document.diagnostics ?? [];
    return {
        facts,
        diagnostics,
        readiness: readinessOf(facts, diagnostics),
        documentation: node => {
            const comment = comments.getComment(node);
            return comment && isJSDoc(comment) ? docText(parseJSDoc(comment).toString()) : undefined;
        },
    };
}

/**
 * A doc comment's text with the comment's own line breaks undone: lines of one paragraph are
 * joined with a space, paragraphs are separated by one blank line. Undefined when empty.
 */
export function docText(text: string): string | undefined {
    const paragraphs = text
        .split(/\r?\n\s*\r?\n/)
        .map(paragraph => paragraph.split(/\r?\n/).map(line => line.trim()).filter(line => line.length > 0).join(' '))
        .filter(paragraph => paragraph.length > 0);
    return paragraphs.length > 0 ? paragraphs.join('\n\n') : undefined;
}
