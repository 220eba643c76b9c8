import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Document } from '../../server/src/generated/ast.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { ruleLink } from '../../server/src/lsp/rule-links.js';
import { check, createEditorTestServices } from '../support/services.js';
import { positionOf } from '../support/diagnostics.js';

const services = createEditorTestServices();

/** The hover's Markdown, line by line, on `needle` (shifted by `shift` characters). */
async function hoverLines(document: LangiumDocument<Document>, needle: string, shift = 0): Promise<string[] | undefined> {
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: positionOf(document, needle, 1, shift),
    });
    return hover ? (hover.contents as { value: string }).value.split('\n') : undefined;
}

const SERVING_LINES = [
    '**Serving load and cost**',
    '- mean rate: 23.1 req/s = 1,388.9 req/min = 2,000,000 req/day',
    '- peak: 60 req/s, 2.59× the mean',
    '- monthly cost: 2,400 USD/month (0.00004 USD/req × 60,000,000 req/month)',
    '- budget: within the serving budget of 2,500 USD/month (96 % of it)',
];

describe('quantities', () => {
    let document: LangiumDocument<Document>;
    beforeAll(async () => ({ document } = await check(services, `plan P {
  metric lat { kind software unit ms better lower }
  metric auc { kind ml better higher }
  baseline B { expect auc = 0.78 expect lat = 150 ms }
  dataset d { source "s" size 1_200_000 rows retention 28 d fields { f number } check missing f < 3.5 % }
  budget { total 150_000 USD }
}`)));

    test('a duration in the other time units (tiny and huge figures left out)', async () => {
        expect(await hoverLines(document, '150 ms')).toEqual(['`150 ms` = 0.15 s = 0.0025 min']);
        expect(await hoverLines(document, '150 ms', 4)).toEqual(['`150 ms` = 0.15 s = 0.0025 min']);
        expect(await hoverLines(document, '28 d')).toEqual(['`28 d` = 2,419,200 s = 40,320 min = 672 h = 4 w']);
    });

    test('a percentage or a ratio on its own has no hover: `3.5 %` = 0.035 would only restate it', async () => {
        expect(await hoverLines(document, '3.5 %', 4)).toBeUndefined();
        expect(await hoverLines(document, '0.78')).toBeUndefined();
    });

    test('money and sizes have no conversion: the hover says what they measure', async () => {
        expect(await hoverLines(document, '150_000 USD')).toEqual([
            '`150,000 USD`: an amount of money',
            '',
            '**Budget lines and total**',
            '- months of serving: 12 months (no start or `deadline`: a year is assumed)',
            '- no line in USD besides the total',
        ]);
        expect(await hoverLines(document, '1_200_000 rows', 11)).toEqual(['`1,200,000 rows`: a number of rows']);
    });

    test("a metric's unit says what it measures and what else bounds may use", async () => {
        expect(await hoverLines(document, 'unit ms', 5)).toEqual(['`ms`: a duration; bounds may also be written in `s`, `min`, `h`, `d`, `w`']);
        const { document: other } = await check(services, 'plan P { metric r { unit % } metric c { unit EUR/month } }');
        expect(await hoverLines(other, '%')).toEqual(['`%`: a ratio or percentage; bounds may also be plain ratios (`3.5 %` = `0.035`)']);
        expect(await hoverLines(other, 'EUR')).toEqual(['`EUR/month`: an amount per month or per year; bounds may also be written in `EUR/year`']);
    });

    test('an unknown unit gives no conversion, only the unknown-unit note', async () => {
        const { document: other } = await check(services, 'plan P { dataset d { source "s" retention 30 days fields { f number } } }');
        const lines = await hoverLines(other, '30 days', 3);
        expect(lines).toEqual([`**\`unknown-unit\`**: ${RULES_BY_CODE.get('unknown-unit')!.title}.`, '', RULES_BY_CODE.get('unknown-unit')!.why, '', `[Rule page](${ruleLink('unknown-unit')})`]);
    });
});

describe('serving figures', () => {
    let document: LangiumDocument<Document>;
    beforeAll(async () => ({ document } = await check(services, `plan P {
  serving {
    mode realtime
    volume 2_000_000 req/day
    peak 60 req/s
    cost 0.00004 USD/req
    fallback "static rules"
  }
  budget { serving 2_500 USD/month }
}`)));

    test('on the volume: its conversions, then the mean rate, peak and monthly cost vs budget', async () => {
        expect(await hoverLines(document, '2_000_000')).toEqual([
            '`2,000,000 req/day` = 23.1 req/s = 1,388.9 req/min = 83,333.3 req/h',
            '',
            ...SERVING_LINES,
        ]);
    });

    test('on the keywords volume, peak and cost: the meaning, then the same figures', async () => {
        for (const keyword of ['volume', 'peak', 'cost']) {
            const lines = await hoverLines(document, `${keyword} `);
            expect(lines?.[0]).toBe(`**\`${keyword}\`** (keyword)`);
            expect(lines?.slice(-SERVING_LINES.length)).toEqual(SERVING_LINES);
        }
    });

    test('on the cost value', async () => {
        expect((await hoverLines(document, '0.00004'))?.slice(-SERVING_LINES.length)).toEqual(SERVING_LINES);
    });

    test('over budget, another currency, no budget, a peak below the mean', async () => {
        const serving = (body: string, budget = '') => check(services, `plan P {\n  serving { fallback "x" ${body} }\n  ${budget}\n}`);
        let { document: other } = await serving('volume 2_000_000 req/day cost 0.00004 USD/req', 'budget { serving 2_000 USD/month }');
        expect(await hoverLines(other, 'cost')).toContain('- budget: **over** the serving budget of 2,000 USD/month (120 % of it)');
        ({ document: other } = await serving('volume 2_000_000 req/day cost 0.00004 USD/req', 'budget { serving 2_000 EUR/month }'));
        expect(await hoverLines(other, 'cost')).toContain("- budget: the budget's serving line is 2,000 EUR/month, not comparable with USD/month");
        ({ document: other } = await serving('volume 2_000_000 req/day peak 10 req/s cost 500 USD/month'));
        const lines = await hoverLines(other, 'peak');
        expect(lines).toContain('- peak: 10 req/s, **below the mean**: one of the two figures is wrong');
        expect(lines).toContain('- monthly cost: 500 USD/month');
        expect(lines).toContain('- budget: no `budget` block to compare with');
        ({ document: other } = await serving('volume 2_000_000 req/day cost 0.00004 USD/req', 'budget { total 9 USD }'));
        expect(await hoverLines(other, 'cost')).toContain('- budget: the budget has no `serving` line to compare with');
        ({ document: other } = await serving('peak 10 req/s'));
        expect((await hoverLines(other, 'peak'))?.slice(-3)).toEqual([
            '**Serving load and cost**',
            '- mean rate: unknown (no `volume` as a request rate)',
            '- peak: 10 req/s',
        ]);
    });
});

/** The lines of the hover's section headed `**title**`, up to the blank line after it. */
function sectionOf(lines: string[] | undefined, title: string): string[] | undefined {
    const start = lines?.indexOf(`**${title}**`) ?? -1;
    if (!lines || start < 0) {
        return undefined;
    }
    const end = lines.indexOf('', start);
    return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** A v2 plan with every figure the hovers derive: schedule, capacity, labeling, budget, value. */
const V2_PLAN = `plan P {
  start 2026-01-05
  deadline 2026-09-30
  persona agent { description "Retention agent" decision "whom to call" }
  metric churn { kind business unit % better lower }
  metric error_rate { kind software unit % better lower }
  objective O { kpi churn <= 3 % value 400_000 USD/year for agent }
  dataset subs {
    source "s"
    size 1_200_000 rows
    labeling in-house { rate 2_000 rows/day cost 0.05 USD/row }
    fields { churned boolean label }
  }
  model M { trains on subs latency 40 ms }
  serving {
    volume 2_000_000 req/day
    peak 60 req/s
    cost 0.00004 USD/req
    serves M
    replicas 3
    capacity 40 req/s
    fallback "rules"
  }
  rollout {
    strategy canary
    starts after Prototype
    shadow 14 d
    stage 1 % for 2 d
    stage 10 % for 3 d
    stage 100 %
    rollback when error_rate > 1 %
  }
  milestone Prototype { due 2026-01-15 }
  milestone Labeled { due 2026-02-01 needs subs }
  budget {
    total 150_000 USD
    serving 2_500 USD/month
    labeling 10_000 USD
  }
}`;

const SCHEDULE_LINES = [
    '- start: 2026-01-15 (due date of milestone `Prototype`)',
    '- length: 19 d, shadow and stage durations together',
    '- end: 2026-02-03',
    '- stage 1 (`1 % for 2 d`): 2026-01-29 to 2026-01-31; sees about 40,000 requests (23.1 req/s × 1 % × 2 d)',
    '- stage 2 (`10 % for 3 d`): 2026-01-31 to 2026-02-03; sees about 600,000 requests (23.1 req/s × 10 % × 3 d)',
    '- stage 3 (`100 %`): from 2026-02-03 (no `for`, so no end); requests not counted (no `for`)',
];

const LABELING_LINES = [
    '- takes 600 d: 1,200,000 rows at 2,000 rows/day',
    '- costs 60,000 USD: 1,200,000 rows × 0.05 USD/row',
    '- ends 2027-08-28, counted from the plan start 2026-01-05',
];

const YEARLY_LINES = [
    '- value: 400,000 USD/year (objective `O`)',
    '- serving cost: 29,200 USD/year (0.00004 USD/req × 730,000,000 req/year)',
    '- the value is 13.7× the serving cost',
];

const BUDGET_LINES = [
    '- months of serving: 9 months (rollout start 2026-01-15 to deadline 2026-09-30)',
    '- labeling: 10,000 USD',
    '- serving: 2,500 USD/month × 9 months = 22,500 USD',
    '- sum: 32,500 USD, within the total of 150,000 USD',
];

describe('v2 figures', () => {
    let document: LangiumDocument<Document>;
    beforeAll(async () => ({ document } = await check(services, V2_PLAN)));

    test('serving capacity on `replicas`, `capacity` and their values: replicas × capacity against the peak', async () => {
        const capacity = ['- 3 × 40 req/s = 120 req/s, 2× the peak of 60 req/s'];
        for (const [needle, shift] of [['replicas', 0], ['capacity', 0], ['replicas 3', 9], ['capacity 40', 9]] as const) {
            expect(sectionOf(await hoverLines(document, needle, shift), 'Serving capacity'), needle).toEqual(capacity);
        }
        expect(await hoverLines(document, 'replicas 3', 9)).toEqual(['`3`: a plain count', '', '**Serving capacity**', ...capacity]);
    });

    test('`serves` names the served model; the `serving` keyword shows load, capacity, model and the yearly figures', async () => {
        expect(sectionOf(await hoverLines(document, 'serves'), 'Served model')).toEqual(['- `M` (named by `serves`)']);
        const lines = await hoverLines(document, 'serving {');
        expect(sectionOf(lines, 'Serving load and cost')).toEqual([
            '- mean rate: 23.1 req/s = 1,388.9 req/min = 2,000,000 req/day',
            '- peak: 60 req/s, 2.59× the mean',
            '- monthly cost: 2,400 USD/month (0.00004 USD/req × 60,000,000 req/month)',
            '- budget: within the serving budget of 2,500 USD/month (96 % of it)',
        ]);
        expect(sectionOf(lines, 'Serving capacity')).toEqual(['- 3 × 40 req/s = 120 req/s, 2× the peak of 60 req/s']);
        expect(sectionOf(lines, 'Served model')).toEqual(['- `M` (named by `serves`)']);
        expect(sectionOf(lines, 'Value and serving cost per year')).toEqual(YEARLY_LINES);
    });

    test('the rollout, `starts`, `after` and the start date: start, length, end and every stage', async () => {
        for (const [needle, shift] of [['rollout {', 0], ['starts', 0], ['after Prototype', 0], ['shadow 14', 0]] as const) {
            expect(sectionOf(await hoverLines(document, needle, shift), 'Rollout schedule'), needle).toEqual(SCHEDULE_LINES);
        }
        const { document: dated } = await check(services, 'plan P {\n  rollout { starts 2026-03-01 stage 100 % for 1 d }\n}');
        expect(await hoverLines(dated, '2026-03-01')).toEqual([
            '`2026-03-01`: a Sunday',
            '',
            '**Rollout schedule**',
            '- start: 2026-03-01',
            '- length: 1 d, shadow and stage durations together',
            '- end: 2026-03-02',
            '- stage 1 (`100 % for 1 d`): 2026-03-01 to 2026-03-02; requests unknown (no serving `volume`)',
        ]);
    });

    test('a stage, its keyword and its values: the requests it sees and its dates', async () => {
        const first = ['- sees about 40,000 requests (23.1 req/s × 1 % × 2 d)', '- dates: 2026-01-29 to 2026-01-31'];
        expect(sectionOf(await hoverLines(document, 'stage 1 %'), 'Rollout stage 1 of 3')).toEqual(first);
        expect(sectionOf(await hoverLines(document, '1 % for'), 'Rollout stage 1 of 3')).toEqual(first);
        expect(await hoverLines(document, 'for 2 d', 4)).toEqual([
            '`2 d` = 172,800 s = 2,880 min = 48 h = 0.286 w',
            '',
            '**Rollout stage 1 of 3**',
            ...first,
        ]);
        expect(sectionOf(await hoverLines(document, 'stage 100'), 'Rollout stage 3 of 3')).toEqual([
            '- requests not counted (no `for`)',
            '- dates: from 2026-02-03 (no `for`, so no end)',
        ]);
    });

    test('labeling: on the keyword, its rate and cost, and in the dataset hover', async () => {
        for (const [needle, shift] of [['labeling in-house', 0], ['rate 2_000', 0], ['cost 0.05', 0], ['2_000 rows', 0], ['0.05 USD', 0], ['size 1_200_000', 0]] as const) {
            expect(sectionOf(await hoverLines(document, needle, shift), 'Labeling'), needle).toEqual(LABELING_LINES);
        }
        const dataset = await hoverLines(document, 'dataset subs', 8);
        expect(dataset).toContain('- labeling: in-house, 2,000 rows/day at 0.05 USD/row');
        expect(sectionOf(dataset, 'Labeling')).toEqual(LABELING_LINES);
    });

    test('a milestone that `needs` a dataset: when its labeling ends against the due date', async () => {
        const lines = ['- `subs`: labeled 2027-08-28, **after** the due date 2026-02-01'];
        expect(sectionOf(await hoverLines(document, 'needs'), 'Labeling of the datasets it needs')).toEqual(lines);
        expect(sectionOf(await hoverLines(document, 'milestone Labeled', 10), 'Labeling of the datasets it needs')).toEqual(lines);
    });

    test('the budget, its total and its serving line: months of serving and the lines against the total', async () => {
        for (const [needle, shift] of [['budget {', 0], ['total', 0], ['150_000', 0], ['serving 2_500', 0]] as const) {
            expect(sectionOf(await hoverLines(document, needle, shift), 'Budget lines and total'), needle).toEqual(BUDGET_LINES);
        }
    });

    test("the budget's labeling line: each dataset's labeling cost against it", async () => {
        expect(sectionOf(await hoverLines(document, 'labeling 10_000'), 'Labeling cost and the labeling line')).toEqual([
            '- `subs`: 1,200,000 rows × 0.05 USD/row = 60,000 USD',
            '- sum: 60,000 USD, **over** the labeling line of 10,000 USD',
        ]);
    });

    test("an objective's `value`: the yearly value against the yearly serving cost", async () => {
        expect(sectionOf(await hoverLines(document, 'value 400'), 'Value and serving cost per year')).toEqual(YEARLY_LINES);
        expect(await hoverLines(document, '400_000')).toEqual(['`400,000 USD/year` = 33,333.3 USD/month', '', '**Value and serving cost per year**', ...YEARLY_LINES]);
    });

    test('new units convert like the others: per year and per month, rows per day; per row says what it is', async () => {
        expect((await hoverLines(document, '2_500 USD'))?.[0]).toBe('`2,500 USD/month` = 30,000 USD/year');
        expect((await hoverLines(document, '2_000 rows'))?.[0]).toBe('`2,000 rows/day` = 0.0231 rows/s = 1.39 rows/min = 83.3 rows/h');
        expect((await hoverLines(document, '0.05 USD'))?.[0]).toBe('`0.05 USD/row`: a cost per row');
        const { document: units } = await check(services, 'plan P { metric v { unit GBP/year } }');
        expect(await hoverLines(units, 'GBP')).toEqual(['`GBP/year`: an amount per month or per year; bounds may also be written in `GBP/month`']);
    });
});

describe('v2 figures at the edges', () => {
    async function sectionAt(text: string, needle: string, title: string, shift = 0): Promise<string[] | undefined> {
        const { document } = await check(services, text);
        return sectionOf(await hoverLines(document, needle, shift), title);
    }
    const serving = (body: string) => `plan P {\n  serving { fallback "x" ${body} }\n}`;

    test('capacity just below, at and above the peak; against the mean without a peak; nothing to compare with', async () => {
        expect(await sectionAt(serving('peak 60 req/s replicas 3 capacity 19.9 req/s'), 'replicas', 'Serving capacity'))
            .toEqual(['- 3 × 19.9 req/s = 59.7 req/s, **below** the peak of 60 req/s (0.995×)']);
        expect(await sectionAt(serving('peak 60 req/s replicas 3 capacity 20 req/s'), 'replicas', 'Serving capacity'))
            .toEqual(['- 3 × 20 req/s = 60 req/s, 1× the peak of 60 req/s']);
        expect(await sectionAt(serving('peak 60 req/s replicas 3 capacity 20.1 req/s'), 'replicas', 'Serving capacity'))
            .toEqual(['- 3 × 20.1 req/s = 60.3 req/s, 1.01× the peak of 60 req/s']);
        expect(await sectionAt(serving('volume 2_000_000 req/day replicas 1 capacity 3_000 req/min'), 'replicas', 'Serving capacity'))
            .toEqual(['- 1 × 50 req/s = 50 req/s, 2.16× the mean rate of 23.1 req/s (no `peak`)']);
        expect(await sectionAt(serving('replicas 2 capacity 50 req/s'), 'replicas', 'Serving capacity'))
            .toEqual(['- 2 × 50 req/s = 100 req/s (no `peak` or `volume` to compare with)']);
        expect(await sectionAt(serving('replicas 2'), 'replicas', 'Serving capacity'))
            .toEqual(["- unknown: needs `replicas` as a plain count and `capacity` (one replica's throughput) as a request rate"]);
    });

    test('the served model when `serves` is left out, or names nothing', async () => {
        expect(await sectionAt('plan P {\n  model Only { }\n  serving { fallback "x" }\n}', 'serving {', 'Served model')).toEqual(["- `Only` (the plan's only model)"]);
        expect(await sectionAt('plan P {\n  model A { }\n  model B { }\n  serving { fallback "x" }\n}', 'serving {', 'Served model'))
            .toEqual(['- none: the plan has 2 models and no `serves` says which']);
        expect(await sectionAt('plan P {\n  serving { fallback "x" serves Ghost }\n}', 'serves', 'Served model')).toEqual(['- none: `Ghost` is not a declared model']);
    });

    test('a rollout without `starts` or without volume: what is unknown says why', async () => {
        expect(await sectionAt('plan P {\n  rollout { stage 5 % for 1 d stage 100 % }\n}', 'rollout', 'Rollout schedule')).toEqual([
            '- start: not given (no `starts`)',
            '- length: 1 d, shadow and stage durations together',
            '- stage 1 (`5 % for 1 d`): dates unknown (the rollout has no known start); requests unknown (no serving `volume`)',
            '- stage 2 (`100 %`): dates unknown (the rollout has no known start); requests not counted (no `for`)',
        ]);
        expect(await sectionAt('plan P {\n  milestone M { }\n  rollout { starts after M }\n}', 'starts', 'Rollout schedule')).toEqual([
            '- start: unknown (milestone `M` has no `due`)',
            '- length: 0 (no shadow, no stage duration)',
        ]);
    });

    test('labeling without a plan start, without a rate, without a size', async () => {
        const dataset = (body: string, start = '') => `plan P {\n  ${start}\n  dataset d { source "s" ${body} fields { f number } }\n}`;
        expect(await sectionAt(dataset('size 1_000 rows labeling in-house { rate 50 rows/h }'), 'labeling', 'Labeling'))
            .toEqual(['- takes 20 h: 1,000 rows at 50 rows/h', '- end date: unknown (the plan has no `start`)']);
        expect(await sectionAt(dataset('size 1_200 rows labeling in-house { rate 50 rows/h }', 'start 2026-01-05'), 'labeling', 'Labeling'))
            .toEqual(['- takes 1 d: 1,200 rows at 50 rows/h', '- ends 2026-01-06, counted from the plan start 2026-01-05']);
        expect(await sectionAt(dataset('size 1_000 rows labeling in-house { cost 0.1 EUR/row }'), 'labeling', 'Labeling'))
            .toEqual(['- duration: unknown (needs a labeling `rate` in rows per unit of time)', '- costs 100 EUR: 1,000 rows × 0.1 EUR/row']);
        expect(await sectionAt(dataset('labeling in-house { rate 50 rows/h cost 0.1 EUR/row }'), 'labeling', 'Labeling'))
            .toEqual(['- duration: unknown (needs a `size` in rows)', '- cost: unknown (needs a `size` in rows)']);
    });

    test('serving that costs more than the objectives are worth; a value in another currency', async () => {
        const plan = (value: string) => `plan P {\n  objective O { value ${value} }\n  serving { fallback "x" volume 2_000_000 req/day cost 0.00004 USD/req }\n}`;
        expect(await sectionAt(plan('29_199 USD/year'), 'value', 'Value and serving cost per year')).toEqual([
            '- value: 29,199 USD/year (objective `O`)',
            '- serving cost: 29,200 USD/year (0.00004 USD/req × 730,000,000 req/year)',
            '- the serving cost **exceeds** the value',
        ]);
        expect((await sectionAt(plan('29_200 USD/year'), 'value', 'Value and serving cost per year'))?.[2]).toBe('- the value is 1× the serving cost');
        expect((await sectionAt(plan('100_000 EUR/year'), 'value', 'Value and serving cost per year'))?.[2])
            .toBe('- not comparable: the cost is in USD, the value in EUR');
        expect(await sectionAt('plan P {\n  objective O { value 1_000 USD/month }\n  budget { serving 500 USD/month }\n}', 'value', 'Value and serving cost per year')).toEqual([
            '- value: 12,000 USD/year (objective `O`)',
            "- serving cost: 6,000 USD/year (the budget's `serving` line, 500 USD/month × 12)",
            '- the value is 2× the serving cost',
        ]);
    });

    test('a budget over its total, and months of serving without a deadline', async () => {
        expect(await sectionAt('plan P {\n  start 2026-01-01\n  budget { total 20_000 USD serving 2_000 USD/month training 1 EUR }\n}', 'total', 'Budget lines and total')).toEqual([
            '- months of serving: 12 months (no `deadline`: a year is assumed)',
            '- serving: 2,000 USD/month × 12 months = 24,000 USD',
            '- sum: 24,000 USD, **over** the total of 20,000 USD',
        ]);
        expect((await sectionAt('plan P {\n  budget { total 9 USD training 5 USD compute 5 USD }\n}', 'compute', 'Budget lines and total'))?.slice(1)).toEqual([
            '- training: 5 USD',
            '- compute: 5 USD',
            '- sum: 10 USD, **over** the total of 9 USD',
        ]);
        // A dataset without labeling figures shows none on its size.
        expect(await sectionAt('plan P {\n  dataset d { size 10 rows }\n}', 'size', 'Labeling')).toBeUndefined();
        expect(await sectionAt('plan P {\n  budget { serving 2_000 USD/month }\n}', 'budget', 'Budget lines and total')).toEqual([
            '- months of serving: 12 months (no start or `deadline`: a year is assumed)',
            '- no `total` to add the lines up against',
        ]);
    });

    test('absurd figures never show Infinity or NaN', async () => {
        const huge = `1${'0'.repeat(306)}`;
        const { document } = await check(services, `plan P {
  start 2026-01-01
  deadline 2026-12-31
  objective O { value ${huge} USD/year }
  dataset d { source "s" size ${huge} rows labeling in-house { rate 0.000001 rows/day cost ${huge} USD/row } fields { f number } }
  serving { fallback "x" volume ${huge} req/s peak ${huge} req/s cost ${huge} USD/req replicas 1000 capacity ${huge} req/s }
  rollout { starts 2026-01-01 stage 1 % for 10000000 d stage 100 % }
  budget { total ${huge} USD serving ${huge} USD/month labeling ${huge} USD }
}`);
        for (const needle of ['serving {', 'replicas', 'rollout', 'stage 1', 'labeling in', 'total', 'labeling 1', 'value', 'dataset d']) {
            const text = (await hoverLines(document, needle))?.join('\n') ?? '';
            expect(text, needle).not.toMatch(/Infinity|NaN|undefined/);
        }
        expect(sectionOf(await hoverLines(document, 'stage 1'), 'Rollout stage 1 of 2')?.[1]).toBe('- dates: 2026-01-01 to after 9999-12-31');
    });
});

describe('slo error budget', () => {
    test('on the objective and the window, written out in time', async () => {
        const { document } = await check(services, `plan P {
  metric lat { kind software unit ms better lower }
  slo Fast { indicator lat <= 150 ms objective 99.9 % window 30 d }
}`);
        expect(await hoverLines(document, '99.9')).toEqual([
            'Error budget of slo `Fast`: 43.2 min of bad time per 30 d',
        ]);
        expect((await hoverLines(document, '30 d'))?.slice(-1)).toEqual(['Error budget of slo `Fast`: 43.2 min of bad time per 30 d']);
        expect(await hoverLines(document, 'slo Fast', 4)).toContain('- error budget: 43.2 min of bad time per 30 d');
    });
});

describe('diagnostics', () => {
    test("a single diagnostic's rule title and why come first (the editor shows its message above), the hover's own content after", async () => {
        const { document, diagnostics } = await check(services, 'plan P {\n  serving { mode batch }\n}\n');
        const rule = RULES_BY_CODE.get('fallback-missing')!;
        const message = diagnostics.find(d => d.code === 'fallback-missing' || (d.data as { code?: string } | undefined)?.code === 'fallback-missing')!.message;
        const lines = await hoverLines(document, 'serving');
        expect(lines?.join('\n')).not.toContain(message);
        expect(lines?.slice(0, 8)).toEqual([
            `**\`fallback-missing\`**: ${rule.title}.`,
            '',
            rule.why,
            '',
            `[Rule page](${ruleLink('fallback-missing')})`,
            '',
            '---',
            '',
        ]);
        expect(lines?.[8]).toBe('**`serving`** (keyword)');
    });

    test('the many findings on a new plan\'s name: one line each, first, then the plan; the hover stays short', async () => {
        const { document } = await check(services, 'plan P {\n  stage growth\n}');
        const lines = (await hoverLines(document, 'P'))!;
        expect(lines.slice(0, 4)).toEqual([
            '**10 findings here**',
            '',
            `- [**\`objective-missing\`**](${ruleLink('objective-missing')}) (${RULES_BY_CODE.get('objective-missing')!.title}): ${RULES_BY_CODE.get('objective-missing')!.why.split('. ')[0]}.`,
            `- [**\`owner-missing\`**](${ruleLink('owner-missing')}) (${RULES_BY_CODE.get('owner-missing')!.title}): ${RULES_BY_CODE.get('owner-missing')!.why.split('. ')[0]}.`,
        ]);
        expect(lines.slice(12, 15)).toEqual(['', '---', '']);
        expect(lines[15]).toBe('**plan** `P`');
        expect(lines.length).toBeLessThan(25);
        // No message (the editor lists them above) and no whole "why" paragraph when there are several.
        expect(lines.join('\n')).not.toContain('has no objective');
        for (const code of ['objective-missing', 'persona-missing']) {
            expect(lines.join('\n')).not.toContain(RULES_BY_CODE.get(code)!.why);
        }
    });

    test('several diagnostics at one position: one note each, once per code', async () => {
        // `plan P` with nothing in it: objective, owner, dataset and baseline are missing, all on the name.
        const { document } = await check(services, 'plan P {\n}\n');
        const text = (await hoverLines(document, 'P'))!.join('\n');
        for (const code of ['objective-missing', 'owner-missing', 'dataset-missing', 'baseline-missing']) {
            expect(text.split(`**\`${code}\`**`).length - 1, code).toBe(1);
        }
    });

    test('a comment with a diagnostic (an unused ignore) explains it', async () => {
        const { document } = await check(services, 'plan P {\n  owner a\n  person a\n  // mlplan-ignore risk-missing -- not yet\n  stage mvp\n}\n');
        const lines = await hoverLines(document, 'mlplan-ignore');
        expect(lines?.slice(0, 3)).toEqual([`**\`unused-ignore\`**: ${RULES_BY_CODE.get('unused-ignore')!.title}.`, '', RULES_BY_CODE.get('unused-ignore')!.why]);
    });
});
