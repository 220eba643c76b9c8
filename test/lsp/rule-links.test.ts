// Each published diagnostic links to its rule's page (LSP codeDescription), as a running language
// server sends it over a real connection; the hover's note on a diagnostic ends with the same link.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { diagnosticNotes } from '../../server/src/lsp/mlplan-hover.js';
import { ruleDocsFolder, ruleLink, setRuleDocsFolder, withRuleLink } from '../../server/src/lsp/rule-links.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { startInProcessServer, type InProcessServer } from './in-process-server.js';

const REPO = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

// fallback-missing, duplicate-property (`mode` twice) and unresolved-reference (`Nowhere`) on one plan.
const PLAN = `plan Linked {
  owner ana
  stage mvp
  person ana { name "Ana" }
  serving {
    mode realtime
    mode batch
    serves Nowhere
  }
}
`;
const BROKEN = 'plan Broken {\n  owner "\n';
/** The pages this test ships: not owner-missing, not syntax-error (they get no link). */
const PAGES = ['fallback-missing', 'duplicate-property', 'unresolved-reference', 'objective-missing'];

let dir: string;
let docs: string;
let server: InProcessServer;

beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mlplan-rule-links-'));
    // Spaces and parentheses in the package's folder: the link must still be one Markdown destination.
    docs = path.join(dir, 'a package (copy)', 'docs', 'rules');
    mkdirSync(docs, { recursive: true });
    for (const code of PAGES) {
        writeFileSync(path.join(docs, `${code}.md`), `# ${code}\n`);
    }
    mkdirSync(path.join(dir, 'plans'));
    writeFileSync(path.join(dir, 'plans', 'linked.mlplan'), PLAN);
    writeFileSync(path.join(dir, 'plans', 'broken.mlplan'), BROKEN);
    setRuleDocsFolder(docs);
    server = await startInProcessServer(pathToFileURL(path.join(dir, 'plans')).href);
});

afterAll(() => {
    server?.dispose();
    setRuleDocsFolder(null);
    rmSync(dir, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(path.join(dir, 'plans', name)).href;
const codeOf = (d: Diagnostic) => String(d.code);

describe('published diagnostics link to their rule page', () => {
    test('each code with a page links to it (an existing file); a code without one gets no link', async () => {
        const { diagnostics } = await server.diagnosticsFor(uriOf('linked.mlplan'), p => p.diagnostics.length > 0);
        const codes = new Set(diagnostics.map(codeOf));
        for (const wanted of ['fallback-missing', 'duplicate-property', 'unresolved-reference', 'objective-missing']) {
            expect(codes, wanted).toContain(wanted);
        }
        for (const diagnostic of diagnostics) {
            const code = codeOf(diagnostic);
            if (PAGES.includes(code)) {
                const href = diagnostic.codeDescription?.href;
                expect(href, code).toBe(pathToFileURL(path.join(docs, `${code}.md`)).href.replace(/\(/g, '%28').replace(/\)/g, '%29'));
                expect(existsSync(fileURLToPath(href!)), code).toBe(true);
            } else {
                expect(diagnostic.codeDescription, code).toBeUndefined();
            }
        }
        // A code this test ships no page for.
        expect(diagnostics.some(d => codeOf(d) === 'baseline-missing' && d.codeDescription === undefined)).toBe(true);
    });

    test('a syntax error without a page carries no link', async () => {
        const { diagnostics } = await server.diagnosticsFor(uriOf('broken.mlplan'), p => p.diagnostics.length > 0);
        const syntax = diagnostics.filter(d => codeOf(d) === 'syntax-error');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.map(d => d.codeDescription)).toEqual(syntax.map(() => undefined));
    });

    test('the messages are still plain text, the rest of the diagnostic unchanged', async () => {
        const { diagnostics } = await server.diagnosticsFor(uriOf('linked.mlplan'), p => p.diagnostics.length > 0);
        const unresolved = diagnostics.find(d => codeOf(d) === 'unresolved-reference')!;
        expect(unresolved.message).not.toContain('`');
        expect(unresolved.source).toBe('mlplan');
        expect(unresolved.range.start.line).toBe(7);
    });
});

describe('withRuleLink and ruleLink', () => {
    test('a diagnostic that already links, or has no string code, is left alone', () => {
        const own = { code: 'fallback-missing', codeDescription: { href: 'https://example.com/x' } };
        expect(withRuleLink(own)).toBe(own);
        const numbered = { code: 3 };
        expect(withRuleLink(numbered)).toBe(numbered);
        expect(withRuleLink({})).toEqual({});
    });

    test('no code can reach outside the rules folder', () => {
        for (const code of ['../package', '..', 'fallback-missing/../objective-missing', 'FALLBACK-MISSING', '']) {
            expect(ruleLink(code), code).toBeUndefined();
        }
    });

    test('without a rules folder nothing links', () => {
        setRuleDocsFolder(undefined);
        try {
            expect(ruleLink('fallback-missing')).toBeUndefined();
            expect(withRuleLink({ code: 'fallback-missing' })).toEqual({ code: 'fallback-missing' });
        } finally {
            setRuleDocsFolder(docs);
        }
    });

    test('a folder with parentheses and spaces still makes a valid Markdown link destination', () => {
        const href = ruleLink('fallback-missing')!;
        expect(href).toMatch(/^file:\/\//);
        expect(href).not.toMatch(/[ ()]/);
        expect(fileURLToPath(href)).toBe(path.join(docs, 'fallback-missing.md'));
    });
});

describe("the hover's note ends with the link", () => {
    const document = (codes: string[]) => ({
        diagnostics: codes.map(code => ({
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
            message: code,
            code,
            data: { code },
        })),
    }) as unknown as Parameters<typeof diagnosticNotes>[0];
    const at = { line: 0, character: 1 };

    test('one finding: its title and why, then "Rule page"', () => {
        const lines = diagnosticNotes(document(['fallback-missing']), at)!.split('\n');
        expect(lines[0]).toBe(`**\`fallback-missing\`**: ${RULES_BY_CODE.get('fallback-missing')!.title}.`);
        expect(lines.at(-1)).toBe(`[Rule page](${ruleLink('fallback-missing')})`);
    });

    test('one finding without a page: no link', () => {
        const notes = diagnosticNotes(document(['owner-missing']), at)!;
        expect(notes).not.toContain('Rule page');
        expect(notes).not.toContain('file:');
    });

    test('several findings: each code links to its page where there is one, one line each', () => {
        const lines = diagnosticNotes(document(['fallback-missing', 'owner-missing']), at)!.split('\n');
        expect(lines).toHaveLength(4);
        expect(lines[2]).toMatch(new RegExp(`^- \\[\\*\\*\`fallback-missing\`\\*\\*\\]\\(${ruleLink('fallback-missing')!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) \\(`));
        expect(lines[3]).toMatch(/^- \*\*`owner-missing`\*\* \(/);
    });
});

describe("the repository's own pages", () => {
    test('the server finds docs/rules/ of its package, from the sources as from out/*.cjs (the package root above)', () => {
        setRuleDocsFolder(null);
        try {
            const expected = existsSync(path.join(REPO, 'docs', 'rules')) ? path.join(REPO, 'docs', 'rules') : undefined;
            expect(ruleDocsFolder()).toBe(expected);
            // Every code links to an existing page, or to none at all.
            for (const code of RULES_BY_CODE.keys()) {
                const href = ruleLink(code);
                if (href) {
                    expect(existsSync(fileURLToPath(href)), code).toBe(true);
                }
            }
            if (expected) {
                expect(ruleLink('fallback-missing')).toBe(pathToFileURL(path.join(expected, 'fallback-missing.md')).href);
            }
        } finally {
            setRuleDocsFolder(docs);
        }
    });
});
