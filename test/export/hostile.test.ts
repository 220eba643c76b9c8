import { beforeAll, describe, expect, test } from 'vitest';
import type { PlanExport } from '../../server/src/export/export-model.js';
import { renderExport } from '../../server/src/export/index.js';
import { parseDocument, type DomDocument } from './dom.js';
import { HOSTILE_PLAN, HOSTILE_STRINGS } from './hostile-plan.js';
import { countCells, expectWellFormed, PLAN_SECTIONS, renderWithMarkdownIt, visibleTexts } from './markdown-check.js';
import { modelOfText } from './support.js';

/**
 * Plan text is untrusted. Whatever its strings hold, the exports keep their structure, run
 * nothing, link only to http(s) addresses, and still show the text as written.
 */
let model: PlanExport;

beforeAll(async () => {
    model = await modelOfText(HOSTILE_PLAN);
    // The plan itself is valid apart from one deliberate finding, so every section is exercised.
    expect(model.diagnostics.map(d => d.code)).toEqual(['pii-policy-missing']);
});

describe('Markdown', () => {
    let markdown: string;
    beforeAll(() => {
        markdown = renderExport(model, 'markdown');
    });

    test('keeps its structure: sections, tables, no HTML, only http(s) links, valid diagrams', async () => {
        await expectWellFormed(markdown, PLAN_SECTIONS, HOSTILE_STRINGS.title);
    });

    test('shows every hostile string as the text it is', () => {
        const texts = visibleTexts(markdown);
        for (const value of [HOSTILE_STRINGS.title, HOSTILE_STRINGS.summary, HOSTILE_STRINGS.consent, HOSTILE_STRINGS.stakeholder,
            HOSTILE_STRINGS.fallback, HOSTILE_STRINGS.source, HOSTILE_STRINGS.mitigation, HOSTILE_STRINGS.deliverable,
            HOSTILE_STRINGS.description, HOSTILE_STRINGS.algorithm, HOSTILE_STRINGS.persona, HOSTILE_STRINGS.decision,
            HOSTILE_STRINGS.version, HOSTILE_STRINGS.registry]) {
            expect(texts.some(text => text.includes(value)), value).toBe(true);
        }
    });

    test('the v2 free-text fields stay inside their table cell or fact line', () => {
        const lines = markdown.split('\n');
        const persona = lines.filter(line => line.startsWith('| `accTitle` |'));
        expect(persona).toHaveLength(1);
        // Four cells, whatever pipes the description and decision hold.
        expect(countCells(persona[0])).toBe(4);
        expect(lines.filter(line => line.startsWith('- **Version:** ') && line.includes('script'))).toHaveLength(1);
        expect(lines.filter(line => line.startsWith('- **Registry:** '))).toHaveLength(1);
        expect(lines.some(line => /^#+ not a heading/.test(line))).toBe(false);
    });

    test('even a permissive renderer (raw HTML allowed) makes no element from plan text', () => {
        const rendered = parseDocument(`<!DOCTYPE html><html><body>${renderWithMarkdownIt(markdown)}</body></html>`);
        expect(rendered.querySelectorAll('script, img, u, b, iframe, style').length).toBe(0);
        for (const element of rendered.querySelectorAll('*')) {
            expect(Array.from(element.attributes).filter(a => /^on/i.test(a.name))).toEqual([]);
        }
        for (const link of rendered.querySelectorAll('a')) {
            expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
        }
    });

    test('the non-http dashboard is shown, not linked', () => {
        expect(markdown).toContain('- **Dashboard:** `javascript:alert(1)` *(not an http(s) address, so not linked)*');
    });
});

describe('HTML', () => {
    let html: string;
    let document: DomDocument;
    beforeAll(() => {
        html = renderExport(model, 'html');
        document = parseDocument(html);
    });

    test('has no script, no active element, no event handler and no external resource', () => {
        expect(document.querySelectorAll('script, iframe, object, embed, img, link, base, form, input, svg, math, video, audio').length).toBe(0);
        expect(document.querySelectorAll('style').length).toBe(1);
        const allowed = new Set(['class', 'id', 'href', 'rel', 'title', 'style', 'lang', 'charset', 'http-equiv', 'content', 'name', 'scope', 'aria-label', 'role']);
        for (const element of document.querySelectorAll('*')) {
            for (const attribute of Array.from(element.attributes)) {
                expect(allowed.has(attribute.name), `<${element.tagName.toLowerCase()} ${attribute.name}>`).toBe(true);
                if (attribute.name === 'style') {
                    expect(attribute.value).toMatch(/^left:[\d.]+%(;width:[\d.]+%)?$/);
                }
            }
        }
        for (const link of document.querySelectorAll('a[href]')) {
            expect(link.getAttribute('href')).toMatch(/^(https?:\/\/|#[a-z-]+$)/);
        }
        const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(document.querySelector('style')?.textContent).not.toMatch(/url\(|@import/);
    });

    test('shows the hostile strings as text', () => {
        expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_STRINGS.title);
        expect(document.querySelector('title')?.textContent).toBe(HOSTILE_STRINGS.title);
        const cells = Array.from(document.querySelectorAll('td, dd, p, li')).map(e => e.textContent ?? '');
        for (const value of [HOSTILE_STRINGS.consent, HOSTILE_STRINGS.stakeholder, HOSTILE_STRINGS.fallback, HOSTILE_STRINGS.doc,
            HOSTILE_STRINGS.source, HOSTILE_STRINGS.notify, HOSTILE_STRINGS.description, HOSTILE_STRINGS.persona,
            HOSTILE_STRINGS.decision, HOSTILE_STRINGS.version, HOSTILE_STRINGS.registry]) {
            expect(cells.some(text => text.includes(value)), value).toBe(true);
        }
    });

    test('the Mermaid sources it includes are inert text', () => {
        for (const pre of document.querySelectorAll('pre')) {
            expect(pre.children.length).toBe(0);
        }
    });

    test('is readable when printed', () => {
        expect(html).toContain('@media print');
    });
});

describe('JSON', () => {
    test('keeps every string exactly and links nothing unsafe', () => {
        const data = JSON.parse(renderExport(model, 'json')) as PlanExport;
        expect(data.title).toBe(HOSTILE_STRINGS.title);
        expect(data.summary).toBe(HOSTILE_STRINGS.summary);
        expect(data.documentation).toBe(HOSTILE_STRINGS.doc);
        expect(data.datasets[0].consent).toBe(HOSTILE_STRINGS.consent);
        expect(data.serving?.fallback).toEqual({ kind: 'text', text: HOSTILE_STRINGS.fallback });
        expect(data.monitoring?.alerts[0].notify).toBe(HOSTILE_STRINGS.notify);
        expect(data.monitoring?.dashboard).toEqual({ text: HOSTILE_STRINGS.dashboard, url: null });
        expect(data.regulations).toEqual(['GDPR', HOSTILE_STRINGS.regulation]);
        expect(data.personas[0]).toMatchObject({ name: 'accTitle', description: HOSTILE_STRINGS.persona, decision: HOSTILE_STRINGS.decision });
        expect(data.models[0]).toMatchObject({ version: HOSTILE_STRINGS.version, registry: HOSTILE_STRINGS.registry });
    });
});
