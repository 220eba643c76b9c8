import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../cli/run.js';

/**
 * No code is ever made from text: no `eval`, no `Function` constructor, no `vm` module, no string
 * timers, in our sources and in the bundles we ship. Dependencies are bundled too; the two
 * occurrences they bring are pinned below with the reason each is harmless, so a new one (from a
 * dependency upgrade or our own code) fails this test and gets looked at.
 */

/** Code-from-text constructs, as they appear in TypeScript and in esbuild's minified output. */
const PATTERNS: ReadonlyArray<[string, RegExp]> = [
    ['eval', /(?<![\w$.])eval\s*\)?\s*\(/g],
    ['Function constructor', /(?<![\w$.])(new\s+)?Function\s*\(/g],
    ['vm module', /(?:require\(\s*["'](?:node:)?vm["']\s*\)|from\s+["'](?:node:)?vm["']|import\(\s*["'](?:node:)?vm["']\s*\))/g],
    ['vm run/compile', /\b(runInNewContext|runInThisContext|runInContext|compileFunction|SourceTextModule|SyntheticModule)\b/g],
    ['string timer', /\b(setTimeout|setInterval|setImmediate)\(\s*["'`]/g],
    ['WebAssembly compile', /\bWebAssembly\.(compile|instantiate|Module)\b/g],
];

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile() && /\.(ts|js|mjs|cjs)$/.test(entry.name))
        .map(entry => path.join(entry.parentPath, entry.name));
}

/** Comments are prose: `// evaluate (the model)` is not a call. Good enough for our own sources. */
function withoutComments(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'`\\])\/\/.*$/gm, '$1');
}

interface Finding {
    readonly kind: string;
    readonly excerpt: string;
}

function findings(text: string): Finding[] {
    const found: Finding[] = [];
    for (const [kind, pattern] of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
            found.push({ kind, excerpt: text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40) });
        }
    }
    return found;
}

describe('no eval, Function or vm in our sources', () => {
    test.each(['server/src', 'client/src'])('%s', dir => {
        const offending = sourceFiles(path.join(ROOT, dir)).flatMap(file =>
            findings(withoutComments(readFileSync(file, 'utf8'))).map(f => `${path.relative(ROOT, file)}: ${f.kind}: …${f.excerpt}…`));
        expect(offending).toEqual([]);
    });
});

/**
 * What the bundles may contain, each with where it comes from and why it cannot run plan text:
 * - chevrotain's `toFastProperties` (@chevrotain/utils/src/to-fast-properties.ts, through
 *   langium → chevrotain) ends with `(0, eval)(toBecomeFast)` *after* an unconditional `return`:
 *   dead code, kept only to stop V8 from optimising the function.
 * - lodash-es's `_root.js` (through langium → chevrotain-allstar) is `freeGlobal || freeSelf ||
 *   Function('return this')()`: a constant string, evaluated only where neither `global` nor
 *   `self` exists, never in Node or in VS Code's extension host.
 */
const KNOWN: ReadonlyArray<{ kind: string; excerpt: RegExp; source: string; unreachable: RegExp }> = [
    {
        kind: 'eval',
        excerpt: /return [\w$]+\(\),[\w$]+\(\),[\w$]+;\(0,eval\)\([\w$]+\)/,
        source: 'node_modules/@chevrotain/utils/src/to-fast-properties.ts',
        unreachable: /return [\w$]+\(\),[\w$]+\(\),[\w$]+;\(0,eval\)/,
    },
    {
        kind: 'Function constructor',
        excerpt: /\|\|[\w$]+\|\|Function\("return this"\)\(\)/,
        source: 'node_modules/lodash-es/_root.js',
        unreachable: /typeof global=="object"&&global&&global\.Object===Object&&global/,
    },
];

describe('no eval, Function or vm in the shipped bundles', () => {
    const bundles = ['out/extension.cjs', 'out/server.cjs', 'out/cli.cjs'];

    test.each(bundles)('%s holds only the pinned, unreachable occurrences', bundle => {
        const file = path.join(ROOT, bundle);
        expect(existsSync(file), `${bundle} is missing: run npm run build`).toBe(true);
        const text = readFileSync(file, 'utf8');
        const sources = (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources
            .map(source => path.relative(ROOT, path.resolve(path.dirname(file), source)));
        const unexplained: string[] = [];
        const explained = new Set<string>();
        for (const finding of findings(text)) {
            const known = KNOWN.find(k => k.kind === finding.kind && k.excerpt.test(finding.excerpt));
            if (!known) {
                unexplained.push(`${finding.kind}: …${finding.excerpt}…`);
                continue;
            }
            explained.add(known.source);
            // The reason it is harmless still holds in this bundle, and the code comes from where we say.
            expect(text).toMatch(known.unreachable);
            expect(sources).toContain(known.source);
        }
        expect(unexplained).toEqual([]);
        if (bundle === 'out/extension.cjs') {
            // The extension itself bundles no parser: it has none at all.
            expect([...explained]).toEqual([]);
        }
    });
});
