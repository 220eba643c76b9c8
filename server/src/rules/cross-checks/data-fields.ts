/**
 * The features an evaluation dataset lacks, and the edit that adds fields to a dataset's `fields`
 * block (the block is part of the dataset's own syntax, not a node of its own, so EditBuilder's
 * `addToBlock` would land before the dataset's brace instead).
 */
import type { LeafCstNode } from 'langium';
import type * as ast from '../../generated/ast.js';
import type { EditBuilder } from '../fixes/edit-helpers.js';
import { tokensOf, type FixDocument } from '../fixes/fix-document.js';

export interface MissingFeatures {
    readonly model: ast.Model;
    readonly dataset: ast.Dataset;
    /** The model's feature fields (in the training data) whose name the dataset lacks, one per name. */
    readonly missing: readonly ast.Field[];
}

/**
 * The features of the evaluation's model that its `on` dataset has no field for, by name. Nothing
 * when the dataset lists no fields at all (it says nothing either way) or a feature does not
 * resolve (that is an error of its own).
 */
export function missingFeatures(evaluation: ast.Evaluation): MissingFeatures | undefined {
    const model = evaluation.$container;
    const dataset = evaluation.on?.ref;
    const fields = dataset?.fields ?? [];
    if (!dataset || !model || fields.length === 0) {
        return undefined;
    }
    const present = new Set(fields.map(f => f?.name));
    const missing = new Map<string, ast.Field>();
    for (const feature of model.features ?? []) {
        const field = feature?.field?.ref;
        if (field && !present.has(field.name) && !missing.has(field.name)) {
            missing.set(field.name, field);
        }
    }
    return missing.size > 0 ? { model, dataset, missing: [...missing.values()] } : undefined;
}

/**
 * A field as the evaluation dataset should declare it: the training field's name, type and its
 * `pii`/`sensitive` flags (the data is as personal or as sensitive in the holdout as in training).
 * `label` is not copied: a feature is not the holdout's ground truth.
 */
export function fieldLine(field: ast.Field): string {
    return [field.name, field.type, field.pii ? 'pii' : '', field.sensitive ? 'sensitive' : ''].filter(w => w !== '').join(' ');
}

/**
 * Adds `lines` before the `}` of the dataset's `fields` block: one per line, aligned with the
 * fields above, when the brace has a line of its own; else on the brace's line, as the block is
 * written (`fields { a number }` → `fields { a number b text }`). False when the block cannot be
 * found (a block the parser had to recover from).
 */
export function addFields(edits: EditBuilder, doc: FixDocument, dataset: ast.Dataset, lines: readonly string[]): boolean {
    const close = fieldsClosingBrace(dataset);
    if (!close || doc.text.charAt(close.offset) !== '}' || lines.length === 0) {
        return false;
    }
    if (doc.startsLine(close.offset)) {
        const last = dataset.fields[dataset.fields.length - 1]?.$cstNode;
        const indent = last && doc.startsLine(last.offset) ? doc.indentAt(last.offset) : doc.indentAt(close.offset) + doc.indentUnit;
        const at = doc.lineStart(close.offset);
        edits.replace(doc.rangeOf(at, at), lines.map(line => indent + line + doc.eol).join(''));
        return true;
    }
    let at = close.offset;
    while (at > 0 && (doc.text.charAt(at - 1) === ' ' || doc.text.charAt(at - 1) === '\t')) {
        at--;
    }
    edits.replace(doc.rangeOf(at, at), lines.map(line => ` ${line}`).join(''));
    return true;
}

/**
 * The `}` of the dataset's `fields { … }`: the first brace after `fields {` among the dataset's own
 * tokens (fields hold none). A dataset may itself be named `fields`, hence the search over every
 * `fields` followed by `{`.
 */
function fieldsClosingBrace(dataset: ast.Dataset): LeafCstNode | undefined {
    const tokens = tokensOf(dataset.$cstNode).filter(t => t.astNode === dataset);
    for (let i = 0; i + 1 < tokens.length; i++) {
        if (tokens[i].text !== 'fields' || tokens[i + 1].text !== '{') {
            continue;
        }
        const next = tokens.slice(i + 2).find(t => t.text === '{' || t.text === '}');
        if (next?.text === '}') {
            return next;
        }
    }
    return undefined;
}
