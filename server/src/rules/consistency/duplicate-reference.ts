import type { AstNode, Reference } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../../generated/ast.js';
import type { Fix, FixContext, Rule, RuleReport } from '../rule.js';

/** One entry of a list of names, with what makes two entries the same. */
interface Entry {
    /** The declaration it resolves to, or (unresolved) its text, as a map key. */
    readonly key: unknown;
    /** As written, for messages. */
    readonly written: string;
    readonly range?: Range;
    readonly report: Pick<RuleReport, 'node' | 'property' | 'index' | 'range'>;
}

/** A list of names in a block: `features a, b` of a model, `members x, y` of a team. */
interface NameList {
    readonly owner: AstNode;
    /** The keyword(s) that open the list, for messages. */
    readonly keyword: string;
    readonly entries: readonly Entry[];
}

export const duplicateReference: Rule = {
    code: 'duplicate-reference',
    category: 'consistency',
    severity: 'warning',
    title: 'no list of names (features, trains on, members, after, for, needs, regulations) names the same thing twice',
    why: 'Listing a feature, a dataset or a team member twice adds nothing: the plan means exactly what it meant with one mention. But a reader who sees a list counts it, and a list with a repeat looks longer than it is, or hides the entry that was meant instead, such as a second feature mistyped as the first. A feature written once qualified (`subscribers.tenure`) and once bare (`tenure`) is the same field, and easy to miss. Keeping each list free of repeats keeps it an honest count of what the model, team or milestone depends on.',
    check({ facts, report }) {
        for (const node of facts.nodes) {
            for (const list of namesListedBy(node)) {
                const first = new Map<unknown, Entry>();
                for (const entry of list.entries) {
                    const earlier = first.get(entry.key);
                    if (!earlier) {
                        first.set(entry.key, entry);
                        continue;
                    }
                    const details = [
                        ...(earlier.written !== entry.written ? [`as \`${earlier.written}\``] : []),
                        ...(earlier.range && entry.range && earlier.range.start.line !== entry.range.start.line ? [`line ${earlier.range.start.line + 1}`] : []),
                    ];
                    const where = details.length > 0 ? ` (${details.join(', ')})` : '';
                    report({
                        ...entry.report,
                        message: `\`${entry.written}\` is already listed${where} in \`${list.keyword}\` of ${describe(list.owner)}: remove the repeat`,
                        data: { repeat: entry.written },
                    });
                }
            }
        }
    },
    fix(context) {
        return removeRepeat(context);
    },
};

/** The lists of names written in `node`'s own block. */
function namesListedBy(node: AstNode): NameList[] {
    if (ast.isModel(node)) {
        return [
            { owner: node, keyword: 'trains on', entries: references(node, 'trainsOn', node.trainsOn) },
            { owner: node, keyword: 'features', entries: (node.features ?? []).flatMap(feature) },
        ];
    }
    if (ast.isTeam(node)) {
        return [{ owner: node, keyword: 'members', entries: references(node, 'members', node.members) }];
    }
    if (ast.isObjective(node)) {
        return [{ owner: node, keyword: 'for', entries: references(node, 'personas', node.personas) }];
    }
    if (ast.isMilestone(node)) {
        return [
            { owner: node, keyword: 'after', entries: references(node, 'after', node.after) },
            { owner: node, keyword: 'needs', entries: references(node, 'needs', node.needs) },
        ];
    }
    if (ast.isPlan(node)) {
        return [{ owner: node, keyword: 'regulations', entries: (node.regulations ?? []).flatMap(regulation) }];
    }
    return [];
}

function references(owner: AstNode, property: string, refs: ReadonlyArray<Reference<AstNode>> | undefined): Entry[] {
    return (refs ?? []).flatMap((ref, index) => {
        const written = ref?.$refText;
        if (typeof written !== 'string' || written === '') {
            return [];
        }
        const range = ref.$refNode?.range;
        return [{
            key: ref.ref ?? `unresolved:${written}`,
            written,
            range,
            report: range ? { node: owner, range } : { node: owner, property, index },
        }];
    });
}

/** A feature: the field it resolves to, or (unresolved) `dataset.field` as written. */
function feature(ref: ast.FieldRef | undefined): Entry[] {
    const field = ref?.field?.$refText;
    if (!ref || typeof field !== 'string' || field === '') {
        return [];
    }
    const dataset = ref.dataset?.$refText;
    const written = dataset ? `${dataset}.${field}` : field;
    return [{ key: ref.field.ref ?? `unresolved:${written}`, written, range: ref.$cstNode?.range, report: { node: ref } }];
}

/** A regulation: `GDPR` and `"GDPR"` name the same one. */
function regulation(node: ast.Regulation): Entry[] {
    const value = node.name ?? node.text;
    if (typeof value !== 'string' || value.trim() === '') {
        return [];
    }
    const written = node.$cstNode?.text ?? value;
    return [{ key: `regulation:${value.trim()}`, written, range: node.$cstNode?.range, report: { node } }];
}

function describe(owner: AstNode): string {
    const name = (owner as { name?: unknown }).name;
    const word = owner.$type.toLowerCase();
    return typeof name === 'string' ? `${word} \`${name}\`` : `this ${word}`;
}

/**
 * Deletes the repeated entry and the comma before it (with the whitespace around that comma):
 * `features tenure, region, tenure` becomes `features tenure, region`. When the repeat opens its
 * line of the list (the first mention sits in an earlier `features` line), the comma after it goes
 * instead. Nothing else is touched: a repeat with a comment next to it, or alone after its keyword,
 * gets no fix.
 */
function removeRepeat({ diagnostic, data, doc, edits }: FixContext): Fix[] {
    const start = doc.offsetAt(diagnostic.range.start);
    const end = doc.offsetAt(diagnostic.range.end);
    const written = doc.text.slice(start, end);
    if (written === '' || written !== data.repeat) {
        return [];
    }
    const text = doc.text;
    let before = start;
    while (before > 0 && isSpace(text.charAt(before - 1))) {
        before--;
    }
    let range: Range | undefined;
    if (before > 0 && text.charAt(before - 1) === ',') {
        let from = before - 1;
        while (from > 0 && isSpace(text.charAt(from - 1))) {
            from--;
        }
        range = doc.rangeOf(from, end);
    } else {
        let after = end;
        while (after < text.length && isSpace(text.charAt(after))) {
            after++;
        }
        if (text.charAt(after) === ',') {
            after++;
            while (after < text.length && isSpace(text.charAt(after))) {
                after++;
            }
            range = doc.rangeOf(start, after);
        }
    }
    return range ? edits().replace(range, '').result(`Remove the repeated \`${written}\``, true) : [];
}

function isSpace(ch: string): boolean {
    return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}
