import { AstUtils, UriUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { URI } from 'langium';
import * as ast from '../generated/ast.js';
import { kindWord } from '../model/declarations.js';
import { formatValue, formatWrittenValue, lookupUnit } from '../model/units.js';
import type { BoundExport, FieldRefExport, FigureExport, QuantityExport, RefExport } from './export-model.js';

/**
 * Small converters from AST values to export values, shared by the model builder. None of them
 * throws on a partial AST: while a plan is typed, any property may be missing.
 */
export class ExportValues {
    private readonly folder: URI;

    constructor(private readonly home: LangiumDocument) {
        this.folder = UriUtils.dirname(home.uri);
    }

    /** The file declaring `node`, relative to the exported file's folder. */
    fileOf(node: AstNode): string {
        const uri = AstUtils.getDocument(node).uri;
        return this.fileOfUri(uri);
    }

    fileOfUri(uri: URI): string {
        if (UriUtils.equals(uri, this.home.uri)) {
            return UriUtils.basename(uri);
        }
        return UriUtils.relative(this.folder, uri);
    }

    isImported(node: AstNode): boolean {
        return !UriUtils.equals(AstUtils.getDocument(node).uri, this.home.uri);
    }

    ref(reference: Reference<AstNode> | undefined): RefExport | null {
        if (!reference) {
            return null;
        }
        const target = reference.ref;
        const written = reference.$refText ?? '';
        if (!target) {
            return { name: written, resolved: false, kind: null, file: null };
        }
        const name = (target as { name?: unknown }).name;
        return {
            name: typeof name === 'string' ? name : written,
            resolved: true,
            kind: kindWord(target.$type),
            file: this.fileOf(target),
        };
    }

    /** A reference to a declaration mlplan found itself (the served model, an objective serving a persona). */
    nodeRef(node: AstNode & { readonly name: string }): RefExport {
        return { name: node.name, resolved: true, kind: kindWord(node.$type), file: this.fileOf(node) };
    }

    refs(references: ReadonlyArray<Reference<AstNode>> | undefined): RefExport[] {
        return (references ?? []).map(r => this.ref(r)).filter((r): r is RefExport => r !== null);
    }

    /** A field reference; `dataset` is the qualifier written (`subscribers.` in `subscribers.tenure_months`). */
    fieldRef(field: Reference<ast.Field> | undefined, dataset?: Reference<ast.Dataset>): FieldRefExport {
        const base = this.ref(field) ?? { name: '', resolved: false, kind: null, file: null };
        const owner = field?.ref?.$container;
        const datasetName = ast.isDataset(owner) ? owner.name : dataset?.ref?.name ?? dataset?.$refText ?? null;
        return { ...base, dataset: datasetName ?? null };
    }

    quantity(quantity: ast.Quantity | undefined): QuantityExport | null {
        if (!quantity || typeof quantity.value !== 'number' || !Number.isFinite(quantity.value)) {
            return null;
        }
        const unit = quantity.unit ?? '';
        return { value: quantity.value, unit, text: formatWrittenValue(quantity.value, unit), known: lookupUnit(unit) !== undefined };
    }

    bound(bound: { metric?: Reference<ast.Metric>; op?: string; value?: ast.Quantity } | undefined): BoundExport {
        return {
            metric: this.ref(bound?.metric) ?? { name: '', resolved: false, kind: null, file: null },
            op: bound?.op ?? null,
            value: this.quantity(bound?.value),
        };
    }
}

/** A derived figure in `unit`, formatted with model/units.ts; null when the figure is unknown. */
export function figure(value: number | undefined, unit: string, text?: (value: number) => string): FigureExport | null {
    if (value === undefined || !Number.isFinite(value)) {
        return null;
    }
    return { value: clean(value), unit, text: text ? text(value) : formatValue(value, unit) };
}

/**
 * A derived value without the noise of binary unit conversions (`900000000.0000001` requests is
 * 900,000,000): 12 significant digits, far beyond any figure a plan states.
 */
export function clean(value: number): number {
    return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** Optional text: undefined and empty strings both become null. */
export function text(value: string | undefined): string | null {
    return value === undefined || value.length === 0 ? null : value;
}

/** 1-based line of a node's first character (0 when it has no text, e.g. a recovered node). */
export function lineOf(node: AstNode | undefined): number {
    const start = node?.$cstNode?.range.start.line;
    return start === undefined ? 0 : start + 1;
}
