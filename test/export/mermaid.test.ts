import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../server/src/export/markdown.js';
import { mermaidGanttText, mermaidLabel } from '../../server/src/export/mermaid-escape.js';
import { milestoneGantt, rolloutFlowchart } from '../../server/src/export/mermaid.js';
import { milestoneChart } from '../../server/src/export/milestone-chart.js';
import { parseDate } from '../../server/src/model/dates.js';
import { flowchartGraph, ganttTasks, parseMermaid } from './mermaid-parser.js';
import { EXAMPLES, exampleFiles, mermaidBlocks, modelOfFile, modelOfText } from './support.js';

/**
 * The diagrams are checked by Mermaid's own parser (mermaid 12, run in Node with a linkedom DOM
 * for its sanitiser): it must accept them, no directive may configure it, and what it reads
 * (tasks, nodes, labels) must be what the plan says.
 */

/** Mermaid keeps entity codes as placeholders until it renders; decode them as the renderer would. */
function decodeMermaidEntities(text: string): string {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
    return text
        .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => named[name] ?? `&${name};`);
}

const HOSTILE_LABELS = [
    'plain text',
    '"]] --> x["pwned"] click x call alert()',
    '%%{init: {"theme":"dark","securityLevel":"loose"}}%%',
    '<img src=x onerror=alert(1)> <b>bold</b>',
    '#35; #quot; &amp; `markdown` **bold**',
    'a | b ; c { d } ( e ) [ f ] \\ g',
    'click here call callback() href "javascript:alert(1)"',
    '5 % and 100%% of ~~things~~ ≤ ≥ ×',
];

describe('mermaidLabel', () => {
    test.each(HOSTILE_LABELS)('%s: one node, its label intact, no configuration', async text => {
        const source = `flowchart LR\n    a[${mermaidLabel(text)}]\n    b["next"]\n    a --> b`;
        const parsed = await parseMermaid(source);
        expect(parsed.config).toEqual({});
        const graph = await flowchartGraph(source);
        expect([...graph.nodes.keys()]).toEqual(['a', 'b']);
        expect(decodeMermaidEntities(graph.nodes.get('a')!)).toBe(text);
        expect(graph.edges).toEqual([['a', 'b']]);
    });

    test('writes no quote, bracket, angle bracket, double percent or newline raw', () => {
        for (const text of [...HOSTILE_LABELS, 'line\nbreak']) {
            const inner = mermaidLabel(text).slice(1, -1).replace(/#\d+;/g, '');
            expect(inner).not.toMatch(/["[\]<>{}\n`|;#&]|%%/);
        }
    });
});

describe('mermaidGanttText', () => {
    const names = ['click', 'title', 'section', 'dateFormat', 'todayMarker', 'excludes', 'gantt', 'href', 'call', 'weekday', 'end', 'Prototype'];

    test('task names that are Gantt keywords stay tasks', async () => {
        const lines = ['gantt', '    dateFormat YYYY-MM-DD', '    section Milestones'];
        names.forEach((name, i) => lines.push(`    ${mermaidGanttText(name)} :t${i}, 2026-01-0${(i % 9) + 1}, 1d`));
        const tasks = await ganttTasks(lines.join('\n'));
        expect(tasks.map(t => t.id)).toEqual(names.map((_, i) => `t${i}`));
        expect(tasks.map(t => t.name.trim().replace(/^Milestone /, ''))).toEqual(names);
    });

    test.each(HOSTILE_LABELS)('free text is reduced to harmless characters: %s', async text => {
        const name = mermaidGanttText(text);
        expect(name).toMatch(/^[A-Za-z0-9 _.,()'/+-]+$/);
        const source = `gantt\n    dateFormat YYYY-MM-DD\n    section S\n    ${name} :t1, 2026-01-01, 1d`;
        expect((await parseMermaid(source)).config).toEqual({});
        expect((await ganttTasks(source)).map(t => t.id)).toEqual(['t1']);
    });
});

describe.each(exampleFiles())('the diagrams of %s', example => {
    test('parse, configure nothing, and show the plan\'s stages and milestones', async () => {
        const model = await modelOfFile(path.join(EXAMPLES, example));
        const blocks = mermaidBlocks(renderMarkdown(model));
        for (const block of blocks) {
            const parsed = await parseMermaid(block);
            expect(parsed.config).toEqual({});
        }
        const flowchart = model.rollout ? rolloutFlowchart(model.rollout) : undefined;
        const gantt = milestoneGantt(milestoneChart(model));
        expect(blocks).toEqual([flowchart, gantt].filter((b): b is string => b !== undefined));
        if (flowchart) {
            const graph = await flowchartGraph(flowchart);
            const stageLabels = [...graph.nodes.entries()].filter(([id]) => /^stage\d+$/.test(id)).map(([, label]) => decodeMermaidEntities(label));
            expect(stageLabels).toEqual(model.rollout!.stages.map(s => `Stage ${s.index}: ${s.traffic!.text}${s.duration ? ` for ${s.duration.text}` : ''}`));
            // The stages form one chain, in order.
            const chain = graph.edges.filter(([, to]) => to !== 'rollback');
            const ids = [...(model.rollout!.shadow ? ['shadow'] : []), ...model.rollout!.stages.map(s => `stage${s.index}`)];
            expect(chain).toEqual(ids.slice(1).map((id, i) => [ids[i], id]));
        }
        if (gantt) {
            const tasks = await ganttTasks(gantt);
            const dated = model.milestones.filter(m => m.due && parseDate(m.due));
            expect(tasks.filter(t => t.id !== 'deadline').map(t => [t.name.trim(), t.end])).toEqual(dated.map(m => [m.name, m.due]));
            if (model.deadline) {
                expect(tasks.find(t => t.id === 'deadline')?.start).toBe(model.deadline);
            }
        }
    });
});

describe('the strict shape of the generated Gantt chart', () => {
    test('bars start at the latest predecessor, points elsewhere, late ones marked', async () => {
        const model = await modelOfText(`plan P {
  deadline 2026-06-30
  milestone a { due 2026-01-10 }
  milestone b { due 2026-02-10 }
  milestone c { due 2026-03-10 after a, b }
  milestone d { due 2026-01-05 after c }
  milestone e { due 2026-08-01 after c }
  milestone f { due 2026-02-30 }
  milestone g { }
}`);
        const chart = milestoneChart(model);
        expect(chart.unplaced).toEqual(['f', 'g']);
        const source = milestoneGantt(chart)!;
        expect(source.split('\n')).toEqual([
            'gantt',
            '    dateFormat YYYY-MM-DD',
            '    section Milestones',
            '    a :milestone, m1, 2026-01-10, 0d',
            '    b :milestone, m2, 2026-02-10, 0d',
            '    c :m3, 2026-02-10, 2026-03-10',
            // Due before its predecessor (a milestone-order error): shown as a point, not a negative bar.
            '    d :milestone, m4, 2026-01-05, 0d',
            '    e :crit, m5, 2026-03-10, 2026-08-01',
            '    section Deadline',
            '    Plan deadline :milestone, deadline, 2026-06-30, 0d',
        ]);
        const tasks = await ganttTasks(source);
        expect(tasks.map(t => [t.id, t.start, t.end])).toEqual([
            ['m1', '2026-01-10', '2026-01-10'],
            ['m2', '2026-02-10', '2026-02-10'],
            ['m3', '2026-02-10', '2026-03-10'],
            ['m4', '2026-01-05', '2026-01-05'],
            ['m5', '2026-03-10', '2026-08-01'],
            ['deadline', '2026-06-30', '2026-06-30'],
        ]);
    });
});
