/**
 * What the value rules share: the quantities of a document whose kind the property fixes, the
 * nodes that bound a metric, the plan's reference currency, and the wording of units in messages
 * (which property takes what is model/property-units.ts).
 * Everything here reads the document's own nodes only, so that a report never lands on a node
 * of an imported file.
 */
import type { AstNode } from 'langium';
import type * as ast from '../../generated/ast.js';
import { measureOf, metricUnit } from '../../model/derived.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import { METRIC_BOUNDS, PROPERTY_UNITS, type PropertyUnits } from '../../model/property-units.js';
import {
    CURRENCIES, describeDimension, formatMeasure, formatNumber, formatPercent, isTolerated, toBase, unitsOfDimension,
    type Dimension, type Measure, type UnitInfo,
} from '../../model/units.js';
import type { BoundLike } from '../helpers.js';

/** Every node written in this document, depth first (never those of imported files). */
export function localNodes(facts: PlanFacts): readonly AstNode[] {
    return facts.nodes;
}

export interface PropertyQuantity {
    readonly owner: AstNode;
    readonly property: string;
    readonly quantity: ast.Quantity;
    readonly spec: PropertyUnits;
}

/** The quantities of this document whose kind the property fixes (PROPERTY_UNITS). */
export function propertyQuantities(facts: PlanFacts): PropertyQuantity[] {
    const found: PropertyQuantity[] = [];
    for (const owner of localNodes(facts)) {
        const specs = PROPERTY_UNITS[owner.$type];
        if (!specs) {
            continue;
        }
        for (const [property, spec] of Object.entries(specs)) {
            const quantity = (owner as unknown as Record<string, unknown>)[property] as ast.Quantity | undefined;
            if (quantity && typeof quantity === 'object') {
                found.push({ owner, property, quantity, spec });
            }
        }
    }
    return found;
}

export function accepts(spec: PropertyUnits, unit: UnitInfo): boolean {
    return spec.accepts.some(a => (a === 'plain' ? unit.symbol === '' : a === unit.dimension));
}

/** The bounds on a metric written in this document (kpi, success, indicator, alert, rollback, expect, slice). */
export function metricBounds(facts: PlanFacts): BoundLike[] {
    return localNodes(facts).filter(n => n.$type in METRIC_BOUNDS) as BoundLike[];
}

/** `success latency_p99 >= 150 ms` (the bound as written, normalised), for messages. */
export function boundText(bound: BoundLike): string {
    const value = measureOf(bound.value);
    const gap = (bound as Partial<ast.Slice>).gap ? ' gap' : '';
    const keyword = bound.$type === 'Slice' ? 'where' : METRIC_BOUNDS[bound.$type] ?? '';
    const metric = bound.metric?.ref?.name ?? bound.metric?.$refText ?? '?';
    const parts = [keyword, `${metric}${gap}`, bound.op ?? '', value ? formatMeasure(value) : ''];
    return `\`${parts.filter(p => p !== '').join(' ')}\``;
}

/** The bound's value and its metric's unit, when both are known (no unknown unit, metric resolved). */
export function boundUnits(bound: BoundLike): { value: Measure; metricUnit: UnitInfo; metric: ast.Metric } | undefined {
    const value = measureOf(bound.value);
    const metric = bound.metric?.ref;
    const unit = metricUnit(metric);
    return value && metric && unit ? { value, metricUnit: unit, metric } : undefined;
}

/** `150 ms is a duration`, `28 has no unit`. */
export function describeWritten(m: Measure): string {
    return m.unit.symbol === '' ? `${formatMeasure(m)} has no unit` : `${formatMeasure(m)} is ${describeDimension(m.unit.dimension)}`;
}

/** `a duration (ms, s, min, h, d or w)`, `a monthly cost (EUR/month)`. */
export function describeAccepted(spec: PropertyUnits, currency?: string): string {
    const kinds = spec.accepts.filter(a => a !== 'plain') as Dimension[];
    const symbols = kinds
        .flatMap(d => unitsOfDimension(d, currency))
        .map(u => u.symbol)
        .filter(s => s !== '' && !isTolerated(s));
    if (spec.accepts.includes('fraction')) {
        symbols.unshift('a plain number');
    }
    if (spec.accepts.includes('plain')) {
        symbols.push('a plain number');
    }
    if (kinds.length === 0) {
        // A count (`replicas`): nothing to list after it.
        return 'a plain number, without a unit';
    }
    const names = kinds.map(describeDimension);
    const what = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1].replace(/^an? /, '')}` : names[0] ?? 'a plain number';
    return `${what} (${orList(symbols)})`;
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The currency of a measure, when it is money. */
export function currencyOf(m: Measure | undefined): string | undefined {
    return m?.unit.currency;
}

export interface ReferenceCurrency {
    readonly currency: string;
    /**
     * The figure that fixes it, for messages: "budget `total` 150,000 USD". A function: most plans
     * never need it, and formatting the first number of a process loads ICU's number data (10 ms).
     */
    source(): string;
    readonly node: AstNode;
}

const BUDGET_FIGURES = ['total', 'serving', 'labeling', 'training', 'compute'] as const;

/**
 * The plan's currency: that of the budget's first money figure in source order (the budget is
 * what everything is paid from), else that of the serving cost. Other money figures in another
 * currency are `unit-mismatch`, reported on themselves.
 */
export function referenceCurrency(facts: PlanFacts): ReferenceCurrency | undefined {
    const budget = facts.budget;
    if (budget) {
        const figures = BUDGET_FIGURES
            .map(property => ({ property, quantity: budget[property] }))
            .filter(f => currencyOf(measureOf(f.quantity)) !== undefined)
            .sort((a, b) => (a.quantity?.$cstNode?.offset ?? 0) - (b.quantity?.$cstNode?.offset ?? 0));
        const first = figures[0];
        if (first?.quantity) {
            const m = measureOf(first.quantity)!;
            return { currency: m.unit.currency!, source: () => `budget \`${first.property}\` ${formatMeasure(m)}`, node: first.quantity };
        }
    }
    const cost = measureOf(facts.serving?.cost);
    if (cost?.unit.currency && facts.serving?.cost) {
        return { currency: cost.unit.currency, source: () => `serving \`cost\` ${formatMeasure(cost)}`, node: facts.serving.cost };
    }
    return undefined;
}

/** True for `USD`, `EUR/month`, ...: money units of some currency. */
export function isMoney(unit: UnitInfo): boolean {
    return unit.currency !== undefined && (CURRENCIES as readonly string[]).includes(unit.currency);
}

/** The unit `m` would have in `currency`: `0.00004 EUR/req` → `USD/req`. */
export function inCurrency(unit: UnitInfo, currency: string): string {
    return unit.symbol.replace(/^[A-Z]{3}/, currency);
}

/** Within 0–100 %: the ratio lies in [0, 1] (with float noise tolerated). */
export function withinPercent(m: Measure): boolean {
    const ratio = toBase(m);
    return ratio >= -1e-12 && ratio <= 1 + 1e-9;
}

/**
 * Why a fraction is out of 0–100 %, in words: `150 %`, or for a plain number
 * `50 is a ratio, i.e. 5,000 %`. Plus the replacement a user most likely meant, if any.
 */
export function describePercent(m: Measure): { text: string; replacement?: string } {
    if (m.unit.symbol === '%') {
        return { text: formatMeasure(m) };
    }
    const replacement = m.value >= 0 && m.value <= 100 ? `${formatNumber(m.value).replace(/,/g, '')} %` : undefined;
    return { text: `${formatMeasure(m)} (a plain number is a ratio: ${formatPercent(toBase(m))})`, replacement };
}

/** A stage's traffic when it can take part in ordering checks: a fraction within 0–100 %. */
export function stageTraffic(stage: ast.RolloutStage | undefined): Measure | undefined {
    const traffic = measureOf(stage?.traffic);
    return traffic && traffic.unit.dimension === 'fraction' && withinPercent(traffic) ? traffic : undefined;
}

/** For `better higher`, a bound with `<`/`<=` points the wrong way, and vice versa; `=` never does. */
export function pointsWrongWay(better: string | undefined, op: string | undefined): boolean {
    if (better === 'higher') {
        return op === '<' || op === '<=';
    }
    if (better === 'lower') {
        return op === '>' || op === '>=';
    }
    return false;
}

/** `>=` ↔ `<=`, `>` ↔ `<`. */
export function flipOperator(op: string): string {
    return ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] ?? op;
}

/** A share as written, with its percentage when written as a plain ratio: `10 %`, `0.1 (10 %)`. */
export function formatShare(m: Measure): string {
    return m.unit.symbol === '' ? `${formatMeasure(m)} (${formatPercent(toBase(m))})` : formatMeasure(m);
}
