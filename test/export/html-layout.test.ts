import { describe, expect, test } from 'vitest';
import { renderExport } from '../../server/src/export/index.js';
import { HTML_STYLE } from '../../server/src/export/html-style.js';
import { AXIS_LABEL_GAP, axisTicks, milestoneChart } from '../../server/src/export/milestone-chart.js';
import { parseDocument } from './dom.js';
import { modelOfText } from './support.js';

/**
 * The HTML page's layout: the timeline's date axis stays legible (labels spaced apart, never the
 * range's two full dates run together), wide tables scroll inside their own box, the table of
 * contents keeps its numbers apart from the titles.
 */
describe('the timeline axis', () => {
    const CLOSE = `plan P {
  deadline 2026-01-10
  milestone a { due 2025-12-31 }
  milestone b { due 2026-01-01 after a }
  milestone c { due 2026-01-02 after b }
  milestone d { due 2026-01-03 }
}`;

    test('a plan with close dates gets day labels spaced at least the gap apart', async () => {
        const chart = milestoneChart(await modelOfText(CLOSE));
        expect(chart.range).toEqual({ first: '2025-12-31', last: '2026-01-10', days: 10 });
        const ticks = axisTicks(chart.range!);
        expect(ticks).toEqual([
            { date: '2025-12-31', label: '12-31', at: 0 },
            { date: '2026-01-02', label: '01-02', at: 20 },
            { date: '2026-01-04', label: '01-04', at: 40 },
            { date: '2026-01-06', label: '01-06', at: 60 },
            { date: '2026-01-08', label: '01-08', at: 80 },
            { date: '2026-01-10', label: '01-10', at: 100 },
        ]);
        // Rendered where computed: one positioned label each, nothing else in the axis.
        const document = parseDocument(renderExport(await modelOfText(CLOSE), 'html'));
        const rendered = Array.from(document.querySelectorAll('.timeline .axis > span'));
        expect(rendered.map(span => [span.getAttribute('class'), span.textContent, span.getAttribute('style'), span.getAttribute('title')])).toEqual(
            ticks.map(t => ['tick', t.label, `left:${t.at}%`, t.date]));
    });

    test.each([
        ['the same day', '2026-01-15', '2026-01-15', ['01-15']],
        ['two days', '2026-01-15', '2026-01-17', ['01-15', '01-16', '01-17']],
        ['a fortnight over the new year', '2025-12-31', '2026-01-15', ['01-05', '01-12']],
        ['two months', '2026-01-01', '2026-03-01', ['01-05', '01-19', '02-02', '02-16']],
        ['a year', '2026-01-15', '2026-12-31', ['2026-02', '2026-05', '2026-08', '2026-11']],
        ['two years', '2026-01-15', '2027-12-31', ['2026-04', '2026-10', '2027-04', '2027-10']],
        ['decades', '2026-01-15', '2060-01-01', ['2028', '2036', '2044', '2052', '2060']],
    ])('labels over %s never overlap', async (_, first, last, labels) => {
        const chart = milestoneChart(await modelOfText(`plan P { deadline ${last} milestone a { due ${first} } }`));
        const ticks = axisTicks(chart.range!);
        expect(ticks.map(t => t.label)).toEqual(labels);
        for (const [i, tick] of ticks.entries()) {
            expect(tick.at).toBeGreaterThanOrEqual(0);
            expect(tick.at).toBeLessThanOrEqual(100);
            expect(tick.label.length).toBeLessThanOrEqual(7);
            if (i > 0) {
                expect(tick.at - ticks[i - 1].at).toBeGreaterThanOrEqual(AXIS_LABEL_GAP);
            }
        }
    });

    test('the labels are centred on their place, on one line, on a track wide enough for the gap', () => {
        expect(HTML_STYLE).toContain('.timeline .axis .tick { position: absolute; top: 0; transform: translateX(-50%); white-space: nowrap; }');
        // At least 18rem of track: 20 % of it (3.6rem) holds a 7-character label at .9 × .85 of the body size.
        expect(HTML_STYLE).toContain('grid-template-columns: 12rem minmax(18rem, 1fr) 12.5rem;');
        expect(HTML_STYLE).toMatch(/\.timeline \{[^}]*overflow-x: auto;/);
    });
});

describe('tables and contents', () => {
    test('every table sits in a wrapper that scrolls sideways', async () => {
        const html = renderExport(await modelOfText(`plan P {
  deadline 2026-06-30
  milestone a { due 2026-01-10 }
  risk r { likelihood high impact high mitigation "${'a very long mitigation '.repeat(20)}" }
}`), 'html');
        const document = parseDocument(html);
        const tables = Array.from(document.querySelectorAll('table'));
        expect(tables.length).toBeGreaterThan(0);
        expect(document.querySelectorAll('.table-wrap > table').length).toBe(tables.length);
        expect(HTML_STYLE).toMatch(/\.table-wrap \{[^}]*overflow-x: auto;/);
    });

    test('the contents keep their numbers apart from the titles', () => {
        expect(HTML_STYLE).toContain('nav.toc ol { margin: .3rem 0 0; padding-left: 2.2rem; columns: 2; column-gap: 3rem; }');
        expect(HTML_STYLE).toContain('nav.toc li { padding-left: .4rem; break-inside: avoid; }');
    });
});
