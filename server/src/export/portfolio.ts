/**
 * The portfolio (LANGUAGE.md section 5, `mlplan portfolio`): one row per plan of an organisation,
 * ranked by what it is worth a year for each unit of money it costs a year, and its three
 * renderings (an aligned text table, a Markdown table, JSON). Pure: the front end (the CLI, later
 * an editor view) loads the plans and hands over each plan's facts and final diagnostics.
 *
 * Money is never converted between currencies: a plan's value and cost are each in one currency
 * (the figures leave amounts in other currencies out, as the rules do), the ratio exists only when
 * both are in the same one, and the totals are kept per currency.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { measureOf } from '../model/derived.js';
import { valueToCost } from '../model/economics.js';
import type { PlanFacts } from '../model/plan-facts.js';
import { formatNumber, formatValue } from '../model/units.js';
import { readinessFigure, readinessOf } from '../rules/readiness.js';
import { escapeMarkdownText } from './markdown-escape.js';
import { plural } from './sections/common.js';

export const PORTFOLIO_FORMATS = ['text', 'markdown', 'json'] as const;
export type PortfolioFormat = typeof PORTFOLIO_FORMATS[number];

export interface Money {
    readonly amount: number;
    readonly currency: string;
}

/** What a plan costs a year: serving (as `cost-exceeds-value` counts it) plus the budget's one-off lines. */
export interface PortfolioCost extends Money {
    /** The yearly serving cost, the very figure `cost-exceeds-value` compares with the value. */
    readonly serving?: number;
    /** The budget's `labeling` + `training` + `compute` lines in this currency, counted in full in one year. */
    readonly oneOff: number;
}

export interface PortfolioRisk {
    readonly name: string;
    readonly impact: ast.Level;
    readonly likelihood: ast.Level;
    /** impact × likelihood, each low 1, medium 2, high 3. */
    readonly score: number;
}

export interface PortfolioRow {
    readonly name: string;
    /** The file as the front end names it. */
    readonly file: string;
    readonly stage: ast.Stage;
    readonly readiness: {
        readonly satisfied: number;
        readonly applicable: number;
        /** Error-severity diagnostics: a plan with any is never shown as ready. */
        readonly blockers: number;
    };
    readonly errors: number;
    readonly warnings: number;
    /** The objectives' `value` per year (facts.figures.yearlyValue). */
    readonly yearlyValue?: Money;
    readonly yearlyCost?: PortfolioCost;
    /** Value ÷ cost, when both are known in one currency and the cost is not zero. */
    readonly valueToCost?: number;
    /** The risk with the highest impact × likelihood (the first written on a tie); risks missing a level are not scored. */
    readonly highestRisk?: PortfolioRisk;
    /** The plan `deadline`, `YYYY-MM-DD`. */
    readonly deadline?: string;
}

export interface Portfolio {
    /** Ranked (see `rankPortfolio`). */
    readonly rows: readonly PortfolioRow[];
    readonly totals: PortfolioTotals;
}

export interface PortfolioTotals {
    readonly plans: number;
    readonly errors: number;
    readonly warnings: number;
    /** Yearly value per currency, currencies in alphabetical order. */
    readonly yearlyValue: readonly Money[];
    /** Yearly cost per currency, currencies in alphabetical order. */
    readonly yearlyCost: readonly Money[];
}

const ONE_OFF_LINES = ['labeling', 'training', 'compute'] as const;

/**
 * Serving a year plus the budget's one-off lines (`labeling`, `training`, `compute`) spread over a
 * year, i.e. counted in full in the year: in the serving cost's currency (else the first one-off
 * line's); lines in another currency are left out, never converted.
 */
export function portfolioCost(facts: PlanFacts): PortfolioCost | undefined {
    // The serving cost a year exactly as cost-exceeds-value takes it: the same remembered figure.
    const serving = facts.figures.planServingYearlyCost;
    const lines = ONE_OFF_LINES
        .map(name => measureOf(facts.budget?.[name]))
        .filter(line => line?.unit.dimension === 'money' && line.unit.currency !== undefined);
    const currency = serving?.currency ?? lines[0]?.unit.currency;
    if (!currency) {
        return undefined;
    }
    const oneOff = lines.filter(line => line!.unit.currency === currency).reduce((sum, line) => sum + line!.value, 0);
    const amount = (serving?.amount ?? 0) + oneOff;
    if (!Number.isFinite(amount)) {
        return undefined;
    }
    return { amount, currency, serving: serving?.amount, oneOff };
}

const LEVEL_SCORE: Readonly<Record<ast.Level, number>> = { low: 1, medium: 2, high: 3 };

function highestRisk(facts: PlanFacts): PortfolioRisk | undefined {
    let best: PortfolioRisk | undefined;
    for (const risk of facts.local.filter(ast.isRisk)) {
        const impact = risk.impact;
        const likelihood = risk.likelihood;
        if (!impact || !likelihood || !(impact in LEVEL_SCORE) || !(likelihood in LEVEL_SCORE)) {
            continue;
        }
        const score = LEVEL_SCORE[impact] * LEVEL_SCORE[likelihood];
        if (!best || score > best.score) {
            best = { name: risk.name, impact, likelihood, score };
        }
    }
    return best;
}

/** The row of a plan; undefined for a catalog or a file that is neither. */
export function portfolioRow(file: string, facts: PlanFacts, diagnostics: readonly Diagnostic[] = facts.document.diagnostics ?? []): PortfolioRow | undefined {
    const plan = facts.plan;
    if (!plan) {
        return undefined;
    }
    const readiness = readinessOf(facts, diagnostics);
    const value = facts.figures.yearlyValue;
    const cost = portfolioCost(facts);
    // economics' ratio (one currency, no ratio to a zero cost), here of the whole yearly cost; it reads only amount and currency.
    const ratio = value && cost
        ? valueToCost(value, { amount: cost.amount, currency: cost.currency, basis: 'volume' })
        : undefined;
    return {
        name: plan.name ?? '',
        file,
        stage: facts.stage,
        readiness: { satisfied: readiness.satisfied, applicable: readiness.applicable, blockers: readiness.blockers },
        errors: diagnostics.filter(d => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error).length,
        warnings: diagnostics.filter(d => d.severity === DiagnosticSeverity.Warning).length,
        yearlyValue: value ? { amount: value.amount, currency: value.currency } : undefined,
        yearlyCost: cost,
        valueToCost: ratio,
        highestRisk: highestRisk(facts),
        deadline: plan.deadline || undefined,
    };
}

/** Unblocked before blocked, then the larger share of readiness, then more rules satisfied. */
function compareReadiness(a: PortfolioRow, b: PortfolioRow): number {
    const share = (row: PortfolioRow) => row.readiness.applicable > 0 ? row.readiness.satisfied / row.readiness.applicable : 0;
    return Number(a.readiness.blockers > 0) - Number(b.readiness.blockers > 0)
        || share(b) - share(a)
        || b.readiness.satisfied - a.readiness.satisfied;
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Value ÷ cost, highest first; then the plans with a value but no ratio (cost unknown, zero or in
 * another currency), then those without a value, each group by readiness. Ties: readiness, then
 * name and file.
 */
export function rankPortfolio(rows: readonly PortfolioRow[]): PortfolioRow[] {
    const group = (row: PortfolioRow) => row.valueToCost !== undefined ? 0 : row.yearlyValue ? 1 : 2;
    return [...rows].sort((a, b) => group(a) - group(b)
        || (group(a) === 0 ? b.valueToCost! - a.valueToCost! : 0)
        || compareReadiness(a, b)
        || compareText(a.name, b.name)
        || compareText(a.file, b.file));
}

function perCurrency(amounts: ReadonlyArray<Money | undefined>): Money[] {
    const sums = new Map<string, number>();
    for (const money of amounts) {
        if (money) {
            sums.set(money.currency, (sums.get(money.currency) ?? 0) + money.amount);
        }
    }
    return [...sums.entries()].sort(([a], [b]) => compareText(a, b)).map(([currency, amount]) => ({ amount, currency }));
}

/** The ranked rows and their totals. */
export function buildPortfolio(rows: ReadonlyArray<PortfolioRow | undefined>): Portfolio {
    const plans = rows.filter((row): row is PortfolioRow => row !== undefined);
    return {
        rows: rankPortfolio(plans),
        totals: {
            plans: plans.length,
            errors: plans.reduce((sum, row) => sum + row.errors, 0),
            warnings: plans.reduce((sum, row) => sum + row.warnings, 0),
            yearlyValue: perCurrency(plans.map(row => row.yearlyValue)),
            yearlyCost: perCurrency(plans.map(row => row.yearlyCost)),
        },
    };
}

// ---------------------------------------------------------------- renderings

const NONE = '-';

function moneyText(money: Money | undefined): string {
    return money ? formatValue(money.amount, money.currency) : NONE;
}

function riskText(risk: PortfolioRisk | undefined): string {
    return risk ? `${risk.name} (impact ${risk.impact}, likelihood ${risk.likelihood})` : NONE;
}

function moneyList(amounts: readonly Money[]): string {
    return amounts.length === 0 ? NONE : amounts.map(moneyText).join(' + ');
}

/** "5 plans, 0 errors, 6 warnings; value 21,200,000 USD a year; cost 130,000 USD a year". */
export function totalsText(totals: PortfolioTotals): string {
    return `${plural(totals.plans, 'plan')}, ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}; `
        + `value ${moneyList(totals.yearlyValue)} a year; cost ${moneyList(totals.yearlyCost)} a year`;
}

interface Column {
    readonly header: string;
    readonly right?: boolean;
    readonly cell: (row: PortfolioRow, rank: number) => string;
}

/** The columns of the text and Markdown tables; cells are plain text (Markdown escapes them). */
const COLUMNS: readonly Column[] = [
    { header: '#', right: true, cell: (_, rank) => String(rank) },
    { header: 'Plan', cell: row => row.name },
    { header: 'File', cell: row => row.file },
    { header: 'Stage', cell: row => row.stage },
    { header: 'Readiness', cell: row => readinessFigure({ ...row.readiness, stage: row.stage, items: [] }) },
    { header: 'Errors', right: true, cell: row => String(row.errors) },
    { header: 'Warnings', right: true, cell: row => String(row.warnings) },
    { header: 'Value/year', right: true, cell: row => moneyText(row.yearlyValue) },
    { header: 'Cost/year', right: true, cell: row => moneyText(row.yearlyCost) },
    { header: 'Value÷cost', right: true, cell: row => row.valueToCost === undefined ? NONE : formatNumber(row.valueToCost) },
    { header: 'Highest risk', cell: row => riskText(row.highestRisk) },
    { header: 'Deadline', cell: row => row.deadline ?? NONE },
];

/** Cells of plan text on one line, so that a table row stays one line. */
function oneLine(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}

/** An aligned table for a terminal, then a totals line. */
export function renderPortfolioText(portfolio: Portfolio): string {
    const table = [COLUMNS.map(c => c.header), ...portfolio.rows.map((row, i) => COLUMNS.map(c => oneLine(c.cell(row, i + 1))))];
    const widths = COLUMNS.map((_, j) => Math.max(...table.map(cells => [...cells[j]].length)));
    const lines = table.map(cells => cells.map((cell, j) => {
        const pad = ' '.repeat(widths[j] - [...cell].length);
        return COLUMNS[j].right ? pad + cell : cell + pad;
    }).join('  ').trimEnd());
    lines.push('', `total: ${totalsText(portfolio.totals)}`);
    return `${lines.join('\n')}\n`;
}

/** A GitHub-flavoured Markdown table (plan text escaped), then the totals. */
export function renderPortfolioMarkdown(portfolio: Portfolio): string {
    // A lone `-` in a cell is inline text, not a list: it needs no escape.
    const cell = (text: string) => text === NONE ? NONE : escapeMarkdownText(text) || ' ';
    const lines = [
        `| ${COLUMNS.map(c => c.header).join(' | ')} |`,
        `| ${COLUMNS.map(c => c.right ? '---:' : '---').join(' | ')} |`,
        ...portfolio.rows.map((row, i) => `| ${COLUMNS.map(c => cell(c.cell(row, i + 1))).join(' | ')} |`),
        '',
        `**Total:** ${escapeMarkdownText(totalsText(portfolio.totals))}`,
    ];
    return `${lines.join('\n')}\n`;
}

/** Money to the cent and ratios to four decimals: the figures without the noise of their arithmetic. */
function rounded(x: number, decimals: number): number {
    const factor = 10 ** decimals;
    const r = Math.round(x * factor) / factor;
    return Number.isFinite(r) ? r : x;
}

function moneyJson(money: Money): { amount: number; currency: string } {
    return { amount: rounded(money.amount, 2), currency: money.currency };
}

/**
 * `{"plans":[{rank, name, file, stage, readiness:{satisfied, applicable, blockers}, errors,
 * warnings, yearlyValue:{amount, currency}|null, yearlyCost:{amount, currency, serving, oneOff}|null,
 * valueToCost|null, highestRisk:{name, impact, likelihood, score}|null, deadline|null}],
 * "totals":{plans, errors, warnings, yearlyValue:[{amount, currency}], yearlyCost:[…]}}`, in rank order.
 */
export function renderPortfolioJson(portfolio: Portfolio): string {
    const plans = portfolio.rows.map((row, i) => ({
        rank: i + 1,
        name: row.name,
        file: row.file,
        stage: row.stage,
        readiness: row.readiness,
        errors: row.errors,
        warnings: row.warnings,
        yearlyValue: row.yearlyValue ? moneyJson(row.yearlyValue) : null,
        yearlyCost: row.yearlyCost
            ? { ...moneyJson(row.yearlyCost), serving: row.yearlyCost.serving === undefined ? null : rounded(row.yearlyCost.serving, 2), oneOff: rounded(row.yearlyCost.oneOff, 2) }
            : null,
        valueToCost: row.valueToCost === undefined ? null : rounded(row.valueToCost, 4),
        highestRisk: row.highestRisk ?? null,
        deadline: row.deadline ?? null,
    }));
    const totals = {
        ...portfolio.totals,
        yearlyValue: portfolio.totals.yearlyValue.map(moneyJson),
        yearlyCost: portfolio.totals.yearlyCost.map(moneyJson),
    };
    return `${JSON.stringify({ plans, totals }, null, 2)}\n`;
}

export function renderPortfolio(portfolio: Portfolio, format: PortfolioFormat): string {
    switch (format) {
        case 'text': return renderPortfolioText(portfolio);
        case 'markdown': return renderPortfolioMarkdown(portfolio);
        case 'json': return renderPortfolioJson(portfolio);
    }
}
