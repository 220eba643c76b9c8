import type { Block, Rich, Section } from '../document.js';
import { code, em } from '../document.js';
import type { PlanExport } from '../export-model.js';
import {
    anyImported, condition, definedInRich, docBlocks, fact, missing, notesRich, refRich, refsRich, textOr, titled,
} from './common.js';

/** Objectives, each with its KPIs. */
export function objectivesSection(model: PlanExport): Section {
    const blocks: Block[] = [];
    if (model.objectives.length === 0) {
        blocks.push(missing('No objective defined.'));
    }
    for (const objective of model.objectives) {
        blocks.push({ kind: 'heading', text: titled('Objective', objective.name) });
        if (objective.description) {
            blocks.push({ kind: 'paragraph', text: [objective.description] });
        }
        blocks.push(...docBlocks(objective));
        blocks.push({
            kind: 'facts',
            items: [
                fact('Priority', objective.priority),
                fact('Stakeholders', objective.stakeholders.length > 0 ? objective.stakeholders.join('; ') : null),
                ...(objective.value ? [fact('Value', [objective.value.text, ' ', em('(a year, once the KPIs are met)')])] : []),
                ...(objective.for.length > 0 ? [fact('For', refsRich(objective.for))] : []),
            ],
        });
        blocks.push(objective.kpis.length === 0
            ? missing('No KPI defined for this objective.')
            : {
                kind: 'table',
                headers: ['KPI', 'Target', 'By'],
                rows: objective.kpis.map(kpi => [refRich(kpi.metric), [condition(kpi.op, kpi.value)], textOr(kpi.by)]),
            });
    }
    return { id: 'objectives', title: 'Objectives', blocks };
}

/** Who uses the predictions, what they decide from them, and which objectives serve them. */
export function personasSection(model: PlanExport): Section {
    if (model.personas.length === 0) {
        return { id: 'personas', title: 'Personas', blocks: [missing('No persona defined.')] };
    }
    return {
        id: 'personas',
        title: 'Personas',
        blocks: [{
            kind: 'table',
            headers: ['Persona', 'Who they are', 'What they decide', 'Served by'],
            rows: model.personas.map(persona => [
                [code(persona.name)],
                notesRich(persona),
                persona.decision ? [persona.decision] : [em('not set')],
                persona.objectives.length > 0 ? refsRich(persona.objectives) : [em('no objective names this persona')],
            ] as Rich[]),
        }],
    };
}

/** What the plan measures: kind, unit and which way is better. */
export function metricsSection(model: PlanExport): Section {
    if (model.metrics.length === 0) {
        return { id: 'metrics', title: 'Metrics', blocks: [missing('No metric defined.')] };
    }
    const imported = anyImported(model.metrics);
    const rows = model.metrics.map(metric => [
        [code(metric.name)],
        textOr(metric.metricKind),
        metric.unit ? [code(metric.unit)] : ['ratio'],
        textOr(metric.better ? `${metric.better} is better` : null),
        notesRich(metric),
        ...(imported ? [definedInRich(metric)] : []),
    ] as Rich[]);
    return {
        id: 'metrics',
        title: 'Metrics',
        blocks: [{
            kind: 'table',
            headers: ['Metric', 'Kind', 'Unit', 'Direction', 'Description', ...(imported ? ['Defined in'] : [])],
            rows,
        }],
    };
}
