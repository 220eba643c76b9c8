/**
 * The hand-written reference in docs/ kept honest: every keyword of the grammar and every unit
 * the checker knows is documented in docs/language.md, every rule has its page, every ```mlplan
 * example parses (a rule page's first example raises its rule's code instead), every checker
 * output quoted in the guide is what the checker says, and every relative link leads somewhere.
 * Blocks marked ```mlplan fragment are partial on purpose and skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { checkExampleText, exampleServices } from '../../server/src/cli/explain.js';
import { toFinding } from '../../server/src/cli/results.js';
import { UNIT_SYMBOLS } from '../../server/src/model/units.js';
import { RULES } from '../../server/src/rules/registry.js';

const services = exampleServices();
const language = readFileSync('docs/language.md', 'utf8');

function markdownFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
    });
}

const DOCS = markdownFiles('docs').sort();

interface Block {
    readonly info: string;
    readonly text: string;
    /** 1-based line of the opening fence. */
    readonly line: number;
    /** The paragraph just before the block ("`catalog.mlplan`, next to it:"). */
    readonly caption: string;
}

function blocksOf(markdown: string): Block[] {
    const blocks: Block[] = [];
    const lines = markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const open = /^```(\S*)(.*)$/.exec(lines[i]!);
        if (!open || open[1] === '') {
            continue;
        }
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && lines[i] !== '```'; i++) {
            body.push(lines[i]!);
        }
        let c = start - 1;
        while (c >= 0 && lines[c]!.trim() === '') {
            c--;
        }
        blocks.push({ info: `${open[1]}${open[2]}`.trim(), text: `${body.join('\n')}\n`, line: start + 1, caption: c >= 0 ? lines[c]! : '' });
    }
    return blocks;
}

/** The words inside inline code spans (`rollback when` gives rollback and when) and the spans themselves. */
function inlineCode(markdown: string): { words: Set<string>; spans: Set<string> } {
    const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
    const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map(m => m[1]!);
    const words = new Set(spans.flatMap(span => span.split(/[^A-Za-z0-9_-]+/)).filter(w => w.length > 0));
    const tokens = new Set(spans.flatMap(span => span.split(/\s+/)));
    return { words, spans: tokens };
}

const codeOf = (d: Diagnostic) => toFinding(d).code;

describe('docs/language.md covers the language', () => {
    const { words, spans } = inlineCode(language);

    test('every keyword of the grammar is documented (in inline code)', () => {
        const grammar = readFileSync('grammar/mlplan.langium', 'utf8');
        const keywords = [...new Set([...grammar.matchAll(/'([A-Za-z][A-Za-z0-9_-]*)'/g)].map(m => m[1]!))].sort();
        expect(keywords.length).toBeGreaterThan(100);
        expect(keywords.filter(k => !words.has(k))).toEqual([]);
    });

    test('every unit the checker knows is documented', () => {
        expect(UNIT_SYMBOLS.filter(unit => !spans.has(unit))).toEqual([]);
    });

    test('the sections every plan author needs are there', () => {
        for (const heading of ['References', 'Stages and readiness', 'Placeholders', 'Configuration and suppression', 'Units']) {
            expect(language).toContain(`## ${heading}`);
        }
        expect(language).toContain('mlplan.config.json');
        expect(language).toContain('mlplan.rules');
        expect(language).toContain('// mlplan-ignore');
    });
});

test('every registered rule has a page, linked from the rule index', () => {
    const index = readFileSync('docs/rules/README.md', 'utf8');
    for (const rule of RULES) {
        expect(existsSync(`docs/rules/${rule.code}.md`), rule.code).toBe(true);
        expect(index, rule.code).toContain(`](${rule.code}.md)`);
    }
});

describe.each(DOCS)('%s', file => {
    const markdown = readFileSync(file, 'utf8');
    const blocks = blocksOf(markdown);
    const ruleCode = path.dirname(file) === path.join('docs', 'rules') && path.basename(file) !== 'README.md'
        ? path.basename(file, '.md') : undefined;

    const plans = blocks.filter(b => b.info.split(/\s+/)[0] === 'mlplan' && !b.info.includes('fragment'));
    // A block captioned "`NAME`, next to it:" is a file the example before it imports.
    const isFile = (b: Block) => /^`[^`]+\.mlplan`, next to it:$/.test(b.caption);
    const files = Object.fromEntries(plans.filter(isFile).map(b => [/^`([^`]+)`/.exec(b.caption)![1]!, b.text]));

    test('its mlplan examples parse and link (a rule page\'s first one raises its code)', async () => {
        let first = true;
        for (const block of plans.filter(b => !isFile(b))) {
            const { diagnostics } = await checkExampleText(block.text, files, services);
            const codes = diagnostics.map(codeOf);
            if (ruleCode && first) {
                expect(codes, `${file}:${block.line} does not raise ${ruleCode}`).toContain(ruleCode);
            } else {
                const broken = diagnostics.filter(d => ['syntax-error', 'unresolved-reference'].includes(codeOf(d)));
                expect(broken.map(d => `${file}:${block.line}: ${d.message}`)).toEqual([]);
            }
            first = false;
        }
    });

    test('every checker line it quotes after an example is what the checker says', async () => {
        for (let i = 1; i < blocks.length; i++) {
            let p = i - 1;
            while (p > 0 && isFile(blocks[p]!)) {
                p--;
            }
            const [plan, output] = [blocks[p]!, blocks[i]!];
            if (plan.info !== 'mlplan' || output.info !== 'text') {
                continue;
            }
            const { diagnostics } = await checkExampleText(plan.text, files, services);
            const actual = diagnostics.map(toFinding).map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
            for (const line of output.text.split('\n')) {
                const quoted = /^\S+\.mlplan:(\d+:\d+ \S+ \S+ .*)$/.exec(line);
                if (quoted) {
                    expect(actual, `${file}:${output.line}`).toContain(quoted[1]);
                }
            }
        }
    });

    test('its relative links lead to existing files', () => {
        const links = [...markdown.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map(m => m[1]!).filter(l => !/^[a-z]+:/.test(l));
        expect(links.filter(link => !existsSync(path.join(path.dirname(file), link)))).toEqual([]);
    });
});
