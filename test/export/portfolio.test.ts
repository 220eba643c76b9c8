import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildWorkspace, collectInputs } from '../../server/src/cli/workspace.js';
import { createMlPlanServices } from '../../server/src/core/mlplan-core-module.js';
import {
    buildPortfolio, portfolioRow, PORTFOLIO_FORMATS, renderPortfolio,
    type Portfolio, type PortfolioRow,
} from '../../server/src/export/portfolio.js';
import { formatValue } from '../../server/src/model/units.js';
import { check, createTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';
import { EXAMPLES, GOLDEN, ROOT } from './support.js';

/**
 * `mlplan portfolio`'s rows (export/portfolio.ts). The golden files under golden/portfolio/ are
 * the portfolio of examples/ in each format, with files named as `mlplan portfolio examples` names
 * them from the repository root; `UPDATE_GOLDEN=1 npx vitest run test/export/portfolio.test.ts`
 * rewrites them.
 *
 * JSON fields: `plans` in rank order, each `{rank, name, file, stage, readiness: {satisfied,
 * applicable, blockers}, errors, warnings, yearlyValue: {amount, currency} | null, yearlyCost:
 * {amount, currency, serving (the cost-exceeds-value figure) | null, oneOff (the budget's labeling
 * + training + compute in that currency)} | null, valueToCost | null, highestRisk: {name, impact,
 * likelihood, score} | null, deadline: "YYYY-MM-DD" | null}`; `totals: {plans, errors, warnings,
 * yearlyValue: [{amount, currency}], yearlyCost: [{amount, currency}]}`, one entry per currency.
 * Money is rounded to the cent, the ratio to four decimals.
 */
const update = process.env.UPDATE_GOLDEN === '1';
const PORTFOLIO_GOLDEN = path.join(GOLDEN, 'portfolio');
const EXTENSION = { text: 'txt', markdown: 'md', json: 'json' } as const;

async function examplesPortfolio(): Promise<Portfolio> {
    const { shared, MlPlan: services } = createMlPlanServices({ ...NodeFileSystem });
    const inputs = collectInputs([EXAMPLES]);
    const documents = await buildWorkspace(services, shared.workspace.TextDocuments, inputs);
    return buildPortfolio(inputs.targets.map((target, i) => portfolioRow(
        path.relative(ROOT, target.uri.fsPath).split(path.sep).join('/'),
        services.facts.PlanFacts.of(documents[i]))));
}

describe('the portfolio of examples/', () => {
    let portfolio: Portfolio;
    beforeAll(async () => {
        portfolio = await examplesPortfolio();
    });

    test.each([...PORTFOLIO_FORMATS])('%s matches its golden file', format => {
        const output = renderPortfolio(portfolio, format);
        const golden = path.join(PORTFOLIO_GOLDEN, `examples.${EXTENSION[format]}`);
        if (update || !existsSync(golden)) {
            mkdirSync(PORTFOLIO_GOLDEN, { recursive: true });
            writeFileSync(golden, output);
        }
        expect(output).toBe(readFileSync(golden, 'utf8'));
    });

    test('five plans, the catalog left out, ranked by value ÷ cost', () => {
        expect(portfolio.rows.map(row => row.name)).toEqual([
            'StoreDemandForecast', 'CardFraudV3', 'TicketTriage', 'InvoiceCoding', 'ChurnPrediction',
        ]);
        const ratios = portfolio.rows.map(row => row.valueToCost!);
        expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
        expect(portfolio.totals).toMatchObject({ plans: 5, errors: 0, warnings: 6 });
    });

    test('JSON numbers are numbers', () => {
        const json = JSON.parse(renderPortfolio(portfolio, 'json')) as { plans: Array<Record<string, unknown>> };
        const fraud = json.plans.find(plan => plan.name === 'CardFraudV3')!;
        // 0.000002 USD/req × 30,000,000 req/day × 365 d, plus training 60,000 + labeling 0.
        expect(fraud.yearlyCost).toEqual({ amount: 81_900, currency: 'USD', serving: 21_900, oneOff: 60_000 });
        expect(fraud.yearlyValue).toEqual({ amount: 19_000_000, currency: 'USD' });
        expect(fraud.highestRisk).toEqual({ name: 'FeedbackDelay', impact: 'high', likelihood: 'high', score: 9 });
        expect(typeof fraud.valueToCost).toBe('number');
    });
});

const services = createTestServices();

async function rowOf(text: string, file = 'plan.mlplan'): Promise<PortfolioRow> {
    const { document } = await check(services, text, { path: file });
    return portfolioRow(file, services.facts.PlanFacts.of(document))!;
}

/** The amount in `serving costs 29,200 USD a year (…)`, as cost-exceeds-value writes it. */
async function ruleCost(text: string): Promise<{ row: PortfolioRow; quoted: string }> {
    const { document, diagnostics } = await check(services, text, { path: 'plan.mlplan' });
    const [diagnostic] = withCode(diagnostics, 'cost-exceeds-value');
    expect(diagnostic, 'cost-exceeds-value is raised').toBeDefined();
    const quoted = /^serving costs (.+?) a year/.exec(String(diagnostic.message))![1];
    const facts = services.facts.PlanFacts.of(document);
    const row = portfolioRow('plan.mlplan', facts)!;
    // The very figure the rule compares: the same remembered computation, not a second one.
    expect(row.yearlyCost?.serving).toBe(facts.figures.planServingYearlyCost?.amount);
    return { row, quoted };
}

describe('yearly cost', () => {
    const PLAN = `plan P {
  objective Retain { value 20_000 USD/year }
  serving { volume 2_000_000 req/day cost 0.00004 USD/req }
  budget { total 100_000 USD labeling 5_000 USD training 3_000 USD compute 2_000 EUR }
}`;

    test('its serving part is the figure cost-exceeds-value uses; one-off lines in its currency are added in full', async () => {
        const { row, quoted } = await ruleCost(PLAN);
        expect(formatValue(row.yearlyCost!.serving!, row.yearlyCost!.currency)).toBe(quoted);
        expect(quoted).toBe('29,200 USD');
        // compute is in EUR: left out, never converted.
        expect(row.yearlyCost).toMatchObject({ currency: 'USD', oneOff: 8_000 });
        expect(row.yearlyCost!.amount).toBeCloseTo(37_200, 6);
    });

    test('a monthly cost × 12, or without one the budget serving line × 12, as the rule counts it', async () => {
        const monthly = await ruleCost(PLAN.replace('cost 0.00004 USD/req', 'cost 2_000 USD/month'));
        expect(formatValue(monthly.row.yearlyCost!.serving!, 'USD')).toBe(monthly.quoted);
        const budgeted = await ruleCost(PLAN.replace(' cost 0.00004 USD/req', '').replace('budget {', 'budget { serving 2_500 USD/month'));
        expect(budgeted.quoted).toBe('30,000 USD');
        expect(budgeted.row.yearlyCost).toMatchObject({ serving: 30_000, oneOff: 8_000, amount: 38_000 });
        const noServing = await ruleCost(PLAN.replace(/ {2}serving \{[^}]*\}\n/, '').replace('budget {', 'budget { serving 2_500 USD/month'));
        expect(noServing.row.yearlyCost).toMatchObject({ serving: 30_000, amount: 38_000 });
    });

    test('only one-off lines: a cost without serving; no money at all: no cost', async () => {
        expect((await rowOf('plan P { budget { training 3_000 EUR } }')).yearlyCost).toEqual({ amount: 3_000, currency: 'EUR', serving: undefined, oneOff: 3_000 });
        expect((await rowOf('plan P { stage mvp }')).yearlyCost).toBeUndefined();
    });
});

describe('rows', () => {
    test('value and cost in different currencies: both shown, no ratio; totals per currency', async () => {
        const eur = await rowOf(`plan Euro {
  objective O { value 10_000 EUR/year }
  serving { volume 1_000 req/day cost 100 USD/month }
}`);
        expect(eur.yearlyValue).toEqual({ amount: 10_000, currency: 'EUR' });
        expect(eur.yearlyCost).toMatchObject({ amount: 1_200, currency: 'USD' });
        expect(eur.valueToCost).toBeUndefined();
        const usd = await rowOf(`plan Dollar {
  objective O { value 500 USD/month }
  serving { volume 1_000 req/day cost 100 USD/month }
}`);
        expect(usd.valueToCost).toBe(5);
        const { totals } = buildPortfolio([eur, usd]);
        expect(totals.yearlyValue).toEqual([{ amount: 10_000, currency: 'EUR' }, { amount: 6_000, currency: 'USD' }]);
        expect(totals.yearlyCost).toEqual([{ amount: 2_400, currency: 'USD' }]);
        expect(renderPortfolio(buildPortfolio([eur, usd]), 'text')).toContain('value 10,000 EUR + 6,000 USD a year; cost 2,400 USD a year');
    });

    test('highest risk: impact × likelihood, the first written on a tie, risks missing a level not scored', async () => {
        const row = await rowOf(`plan P {
  risk Unscored { impact high }
  risk A { impact medium likelihood high }
  risk B { impact high likelihood medium }
  risk C { impact low likelihood high }
}`);
        expect(row.highestRisk).toEqual({ name: 'A', impact: 'medium', likelihood: 'high', score: 6 });
        expect((await rowOf('plan P { risk R { impact high } }')).highestRisk).toBeUndefined();
    });

    test('readiness, errors and warnings as check counts them; a catalog has no row', async () => {
        const { document, diagnostics } = await check(services, 'plan P {\n  owner nobody\n  deadline 2027-01-31\n}', { path: 'p.mlplan' });
        const row = portfolioRow('p.mlplan', services.facts.PlanFacts.of(document))!;
        expect(row.errors).toBe(diagnostics.filter(d => d.severity === 1).length);
        expect(row.errors).toBeGreaterThan(0);
        expect(row.warnings).toBe(diagnostics.filter(d => d.severity === 2).length);
        expect(row.readiness.blockers).toBe(row.errors);
        expect(row.deadline).toBe('2027-01-31');
        expect(renderPortfolio(buildPortfolio([row]), 'text')).toMatch(/\d+\/\d+, blocked by \d+ errors?/);
        const catalog = await check(services, 'catalog C { person p }', { path: 'c.mlplan' });
        expect(portfolioRow('c.mlplan', services.facts.PlanFacts.of(catalog.document))).toBeUndefined();
    });
});

describe('ranking', () => {
    const row = (name: string, extra: Partial<PortfolioRow>): PortfolioRow => ({
        name, file: `${name}.mlplan`, stage: 'mvp', readiness: { satisfied: 10, applicable: 10, blockers: 0 },
        errors: 0, warnings: 0, ...extra,
    });
    const usd = (amount: number) => ({ amount, currency: 'USD' });

    test('value ÷ cost descending; then a value without a ratio; then no value, by readiness (blocked last)', () => {
        const rows = [
            row('NoValueBlocked', { readiness: { satisfied: 10, applicable: 10, blockers: 1 }, errors: 1 }),
            row('NoValueHalf', { readiness: { satisfied: 5, applicable: 10, blockers: 0 } }),
            row('NoValueReady', {}),
            row('ValueNoCost', { yearlyValue: usd(1) }),
            row('Low', { yearlyValue: usd(2), yearlyCost: { ...usd(1), oneOff: 0 }, valueToCost: 2 }),
            row('High', { yearlyValue: usd(30), yearlyCost: { ...usd(1), oneOff: 0 }, valueToCost: 30 }),
        ];
        expect(buildPortfolio(rows).rows.map(r => r.name)).toEqual(['High', 'Low', 'ValueNoCost', 'NoValueReady', 'NoValueHalf', 'NoValueBlocked']);
    });
});

describe('markdown', () => {
    test('plan text is escaped: a cell cannot close the table or open HTML', () => {
        const hostile = {
            name: 'P', file: 'a|b<script>.mlplan', stage: 'mvp' as const,
            readiness: { satisfied: 1, applicable: 2, blockers: 0 }, errors: 0, warnings: 0,
        };
        const markdown = renderPortfolio(buildPortfolio([hostile]), 'markdown');
        const line = markdown.split('\n')[2];
        expect(line).toContain('a\\|b&lt;script&gt;.mlplan');
        expect(line.split(/(?<!\\)\|/).length).toBe(14);
    });
});
