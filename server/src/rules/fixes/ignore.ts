import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
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
    const edit = ignoreLineEdit(doc, diagnostic.range.start.line, [code]);
    return edit ? { title: `Ignore \`${code}\` on this line`, edits: [edit.edit] } : undefined;
}

/** A diagnostic to ignore, with its code and rule (undefined for a code no rule owns). */
export interface IgnoreTarget {
    readonly diagnostic: Diagnostic;
    readonly code: string;
    readonly rule: Rule | undefined;
}

/** One grouped "Ignore …" fix and the diagnostics it silences. */
export interface GroupedIgnore {
    readonly fix: Fix;
    readonly diagnostics: Diagnostic[];
}

/**
 * The "Ignore …" fixes of several diagnostics at once: one per code family (rule category), in the
 * order the families first appear, each writing one ignore comment per line that names all the
 * family's codes on that line (or extending the comment already there). A family with a single code
 * keeps the one-diagnostic title, "Ignore `CODE` on this line"; several codes read "Ignore the N
 * completeness findings on this line". Rules marked `ignorable: false` take no part.
 */
export function groupedIgnoreFixes(doc: FixDocument, targets: readonly IgnoreTarget[]): GroupedIgnore[] {
    const families = new Map<string, IgnoreTarget[]>();
    for (const target of targets) {
        if (target.rule?.ignorable === false) {
            continue;
        }
        const family = target.rule?.category ?? '';
        const members = families.get(family);
        if (members) {
            members.push(target);
        } else {
            families.set(family, [target]);
        }
    }
    const result: GroupedIgnore[] = [];
    for (const [family, members] of families) {
        const byLine = new Map<number, IgnoreTarget[]>();
        for (const member of members) {
            const line = member.diagnostic.range.start.line;
            const onLine = byLine.get(line);
            if (onLine) {
                onLine.push(member);
            } else {
                byLine.set(line, [member]);
            }
        }
        const edits: TextEdit[] = [];
        const silenced: IgnoreTarget[] = [];
        for (const [line, onLine] of byLine) {
            const edit = ignoreLineEdit(doc, line, unique(onLine.map(t => t.code)));
            if (edit) {
                edits.push(edit.edit);
                const added = new Set(edit.codes);
                for (const target of onLine) {
                    if (added.has(target.code)) {
                        silenced.push(target);
                    }
                }
            }
        }
        if (edits.length === 0) {
            continue;
        }
        const codes = unique(silenced.map(t => t.code));
        const where = edits.length === 1 ? 'this line' : `these ${edits.length} lines`;
        const title = codes.length === 1
            ? `Ignore \`${codes[0]}\` on ${where}`
            : `Ignore the ${silenced.length} ${family === '' ? '' : `${family} `}findings on ${where}`;
        result.push({ fix: { title, edits }, diagnostics: silenced.map(t => t.diagnostic) });
    }
    return result;
}

/**
 * The edit that silences `codes` on `line`: a new comment above it, or the codes appended to the
 * ignore comment already there (those it lists already left out). Undefined when there is nothing
 * left to add or the line is past the end.
 */
function ignoreLineEdit(doc: FixDocument, line: number, codes: readonly string[]): { edit: TextEdit; codes: string[] } | undefined {
    if (line >= doc.lineCount || codes.length === 0) {
        return undefined;
    }
    const lineStart = doc.offsetAt({ line, character: 0 });
    if (line > 0) {
        const previousStart = doc.offsetAt({ line: line - 1, character: 0 });
        const previous = doc.text.slice(previousStart, doc.lineEnd(previousStart));
        const indent = /^[ \t]*/.exec(previous)![0];
        const directive = parseIgnoreDirective(previous.slice(indent.length));
        if (directive) {
            const added = codes.filter(code => !directive.codes.includes(code));
            if (added.length === 0) {
                return undefined;
            }
            const at = previousStart + indent.length + directive.listEnd;
            const newText = appendedCode(directive, added[0]) + added.slice(1).map(code => `, ${code}`).join('');
            return { edit: { range: doc.rangeOf(at, at), newText }, codes: added };
        }
    }
    const indent = doc.indentAt(lineStart);
    return {
        edit: { range: doc.rangeOf(lineStart, lineStart), newText: `${indent}${ignoreDirectiveText(codes.join(', '))}${doc.eol}` },
        codes: [...codes],
    };
}

function unique(codes: readonly string[]): string[] {
    return [...new Set(codes)];
}
