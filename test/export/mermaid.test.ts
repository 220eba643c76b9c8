import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../server/src/export/markdown.js';
import { mermaidGanttText, mermaidLabel } from '../../server/src/export/mermaid-escape.js';
import { milestoneGantt, rolloutFlowchart } from '../../server/src/export/mermaid.js';
import { milestoneChart } from '../../server/src/export/milestone-chart.js';
import { parseDate } from '../../server/src/model/dates.js';
import { flowchartGraph, ganttDb, ganttTasks, parseMermaid } from './mermaid-parser.js';
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
            expect(tasks.filter(t => /^m\d+$/.test(t.id)).map(t => [t.name.trim(), t.end])).toEqual(dated.map(m => [m.name, m.due]));
            // The rollout follows its own calendar: the shadow period, then each stage that has a duration.
            const rollout = model.rollout?.startDate ? model.rollout : undefined;
            const bars = rollout
                ? [...(rollout.shadow ? [['shadow', rollout.startDate, rollout.shadowEndDate]] : []),
                    ...rollout.stages.filter(s => s.duration).map(s => [`stage${s.index}`, s.startDate, s.endDate])]
                : [];
            expect(tasks.filter(t => /^(shadow|stage\d+)$/.test(t.id)).map(t => [t.id, t.start, t.end])).toEqual(bars);
            if (model.deadline) {
                expect(tasks.find(t => t.id === 'deadline')?.start).toBe(model.deadline);
            }
        }
    });
});

describe('the strict shape of the generated Gantt chart', () => {
    test('a rollout with a known start follows the milestones: shadow, then the stages that last', async () => {
        const model = await modelOfText(`plan P {
  deadline 2026-02-01
  milestone Prototype { due 2026-01-15 }
  rollout {
    strategy canary
    starts after Prototype
    shadow 14 d
    stage 1 % for 2 h
    stage 10 % for 3 d
    stage 50 %
    stage 100 % for 1 d
  }
}`);
        const source = milestoneGantt(milestoneChart(model))!;
        expect(source.split('\n')).toEqual([
            'gantt',
            '    dateFormat YYYY-MM-DD',
            // 18 days: month and day, a tick a week.
            '    axisFormat %m-%d',
            '    tickInterval 1week',
            '    section Milestones',
            '    Prototype :milestone, m1, 2026-01-15, 0d',
            '    section Rollout',
            '    Shadow period :shadow, 2026-01-15, 2026-01-29',
            // Two hours within one day: drawn as that day.
            '    Stage 1 (1 percent) :stage1, 2026-01-29, 1d',
            '    Stage 2 (10 percent) :stage2, 2026-01-29, 2026-02-01',
            // Stage 3 has no duration (no bar); stage 4 ends after the deadline.
            '    Stage 4 (100 percent) :crit, stage4, 2026-02-01, 2026-02-02',
            '    section Deadline',
            '    Plan deadline :milestone, deadline, 2026-02-01, 0d',
        ]);
        const tasks = await ganttTasks(source);
        expect(tasks.map(t => [t.id, t.start, t.end])).toEqual([
            ['m1', '2026-01-15', '2026-01-15'],
            ['shadow', '2026-01-15', '2026-01-29'],
            ['stage1', '2026-01-29', '2026-01-30'],
            ['stage2', '2026-01-29', '2026-02-01'],
            ['stage4', '2026-02-01', '2026-02-02'],
            ['deadline', '2026-02-01', '2026-02-01'],
        ]);
    });

    test('a rollout dated by `starts DATE` is charted without any milestone; one without a start is not', async () => {
        const dated = await modelOfText('plan P { rollout { starts 2026-03-01 stage 5 % for 1 w stage 100 % } }');
        expect(milestoneGantt(milestoneChart(dated))!.split('\n')).toEqual([
            'gantt',
            '    dateFormat YYYY-MM-DD',
            '    axisFormat %m-%d',
            '    tickInterval 1day',
            '    section Rollout',
            '    Stage 1 (5 percent) :stage1, 2026-03-01, 2026-03-08',
        ]);
        expect(renderMarkdown(dated)).toContain('*No milestone defined.*\n\n```mermaid\ngantt');
        for (const text of [
            'plan P { milestone a { due 2026-01-01 } rollout { shadow 7 d stage 5 % for 1 w } }',
            'plan P { milestone a { due 2026-01-01 } rollout { starts after nowhere shadow 7 d stage 5 % for 1 w } }',
            'plan P { milestone a { } rollout { starts after a shadow 7 d stage 5 % for 1 w } }',
        ]) {
            const chart = milestoneChart(await modelOfText(text));
            expect(chart.rollout, text).toEqual([]);
        }
    });

    test('a rollout beyond the calendar mlplan shows is not charted, and nothing reads NaN', async () => {
        const model = await modelOfText('plan P { milestone a { due 2026-01-01 } rollout { starts after a shadow 1 d stage 1 % for 10000000 d stage 100 % for 1 d } }');
        const chart = milestoneChart(model);
        expect(chart.rollout.map(bar => bar.id)).toEqual(['shadow']);
        expect(model.rollout?.endDate).toBe('after 9999-12-31');
        expect(renderMarkdown(model)).not.toMatch(/NaN|Infinity/);
    });

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
            '    axisFormat %Y-%m',
            '    tickInterval 1month',
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

    test.each([
        ['a few weeks', 'deadline 2026-03-01 milestone a { due 2026-02-02 }', ['    axisFormat %m-%d', '    tickInterval 1week']],
        ['about a year', 'deadline 2026-12-31 milestone a { due 2026-01-15 }', ['    axisFormat %Y-%m', '    tickInterval 1month']],
        ['two years', 'deadline 2027-12-31 milestone a { due 2026-01-15 }', ['    axisFormat %Y-%m', '    tickInterval 3month']],
        ['several years', 'deadline 2031-06-30 milestone a { due 2026-01-15 }', ['    axisFormat %Y', '    tickInterval 12month']],
        ['decades', 'deadline 2060-01-01 milestone a { due 2026-01-15 }', ['    axisFormat %Y', '    tickInterval 48month']],
    ])('the date axis over %s is labelled so that its labels do not overlap', async (_, body, axis) => {
        const source = milestoneGantt(milestoneChart(await modelOfText(`plan P { ${body} }`)))!;
        expect(source.split('\n').slice(0, 4)).toEqual(['gantt', '    dateFormat YYYY-MM-DD', ...axis]);
        // Mermaid reads both settings (and no configuration).
        expect((await parseMermaid(source)).config).toEqual({});
        const diagram = await ganttDb(source);
        expect([diagram.getAxisFormat(), diagram.getTickInterval()]).toEqual(axis.map(line => line.trim().replace(/^\w+ /, '')));
    });
});

