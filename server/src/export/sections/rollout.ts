import type { Block, Rich, Section } from '../document.js';
import { em, strong } from '../document.js';
import type { PlanExport, RolloutExport } from '../export-model.js';
import { boundRich, fact, missing, refRich } from './common.js';

/** The rollout as ordered stages with their total duration, rollback criteria and a diagram. */
export function rolloutSection(model: PlanExport): Section {
    const rollout = model.rollout;
    return {
        id: 'rollout',
        title: 'Rollout',
        blocks: rollout ? rolloutBlocks(rollout) : [missing('No rollout defined.')],
    };
}

function rolloutBlocks(r: RolloutExport): Block[] {
    const steps: Rich[] = [];
    if (r.shadow) {
        steps.push([strong('Shadow'), ` for ${r.shadow.text}`, ...span(r.startDate, r.shadowEndDate), ': the model answers live requests but its answers are not used']);
    }
    for (const stage of r.stages) {
        const traffic = stage.traffic ? `${stage.traffic.text} of traffic` : 'traffic share not set';
        steps.push([
            strong(`Stage ${stage.index}`), `: ${traffic}`, stage.duration ? ` for ${stage.duration.text}` : '',
            ...(stage.duration ? span(stage.startDate, stage.endDate) : stage.startDate ? [` (from ${stage.startDate})`] : []),
            ...(stage.requests ? [` — about ${stage.requests.text}`] : []),
        ]);
    }
    const blocks: Block[] = [{
        kind: 'facts',
        items: [
            fact('Strategy', r.strategy),
            ...(r.starts ? [fact('Starts', startsRich(r))] : []),
            fact('Total duration', r.totalDuration ? [r.totalDuration.text, ' ', em('(shadow period and stage durations added up)')] : null),
            ...(r.endDate ? [fact('Ends', [strong(r.endDate), ' ', em('(the start, the shadow period and every stage with a duration)')])] : []),
            fact('Rollback when', rollbackRich(r)),
        ],
    }];
    blocks.push(steps.length === 0 ? missing('No stages defined.') : { kind: 'list', ordered: true, items: steps });
    if (steps.length > 0) {
        blocks.push({ kind: 'rollout-diagram', rollout: r });
    }
    return blocks;
}

/** ` (2026-01-29 to 2026-01-31)` when the rollout start is known. */
function span(start: string | null, end: string | null): Rich {
    if (!start || !end) {
        return [];
    }
    if (start !== end) {
        return [` (${start} to ${end})`];
    }
    // Past the calendar mlplan shows, the day reads `after 9999-12-31` already.
    return [start.startsWith('after') ? ` (${start})` : ` (on ${start})`];
}

/** `2026-03-01`, or `after Prototype, due 2026-01-15`. */
function startsRich(r: RolloutExport): Rich {
    const starts = r.starts!;
    if (starts.milestone) {
        const due: Rich = r.startDate ? [`, due ${r.startDate}`] : starts.milestone.resolved ? [' ', em('(no valid due date)')] : [];
        return ['after milestone ', ...refRich(starts.milestone), ...due];
    }
    return [starts.date ?? '?'];
}

function rollbackRich(r: RolloutExport): Rich | null {
    const conditions = r.rollback?.conditions ?? [];
    if (conditions.length === 0) {
        return null;
    }
    return conditions.flatMap((c, i) => [...(i > 0 ? [` ${r.rollback!.connectives[i - 1] ?? 'or'} `] : []), ...boundRich(c)]);
}
