import type { Diagnostic } from 'vscode-languageserver-types';
import type { Fix } from '../rule.js';
import type { FixDocument } from './fix-document.js';

/** Codes that cannot sensibly be ignored: unreadable text, and the ignore comments themselves. */
const NOT_IGNORABLE = new Set(['syntax-error', 'unused-ignore']);

const IGNORE_LINE = /^([ \t]*\/\/\s*mlplan-ignore\b)(.*)$/;

/**
 * "Ignore CODE on this line": `// mlplan-ignore CODE -- TODO: reason` on a line of its own above
 * the diagnostic's line, with that line's indentation. When the line above already is an ignore
 * comment, the code is added to its list instead: a second comment would push the first one out
 * of reach of the line it silences.
 */
export function ignoreFix(doc: FixDocument, diagnostic: Diagnostic, code: string): Fix | undefined {
    if (NOT_IGNORABLE.has(code)) {
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
        const match = IGNORE_LINE.exec(previous);
        if (match) {
            const dash = match[2].indexOf('--');
            const list = dash >= 0 ? match[2].slice(0, dash) : match[2];
            const codes = list.split(',').map(c => c.trim()).filter(c => c.length > 0);
            if (codes.includes(code)) {
                return undefined;
            }
            const at = previousStart + match[1].length + list.trimEnd().length;
            return { title, edits: [{ range: doc.rangeOf(at, at), newText: codes.length > 0 ? `, ${code}` : ` ${code}` }] };
        }
    }
    const indent = doc.indentAt(lineStart);
    return { title, edits: [{ range: doc.rangeOf(lineStart, lineStart), newText: `${indent}// mlplan-ignore ${code} -- TODO: reason${doc.eol}` }] };
}
