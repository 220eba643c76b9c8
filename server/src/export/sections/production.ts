import { formatValue } from '../../model/units.js';
import type { Block, Rich, Section } from '../document.js';
import { code, em, strong } from '../document.js';
import type { MonitoringExport, PlanExport, RolloutExport, ServingExport } from '../export-model.js';
import {
    anyImported, boundRich, condition, definedInRich, fact, fieldRich, missing, notesRich, quantityText, refRich,
} from './common.js';

/** Serving, with the figures derived from it (model/derived.ts): mean rate, peak ratio, monthly cost. */
export function servingSection(model: PlanExport): Section {
    const serving = model.serving;
    return {
        id: 'serving',
        title: 'Serving',
        blocks: serving ? [{ kind: 'facts', items: servingFacts(serving) }] : [missing('No serving defined.')],
    };
}

function servingFacts(s: ServingExport): Array<{ label: string; value: Rich }> {
    const d = s.derived;
    const volume: Rich | null = s.volume
        ? [s.volume.text, ...(d.meanRate ? [` — a mean of ${d.meanRate.text}`] : [])]
        : null;
    const peak: Rich | null = s.peak
        ? [s.peak.text, ...(d.peakToMean ? [` — ${d.peakToMean.text} the mean rate`] : [])]
        : null;
    const monthly: Rich | null = d.monthlyCost
        ? [strong(d.monthlyCost.text), d.monthlyCost.requestsPerMonth !== null && s.cost
            ? ` (${s.cost.text} × ${formatValue(d.monthlyCost.requestsPerMonth, 'req/month')} over a 30-day month)`
            : ' (the cost is stated per month)']
        : null;
    const items = [
        fact('Mode', s.mode),
        fact('Target', s.target),
        fact('Volume', volume),
        fact('Peak', peak),
        fact('Cost', s.cost?.text),
        ...(monthly ? [fact('Monthly cost', monthly)] : []),
        ...(d.servingBudget ? [fact('Serving budget', budgetUse(s))] : []),
        fact('Compute', s.compute),
        fact('Fallback', fallbackRich(s)),
    ];
    return items;
}

function budgetUse(s: ServingExport): Rich {
    const d = s.derived;
    const share = d.budgetShare ? `${d.budgetShare.text} of ` : '';
    if (d.overBudget) {
        return [strong(`over budget: the monthly cost is ${share}${d.servingBudget!.text}`)];
    }
    return [`${d.servingBudget!.text} — the monthly cost uses ${d.budgetShare ? d.budgetShare.text : 'part'} of it`];
}

function fallbackRich(s: ServingExport): Rich | null {
    if (!s.fallback) {
        return null;
    }
    return s.fallback.kind === 'baseline' ? ['baseline ', ...refRich(s.fallback.baseline)] : [s.fallback.text];
}

/** SLOs with their error budgets written out in time. */
export function slosSection(model: PlanExport): Section {
    if (model.slos.length === 0) {
        return { id: 'service-level-objectives', title: 'Service-level objectives', blocks: [missing('No SLO defined.')] };
    }
    const imported = anyImported(model.slos);
    const notes = model.slos.some(s => s.description || s.documentation);
    return {
        id: 'service-level-objectives',
        title: 'Service-level objectives',
        blocks: [{
            kind: 'table',
            headers: ['SLO', 'Indicator', 'Objective', 'Window', 'Error budget', ...(notes ? ['Description'] : []), ...(imported ? ['Defined in'] : [])],
            rows: model.slos.map(slo => [
                [code(slo.name)],
                slo.indicator ? boundRich(slo.indicator) : ['—'],
                [quantityText(slo.objective)],
                [quantityText(slo.window)],
                slo.errorBudget ? [`${slo.errorBudget.text} of bad time per ${slo.window?.text ?? 'window'}`] : ['—'],
                ...(notes ? [notesRich(slo)] : []),
                ...(imported ? [definedInRich(slo)] : []),
            ] as Rich[]),
        }],
    };
}

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
        steps.push([strong('Shadow'), ` for ${r.shadow.text}: the model answers live requests but its answers are not used`]);
    }
    for (const stage of r.stages) {
        const traffic = stage.traffic ? `${stage.traffic.text} of traffic` : 'traffic share not set';
        steps.push([strong(`Stage ${stage.index}`), `: ${traffic}`, stage.duration ? ` for ${stage.duration.text}` : '']);
    }
    const blocks: Block[] = [{
        kind: 'facts',
        items: [
            fact('Strategy', r.strategy),
            fact('Total duration', r.totalDuration ? [r.totalDuration.text, ' ', em('(shadow period and stage durations added up)')] : null),
            fact('Rollback when', rollbackRich(r)),
        ],
    }];
    blocks.push(steps.length === 0 ? missing('No stages defined.') : { kind: 'list', ordered: true, items: steps });
    if (steps.length > 0) {
        blocks.push({ kind: 'rollout-diagram', rollout: r });
    }
    return blocks;
}

function rollbackRich(r: RolloutExport): Rich | null {
    const conditions = r.rollback?.conditions ?? [];
    if (conditions.length === 0) {
        return null;
    }
    return conditions.flatMap((c, i) => [...(i > 0 ? [` ${r.rollback!.connectives[i - 1] ?? 'or'} `] : []), ...boundRich(c)]);
}

/** Drift, alerts, dashboard and logging. */
export function monitoringSection(model: PlanExport): Section {
    const monitoring = model.monitoring;
    return {
        id: 'monitoring',
        title: 'Monitoring',
        blocks: monitoring ? monitoringBlocks(monitoring) : [missing('No monitoring defined.')],
    };
}

function monitoringBlocks(m: MonitoringExport): Block[] {
    const blocks: Block[] = [{
        kind: 'facts',
        items: [
            fact('Dashboard', m.dashboard ? dashboardRich(m.dashboard) : null),
            fact('Logging', m.log ? [m.log.target, m.log.retention ? `, kept for ${m.log.retention.text}` : ', retention not set'] : null),
        ],
    }];
    blocks.push({ kind: 'paragraph', text: [strong('Drift')] });
    blocks.push(m.drifts.length === 0
        ? missing('No drift monitoring.')
        : {
            kind: 'table',
            headers: ['Watched', 'Test', 'Alarm when the statistic is'],
            rows: m.drifts.map(d => [
                d.watch === 'predictions' ? ['model predictions'] : fieldRich(d.field),
                [d.method ?? '—'],
                [condition(d.op, d.threshold)],
            ]),
        });
    blocks.push({ kind: 'paragraph', text: [strong('Alerts')] });
    blocks.push(m.alerts.length === 0
        ? missing('No alerts.')
        : {
            kind: 'table',
            headers: ['Alert when', 'Notify'],
            rows: m.alerts.map(a => [boundRich(a), a.notify ? [code(a.notify)] : [em('nobody named')]]),
        });
    return blocks;
}

function dashboardRich(dashboard: NonNullable<MonitoringExport['dashboard']>): Rich {
    if (dashboard.url) {
        return [{ link: dashboard.url }];
    }
    return [code(dashboard.text), ' ', em('(not an http(s) address, so not linked)')];
}
