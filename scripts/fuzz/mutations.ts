/**
 * Grammar-aware mutations. Each one rewrites the text of one file of a mutant using the real
 * lexer's tokens (so that deleting, duplicating or swapping works on whole tokens), the grammar's
 * keywords, and hostile text: control characters, lone surrogates, a BOM, emoji, huge numbers,
 * deep nesting, very long lines and strings, many declarations of one name, import cycles.
 * Everything random comes from the `Rng` given, so a mutant is a pure function of its seed.
 */
import type { SeedInput } from './corpus.js';
import type { Rng } from './prng.js';
import { anyUnit, unitSpans, v2Insertion } from './v2-syntax.js';

/** A set of files to check: the main file (whose features are exercised) and the others it may import. */
export interface Mutant {
    path: string;
    text: string;
    files: Record<string, string>;
}

/** What the fuzzer uses of a Chevrotain token. */
export interface IToken {
    readonly image: string;
    readonly startOffset: number;
    readonly tokenType: { readonly name: string };
}

export interface Lexed {
    /** Tokens the parser sees. */
    readonly tokens: readonly IToken[];
    /** Comments (whitespace tokens excluded). */
    readonly comments: readonly IToken[];
}

export interface MutationContext {
    readonly lex: (text: string) => Lexed;
    /** Every keyword of the grammar (alphabetic and punctuation). */
    readonly keywords: readonly string[];
    /** Every rule code, for `mlplan-ignore` comments. */
    readonly codes: readonly string[];
    readonly corpus: readonly SeedInput[];
}

export interface Mutation {
    readonly name: string;
    /** Relative frequency. The expensive ones (megabyte inputs) are rare so a short run stays short. */
    readonly weight: number;
    /**
     * Makes a large input (megabyte string, 10,000-deep nesting, …): applied last, since lexing it
     * again for a further token mutation would take most of the mutant's time.
     */
    readonly heavy?: boolean;
    /** Rewrites `mutant` in place; returns what it did (for the report), or undefined if it did not apply. */
    apply(mutant: Mutant, rng: Rng, ctx: MutationContext): string | undefined;
}

// ---------------------------------------------------------------- helpers

/** The file a mutation edits: usually the main file, sometimes one it imports. */
function target(mutant: Mutant, rng: Rng): { get: () => string; set: (text: string) => void; label: string } {
    const others = Object.keys(mutant.files).sort();
    if (others.length > 0 && rng.chance(0.15)) {
        const path = rng.pick(others);
        return { get: () => mutant.files[path], set: text => { mutant.files[path] = text; }, label: ` in ${path}` };
    }
    return { get: () => mutant.text, set: text => { mutant.text = text; }, label: '' };
}

function splice(text: string, start: number, end: number, insert: string): string {
    return text.slice(0, start) + insert + text.slice(end);
}

/** `line:col` (1-based) of an offset, for reports. */
export function where(text: string, offset: number): string {
    let line = 1;
    let last = -1;
    for (let i = 0; i < offset && i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            last = i;
        }
    }
    return `${line}:${offset - last}`;
}

/** A short, printable rendering of text for reports. */
export function show(text: string, max = 40): string {
    const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
    return JSON.stringify(cut);
}

function tokenEnd(token: IToken): number {
    return token.startOffset + token.image.length;
}

/** Lines with their line terminators (`\r\n`, `\n` or a lone `\r`). */
export function splitLines(text: string): string[] {
    return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

const ASCII_ID_START = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';
const ASCII_ID_PART = `${ASCII_ID_START}0123456789`;

function asciiIdentifier(rng: Rng): string {
    let name = ASCII_ID_START[rng.int(ASCII_ID_START.length)];
    for (let i = rng.int(12); i > 0; i--) {
        name += ASCII_ID_PART[rng.int(ASCII_ID_PART.length)];
    }
    return name;
}

const UNICODE_WORDS = [
    'café', 'naïve', 'Ωmega', 'données', '数据集', 'метрика', 'עברית', 'عربى', 'ß', 'ﬁx',
    'e\u0301', 'A\u030A', '\u{1D518}\u{1D51E}', '🙂', '👩‍👩‍👧', '🏳️‍🌈', '🇺🇳', '\u200Bzw', 'a\u200Db',
    '\u202Eevil', 'x\u0000y', 'x\uD800y', '\uDC00', 'tab\there', 'nbsp\u00A0nbsp', '\u2028', '\uFEFFbom',
];

const HOSTILE_STRINGS = [
    '<script>alert(1)</script>', '</style><img src=x onerror=alert(1)>', '| pipe | table |', '`code` **bold** [x](javascript:alert(1))',
    '# heading', '---', '\\\\', '\\"quoted\\"', '$(rm -rf /)', '%s%n%x', '{{template}}', '\u0000', '\uD83D', '\uDE00',
    'graph TD; A-->B', 'gantt\\n', ']]>', '<!--', '&amp;&lt;', 'javascript:alert(1)', 'https://ex.ample/?q=<x>',
];

function unicodeText(rng: Rng): string {
    const parts: string[] = [];
    for (let i = rng.range(1, 4); i > 0; i--) {
        parts.push(rng.chance(0.3) ? rng.pick(HOSTILE_STRINGS) : rng.pick(UNICODE_WORDS));
    }
    return parts.join(rng.chance(0.5) ? ' ' : '');
}

/** Characters a text editor can hold but a plan should not contain. */
const BYTES = [
    '\u0000', '\u0001', '\u0007', '\b', '\t', '\v', '\f', '\r', '\n', '\r\n', '\u001B', '\u007F',
    '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\uFFFE', '\uFFFF', '\u00A0', '\u2028', '\u2029',
    '\u200B', '\u202E', '\u0301', '\u{1F600}', '\u{10FFFF}', '"', '\\', '{', '}', '/', '*', '/*', '*/',
    '//', '/**', '.', ',', '%', '<', '>', '=', '-', '_', '@', '#', '$', '`', "'", '(', ')', '[', ']', ';',
];

function randomBytes(rng: Rng): string {
    let out = '';
    for (let i = rng.range(1, 8); i > 0; i--) {
        const kind = rng.int(4);
        if (kind === 0) {
            out += String.fromCharCode(rng.int(0x80));
        } else if (kind === 1) {
            out += String.fromCharCode(rng.int(0x10000));
        } else {
            out += rng.pick(BYTES);
        }
    }
    return out;
}

/** A named declaration of the file: keyword, name, and its block (brace-matched on tokens). */
interface Declaration {
    readonly start: number;
    readonly end: number;
    readonly keyword: string;
    readonly name: IToken;
}

const DECLARATION_KEYWORDS = new Set(['person', 'team', 'metric', 'persona', 'objective', 'dataset', 'baseline', 'model', 'slo', 'risk', 'milestone']);

function declarations(tokens: readonly IToken[]): Declaration[] {
    const found: Declaration[] = [];
    for (let i = 0; i + 2 < tokens.length; i++) {
        if (!DECLARATION_KEYWORDS.has(tokens[i].image) || tokens[i + 2].image !== '{') {
            continue;
        }
        let depth = 0;
        for (let j = i + 2; j < tokens.length; j++) {
            depth += tokens[j].image === '{' ? 1 : tokens[j].image === '}' ? -1 : 0;
            if (depth === 0) {
                found.push({ start: tokens[i].startOffset, end: tokenEnd(tokens[j]), keyword: tokens[i].image, name: tokens[i + 1] });
                break;
            }
        }
    }
    return found;
}

const isNumber = (t: IToken) => t.tokenType.name === 'NUMBER';
const isString = (t: IToken) => t.tokenType.name === 'STRING';
const isId = (t: IToken) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.image);

function pickToken(tokens: readonly IToken[], rng: Rng, filter?: (t: IToken) => boolean): IToken | undefined {
    const pool = filter ? tokens.filter(filter) : tokens;
    return pool.length > 0 ? rng.pick(pool) : undefined;
}

// ---------------------------------------------------------------- the mutations

const deleteToken: Mutation = {
    name: 'delete-token',
    weight: 12,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng);
        if (!token) {
            return undefined;
        }
        file.set(splice(text, token.startOffset, tokenEnd(token), ''));
        return `delete ${show(token.image)} at ${where(text, token.startOffset)}${file.label}`;
    },
};

const duplicateToken: Mutation = {
    name: 'duplicate-token',
    weight: 8,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng);
        if (!token) {
            return undefined;
        }
        const copies = rng.chance(0.8) ? 1 : rng.range(2, 50);
        file.set(splice(text, tokenEnd(token), tokenEnd(token), ` ${token.image}`.repeat(copies)));
        return `duplicate ${show(token.image)} ×${copies} at ${where(text, token.startOffset)}${file.label}`;
    },
};

const swapTokens: Mutation = {
    name: 'swap-tokens',
    weight: 8,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const { tokens } = ctx.lex(text);
        if (tokens.length < 2) {
            return undefined;
        }
        const i = rng.int(tokens.length - 1);
        const j = rng.chance(0.6) ? i + 1 : rng.range(i + 1, tokens.length - 1);
        const [a, b] = [tokens[i], tokens[j]];
        const swapped = text.slice(0, a.startOffset) + b.image + text.slice(tokenEnd(a), b.startOffset) + a.image + text.slice(tokenEnd(b));
        file.set(swapped);
        return `swap ${show(a.image)} at ${where(text, a.startOffset)} with ${show(b.image)} at ${where(text, b.startOffset)}${file.label}`;
    },
};

const replaceKeyword: Mutation = {
    name: 'replace-with-keyword',
    weight: 12,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng);
        if (!token) {
            return undefined;
        }
        const keyword = rng.pick(ctx.keywords);
        file.set(splice(text, token.startOffset, tokenEnd(token), keyword));
        return `replace ${show(token.image)} at ${where(text, token.startOffset)} with keyword ${show(keyword)}${file.label}`;
    },
};

const replaceIdentifier: Mutation = {
    name: 'replace-with-identifier',
    weight: 10,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const { tokens } = ctx.lex(text);
        const token = pickToken(tokens, rng, rng.chance(0.7) ? isId : undefined);
        if (!token) {
            return undefined;
        }
        const names = tokens.filter(isId).map(t => t.image);
        const choice = rng.int(10);
        const name = choice < 5 && names.length > 0 ? rng.pick(names)
            : choice < 8 ? asciiIdentifier(rng)
                : choice < 9 ? `_${'x'.repeat(rng.range(100, 20_000))}`
                    : rng.pick(['pii', 'sensitive', 'label', 'predictions', 'plan', 'import', 'on', 'drift', 'true', 'null', '__proto__', 'constructor', 'toString', 'hasOwnProperty']);
        file.set(splice(text, token.startOffset, tokenEnd(token), name));
        return `replace ${show(token.image)} at ${where(text, token.startOffset)} with identifier ${show(name)}${file.label}`;
    },
};

const truncate: Mutation = {
    name: 'truncate',
    weight: 6,
    apply(mutant, rng) {
        const file = target(mutant, rng);
        const text = file.get();
        const at = rng.int(text.length + 1);
        file.set(text.slice(0, at));
        return `truncate at ${where(text, at)} (offset ${at})${file.label}`;
    },
};

const insertBytes: Mutation = {
    name: 'insert-bytes',
    weight: 10,
    apply(mutant, rng) {
        const file = target(mutant, rng);
        const text = file.get();
        const at = rng.chance(0.1) ? 0 : rng.int(text.length + 1);
        const bytes = rng.chance(0.1) ? '\uFEFF' : randomBytes(rng);
        file.set(splice(text, at, at, bytes));
        return `insert ${show(bytes)} at ${where(text, at)}${file.label}`;
    },
};

const unicodeIdentifier: Mutation = {
    name: 'unicode-identifier',
    weight: 5,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng, isId);
        if (!token) {
            return undefined;
        }
        const word = rng.pick(UNICODE_WORDS);
        const name = rng.chance(0.5) ? word : rng.chance(0.5) ? token.image + word : word + token.image;
        file.set(splice(text, token.startOffset, tokenEnd(token), name));
        return `replace identifier ${show(token.image)} at ${where(text, token.startOffset)} with ${show(name)}${file.label}`;
    },
};

const unicodeString: Mutation = {
    name: 'unicode-string',
    weight: 6,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng, isString);
        if (!token) {
            return undefined;
        }
        const content = unicodeText(rng);
        const value = `"${content.replace(/[\\"]/g, c => `\\${c}`).replace(/[\r\n]/g, ' ')}"`;
        file.set(splice(text, token.startOffset, tokenEnd(token), value));
        return `replace string ${show(token.image)} at ${where(text, token.startOffset)} with ${show(value)}${file.label}`;
    },
};

const lineEndings: Mutation = {
    name: 'line-endings',
    weight: 4,
    apply(mutant, rng) {
        const file = target(mutant, rng);
        const text = file.get().replace(/\r\n?/g, '\n');
        const kind = rng.pick(['crlf', 'lone-cr', 'mixed', 'lf'] as const);
        const converted = kind === 'crlf' ? text.replace(/\n/g, '\r\n')
            : kind === 'lone-cr' ? text.replace(/\n/g, '\r')
                : kind === 'lf' ? text
                    : text.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r']));
        file.set(converted);
        return `line endings → ${kind}${file.label}`;
    },
};

const HUGE_NUMBERS = (rng: Rng): string => rng.pick([
    `1${'0'.repeat(309)}`, '9'.repeat(400), `-${'9'.repeat(400)}`, `0.${'0'.repeat(400)}1`, '-0', '-0.0', '0', '00', '007',
    '1e309', '-1e309', '1e-400', '1_000_000_000_000_000_000_000', `1${'_'.repeat(50)}0`, '1_', '9007199254740993',
    '0.1', '99.999999999999999999', '100.0000000000001', '-100', '-1', '2026-02-30', '9999-99-99', '0000-00-00', '2024-02-29',
    '1.7976931348623157_1', '4.9e-324', `${'1'.repeat(rng.range(20, 40))}.${'9'.repeat(rng.range(1, 40))}`,
]);

const hugeNumber: Mutation = {
    name: 'huge-number',
    weight: 8,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng, isNumber) ?? pickToken(ctx.lex(text).tokens, rng);
        if (!token) {
            return undefined;
        }
        const value = HUGE_NUMBERS(rng);
        file.set(splice(text, token.startOffset, tokenEnd(token), value));
        return `replace ${show(token.image)} at ${where(text, token.startOffset)} with number ${show(value)}${file.label}`;
    },
};

const deepNesting: Mutation = {
    name: 'deep-nesting',
    heavy: true,
    weight: 1,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const { tokens } = ctx.lex(text);
        const depth = rng.chance(0.6) ? 10_000 : rng.range(50, 3_000);
        const kind = rng.pick(['open', 'balanced', 'fields', 'close'] as const);
        const nested = kind === 'open' ? '{'.repeat(depth)
            : kind === 'balanced' ? `${'{'.repeat(depth)}${'}'.repeat(depth)}`
                : kind === 'close' ? '}'.repeat(depth)
                    : `${'fields { '.repeat(depth)}${'} '.repeat(depth)}`;
        const token = pickToken(tokens, rng);
        const at = token ? token.startOffset : rng.int(text.length + 1);
        file.set(splice(text, at, at, nested));
        return `insert ${kind} nesting ×${depth} at ${where(text, at)}${file.label}`;
    },
};

const longLine: Mutation = {
    name: 'long-line',
    heavy: true,
    weight: 1.5,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const kind = rng.pick(['join-lines', 'many-tokens', 'spaces', 'long-comment', 'long-identifier'] as const);
        if (kind === 'join-lines') {
            // Line comments would swallow the rest: turn them into block comments first.
            const joined = text.replace(/\/\/([^\r\n]*)/g, (_, body: string) => `/*${body.replace(/\*\//g, '* /')}*/`).replace(/\r?\n|\r/g, ' ');
            file.set(joined);
            return `join all lines into one${file.label}`;
        }
        const lines = splitLines(text);
        const lineIndex = rng.int(lines.length + 1);
        const at = lines.slice(0, lineIndex).join('').length;
        const length = rng.range(20_000, 200_000);
        const { tokens } = ctx.lex(text);
        const insert = kind === 'many-tokens' ? Array.from({ length: Math.ceil(length / 8) }, () => (tokens.length > 0 ? rng.pick(tokens).image : 'x')).join(' ')
            : kind === 'spaces' ? ' '.repeat(length)
                : kind === 'long-comment' ? `// ${'c'.repeat(length)}`
                    : `x${'y'.repeat(length)}`;
        file.set(splice(text, at, at, `${insert}\n`));
        return `insert a ${kind} line of ${insert.length} chars before line ${lineIndex + 1}${file.label}`;
    },
};

const hugeString: Mutation = {
    name: 'huge-string',
    heavy: true,
    weight: 0.5,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng, isString) ?? pickToken(ctx.lex(text).tokens, rng);
        const size = rng.chance(0.7) ? 1 << 20 : rng.range(10_000, 300_000);
        const kind = rng.pick(['plain', 'escapes', 'invalid-escapes', 'unterminated', 'unicode'] as const);
        const body = kind === 'escapes' ? '\\"\\\\'.repeat(size / 4)
            : kind === 'invalid-escapes' ? '\\q'.repeat(size / 2)
                : kind === 'unicode' ? '🙂é'.repeat(size / 3)
                    : 'x'.repeat(size);
        const literal = kind === 'unterminated' ? `"${body}` : `"${body}"`;
        const [start, end] = token ? [token.startOffset, tokenEnd(token)] : [0, 0];
        file.set(splice(text, start, end, literal));
        return `replace ${show(token?.image ?? '')} at ${where(text, start)} with a ${kind} string of ${literal.length} chars${file.label}`;
    },
};

const manyDeclarations: Mutation = {
    name: 'many-declarations',
    heavy: true,
    weight: 1.5,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const found = declarations(ctx.lex(text).tokens);
        if (found.length === 0) {
            return undefined;
        }
        const decl = rng.pick(found);
        const count = rng.chance(0.6) ? rng.range(2, 20) : rng.range(100, 1_500);
        const same = rng.chance(0.6);
        const source = text.slice(decl.start, decl.end);
        const nameAt = decl.name.startOffset - decl.start;
        const copies: string[] = [];
        for (let i = 0; i < count; i++) {
            copies.push(same ? source : source.slice(0, nameAt) + `${decl.name.image}_${i}` + source.slice(nameAt + decl.name.image.length));
        }
        file.set(splice(text, decl.end, decl.end, `\n${copies.join('\n')}`));
        return `declare \`${decl.keyword} ${decl.name.image}\` ${count} more times${same ? ' (same name)' : ' (numbered names)'}${file.label}`;
    },
};

const selfImport: Mutation = {
    name: 'self-import',
    weight: 2,
    apply(mutant, rng) {
        const base = mutant.path.split('/').pop() ?? mutant.path;
        const path = rng.pick([`./${base}`, base, `./sub/../${base}`, `.//${base}`, './', '', '../outside.mlplan', '/etc/passwd', 'file:///etc/passwd', `./${base.toUpperCase()}`, '\u0000', './🙂.mlplan']);
        const line = `import "${path.replace(/[\\"]/g, c => `\\${c}`)}"\n`;
        mutant.text = rng.chance(0.8) ? line + mutant.text : mutant.text + line;
        return `import ${show(path)} (self or hostile path)`;
    },
};

const importCycle: Mutation = {
    name: 'import-cycle',
    weight: 2,
    apply(mutant, rng, ctx) {
        const base = mutant.path.split('/').pop() ?? mutant.path;
        const dir = mutant.path.includes('/') ? mutant.path.slice(0, mutant.path.lastIndexOf('/') + 1) : '';
        const length = rng.range(1, 3);
        const names = Array.from({ length }, (_, i) => `cycle_${i}.mlplan`);
        const donor = rng.pick(ctx.corpus);
        names.forEach((name, i) => {
            const next = i + 1 < names.length ? names[i + 1] : base;
            const body = rng.chance(0.5)
                // Another plan or catalog: names may clash with the main file's.
                ? donor.text.replace(/^\s*import\s+"[^"]*"\s*$/gm, '')
                : `catalog Cycle${i} {\n  metric cycle_metric_${i} { kind ml better higher }\n  person cycle_person_${i} { name "C" }\n}\n`;
            mutant.files[dir + name] = `import "./${next}"\n${body}`;
        });
        mutant.text = `import "./${names[0]}"\n${mutant.text}`;
        return `import cycle ${[base, ...names, base].join(' → ')}`;
    },
};

const EMPTY_TEXTS = ['', ' ', '\n', '\r\n', '\uFEFF', '\u0000', '// only a comment', '/** a doc comment */', '/* unterminated', 'plan', 'plan X', 'plan X {', '}', '{', 'plan {', 'catalog C {}', 'plan P {}', 'import', 'import "./a.mlplan"', '"', '""'];

const emptyFile: Mutation = {
    name: 'empty-file',
    weight: 1.5,
    apply(mutant, rng) {
        const file = target(mutant, rng);
        const text = rng.pick(EMPTY_TEXTS);
        file.set(text);
        return `replace the whole file with ${show(text)}${file.label}`;
    },
};

const lineEdit: Mutation = {
    name: 'line-edit',
    weight: 8,
    apply(mutant, rng) {
        const file = target(mutant, rng);
        const lines = splitLines(file.get());
        if (lines.length === 0) {
            return undefined;
        }
        const from = rng.int(lines.length);
        const to = Math.min(lines.length, from + rng.range(1, rng.chance(0.8) ? 3 : 30));
        const kind = rng.pick(['delete', 'duplicate', 'move'] as const);
        const chunk = lines.slice(from, to);
        const rest = [...lines.slice(0, from), ...lines.slice(to)];
        if (kind === 'delete') {
            file.set(rest.join(''));
        } else if (kind === 'duplicate') {
            file.set([...lines.slice(0, to), ...chunk, ...lines.slice(to)].join(''));
        } else {
            const at = rng.int(rest.length + 1);
            file.set([...rest.slice(0, at), ...chunk, ...rest.slice(at)].join(''));
        }
        return `${kind} lines ${from + 1}-${to}${file.label}`;
    },
};

const spliceOther: Mutation = {
    name: 'splice',
    weight: 5,
    apply(mutant, rng, ctx) {
        const donor = rng.pick(ctx.corpus);
        const donorLines = splitLines(donor.text);
        if (donorLines.length === 0) {
            return undefined;
        }
        const from = rng.int(donorLines.length);
        const to = Math.min(donorLines.length, from + rng.range(1, 12));
        const lines = splitLines(mutant.text);
        const at = rng.int(lines.length + 1);
        mutant.text = [...lines.slice(0, at), ...donorLines.slice(from, to).map(l => (/[\r\n]$/.test(l) ? l : `${l}\n`)), ...lines.slice(at)].join('');
        return `insert lines ${from + 1}-${to} of ${donor.name} before line ${at + 1}`;
    },
};

const ignoreComment: Mutation = {
    name: 'ignore-comment',
    weight: 4,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const lines = splitLines(file.get());
        const at = rng.int(lines.length + 1);
        const codes = Array.from({ length: rng.range(0, 3) }, () => (rng.chance(0.85) ? rng.pick(ctx.codes) : rng.pick(['', 'nonsense', '*', 'syntax-error', '🙂', ',,']))).join(rng.pick([', ', ',', ' ']));
        const reason = rng.pick(['', ' -- reason', ' --', ' -- ', ` -- ${unicodeText(rng)}`, ' -- -- twice']);
        const indent = rng.pick(['', '  ', '\t', '    ']);
        const comment = rng.chance(0.85) ? `${indent}// mlplan-ignore ${codes}${reason}\n` : `${indent}/* mlplan-ignore ${codes}${reason} */\n`;
        file.set([...lines.slice(0, at), comment, ...lines.slice(at)].join(''));
        return `insert ${show(comment.trimEnd())} before line ${at + 1}${file.label}`;
    },
};

const docComment: Mutation = {
    name: 'doc-comment',
    weight: 3,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const token = pickToken(ctx.lex(text).tokens, rng, t => DECLARATION_KEYWORDS.has(t.image) || t.image === 'plan' || t.image === 'catalog') ?? pickToken(ctx.lex(text).tokens, rng);
        const at = token?.startOffset ?? 0;
        const comment = rng.pick([
            `/** ${unicodeText(rng)} */\n`, `/**\n * ${unicodeText(rng)}\n *\n * @param x ${unicodeText(rng)}\n */\n`, '/** */', '/***/', '/**/',
            `/* ${unicodeText(rng)}`, '/** unterminated', `/** {@link ${asciiIdentifier(rng)}} */ `, '/** a */ /** b */\n', `/** ${'word '.repeat(rng.range(100, 5_000))}*/\n`,
        ]);
        file.set(splice(text, at, at, comment));
        return `insert comment ${show(comment)} at ${where(text, at)}${file.label}`;
    },
};

const v2Property: Mutation = {
    name: 'v2-property',
    weight: 8,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const insertion = v2Insertion(text, ctx.lex(text).tokens, rng);
        file.set(splice(text, insertion.at, insertion.at, insertion.text));
        return `insert ${insertion.what} at ${where(text, insertion.at)}${file.label}`;
    },
};

const swapUnit: Mutation = {
    name: 'swap-unit',
    weight: 5,
    apply(mutant, rng, ctx) {
        const file = target(mutant, rng);
        const text = file.get();
        const spans = unitSpans(text, ctx.lex(text).tokens);
        if (spans.length === 0) {
            return undefined;
        }
        const span = rng.pick(spans);
        const unit = anyUnit(rng);
        file.set(splice(text, span.start, span.end, unit));
        return `replace unit ${show(span.image)} at ${where(text, span.start)} with ${show(unit)}${file.label}`;
    },
};

export const MUTATIONS: readonly Mutation[] = [
    deleteToken, duplicateToken, swapTokens, replaceKeyword, replaceIdentifier, truncate, insertBytes,
    unicodeIdentifier, unicodeString, lineEndings, hugeNumber, deepNesting, longLine, hugeString,
    manyDeclarations, selfImport, importCycle, emptyFile, lineEdit, spliceOther, ignoreComment, docComment,
    v2Property, swapUnit,
];

export interface GeneratedMutant {
    readonly seed: SeedInput;
    readonly mutant: Mutant;
    /** What was done, one entry per mutation applied: `delete-token: delete "}" at 12:3`. */
    readonly steps: readonly string[];
}

/** The mutant of one iteration: a seed input and 1–6 mutations (mostly one; a heavy one ends the list). */
export function generateMutant(rng: Rng, ctx: MutationContext, only?: readonly string[]): GeneratedMutant {
    const seed = rng.pick(ctx.corpus);
    const mutant: Mutant = { path: seed.path, text: seed.text, files: { ...seed.files } };
    const pool = only ? MUTATIONS.filter(m => only.includes(m.name)) : MUTATIONS;
    const count = rng.weighted<number>([[1, 60], [2, 25], [3, 10], [4, 3], [6, 2]]);
    const steps: string[] = [];
    for (let i = 0; i < count; i++) {
        const mutation = rng.weighted(pool.map(m => [m, m.weight] as const));
        const done = mutation.apply(mutant, rng, ctx);
        if (done !== undefined) {
            steps.push(`${mutation.name}: ${done}`);
            if (mutation.heavy) {
                break;
            }
        }
    }
    return { seed, mutant, steps };
}
