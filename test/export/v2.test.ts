import { beforeAll, describe, expect, test } from 'vitest';
import type { PlanExport } from '../../server/src/export/export-model.js';
import { renderExport } from '../../server/src/export/index.js';
import { parseDocument } from './dom.js';
import { expectWellFormed, PLAN_SECTIONS } from './markdown-check.js';
import { modelOfText } from './support.js';
import { V2_PLAN } from './v2-plan.js';

/**
 * The v2 constructs in the three formats: what a reader of the Markdown or HTML sees, line by
 * line, and what a program reading the JSON gets. Figures are those of v2-plan.ts (worked out
 * there), computed by model/ and only shown here.
 */
let model: PlanExport;
let markdown: string;
let lines: string[];

beforeAll(async () => {
    model = await modelOfText(V2_PLAN);
    markdown = renderExport(model, 'markdown');
    lines = markdown.split('\n');
});

/** The lines of the Markdown section titled `title`, without the heading. */
function section(title: string): string[] {
    const start = lines.indexOf(`## ${title}`);
    expect(start, title).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    return lines.slice(start + 1, end < 0 ? undefined : end).filter(line => line.length > 0);
}

describe('Markdown', () => {
    test('is well formed with the Personas section after the objectives', async () => {
        await expectWellFormed(markdown, PLAN_SECTIONS, 'Subscriber churn prediction');
    });

    test('Personas: who they are, what they decide, which objectives serve them', () => {
        expect(section('Personas')).toEqual([
            '| Persona | Who they are | What they decide | Served by |',
            '| --- | --- | --- | --- |',
            '| `retention_agent` | Retention agent calling at-risk subscribers — Works the morning call list. | whom to call first and which offer to make | `ReduceChurn`, `KeepRevenue` |',
            '| `analyst` | Analyst | *not set* | *no objective names this persona* |',
        ]);
    });

    test('a plan without personas says so', async () => {
        expect(renderExport(await modelOfText('plan P { }'), 'markdown')).toContain('## Personas\n\n*No persona defined.*\n');
    });

    test('the overview: start, deployment, value against cost, and the errors that block readiness', () => {
        expect(lines).toContain('- **Start:** 2026-01-05');
        expect(lines).toContain("- **Deployment:** `replace` — the model takes over today's process");
        expect(lines).toContain('- **Value vs cost:** 400,000 USD/year of value against 9,460.8 USD/year of serving cost: value ÷ cost = 42.3×');
        const errors = model.counts.error;
        expect(errors).toBeGreaterThan(0);
        expect(lines.find(line => line.startsWith('- **Readiness:** '))).toMatch(new RegExp(`, \\*\\*blocked by ${errors} errors?\\*\\*$`));
        const { satisfied, applicable } = model.readiness;
        expect(section('Readiness checklist')[0]).toBe(`**Readiness ${satisfied}/${applicable}, blocked by ${errors} errors** at stage \`growth\`.`);
    });

    test('a plan without errors is not said to be blocked', async () => {
        const clean = renderExport(await modelOfText('plan P { }'), 'markdown');
        expect(clean).not.toContain('blocked by');
        const one = renderExport(await modelOfText('plan P { owner nobody }'), 'markdown');
        expect(one).toMatch(/^- \*\*Readiness:\*\* .*, \*\*blocked by 1 error\*\*$/m);
        expect(one).toMatch(/^\*\*Readiness \d+\/\d+, blocked by 1 error\*\* at stage `mvp`\.$/m);
    });

    test('objectives: value and personas', () => {
        expect(lines).toContain('- **Value:** 300,000 USD/year *(a year, once the KPIs are met)*');
        expect(lines).toContain('- **For:** `retention_agent`, `nobody` *(unresolved)*');
    });

    test('datasets: labeling pace, time, end date and cost; label delay', () => {
        expect(lines).toContain('- **Labeling:** in-house, 20,000 rows/day at 0.05 USD/row');
        expect(lines).toContain('- **Labeling time:** 60 d for 1,200,000 rows at 20,000 rows/day, done by **2026-03-06** counting from the plan start');
        expect(lines).toContain('- **Labeling cost:** **60,000 USD** (1,200,000 rows × 0.05 USD/row)');
        expect(lines).toContain('- **Labels known after:** 30 d *(from an event to its ground truth)*');
    });

    test('models: latency, version, registry', () => {
        expect(lines).toContain('- **Inference latency:** 40 ms *(per request, on its compute)*');
        expect(lines).toContain('- **Version:** 2.3.0');
        expect(lines).toContain('- **Registry:** `mlflow://models/churn-gbm`');
    });

    test('serving: yearly cost, served model, replicas × capacity and headroom', () => {
        expect(lines).toContain('- **Yearly cost:** **9,460.8 USD/year** (0.00001 USD/req × 946,080,000 req/year over 365 days)');
        expect(lines).toContain('- **Serves:** `ChurnGBM`');
        expect(lines).toContain('- **Capacity:** 3 replicas × 40 req/s = **120 req/s**: 2× the peak of 60 req/s');
    });

    test('rollout: start, end, and each stage with its dates and requests', () => {
        expect(section('Rollout').slice(0, 9)).toEqual([
            '- **Strategy:** canary',
            '- **Starts:** after milestone `Prototype`, due 2026-01-15',
            '- **Total duration:** 19 d *(shadow period and stage durations added up)*',
            '- **Ends:** **2026-02-03** *(the start, the shadow period and every stage with a duration)*',
            '- **Rollback when:** *not set*',
            '1. **Shadow** for 14 d (2026-01-15 to 2026-01-29): the model answers live requests but its answers are not used',
            '2. **Stage 1**: 1 % of traffic for 2 d (2026-01-29 to 2026-01-31) — about 51,840 requests',
            '3. **Stage 2**: 10 % of traffic for 3 d (2026-01-31 to 2026-02-03) — about 777,600 requests',
            '4. **Stage 3**: 100 % of traffic (from 2026-02-03)',
        ]);
    });

    test('milestones: the datasets they need labeled, late ones flagged; the rollout on the Gantt chart', () => {
        const milestones = section('Milestones');
        expect(milestones.slice(0, 4)).toEqual([
            '| Milestone | Due | After | Needs labeled | Owner | Deliverables | Description |',
            '| --- | --- | --- | --- | --- | --- | --- |',
            '| `Prototype` | 2026-01-15 | — | — | Ana Lima (`ana`) | — | — |',
            '| `Labeled` | 2026-03-01 | — | `subscribers` *(labeled by 2026-03-06, after the due date)* | Ana Lima (`ana`) | — | — |',
        ]);
        expect(milestones.slice(milestones.indexOf('    section Rollout'), milestones.indexOf('    section Deadline'))).toEqual([
            '    section Rollout',
            '    Shadow period :shadow, 2026-01-15, 2026-01-29',
            '    Stage 1 (1 percent) :stage1, 2026-01-29, 2026-01-31',
            '    Stage 2 (10 percent) :stage2, 2026-01-31, 2026-02-03',
        ]);
    });

    test('budget: months of serving, the lines against the total, labeling spend', () => {
        expect(section('Budget').slice(-3)).toEqual([
            '- **Months of serving:** **9** *(from the rollout start 2026-01-15 to the deadline 2026-09-30, in 30-day months rounded up)*',
            '- **Sum of the lines:** 10,000 USD labeling + 22,500 USD serving (2,500 USD/month × 9 months) = **32,500 USD**, within the total of 150,000 USD',
            '- **Labeling spend:** **60,000 USD** (`subscribers` 60,000 USD), against a labeling line of 10,000 USD',
        ]);
    });
});

describe('what the Markdown says on each side of a verdict', () => {
    const plan = (serving: string, budget = '', objective = 'value 1_000 USD/year') => `plan P {
  objective o { ${objective} }
  serving { volume 86_400 req/day ${serving} }
  ${budget}
}`;

    test('capacity: below the peak, exactly at it, and against the mean rate without a peak', async () => {
        const below = renderExport(await modelOfText(plan('peak 61 req/s replicas 3 capacity 20 req/s')), 'markdown');
        expect(below).toContain('- **Capacity:** 3 replicas × 20 req/s = **60 req/s**: 0.984× the peak of 61 req/s — **below the peak**\n');
        const equal = renderExport(await modelOfText(plan('peak 60 req/s replicas 3 capacity 20 req/s')), 'markdown');
        expect(equal).toContain('- **Capacity:** 3 replicas × 20 req/s = **60 req/s**: 1× the peak of 60 req/s\n');
        const mean = renderExport(await modelOfText(plan('replicas 1 capacity 2 req/s')), 'markdown');
        expect(mean).toContain('- **Capacity:** 1 replica × 2 req/s = **2 req/s**: 2× the mean rate of 1 req/s\n');
        const alone = renderExport(await modelOfText('plan P { serving { replicas 2 } }'), 'markdown');
        expect(alone).toContain('- **Replicas:** 2\n');
        expect(alone).not.toContain('**Capacity:**');
    });

    test('value against cost: cheaper, dearer, equal, and with a side missing', async () => {
        // 86,400 req/day × 365 d × 0.00001 USD/req = 315.36 USD/year, shown 315.4.
        const cost = 'cost 0.00001 USD/req';
        const cheaper = renderExport(await modelOfText(plan(cost)), 'markdown');
        expect(cheaper).toContain('- **Value vs cost:** 1,000 USD/year of value against 315.4 USD/year of serving cost: value ÷ cost = 3.17×\n');
        const dearer = renderExport(await modelOfText(plan(cost, '', 'value 300 USD/year')), 'markdown');
        expect(dearer).toContain('- **Value vs cost:** 300 USD/year of value against 315.4 USD/year of serving cost: value ÷ cost = 0.951× — **serving costs more than the value**\n');
        const equal = renderExport(await modelOfText(plan('cost 100 USD/month', '', 'value 1_200 USD/year')), 'markdown');
        expect(equal).toContain('value ÷ cost = 1×\n');
        const noValue = renderExport(await modelOfText(plan(cost, '', 'description "d"')), 'markdown');
        expect(noValue).toContain('- **Value vs cost:** 315.4 USD/year of serving cost; *no objective states its yearly value*\n');
        const noCost = renderExport(await modelOfText(plan('')), 'markdown');
        expect(noCost).toContain('- **Value vs cost:** 1,000 USD/year of value; *the yearly serving cost is not known*\n');
        const currencies = renderExport(await modelOfText(plan('cost 0.00001 EUR/req')), 'markdown');
        expect(currencies).toContain('- **Value vs cost:** 1,000 USD/year of value against 315.4 EUR/year of serving cost *(different currencies, not compared)*\n');
        const none = renderExport(await modelOfText('plan P { serving { volume 1 req/s } }'), 'markdown');
        expect(none).not.toContain('Value vs cost');
    });

    test('yearly cost from the budget when serving states no cost', async () => {
        const markdown = renderExport(await modelOfText(plan('', 'budget { serving 100 USD/month }')), 'markdown');
        expect(markdown).toContain("- **Yearly cost:** **1,200 USD/year** (the budget's serving line × 12: no cost per request or month is stated)\n");
    });

    test('the budget: over the total, and a year of serving when a date is missing', async () => {
        const markdown = renderExport(await modelOfText('plan P { budget { total 1_000 USD serving 100 USD/month training 1 USD } }'), 'markdown');
        expect(markdown).toContain('- **Months of serving:** **12** *(a year: the rollout start or plan start, or the deadline, is not known)*\n');
        expect(markdown).toContain('- **Sum of the lines:** 1 USD training + 1,200 USD serving (100 USD/month × 12 months) = **1,201 USD**, **over the total of 1,000 USD**\n');
        const exact = renderExport(await modelOfText('plan P { budget { total 1_200 USD serving 100 USD/month } }'), 'markdown');
        expect(exact).toContain('= **1,200 USD**, within the total of 1,200 USD\n');
    });

    test('a stage within one day, and a labeling schedule without a plan start', async () => {
        const markdown = renderExport(await modelOfText(`plan P {
  dataset d { size 100 rows labeling outsourced { rate 10 rows/day } }
  serving { volume 3_600 req/h }
  rollout { starts 2026-03-01 stage 1 % for 2 h stage 100 % }
}`), 'markdown');
        expect(markdown).toContain('- **Labeling time:** 10 d for 100 rows at 10 rows/day *(no plan start: no end date)*\n');
        expect(markdown).toContain('1. **Stage 1**: 1 % of traffic for 2 h (on 2026-03-01) — about 72 requests\n');
        expect(markdown).toContain('- **Starts:** 2026-03-01\n');
    });
});

describe('JSON', () => {
    test('carries every v2 property and figure', () => {
        expect(model).toMatchObject({ start: '2026-01-05', deployment: 'replace' });
        expect(model.personas.map(p => ({ ...p, objectives: p.objectives.map(o => o.name) }))).toEqual([
            {
                name: 'retention_agent', kind: 'persona', file: 'plan.mlplan', line: 17, imported: false,
                documentation: 'Works the morning call list.',
                description: 'Retention agent calling at-risk subscribers',
                decision: 'whom to call first and which offer to make',
                objectives: ['ReduceChurn', 'KeepRevenue'],
            },
            {
                name: 'analyst', kind: 'persona', file: 'plan.mlplan', line: 21, imported: false,
                documentation: null, description: 'Analyst', decision: null, objectives: [],
            },
        ]);
        expect(model.objectives[1].value).toEqual({ value: 100_000, unit: 'USD/year', text: '100,000 USD/year', known: true });
        expect(model.objectives[1].for).toEqual([
            { name: 'retention_agent', resolved: true, kind: 'persona', file: 'plan.mlplan' },
            { name: 'nobody', resolved: false, kind: null, file: null },
        ]);
        const dataset = model.datasets[0];
        expect(dataset.labelDelay?.text).toBe('30 d');
        expect(dataset.labelingEffort).toEqual({
            rate: { value: 20_000, unit: 'rows/day', text: '20,000 rows/day', known: true },
            cost: { value: 0.05, unit: 'USD/row', text: '0.05 USD/row', known: true },
        });
        expect(dataset.labelingDerived).toEqual({
            days: { value: 60, unit: 'd', text: '60 d' },
            cost: { value: 60_000, unit: 'USD', text: '60,000 USD' },
            endDate: '2026-03-06',
        });
        expect(model.models[0]).toMatchObject({
            latency: { value: 40, unit: 'ms', text: '40 ms', known: true },
            version: '2.3.0',
            registry: 'mlflow://models/churn-gbm',
        });
        expect(model.milestones[1].needs).toEqual([{ name: 'subscribers', resolved: true, kind: 'dataset', file: 'plan.mlplan' }]);
    });

    test('serving: the served model, capacity and yearly cost', () => {
        const serving = model.serving!;
        expect(serving.serves).toEqual({ name: 'ChurnGBM', resolved: true, kind: 'model', file: 'plan.mlplan' });
        expect(serving.replicas?.value).toBe(3);
        expect(serving.capacity?.text).toBe('40 req/s');
        expect(serving.derived.model?.name).toBe('ChurnGBM');
        expect(serving.derived.capacity).toEqual({
            replicas: 3,
            perReplica: { value: 40, unit: 'req/s', text: '40 req/s' },
            total: { value: 120, unit: 'req/s', text: '120 req/s' },
            demand: { value: 60, unit: 'req/s', text: '60 req/s' },
            demandFrom: 'peak',
            headroom: { value: 2, unit: '×', text: '2×' },
        });
        expect(serving.derived.yearlyCost).toEqual({
            value: 9_460.8, unit: 'USD/year', text: '9,460.8 USD/year', basis: 'volume', requestsPerYear: 946_080_000,
        });
    });

    test('the served model is the only model when `serves` is left out, and none among several', async () => {
        const one = await modelOfText('plan P { model m { } serving { mode batch } }');
        expect(one.serving?.serves).toBeNull();
        expect(one.serving?.derived.model).toEqual({ name: 'm', resolved: true, kind: 'model', file: 'plan.mlplan' });
        expect(renderExport(one, 'markdown')).toContain("- **Serves:** `m` *(the plan's only model)*\n");
        const two = await modelOfText('plan P { model m { } model n { } serving { mode batch } }');
        expect(two.serving?.derived.model).toBeNull();
        expect(renderExport(two, 'markdown')).toContain('- **Serves:** *not set*\n');
    });

    test('rollout: how it starts and its schedule', () => {
        const rollout = model.rollout!;
        expect(rollout.starts).toEqual({ date: null, milestone: { name: 'Prototype', resolved: true, kind: 'milestone', file: 'plan.mlplan' } });
        expect([rollout.startDate, rollout.shadowEndDate, rollout.endDate]).toEqual(['2026-01-15', '2026-01-29', '2026-02-03']);
        expect(rollout.stages.map(s => [s.requests?.value ?? null, s.requests?.text ?? null, s.startDate, s.endDate])).toEqual([
            [51_840, '51,840 requests', '2026-01-29', '2026-01-31'],
            [777_600, '777,600 requests', '2026-01-31', '2026-02-03'],
            // Without `for` a stage counts no time and no requests.
            [null, null, '2026-02-03', '2026-02-03'],
        ]);
    });

    test('plan-wide figures: months of serving, budget sum, labeling spend, value and cost', () => {
        const derived = model.derived;
        expect(derived.servingMonths).toEqual({ months: 9, from: 'rollout start', fromDate: '2026-01-15', deadline: '2026-09-30' });
        expect(derived.budgetSum).toEqual({
            total: { value: 150_000, unit: 'USD', text: '150,000 USD' },
            lines: [
                { name: 'labeling', amount: { value: 10_000, unit: 'USD', text: '10,000 USD' } },
                { name: 'serving', amount: { value: 22_500, unit: 'USD', text: '22,500 USD' } },
            ],
            servingMonthly: { value: 2_500, unit: 'USD/month', text: '2,500 USD/month' },
            sum: { value: 32_500, unit: 'USD', text: '32,500 USD' },
            exceedsTotal: false,
        });
        expect(derived.labelingSpend).toEqual({
            value: 60_000, unit: 'USD', text: '60,000 USD',
            datasets: [{ dataset: { name: 'subscribers', resolved: true, kind: 'dataset', file: 'plan.mlplan' }, cost: { value: 60_000, unit: 'USD', text: '60,000 USD' } }],
        });
        expect(derived.yearlyValue?.text).toBe('400,000 USD/year');
        expect(derived.yearlyValue?.objectives.map(o => o.name)).toEqual(['ReduceChurn', 'KeepRevenue']);
        expect(derived.yearlyCost?.text).toBe('9,460.8 USD/year');
        expect(derived.valueToCost).toEqual({ value: expect.closeTo(42.2797, 4), unit: '×', text: '42.3×' });
    });

    test('readiness counts the errors that block the plan', () => {
        expect(model.readiness.blockers).toBe(model.counts.error);
        expect(model.readiness.blockers).toBeGreaterThan(0);
    });

    test('a plan that says nothing v2 has nulls and empty lists, never a guess', async () => {
        const bare = await modelOfText('plan P { dataset d { } model m { } serving { } rollout { stage 1 % for 1 d } milestone a { } }');
        expect(bare).toMatchObject({ start: null, deployment: null, personas: [] });
        expect(bare.datasets[0]).toMatchObject({ labelingEffort: null, labelDelay: null, labelingDerived: { days: null, cost: null, endDate: null } });
        expect(bare.models[0]).toMatchObject({ latency: null, version: null, registry: null });
        expect(bare.serving).toMatchObject({ serves: null, replicas: null, capacity: null });
        expect(bare.serving?.derived).toMatchObject({ capacity: null, yearlyCost: null });
        expect(bare.rollout).toMatchObject({ starts: null, startDate: null, shadowEndDate: null, endDate: null });
        expect(bare.rollout?.stages[0]).toMatchObject({ requests: null, startDate: null, endDate: null });
        expect(bare.milestones[0].needs).toEqual([]);
        expect(bare.derived).toEqual({
            servingMonths: { months: 12, from: null, fromDate: null, deadline: null },
            budgetSum: null, labelingSpend: null, yearlyValue: null, yearlyCost: null, valueToCost: null,
        });
        expect(bare.readiness.blockers).toBe(0);
    });

    test('absurd figures stay finite: no Infinity, no NaN, dates past the calendar said so', async () => {
        // The language has no exponent: a huge number is written out, 10^300 here.
        const huge = `1${'0'.repeat(300)}`;
        const absurd = await modelOfText(`plan P {
  start 2026-01-01
  objective o { value ${huge} USD/year }
  dataset d { size ${huge} rows labeling in-house { rate 0.${'0'.repeat(300)}1 rows/day cost ${huge} USD/row } }
  serving { volume ${huge} req/s peak ${huge} req/s cost ${huge} USD/req replicas ${huge} capacity ${huge} req/s }
  rollout { starts 2026-01-01 shadow ${huge} d stage 1 % for 10000000 d }
  budget { total ${huge} USD serving ${huge} USD/month }
}`);
        for (const format of ['markdown', 'json', 'html'] as const) {
            expect(renderExport(absurd, format)).not.toMatch(/NaN|Infinity/);
        }
        expect(absurd.rollout?.endDate).toBe('after 9999-12-31');
    });
});

describe('HTML', () => {
    test('shows the personas, the value line and the rollout on the timeline', () => {
        const document = parseDocument(renderExport(model, 'html'));
        const personas = document.querySelector('section#personas table');
        expect(Array.from(personas?.querySelectorAll('tbody tr') ?? []).map(row => row.textContent)).toEqual([
            'retention_agentRetention agent calling at-risk subscribers — Works the morning call list.whom to call first and which offer to makeReduceChurn, KeepRevenue',
            'analystAnalystnot setno objective names this persona',
        ]);
        const facts = Array.from(document.querySelectorAll('header dl.facts div')).map(div => div.textContent);
        expect(facts).toContain('Value vs cost400,000 USD/year of value against 9,460.8 USD/year of serving cost: value ÷ cost = 42.3×');
        const rollout = Array.from(document.querySelectorAll('.timeline .row.rollout')).map(row => row.textContent);
        expect(rollout).toEqual([
            'Shadow period2026-01-15 → 2026-01-29',
            'Stage 1 (1 %)2026-01-29 → 2026-01-31',
            'Stage 2 (10 %)2026-01-31 → 2026-02-03',
        ]);
    });
});
