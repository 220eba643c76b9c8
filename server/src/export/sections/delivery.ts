import type { Block, Rich, Section } from '../document.js';
import { code, em, strong } from '../document.js';
import { compareDates, parseDate } from '../../model/dates.js';
import type { MilestoneExport, PlanExport, RiskExport } from '../export-model.js';
import { milestoneChart } from '../milestone-chart.js';
import { anyImported, definedInRich, missing, notesRich, partyRich, refRich, refsRich, textOr } from './common.js';

const LEVELS = ['low', 'medium', 'high'] as const;

/** Risks: a likelihood × impact matrix of names, then each risk with its mitigation. */
export function risksSection(model: PlanExport): Section {
    if (model.risks.length === 0) {
        return { id: 'risks', title: 'Risks', blocks: [missing('No risk identified.')] };
    }
    const placed = (risk: RiskExport) => LEVELS.includes(risk.likelihood as never) && LEVELS.includes(risk.impact as never);
    const cell = (impact: string, likelihood: string): Rich => {
        const names = model.risks.filter(r => r.impact === impact && r.likelihood === likelihood);
        return names.length === 0 ? [''] : names.flatMap((r, i) => [...(i > 0 ? [', '] : []), code(r.name)]);
    };
    const blocks: Block[] = [{
        kind: 'table',
        variant: 'risk-matrix',
        headers: ['Impact ↓ / Likelihood →', 'Low', 'Medium', 'High'],
        rows: [...LEVELS].reverse().map(impact => [
            [strong(capitalise(impact))],
            ...LEVELS.map(likelihood => cell(impact, likelihood)),
        ]),
    }];
    const unplaced = model.risks.filter(r => !placed(r));
    if (unplaced.length > 0) {
        blocks.push({
            kind: 'paragraph',
            text: [em('Not in the matrix (likelihood or impact not set): '), ...unplaced.flatMap((r, i) => [...(i > 0 ? [', '] : []), code(r.name)])],
        });
    }
    const imported = anyImported(model.risks);
    blocks.push({
        kind: 'table',
        headers: ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner', 'Description', ...(imported ? ['Defined in'] : [])],
        rows: model.risks.map(r => [
            [code(r.name)],
            textOr(r.likelihood),
            textOr(r.impact),
            r.mitigation ? [r.mitigation] : [em(r.impact === 'high' ? 'none — high impact' : 'none')],
            partyRich(r.owner, model),
            notesRich(r),
            ...(imported ? [definedInRich(r)] : []),
        ] as Rich[]),
    });
    return { id: 'risks', title: 'Risks', blocks };
}

function capitalise(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Milestones as a table and on a calendar. */
export function milestonesSection(model: PlanExport): Section {
    const chart = milestoneChart(model);
    if (model.milestones.length === 0) {
        // A dated rollout still has a calendar to show.
        const blocks: Block[] = [missing('No milestone defined.')];
        if (chart.rollout.length > 0) {
            blocks.push({ kind: 'milestone-chart', chart });
        }
        return { id: 'milestones', title: 'Milestones', blocks };
    }
    const needs = model.milestones.some(m => m.needs.length > 0);
    const blocks: Block[] = [{
        kind: 'table',
        headers: ['Milestone', 'Due', 'After', ...(needs ? ['Needs labeled'] : []), 'Owner', 'Deliverables', 'Description'],
        rows: model.milestones.map(m => [
            [code(m.name)],
            m.due ? [m.due, ...(chart.items.find(i => i.name === m.name)?.late ? [' ', em('(after the deadline)')] : [])] : [em('not set')],
            m.after.length > 0 ? refsRich(m.after) : ['—'],
            ...(needs ? [needsRich(m, model)] : []),
            partyRich(m.owner, model),
            m.deliverables.length > 0 ? [m.deliverables.join('; ')] : ['—'],
            notesRich(m),
        ]),
    }];
    if (chart.items.length > 0 || chart.rollout.length > 0) {
        blocks.push({ kind: 'milestone-chart', chart });
    }
    if (chart.unplaced.length > 0) {
        blocks.push({
            kind: 'paragraph',
            text: [em('Not on the chart (no valid due date): '), ...chart.unplaced.flatMap((n, i) => [...(i > 0 ? [', '] : []), code(n)])],
        });
    }
    return { id: 'milestones', title: 'Milestones', blocks };
}

/** The datasets a milestone needs labeled, each with the day its labeling is done when known. */
function needsRich(milestone: MilestoneExport, model: PlanExport): Rich {
    if (milestone.needs.length === 0) {
        return ['—'];
    }
    return milestone.needs.flatMap((ref, i) => {
        const dataset = model.datasets.find(d => d.name === ref.name && d.file === ref.file);
        const done = dataset?.labelingDerived.endDate;
        const late = done && milestone.due && isLater(done, milestone.due);
        const when: Rich = done ? [' ', em(`(labeled by ${done}${late ? ', after the due date' : ''})`)] : [];
        return [...(i > 0 ? ['; '] : []), ...refRich(ref), ...when];
    });
}

/** `a` is a later day than `b` (`after 9999-12-31` is later than any date); false when `b` is no date. */
function isLater(a: string, b: string): boolean {
    const later = parseDate(a);
    const earlier = parseDate(b);
    if (!earlier) {
        return false;
    }
    return later ? compareDates(later, earlier) > 0 : true;
}

/** People and teams the plan names (owners, members), with where imported ones come from. */
export function peopleSection(model: PlanExport): Section {
    if (model.persons.length === 0 && model.teams.length === 0) {
        return { id: 'people', title: 'People and teams', blocks: [missing('No person or team declared.')] };
    }
    const imported = anyImported([...model.persons, ...model.teams]);
    const rows: Rich[][] = [
        ...model.teams.map(t => [
            [code(t.name)],
            ['team'],
            textOr(t.displayName),
            [
                ...(t.members.length > 0 ? ['members ', ...refsRich(t.members)] : ['no members listed']),
                ...(t.lead ? ['; lead ', ...refsRich([t.lead])] : []),
                ...(t.documentation ? [` — ${t.documentation.replace(/\n\n/g, ' ')}`] : []),
            ],
            ...(imported ? [definedInRich(t)] : []),
        ] as Rich[]),
        ...model.persons.map(p => [
            [code(p.name)],
            ['person'],
            textOr(p.displayName),
            [[p.role, p.email, p.documentation?.replace(/\n\n/g, ' ')].filter(Boolean).join(' — ') || '—'],
            ...(imported ? [definedInRich(p)] : []),
        ] as Rich[]),
    ];
    return {
        id: 'people',
        title: 'People and teams',
        blocks: [{ kind: 'table', headers: ['Name', 'Kind', 'Full name', 'Role or members', ...(imported ? ['Defined in'] : [])], rows }],
    };
}

