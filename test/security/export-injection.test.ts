import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspConnection } from '../../scripts/abuse/lsp-connection.mjs';
import { mlplan, requireBundle } from '../cli/run.js';
import { parseDocument } from '../export/dom.js';
import { HOSTILE_PLAN, HOSTILE_STRINGS } from '../export/hostile-plan.js';
import { expectWellFormed, PLAN_SECTIONS, renderWithMarkdownIt } from '../export/markdown-check.js';

/**
 * test/export/hostile.test.ts renders the hostile plan through the exporters in-process. This is
 * the cross-check through the two doors a user actually opens: `mlplan export` (every format) and
 * the language server's `mlplan.export` command (what the editor's export and preview receive).
 * Both must give the very same text, and that text must be inert.
 */
const FORMATS = ['markdown', 'json', 'html'] as const;
type Format = typeof FORMATS[number];

let dir: string;
let file: string;
const cli = new Map<Format, string>();
const lsp = new Map<Format, string>();

beforeAll(async () => {
    requireBundle();
    dir = mkdtempSync(path.join(tmpdir(), 'mlplan-hostile-'));
    file = path.join(dir, 'hostile.mlplan');
    writeFileSync(file, HOSTILE_PLAN);
    for (const format of FORMATS) {
        const run = await mlplan(['export', '--format', format, file]);
        expect(run.code, run.stderr).toBe(0);
        cli.set(format, run.stdout);
    }
    const server = new LspConnection({ cwd: dir });
    try {
        await server.initialize(pathToFileURL(dir).href);
        const uri = pathToFileURL(file).href;
        server.open(uri, HOSTILE_PLAN);
        await server.diagnosticsFor(uri);
        for (const format of FORMATS) {
            const answer = await server.request('workspace/executeCommand', { command: 'mlplan.export', arguments: [uri, format] });
            expect(answer.error).toBeUndefined();
            expect(answer.result?.refused).toBeUndefined();
            lsp.set(format, answer.result.text as string);
        }
    } finally {
        await server.stop();
    }
}, 60_000);

afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a hostile plan exported through the CLI and through the language server', () => {
    test.each(FORMATS)('%s: the language server gives exactly what the CLI gives', format => {
        expect(lsp.get(format)).toBe(cli.get(format));
    });

    test('Markdown keeps its structure; even a renderer that allows raw HTML makes nothing active', async () => {
        for (const markdown of [cli.get('markdown')!, lsp.get('markdown')!]) {
            await expectWellFormed(markdown, PLAN_SECTIONS, HOSTILE_STRINGS.title);
            const rendered = parseDocument(`<!DOCTYPE html><html><body>${renderWithMarkdownIt(markdown)}</body></html>`);
            expect(rendered.querySelectorAll('script, iframe, object, embed, img, form, base, meta, style, svg').length).toBe(0);
            for (const element of rendered.querySelectorAll('*')) {
                expect(Array.from(element.attributes).filter(a => /^on/i.test(a.name)).map(a => a.name)).toEqual([]);
            }
            for (const link of rendered.querySelectorAll('a')) {
                expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
            }
        }
    });

    test('HTML: no script, no event handler, no javascript: link, a strict CSP first in <head>', () => {
        for (const html of [cli.get('html')!, lsp.get('html')!]) {
            const document = parseDocument(html);
            expect(document.querySelectorAll('script, iframe, frame, object, embed, applet, base, form, input, button, link, img, svg, math, video, audio, template, noscript').length).toBe(0);
            expect(document.querySelectorAll('meta[http-equiv="refresh" i]').length).toBe(0);
            for (const element of document.querySelectorAll('*')) {
                for (const attribute of Array.from(element.attributes)) {
                    expect(/^on/i.test(attribute.name), `<${element.tagName.toLowerCase()} ${attribute.name}>`).toBe(false);
                    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attribute.name.toLowerCase())) {
                        expect(attribute.value.trim(), `${attribute.name}=${attribute.value}`).toMatch(/^(https?:\/\/|#)/i);
                    }
                }
            }
            // The raw text, too: no tag or handler that a lenient parser could still pick up. Plan
            // text shows `onmouseover="…"` as text; inside a tag (every `<` of plan text is `&lt;`) it may not.
            expect(html).not.toMatch(/<\s*script/i);
            expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
            expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
            const head = document.querySelector('head')!;
            expect(head.children[0]?.tagName.toLowerCase()).toBe('meta'); // charset
            const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
            expect(csp).toMatch(/(^|;)\s*default-src 'none'\s*(;|$)/);
            expect(csp).not.toMatch(/script-src|unsafe-eval|strict-dynamic|connect-src|frame-src/);
            // The hostile strings are there, as text.
            expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_STRINGS.title);
        }
    });

    test('JSON: valid, every hostile string kept exactly, no unsafe link', () => {
        for (const json of [cli.get('json')!, lsp.get('json')!]) {
            const data = JSON.parse(json) as { title: string; monitoring?: { dashboard?: { text: string; url: string | null } } };
            expect(data.title).toBe(HOSTILE_STRINGS.title);
            expect(data.monitoring?.dashboard).toEqual({ text: HOSTILE_STRINGS.dashboard, url: null });
        }
    });
});
