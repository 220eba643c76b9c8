/**
 * What the production cross-checks share: the served models, metric identity, a quantity as the
 * plan wrote it, and the one kind of fix they offer (replace one written value by another).
 */
import type { AstNode } from 'langium';
import type * as ast from '../../generated/ast.js';
import { measureOf } from '../../model/derived.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import { METRIC_BOUNDS } from '../../model/property-units.js';
import {
    convert, formatNumber, formatValue, formatWrittenNumber, formatWrittenValue, type Measure,
} from '../../model/units.js';
import type { BoundLike } from '../helpers.js';
import type { Fix, FixContext } from '../rule.js';

export interface ServedModel {
    readonly model: ast.Model;
    readonly serving: ast.Serving;
}

/** Each model some `serving` block serves (LANGUAGE.md 4.3's "served model"), once, in order. */
export function servedModels(facts: PlanFacts): ServedModel[] {
    const seen = new Set<ast.Model>();
    const served: ServedModel[] = [];
    for (const serving of facts.servings) {
        const model = facts.figures.serving(serving).model;
        if (model && !seen.has(model)) {
            seen.add(model);
            served.push({ model, serving });
        }
    }
    return served;
}

/** Names are unique plan-wide, imports included: equal names are the same metric even when
 *  the references were resolved through different documents. */
export function sameMetric(a: ast.Metric | undefined, b: ast.Metric | undefined): boolean {
    return a !== undefined && b !== undefined && (a === b || a.name === b.name);
}

/** A quantity exactly as written (`150 ms`, `0.01`, `2_000 ms`): a replacement that reads back the same. */
export function writtenQuantity(quantity: ast.Quantity | undefined): string | undefined {
    const text = quantity?.$cstNode?.text.trim();
    return text && !/[\r\n]/.test(text) ? text : undefined;
}

/**
 * Replaces the value of the node the diagnostic sits on (found with `guard` at its start) with
 * `replacement`: exactly the value's text, nothing around it.
 */
export function replaceValueOf<T extends AstNode>(
    context: FixContext,
    guard: (node: AstNode) => node is T,
    valueOf: (node: T) => ast.Quantity | undefined,
    replacement: unknown,
    title: string
): Fix[] {
    const node = context.doc.nodeAt(context.diagnostic.range.start, guard);
    const range = node ? valueOf(node)?.$cstNode?.range : undefined;
    if (!range || typeof replacement !== 'string' || replacement === '' || context.doc.textOf(range) === replacement) {
        return [];
    }
    return context.edits().replace(range, replacement).result(title, true);
}

/** Replaces the diagnostic's own text, provided it still reads `expected` (`cpu`, `3`). */
export function replaceDiagnosticText(context: FixContext, expected: unknown, replacement: unknown, title: string): Fix[] {
    const { diagnostic, doc } = context;
    if (typeof expected !== 'string' || typeof replacement !== 'string' || doc.textOf(diagnostic.range) !== expected) {
        return [];
    }
    return context.edits().replace(diagnostic.range, replacement).result(title, true);
}

/** A written figure set beside another: `200 ms`, or `0.2 s (200 ms)` when `other` is in another unit. */
export function inUnitOf(value: Measure, other: Measure): string {
    if (value.unit === other.unit) {
        return written(value);
    }
    const converted = convert(value, other.unit);
    return converted !== undefined && Number.isFinite(converted)
        ? `${written(value)} (${formatValue(converted, other.unit.symbol)})`
        : written(value);
}

/** A figure the plan wrote, exactly as written: `150.001 ms` must not read as `150 ms`. */
export function written(m: Measure): string {
    return formatWrittenValue(m.value, m.unit.symbol);
}

/**
 * A bound as written, `error_rate > 1 %`, or with its keyword, `success latency_p99 <= 200 ms`,
 * backquoted.
 */
export function boundAsWritten(bound: BoundLike, withKeyword = false): string {
    const value = measureOf(bound.value);
    const metric = bound.metric?.ref?.name ?? bound.metric?.$refText ?? '?';
    const keyword = withKeyword ? METRIC_BOUNDS[bound.$type] ?? '' : '';
    return `\`${[keyword, metric, bound.op ?? '', value ? written(value) : ''].filter(part => part !== '').join(' ')}\``;
}

/**
 * Two figures, `low` below `high`, shown so that they read apart: as `formatNumber` shows them
 * when that already tells them apart, else both rounded to the fewest decimals that do. A demand
 * of 120.01 req/s against a capacity of 120 req/s is not "120 req/s, below 120 req/s".
 */
export function formatApart(low: number, high: number): [string, string] {
    const shown: [string, string] = [formatNumber(low), formatNumber(high)];
    if (shown[0] !== shown[1] || !(low < high) || !Number.isFinite(high - low)) {
        return shown;
    }
    for (let decimals = 0; decimals <= 12; decimals++) {
        const scale = 10 ** decimals;
        const apart = [Math.round(low * scale) / scale, Math.round(high * scale) / scale];
        if (apart[0] < apart[1]) {
            return [formatWrittenNumber(apart[0]), formatWrittenNumber(apart[1])];
        }
    }
    return [formatWrittenNumber(low), formatWrittenNumber(high)];
}
