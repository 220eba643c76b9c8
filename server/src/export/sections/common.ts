import type { Block, Inline, Rich } from '../document.js';
import { code, em } from '../document.js';
import type { BoundExport, DeclarationExport, FieldRefExport, PlanExport, QuantityExport, RefExport } from '../export-model.js';

/** How comparisons read in the exports: `≤ 150 ms`. */
const COMPARATOR_SYMBOLS: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };

export function comparator(op: string | null): string {
    return op ? COMPARATOR_SYMBOLS[op] ?? op : '?';
}

/** A quantity's text, or a dash when the plan does not give it. */
export function quantityText(quantity: QuantityExport | null | undefined): string {
    return quantity ? quantity.text : '—';
}

/** `≤ 150 ms` */
export function condition(op: string | null, value: QuantityExport | null): string {
    return `${comparator(op)} ${quantityText(value)}`;
}

/** `latency_p99 ≤ 150 ms` */
export function boundRich(bound: BoundExport): Rich {
    return [...refRich(bound.metric), ` ${condition(bound.op, bound.value)}`];
}

/** A reference by name; unresolved ones say so. */
export function refRich(ref: RefExport | null | undefined): Rich {
    if (!ref || ref.name.length === 0) {
        return ['—'];
    }
    return ref.resolved ? [code(ref.name)] : [code(ref.name), ' ', em('(unresolved)')];
}

export function refsRich(refs: readonly RefExport[]): Rich {
    return refs.length === 0 ? ['—'] : refs.flatMap((ref, i) => (i === 0 ? [...refRich(ref)] : [', ', ...refRich(ref)]));
}

/** `subscribers.tenure_months`, or `tenure_months` where the dataset goes without saying. */
export function fieldRich(field: FieldRefExport | null, qualified = true): Rich {
    if (!field || field.name.length === 0) {
        return ['—'];
    }
    const name = field.dataset && qualified ? `${field.dataset}.${field.name}` : field.name;
    return field.resolved ? [code(name)] : [code(name), ' ', em('(unresolved)')];
}

/**
 * An owner or member: a person by display name with the plan's name for them, a team as such.
 * `Ana Lima (ana)`, `team retention`.
 */
export function partyRich(ref: RefExport | null | undefined, model: PlanExport): Rich {
    if (!ref || !ref.resolved) {
        return refRich(ref);
    }
    if (ref.kind === 'person') {
        const person = model.persons.find(p => p.name === ref.name && p.file === ref.file);
        return person?.displayName ? [person.displayName, ' (', code(ref.name), ')'] : [code(ref.name)];
    }
    if (ref.kind === 'team') {
        const team = model.teams.find(t => t.name === ref.name && t.file === ref.file);
        return team?.displayName ? [team.displayName, ' (team ', code(ref.name), ')'] : ['team ', code(ref.name)];
    }
    return [code(ref.name)];
}

/** Plain text, or a dash. */
export function textOr(value: string | null | undefined, fallback = '—'): Rich {
    return [value && value.length > 0 ? value : fallback];
}

/** The paragraphs of a doc comment, each a paragraph block. */
export function docBlocks(declaration: { readonly documentation: string | null }): Block[] {
    return (declaration.documentation ?? '')
        .split('\n\n')
        .filter(paragraph => paragraph.length > 0)
        .map(paragraph => ({ kind: 'paragraph', text: [paragraph] }));
}

/** Description and doc comment in one line, for a table cell. */
export function notesRich(declaration: { readonly documentation: string | null; readonly description?: string | null }): Rich {
    const parts = [declaration.description, declaration.documentation?.replace(/\n\n/g, ' ')].filter((p): p is string => !!p && p.length > 0);
    return parts.length > 0 ? [parts.join(' — ')] : ['—'];
}

/** `shared/payments-catalog.mlplan` for an imported declaration, `this file` for a local one. */
export function definedInRich(declaration: DeclarationExport): Rich {
    return declaration.imported ? [code(declaration.file)] : ['this file'];
}

/** True when some declarations come from imports: tables then get a "Defined in" column. */
export function anyImported(declarations: readonly DeclarationExport[]): boolean {
    return declarations.some(d => d.imported);
}

/** A note under an imported declaration's heading. */
export function importedNote(declaration: DeclarationExport): Block[] {
    return declaration.imported
        ? [{ kind: 'paragraph', text: ['Imported from ', code(declaration.file), '.'] }]
        : [];
}

export function missing(text: string): Block {
    return { kind: 'missing', text };
}

/** A name as a heading: `Model ChurnGBM`. */
export function titled(word: string, name: string): Rich {
    return [`${word} `, code(name)];
}

export function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Items of a facts block, dropping none: a missing value shows as "not set". */
export function fact(label: string, value: Rich | string | null | undefined): { label: string; value: Rich } {
    if (value === null || value === undefined || (typeof value === 'string' && value.length === 0)) {
        return { label, value: [em('not set')] };
    }
    return { label, value: typeof value === 'string' ? [value] : value };
}

export type { Inline };
