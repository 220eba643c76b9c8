/**
 * Mermaid sources of the two diagrams of an export: the rollout as a flowchart and the milestones
 * as a Gantt chart. Node ids are generated here; every piece of text goes through
 * mermaid-escape.ts, and comparisons are written in words so that labels need no `<` or `>`.
 */
import type { BoundExport, RolloutExport } from './export-model.js';
import { mermaidGanttText, mermaidId, mermaidLabel } from './mermaid-escape.js';
import { chartAxis, type MilestoneChart } from './milestone-chart.js';

const COMPARATOR_WORDS: Record<string, string> = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '=': 'equal to' };

/** `latency_p99 above 300 ms`. */
export function boundInWords(bound: BoundExport): string {
    const op = bound.op ? COMPARATOR_WORDS[bound.op] ?? bound.op : '?';
    return `${bound.metric.name} ${op} ${bound.value?.text ?? '?'}`;
}

/** The rollout as `flowchart LR`: shadow, then each stage, with dotted edges to the rollback. */
export function rolloutFlowchart(rollout: RolloutExport): string | undefined {
    const steps: Array<{ id: string; label: string; traffic: boolean }> = [];
    if (rollout.shadow) {
        steps.push({ id: 'shadow', label: `Shadow for ${rollout.shadow.text}, no user traffic`, traffic: false });
    }
    for (const stage of rollout.stages) {
        const traffic = stage.traffic?.text ?? '?';
        const label = stage.duration ? `Stage ${stage.index}: ${traffic} for ${stage.duration.text}` : `Stage ${stage.index}: ${traffic}`;
        steps.push({ id: mermaidId('stage', stage.index), label, traffic: true });
    }
    if (steps.length === 0) {
        return undefined;
    }
    const lines = ['flowchart LR'];
    for (const step of steps) {
        lines.push(`    ${step.id}[${mermaidLabel(step.label)}]`);
    }
    if (steps.length > 1) {
        lines.push(`    ${steps.map(s => s.id).join(' --> ')}`);
    }
    const conditions = rollout.rollback?.conditions ?? [];
    if (conditions.length > 0) {
        const words = conditions.map((c, i) => (i === 0 ? '' : ` ${rollout.rollback!.connectives[i - 1] ?? 'or'} `) + boundInWords(c)).join('');
        lines.push(`    rollback[${mermaidLabel(`Roll back when ${words}`)}]`);
        for (const step of steps.filter(s => s.traffic)) {
            lines.push(`    ${step.id} -.-> rollback`);
        }
    }
    return lines.join('\n');
}

/** The milestones and the rollout as a Gantt chart; undefined when nothing has a date. */
export function milestoneGantt(chart: MilestoneChart): string | undefined {
    if (chart.items.length === 0 && chart.rollout.length === 0) {
        return undefined;
    }
    const lines = ['gantt', '    dateFormat YYYY-MM-DD'];
    if (chart.range) {
        // Labels chosen from the span so that they do not overlap (Mermaid's default labels every tick `%Y-%m-%d`).
        const axis = chartAxis(chart.range.days);
        lines.push(`    axisFormat ${axis.axisFormat}`, `    tickInterval ${axis.tickInterval}`);
    }
    if (chart.items.length > 0) {
        lines.push('    section Milestones');
    }
    chart.items.forEach((item, i) => {
        const tags = [...(item.late ? ['crit'] : []), ...(item.point ? ['milestone'] : [])];
        const timing = item.point ? `${item.end}, 0d` : `${item.start}, ${item.end}`;
        lines.push(`    ${mermaidGanttText(item.name)} :${[...tags, mermaidId('m', i + 1), timing].join(', ')}`);
    });
    if (chart.rollout.length > 0) {
        lines.push('    section Rollout');
    }
    for (const bar of chart.rollout) {
        // A span within one day still gets a visible day; Gantt names cannot hold `%`.
        const timing = bar.end > bar.start ? `${bar.start}, ${bar.end}` : `${bar.start}, 1d`;
        const name = mermaidGanttText(bar.name.replace(/%/g, 'percent'), 'Rollout');
        lines.push(`    ${name} :${[...(bar.late ? ['crit'] : []), bar.id, timing].join(', ')}`);
    }
    if (chart.deadline) {
        lines.push('    section Deadline', `    Plan deadline :milestone, deadline, ${chart.deadline}, 0d`);
    }
    return lines.join('\n');
}
