/**
 * The fuzzer's model of the v2 language (LANGUAGE.md section 3): which property goes in which
 * block, with values that are plausible, on an edge (0, negative, fractional replicas), absurd
 * (1e308 req/s, a 10,000,000-day stage, a rate so large it overflows to Infinity), in the wrong
 * unit, or a placeholder. The seeds already use v2; these snippets put every v2 property, with
 * figures the 4.3 rules divide and multiply, where mutations of the seeds alone would rarely go.
 * Every snippet parses (a wrong value is a unit or a name, never a syntax error): the other
 * mutations break the syntax; this one is for the rules, hovers and exports behind it.
 */
import { UNIT_SYMBOLS } from '../../server/src/model/units.js';
import type { IToken } from './mutations.js';
import type { Rng } from './prng.js';

/** Text to insert at an offset, and what it is (for the report). */
export interface Insertion {
    readonly at: number;
    readonly text: string;
    readonly what: string;
}

type UnitKind = 'time' | 'rate' | 'row-rate' | 'money-per-row' | 'money-per-year' | 'count' | 'percent';

const UNITS: Record<UnitKind, readonly string[]> = {
    time: ['ms', 's', 'min', 'h', 'd', 'w'],
    rate: ['req/s', 'req/min', 'req/h', 'req/day', 'req/d'],
    'row-rate': ['rows/s', 'rows/min', 'rows/h', 'rows/day', 'rows/d'],
    'money-per-row': ['USD/row', 'EUR/row', 'GBP/row'],
    'money-per-year': ['USD/year', 'EUR/year', 'GBP/year', 'USD/month'],
    count: [''],
    percent: ['%'],
};

/** Words in unit position that are not units, close to ones that are. */
const NOT_UNITS = ['days', 'rows/sec', 'USD/yr', 'pods', 'req/week', 'rows/month', 'usd/row', 'yr'];

function number(rng: Rng): string {
    return rng.weighted<() => string>([
        [() => String(rng.range(1, 2_000)), 6],
        [() => `${rng.range(0, 99)}.${rng.range(0, 999)}`, 2],
        [() => `${rng.range(1, 999)}_000_000`, 1],
        [() => rng.pick(['0', '-0', '-1', '-2_000', '0.5', '0.000001', '10_000_000']), 2],
        // 1e308, and a number that parses to Infinity: figures that multiply or divide them must not.
        [() => rng.pick([`1${'0'.repeat(308)}`, `9${'9'.repeat(320)}`, `0.${'0'.repeat(330)}1`]), 1],
    ])();
}

/** A number with a unit: mostly the property's own, sometimes any unit of the language, none, or a non-unit. */
export function quantity(rng: Rng, kind: UnitKind): string {
    const unit = rng.weighted<() => string>([
        [() => rng.pick(UNITS[kind]), 16],
        [() => rng.pick(UNIT_SYMBOLS), 3],
        [() => '', 1],
        [() => rng.pick(NOT_UNITS), 1],
    ])();
    return unit === '' ? number(rng) : `${number(rng)} ${unit}`;
}

function date(rng: Rng): string {
    return rng.chance(0.8)
        ? `${rng.range(2024, 2030)}-${String(rng.range(1, 12)).padStart(2, '0')}-${String(rng.range(1, 28)).padStart(2, '0')}`
        : rng.pick(['2026-02-30', '2024-02-29', '9999-12-31', '0001-01-01', '1970-01-01', '2026-13-01']);
}

function text(rng: Rng): string {
    return rng.pick([
        '"2.3.0"', '"mlflow://models/churn"', '"Retention agent"', '"whom to call first"',
        // Placeholders: readiness must not count them (LANGUAGE.md 4.1).
        '""', '"  "', '"TODO"', '"todo: ask legal"', '"TBD"', '"?"', '"FIXME later"', '"xxx"',
        '"<b>bold</b> | pipe"', '"a \\"quoted\\" name"', '"🙂 émoji"',
    ]);
}

/** Names declared with `keyword NAME {` in the tokens (datasets, models, personas, milestones). */
function declared(tokens: readonly IToken[], keyword: string): string[] {
    const names: string[] = [];
    for (let i = 0; i + 2 < tokens.length; i++) {
        if (tokens[i].image === keyword && tokens[i + 2].image === '{') {
            names.push(tokens[i + 1].image);
        }
    }
    return names;
}

/** One name of a kind, mostly a declared one; else a name that resolves to nothing or to the wrong kind. */
function nameOf(rng: Rng, tokens: readonly IToken[], keyword: string): string {
    const names = declared(tokens, keyword);
    return names.length > 0 && rng.chance(0.85) ? rng.pick(names) : rng.pick(['Nowhere', 'ana', 'auc', 'serving', 'for', 'persona', '__proto__']);
}

function names(rng: Rng, tokens: readonly IToken[], keyword: string): string {
    return Array.from({ length: rng.weighted([[1, 6], [2, 3], [3, 1]]) }, () => nameOf(rng, tokens, keyword)).join(', ');
}

function labelingBlock(rng: Rng): string {
    const parts = [
        rng.chance(0.85) ? `rate ${quantity(rng, 'row-rate')}` : '',
        rng.chance(0.85) ? `cost ${quantity(rng, 'money-per-row')}` : '',
    ].filter(Boolean);
    const kind = rng.pick(['in-house', 'outsourced', 'crowdsourced', 'programmatic', 'none']);
    return `labeling ${kind} { ${(rng.chance(0.5) ? parts : parts.reverse()).join(' ')} }`;
}

interface V2Property {
    /** The block it belongs in: `plan`, a declaration keyword, or a singleton block. */
    readonly block: string;
    /** Named declarations (`dataset X {`) versus singletons (`serving {`) and the plan. */
    readonly named: boolean;
    readonly make: (rng: Rng, tokens: readonly IToken[]) => string;
}

/** Every v2 property and block, with the value generators of its units. */
export const V2_PROPERTIES: readonly V2Property[] = [
    { block: 'plan', named: true, make: rng => `start ${date(rng)}` },
    { block: 'plan', named: true, make: rng => `deployment ${rng.pick(['new', 'assist', 'replace'])}` },
    { block: 'plan', named: true, make: rng => `persona ${rng.pick(['agent', 'analyst', 'planner', 'for', 'persona'])} { description ${text(rng)} decision ${text(rng)} }` },
    { block: 'objective', named: true, make: rng => `value ${quantity(rng, 'money-per-year')}` },
    { block: 'objective', named: true, make: (rng, tokens) => `for ${names(rng, tokens, 'persona')}` },
    { block: 'dataset', named: true, make: rng => `labels after ${quantity(rng, 'time')}` },
    { block: 'dataset', named: true, make: rng => labelingBlock(rng) },
    { block: 'model', named: true, make: rng => `latency ${quantity(rng, 'time')}` },
    { block: 'model', named: true, make: rng => `version ${text(rng)}` },
    { block: 'model', named: true, make: rng => `registry ${text(rng)}` },
    { block: 'serving', named: false, make: (rng, tokens) => `serves ${nameOf(rng, tokens, 'model')}` },
    { block: 'serving', named: false, make: rng => `replicas ${quantity(rng, 'count')}` },
    { block: 'serving', named: false, make: rng => `capacity ${quantity(rng, 'rate')}` },
    { block: 'rollout', named: false, make: rng => `starts ${date(rng)}` },
    { block: 'rollout', named: false, make: (rng, tokens) => `starts after ${nameOf(rng, tokens, 'milestone')}` },
    { block: 'rollout', named: false, make: rng => `stage ${quantity(rng, 'percent')} for ${quantity(rng, 'time')}` },
    { block: 'milestone', named: true, make: (rng, tokens) => `needs ${names(rng, tokens, 'dataset')}` },
];

/** Offsets just inside the `{` of every `block {` (or `block NAME {`) of the tokens. */
function openings(tokens: readonly IToken[], block: string, named: boolean): number[] {
    const found: number[] = [];
    const brace = named ? 2 : 1;
    for (let i = 0; i + brace < tokens.length; i++) {
        if (tokens[i].image === block && tokens[i + brace].image === '{') {
            found.push(tokens[i + brace].startOffset + 1);
        }
    }
    return found;
}

/**
 * A v2 property inserted into a block of its kind; when the file has no such block, the block
 * itself, with that one property, goes into the plan (or at the top of a file without one).
 */
export function v2Insertion(source: string, tokens: readonly IToken[], rng: Rng): Insertion {
    const property = rng.pick(V2_PROPERTIES);
    const line = property.make(rng, tokens);
    const inside = openings(tokens, property.block, property.named);
    if (inside.length > 0) {
        return { at: rng.pick(inside), text: `\n    ${line}\n`, what: `\`${line}\` in ${property.block}` };
    }
    const block = property.named ? `${property.block} Fuzz${rng.int(100)} { ${line} }` : `${property.block} { ${line} }`;
    const plans = openings(tokens, 'plan', true);
    const at = plans.length > 0 ? rng.pick(plans) : rng.int(source.length + 1);
    return { at, text: `\n  ${block}\n`, what: `\`${block}\` (no ${property.block} to put it in)` };
}

/** The unit written after a number: `ms`, `%`, or `USD` `/` `row` (three tokens). */
export interface UnitSpan {
    readonly start: number;
    readonly end: number;
    readonly image: string;
}

const isWord = (t: IToken | undefined) => t !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.image);

const KNOWN = new Set(UNIT_SYMBOLS);

/**
 * Every unit written after a number in the tokens (v1 and v2 units alike), so that one can be
 * swapped for any other. Only units the language knows count: the word after `to 600` or after a
 * number at the end of a line is the next property, not a unit.
 */
export function unitSpans(source: string, tokens: readonly IToken[]): UnitSpan[] {
    const spans: UnitSpan[] = [];
    for (let i = 0; i + 1 < tokens.length; i++) {
        if (tokens[i].tokenType.name !== 'NUMBER') {
            continue;
        }
        const first = tokens[i + 1];
        const last = isWord(first) && tokens[i + 2]?.image === '/' && isWord(tokens[i + 3]) ? tokens[i + 3] : first;
        const end = last.startOffset + last.image.length;
        const image = source.slice(first.startOffset, end).replace(/\s+/g, '');
        if (KNOWN.has(image)) {
            spans.push({ start: first.startOffset, end, image });
        }
    }
    return spans;
}

/** A unit to put in place of another: any unit of the language, none, or a near miss. */
export function anyUnit(rng: Rng): string {
    return rng.weighted<() => string>([
        [() => rng.pick(UNIT_SYMBOLS), 8],
        [() => '', 1],
        [() => rng.pick(NOT_UNITS), 1],
    ])();
}
