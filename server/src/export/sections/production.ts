import { formatValue, formatWrittenNumber } from '../../model/units.js';
import type { Block, Rich, Section } from '../document.js';
import { code, em, strong } from '../document.js';
import type { MonitoringExport, PlanExport, ServingExport } from '../export-model.js';
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
        ...(d.yearlyCost ? [fact('Yearly cost', yearlyCostRich(s))] : []),
        fact('Compute', s.compute),
        fact('Serves', servedRich(s)),
        ...capacityFacts(s),
        fact('Fallback', fallbackRich(s)),
    ];
    return items;
}

/** The served model: `serves`, else the plan's only model, said so. */
function servedRich(s: ServingExport): Rich | null {
    if (s.serves) {
        return refRich(s.serves);
    }
    const model = s.derived.model;
    return model ? [code(model.name), ' ', em("(the plan's only model)")] : null;
}

/** `3 replicas × 40 req/s = 120 req/s: 2× the peak of 60 req/s`. */
function capacityFacts(s: ServingExport): Array<{ label: string; value: Rich }> {
    const c = s.derived.capacity;
    if (!c) {
        return [
            ...(s.replicas ? [fact('Replicas', s.replicas.text)] : []),
            ...(s.capacity ? [fact('Capacity per replica', s.capacity.text)] : []),
        ];
    }
    const sum = `${formatWrittenNumber(c.replicas)} ${c.replicas === 1 ? 'replica' : 'replicas'} × ${s.capacity?.text ?? c.perReplica.text} = `;
    const against = c.demandFrom === 'peak' ? 'the peak' : 'the mean rate';
    const demand: Rich = !c.demand
        ? [' ', em('(no peak or volume to compare with)')]
        : c.headroom
            ? [`: ${c.headroom.text} ${against} of ${c.demand.text}`,
                // Strictly below 1 exactly when the replicas cannot absorb the demand (capacity-below-peak).
                ...(c.headroom.value < 1 ? [' — ', strong(`below ${against}`)] : [])]
            : [`, against ${against} of ${c.demand.text}`];
    return [fact('Capacity', [sum, strong(c.total.text), ...demand])];
}

/** `29,200 USD/year (0.00004 USD/req × 730,000,000 req/year)`. */
function yearlyCostRich(s: ServingExport): Rich {
    const cost = s.derived.yearlyCost!;
    const basis = cost.basis === 'volume' && cost.requestsPerYear !== null && s.cost
        ? `${s.cost.text} × ${formatValue(cost.requestsPerYear, 'req/year')} over 365 days`
        : cost.basis === 'serving budget'
            ? "the budget's serving line × 12: no cost per request or month is stated"
            : 'the monthly cost × 12';
    return [strong(cost.text), ` (${basis})`];
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
