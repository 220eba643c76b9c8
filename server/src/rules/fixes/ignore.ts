import type { Diagnostic } from 'vscode-languageserver-types';
import { appendedCode, ignoreDirectiveText, parseIgnoreDirective } from '../../model/ignore-directive.js';
import type { Fix, Rule } from '../rule.js';
import type { FixDocument } from './fix-document.js';

/**
 * "Ignore CODE on this line": `// mlplan-ignore CODE -- TODO: reason` on a line of its own above
 * the diagnostic's line, with that line's indentation. When the line above already is an ignore
 * comment, the code is added to its list instead: a second comment would push the first one out
 * of reach of the line it silences. Rules marked `ignorable: false` get none.
 */
export function ignoreFix(doc: FixDocument, diagnostic: Diagnostic, rule: Rule | undefined, code: string): Fix | undefined {
    if (rule?.ignorable === false) {
        return undefined;
    }
    const title = `Ignore \`${code}\` on this line`;
    const line = diagnostic.range.start.line;
    if (line >= doc.lineCount) {
        return undefined;
    }
    const lineStart = doc.offsetAt({ line, character: 0 });
    if (line > 0) {
        const previousStart = doc.offsetAt({ line: line - 1, character: 0 });
        const previous = doc.text.slice(previousStart, doc.lineEnd(previousStart));
        const indent = /^[ \t]*/.exec(previous)![0];
        const directive = parseIgnoreDirective(previous.slice(indent.length));
        if (directive) {
            if (directive.codes.includes(code)) {
                return undefined;
            }
            const at = previousStart + indent.length + directive.listEnd;
            return { title, edits: [{ range: doc.rangeOf(at, at), newText: appendedCode(directive, code) }] };
        }
    }
    const indent = doc.indentAt(lineStart);
    return { title, edits: [{ range: doc.rangeOf(lineStart, lineStart), newText: `${indent}${ignoreDirectiveText(code)}${doc.eol}` }] };
}
