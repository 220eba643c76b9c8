import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Document } from '../../server/src/generated/ast.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
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

    test('a percentage as a ratio and a ratio as a percentage', async () => {
        expect(await hoverLines(document, '3.5 %', 4)).toEqual(['`3.5 %` = 0.035']);
        expect(await hoverLines(document, '0.78')).toEqual(['`0.78` = 78 %']);
    });

    test('money and sizes have no conversion: the hover says what they measure', async () => {
        expect(await hoverLines(document, '150_000 USD')).toEqual(['`150,000 USD`: an amount of money']);
        expect(await hoverLines(document, '1_200_000 rows', 11)).toEqual(['`1,200,000 rows`: a number of rows']);
    });

    test("a metric's unit says what it measures and what else bounds may use", async () => {
        expect(await hoverLines(document, 'unit ms', 5)).toEqual(['`ms`: a duration; bounds may also be written in `s`, `min`, `h`, `d`, `w`']);
        const { document: other } = await check(services, 'plan P { metric r { unit % } metric c { unit EUR/month } }');
        expect(await hoverLines(other, '%')).toEqual(['`%`: a ratio or percentage; bounds may also be plain ratios (`3.5 %` = `0.035`)']);
        expect(await hoverLines(other, 'EUR')).toEqual(['`EUR/month`: a monthly cost']);
    });

    test('an unknown unit gives no conversion, only the unknown-unit note', async () => {
        const { document: other } = await check(services, 'plan P { dataset d { source "s" retention 30 days fields { f number } } }');
        const lines = await hoverLines(other, '30 days', 3);
        expect(lines?.[0]).toBe(`**\`unknown-unit\`**: ${RULES_BY_CODE.get('unknown-unit')!.title}`);
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

describe('slo error budget', () => {
    test('on the objective and the window, written out in time', async () => {
        const { document } = await check(services, `plan P {
  metric lat { kind software unit ms better lower }
  slo Fast { indicator lat <= 150 ms objective 99.9 % window 30 d }
}`);
        expect(await hoverLines(document, '99.9')).toEqual([
            '`99.9 %` = 0.999',
            '',
            'Error budget of slo `Fast`: 43.2 min of bad time per 30 d',
        ]);
        expect((await hoverLines(document, '30 d'))?.slice(-1)).toEqual(['Error budget of slo `Fast`: 43.2 min of bad time per 30 d']);
        expect(await hoverLines(document, 'slo Fast', 4)).toContain('- error budget: 43.2 min of bad time per 30 d');
    });
});

describe('diagnostics', () => {
    test("a diagnostic's rule title and why it matters follow the hover's own content", async () => {
        const { document } = await check(services, 'plan P {\n  serving { mode batch }\n}\n');
        const rule = RULES_BY_CODE.get('fallback-missing')!;
        const lines = await hoverLines(document, 'serving');
        expect(lines?.slice(0, 1)).toEqual(['**`serving`** (keyword)']);
        expect(lines?.slice(-5)).toEqual([
            '---',
            '',
            `**\`fallback-missing\`**: ${rule.title}`,
            '',
            rule.why,
        ]);
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
        expect(lines?.[0]).toBe(`**\`unused-ignore\`**: ${RULES_BY_CODE.get('unused-ignore')!.title}`);
    });
});
