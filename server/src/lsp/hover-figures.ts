/**
 * The derived figures a hover shows next to what the pointer is on: serving load, cost and
 * capacity, the rollout's calendar and the requests each stage sees, how long labeling takes and
 * what it costs, the budget's lines against its total, value against cost per year. Every figure
 * is read from the plan's figures (model/plan-figures.ts), the same objects the rules and the
 * exports read, so a hover never shows a number a diagnostic contradicts; this file only words them.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { dayOf, formatDay } from '../model/dates.js';
import { measureOf, type MonthlyCost, type ServingBudgetUse } from '../model/derived.js';
import {
    costOverValue, valueToCost, yearlyServingCost, type YearlyCost, type YearlyValue,
} from '../model/economics.js';
import type { PlanFacts } from '../model/plan-facts.js';
import type { LabelingFigures, RolloutSchedule, ServingMonths, StageFigures } from '../model/schedule.js';
import {
    MONTHS_PER_YEAR, SECONDS_PER_DAY, convert, formatDuration, formatMeasure, formatNumber, formatPercent, formatValue, lookupUnit, measure,
} from '../model/units.js';

/** An identifier in a code span. */
function code(name: string | undefined): string {
    return `\`${(name ?? '?').replace(/`/g, '')}\``;
}

function section(title: string, lines: readonly string[]): string {
    return `**${title}**\n${lines.join('\n')}`;
}

/** "9 months", "1 month". */
function months(count: number): string {
    return `${formatNumber(count)} ${count === 1 ? 'month' : 'months'}`;
}

/**
 * The sections to show for `word` (a keyword, or the property holding the quantity hovered) of
 * `node`; empty when the position has no derived figure.
 */
export function figureSections(node: AstNode, word: string, facts: PlanFacts): string[] {
    if (ast.isServing(node)) {
        switch (word) {
            case 'volume': case 'peak': case 'cost': return [servingLoad(node, facts)];
            case 'replicas': case 'capacity': return [servingCapacity(node, facts)];
            case 'serves': return [servedModel(node, facts)];
            case 'serving': return [servingLoad(node, facts), servingCapacity(node, facts), servedModel(node, facts), yearly(facts, node)];
            default: return [];
        }
    }
    if (ast.isRollout(node) && (word === 'rollout' || word === 'starts' || word === 'shadow')) {
        return [rolloutSchedule(node, facts)];
    }
    if (ast.isRolloutStart(node)) {
        return [rolloutSchedule(node.$container, facts)];
    }
    if (ast.isRolloutStage(node)) {
        return [stageSection(node, facts)];
    }
    // The size counts only where a labeling rate or cost makes it a duration or a price.
    if (ast.isDataset(node) && (word === 'labeling' || (word === 'size' && node.effort))) {
        return [labelingSection(node, facts)];
    }
    if (ast.isLabelingEffort(node)) {
        return [labelingSection(node.$container, facts)];
    }
    if (ast.isBudget(node)) {
        switch (word) {
            case 'budget': case 'total': case 'serving': case 'training': case 'compute': return [budgetSection(node, facts)];
            case 'labeling': return [labelingBudget(node, facts)];
            default: return [];
        }
    }
    if (ast.isObjective(node) && word === 'value') {
        return [yearly(facts)];
    }
    if (ast.isMilestone(node) && word === 'needs') {
        return [milestoneNeeds(node, facts)];
    }
    return [];
}

// ---------------------------------------------------------------- serving

const REQ_PER_S = lookupUnit('req/s')!;
const RATE_UNITS = ['req/min', 'req/day'].map(symbol => lookupUnit(symbol)!);

/** Mean rate, peak vs mean and monthly cost vs budget. */
export function servingLoad(serving: ast.Serving, facts: PlanFacts): string {
    const lines: string[] = [];
    const figures = facts.figures.serving(serving);
    const mean = figures.meanRate;
    if (mean !== undefined) {
        const meanMeasure = measure(mean, REQ_PER_S.symbol)!;
        // A rate near the largest number overflows in a smaller unit: that conversion is left out.
        const others = RATE_UNITS.map(u => ({ u, value: convert(meanMeasure, u)! }))
            .filter(c => Number.isFinite(c.value))
            .map(c => formatValue(c.value, c.u.symbol));
        lines.push(`- mean rate: ${[formatValue(mean, 'req/s'), ...others].join(' = ')}`);
    } else {
        lines.push('- mean rate: unknown (no `volume` as a request rate)');
    }
    const peak = figures.peakRate;
    if (peak !== undefined) {
        const ratio = figures.peakToMean;
        let comparison = '';
        if (ratio !== undefined) {
            comparison = ratio < 1 ? ', **below the mean**: one of the two figures is wrong' : `, ${formatNumber(ratio)}× the mean`;
        }
        lines.push(`- peak: ${formatValue(peak, 'req/s')}${comparison}`);
    }
    const cost = figures.monthlyCost;
    if (cost) {
        const perRequest = measureOf(serving.cost);
        const derivation = cost.requestsPerMonth !== undefined && perRequest
            ? ` (${formatMeasure(perRequest)} × ${formatValue(cost.requestsPerMonth, 'req/month')})`
            : '';
        lines.push(`- monthly cost: ${formatValue(cost.amount, `${cost.currency}/month`)}${derivation}`);
        lines.push(`- budget: ${budgetComparison(cost, facts.budget, figures.budgetUse)}`);
    } else if (serving.cost) {
        lines.push('- monthly cost: unknown (needs `cost` per request and `volume`, or `cost` per month)');
    }
    return section('Serving load and cost', lines);
}

function budgetComparison(cost: MonthlyCost, budget: ast.Budget | undefined, use: ServingBudgetUse | undefined): string {
    const allowed = measureOf(budget?.serving);
    if (!budget) {
        return 'no `budget` block to compare with';
    }
    if (!allowed) {
        return 'the budget has no `serving` line to compare with';
    }
    if (!use) {
        return `the budget's serving line is ${formatMeasure(allowed)}, not comparable with ${cost.currency}/month`;
    }
    const share = use.share !== undefined ? ` (${formatPercent(use.share)} of it)` : '';
    return `${use.exceeded ? '**over**' : 'within'} the serving budget of ${formatMeasure(allowed)}${share}`;
}

/** "3 × 40 req/s = 120 req/s, 2× the peak of 60 req/s". */
export function servingCapacity(serving: ast.Serving, facts: PlanFacts): string {
    const capacity = facts.figures.serving(serving).capacity;
    if (!capacity) {
        const written = serving.replicas || serving.capacity;
        return section('Serving capacity', [written
            ? '- unknown: needs `replicas` as a plain count and `capacity` (one replica\'s throughput) as a request rate'
            : '- not given: `replicas` × `capacity` (one replica\'s throughput) is what serving can take']);
    }
    const product = `${formatNumber(capacity.replicas)} × ${formatValue(capacity.perReplica, 'req/s')} = ${formatValue(capacity.total, 'req/s')}`;
    const { demand, demandFrom, headroom } = capacity;
    const against = demandFrom === 'mean' ? 'the mean rate' : 'the peak';
    const noPeak = demandFrom === 'mean' ? ' (no `peak`)' : '';
    let comparison: string;
    if (demand === undefined) {
        comparison = ' (no `peak` or `volume` to compare with)';
    } else if (headroom === undefined) {
        comparison = ` (${against} is ${formatValue(demand, 'req/s')})`;
    } else if (headroom < 1) {
        comparison = `, **below** ${against} of ${formatValue(demand, 'req/s')} (${formatNumber(headroom)}×)${noPeak}`;
    } else {
        comparison = `, ${formatNumber(headroom)}× ${against} of ${formatValue(demand, 'req/s')}${noPeak}`;
    }
    return section('Serving capacity', [`- ${product}${comparison}`]);
}

/** Which model serving runs: the one `serves` names, else the plan's only model. */
export function servedModel(serving: ast.Serving, facts: PlanFacts): string {
    const model = facts.figures.serving(serving).model;
    let line: string;
    if (model) {
        line = `${code(model.name)} (${serving.serves ? 'named by `serves`' : 'the plan\'s only model'})`;
    } else if (serving.serves) {
        line = `none: ${code(serving.serves.$refText)} is not a declared model`;
    } else {
        const count = facts.visible.models.length;
        line = count === 0 ? 'none: the plan declares no model' : `none: the plan has ${formatNumber(count)} models and no \`serves\` says which`;
    }
    return section('Served model', [`- ${line}`]);
}

/**
 * The yearly serving cost against the objectives' yearly value. Without a serving block, the
 * cost is the budget's `serving` line × 12, as `cost-exceeds-value` counts it.
 */
export function yearly(facts: PlanFacts, serving: ast.Serving | undefined = facts.serving): string {
    const cost = serving ? facts.figures.serving(serving).yearlyCost : yearlyServingCost(undefined, facts.budget);
    const value = facts.figures.yearlyValue;
    const lines = [
        `- value: ${value ? valueText(value) : 'not given (no objective states a `value`)'}`,
        `- serving cost: ${cost ? yearlyCostText(cost, serving, facts.budget) : 'unknown (needs serving `cost` and `volume`, or a budget `serving` line)'}`,
    ];
    const comparison = costOverValue(cost, value);
    const ratio = valueToCost(value, cost);
    if (comparison?.exceeded) {
        lines.push('- the serving cost **exceeds** the value');
    } else if (comparison) {
        lines.push(ratio !== undefined ? `- the value is ${formatNumber(ratio)}× the serving cost` : '- the serving cost does not exceed the value');
    } else if (cost && value) {
        lines.push(`- not comparable: the cost is in ${cost.currency}, the value in ${value.currency}`);
    }
    return section('Value and serving cost per year', lines);
}

function valueText(value: YearlyValue): string {
    const names = value.objectives.map(o => code(o.name)).join(', ');
    return `${formatValue(value.amount, `${value.currency}/year`)} (${value.objectives.length === 1 ? 'objective' : 'objectives'} ${names})`;
}

/** `29,200 USD/year (0.00004 USD/req × 730,000,000 req/year)`, `36,000 USD/year (3,000 USD/month × 12)`. */
function yearlyCostText(cost: YearlyCost, serving: ast.Serving | undefined, budget: ast.Budget | undefined): string {
    const amount = formatValue(cost.amount, `${cost.currency}/year`);
    if (cost.basis === 'volume') {
        const perRequest = measureOf(serving?.cost);
        return perRequest && cost.requestsPerYear !== undefined
            ? `${amount} (${formatMeasure(perRequest)} × ${formatValue(cost.requestsPerYear, 'req/year')})`
            : amount;
    }
    const written = measureOf(cost.basis === 'monthly cost' ? serving?.cost : budget?.serving);
    if (!written) {
        return amount;
    }
    const yearly = written.unit.symbol.endsWith('/year') ? formatMeasure(written) : `${formatMeasure(written)} × ${MONTHS_PER_YEAR}`;
    return `${amount} (${cost.basis === 'serving budget' ? `the budget's \`serving\` line, ${yearly}` : yearly})`;
}

// ---------------------------------------------------------------- rollout

/** "- start: 2026-01-15 (due date of milestone `Prototype`)" and the rest of the calendar. */
export function rolloutSchedule(rollout: ast.Rollout, facts: PlanFacts): string {
    const schedule = facts.figures.rolloutSchedule(rollout);
    const lines = [
        `- start: ${startText(rollout, schedule)}`,
        `- length: ${schedule.seconds > 0 ? `${formatDuration(schedule.seconds)}, shadow and stage durations together` : '0 (no shadow, no stage duration)'}`,
    ];
    if (schedule.endDay !== undefined) {
        lines.push(`- end: ${formatDay(schedule.endDay)}`);
    }
    const stages = schedule.stages.map((stage, index) => `- stage ${index + 1} (${stageLabel(stage)}): ${stageDates(stage)}; ${requestsText(stage, facts)}`);
    return section('Rollout schedule', stages.length > 0 ? [...lines, ...stages] : lines);
}

function startText(rollout: ast.Rollout, schedule: RolloutSchedule): string {
    const starts = rollout.starts;
    if (!starts) {
        return 'not given (no `starts`)';
    }
    if (schedule.startDay === undefined) {
        if (starts.milestone) {
            return starts.milestone.ref ? `unknown (milestone ${code(starts.milestone.$refText)} has no \`due\`)` : 'unknown';
        }
        return 'unknown';
    }
    const source = schedule.milestone ? ` (due date of milestone ${code(schedule.milestone.name)})` : '';
    return `${formatDay(schedule.startDay)}${source}`;
}

/** `1 % for 2 d` as written. */
function stageLabel(stage: StageFigures): string {
    const traffic = measureOf(stage.stage.traffic);
    const duration = measureOf(stage.stage.duration);
    return code(`${traffic ? formatMeasure(traffic) : '?'}${duration ? ` for ${formatMeasure(duration)}` : ''}`);
}

function stageDates(stage: StageFigures): string {
    if (stage.startDay === undefined) {
        return 'dates unknown (the rollout has no known start)';
    }
    if (stage.seconds === undefined) {
        return `from ${formatDay(stage.startDay)} (no \`for\`, so no end)`;
    }
    return `${formatDay(stage.startDay)} to ${stage.endDay !== undefined ? formatDay(stage.endDay) : '?'}`;
}

/** "sees about 40,000 requests (23.1 req/s × 1 % × 2 d)". */
function requestsText(stage: StageFigures, facts: PlanFacts): string {
    if (stage.seconds === undefined) {
        return 'requests not counted (no `for`)';
    }
    const mean = facts.serving ? facts.figures.serving(facts.serving).meanRate : undefined;
    if (stage.requests === undefined || mean === undefined || stage.share === undefined) {
        return mean === undefined ? 'requests unknown (no serving `volume`)' : 'requests unknown (the traffic is not a percentage)';
    }
    return `sees about ${formatNumber(stage.requests)} requests (${formatValue(mean, 'req/s')} × ${formatPercent(stage.share)} × ${formatDuration(stage.seconds)})`;
}

export function stageSection(node: ast.RolloutStage, facts: PlanFacts): string {
    const schedule = facts.figures.rolloutSchedule(node.$container);
    const index = schedule.stages.findIndex(s => s.stage === node);
    const stage = schedule.stages[index];
    if (!stage) {
        return section('Rollout stage', ['- not scheduled']);
    }
    const title = `Rollout stage ${index + 1} of ${schedule.stages.length}`;
    return section(title, [`- ${requestsText(stage, facts)}`, `- dates: ${stageDates(stage)}`]);
}

// ---------------------------------------------------------------- data

/** How long labeling the dataset takes, what it costs and when it ends. */
export function labelingSection(dataset: ast.Dataset, facts: PlanFacts): string {
    const figures = facts.figures.labeling(dataset);
    return section('Labeling', labelingLines(dataset, figures, facts));
}

function labelingLines(dataset: ast.Dataset, figures: LabelingFigures, facts: PlanFacts): string[] {
    const rows = figures.rows !== undefined ? formatValue(figures.rows, 'rows') : undefined;
    const rate = measureOf(dataset.effort?.rate);
    const lines: string[] = [];
    if (figures.days !== undefined && rows && rate) {
        lines.push(`- takes ${formatDuration(figures.days * SECONDS_PER_DAY)}: ${rows} at ${formatMeasure(rate)}`);
    } else {
        const missing = [
            rows ? undefined : 'a `size` in rows',
            figures.rowsPerDay !== undefined && figures.rowsPerDay > 0 ? undefined : 'a labeling `rate` in rows per unit of time',
        ].filter(Boolean).join(' and ');
        lines.push(`- duration: unknown (needs ${missing || 'a `size` and a `rate`'})`);
    }
    if (figures.cost !== undefined && figures.costPerRow !== undefined && figures.currency && rows) {
        lines.push(`- costs ${formatValue(figures.cost, figures.currency)}: ${rows} × ${formatValue(figures.costPerRow, `${figures.currency}/row`)}`);
    } else if (dataset.effort?.cost) {
        lines.push(`- cost: unknown (needs ${rows ? 'a labeling `cost` per row' : 'a `size` in rows'})`);
    }
    const start = facts.figures.startDay;
    if (figures.endDay !== undefined && start !== undefined) {
        lines.push(`- ends ${formatDay(figures.endDay)}, counted from the plan start ${formatDay(start)}`);
    } else if (figures.days !== undefined) {
        lines.push('- end date: unknown (the plan has no `start`)');
    }
    return lines;
}

/** For each dataset a milestone needs: when its labeling ends, against the milestone's due date. */
export function milestoneNeeds(milestone: ast.Milestone, facts: PlanFacts): string {
    const due = dayOf(milestone.due);
    const lines = (milestone.needs ?? []).map(ref => {
        const dataset = ref.ref;
        if (!dataset) {
            return `- ${code(ref.$refText)}: not a declared dataset`;
        }
        const end = facts.figures.labeling(dataset).endDay;
        if (end === undefined) {
            return `- ${code(dataset.name)}: end of labeling unknown (needs a \`size\`, a labeling \`rate\` and the plan \`start\`)`;
        }
        const against = due === undefined ? '' : end > due ? `, **after** the due date ${formatDay(due)}` : `, by the due date ${formatDay(due)}`;
        return `- ${code(dataset.name)}: labeled ${formatDay(end)}${against}`;
    });
    return section('Labeling of the datasets it needs', lines.length > 0 ? lines : ['- none named']);
}

// ---------------------------------------------------------------- budget

/** The budget's lines (serving × months of serving) against its total. */
export function budgetSection(budget: ast.Budget, facts: PlanFacts): string {
    const sum = facts.figures.budgetSum;
    const lines = [`- months of serving: ${monthsText(facts.figures.servingMonths)}`];
    if (!sum || facts.budget !== budget) {
        lines.push(budget.total ? '- the `total` is not an amount of money: nothing to add the lines up against' : '- no `total` to add the lines up against');
        return section('Budget lines and total', lines);
    }
    for (const line of sum.lines) {
        if (line.name === 'serving' && sum.servingMonthly !== undefined) {
            lines.push(`- serving: ${formatValue(sum.servingMonthly, `${sum.currency}/month`)} × ${months(sum.months.months)} = ${formatValue(line.amount, sum.currency)}`);
        } else {
            lines.push(`- ${line.name}: ${formatValue(line.amount, sum.currency)}`);
        }
    }
    if (sum.lines.length === 0) {
        lines.push(`- no line in ${sum.currency} besides the total`);
    } else {
        lines.push(`- sum: ${formatValue(sum.sum, sum.currency)}, ${sum.exceeded ? '**over**' : 'within'} the total of ${formatValue(sum.total, sum.currency)}`);
    }
    return section('Budget lines and total', lines);
}

/** "9 months (rollout start 2026-01-15 to deadline 2026-09-30)". */
function monthsText(serving: ServingMonths): string {
    const count = months(serving.months);
    if (serving.fromDay === undefined || serving.deadlineDay === undefined) {
        const missing = [serving.fromDay === undefined ? 'start' : undefined, serving.deadlineDay === undefined ? '`deadline`' : undefined]
            .filter(Boolean).join(' or ');
        return `${count} (no ${missing}: a year is assumed)`;
    }
    const floor = serving.deadlineDay <= serving.fromDay ? ', at least 1' : '';
    return `${count} (${serving.from} ${formatDay(serving.fromDay)} to deadline ${formatDay(serving.deadlineDay)}${floor})`;
}

/** The datasets' labeling cost against the budget's `labeling` line. */
export function labelingBudget(budget: ast.Budget, facts: PlanFacts): string {
    const title = 'Labeling cost and the labeling line';
    const line = measureOf(budget.labeling);
    const currency = line?.unit.dimension === 'money' ? line.unit.currency : undefined;
    if (!line || !currency) {
        return section(title, ['- the `labeling` line is not an amount of money']);
    }
    const use = facts.figures.labelingBudgetUse(budget);
    if (!use) {
        return section(title, [`- no dataset has a labeling \`cost\` per row in ${currency} and a \`size\``]);
    }
    const lines = use.spend.datasets.map(f =>
        `- ${code(f.dataset.name)}: ${formatValue(f.rows ?? 0, 'rows')} × ${formatValue(f.costPerRow ?? 0, `${currency}/row`)} = ${formatValue(f.cost ?? 0, currency)}`);
    lines.push(`- sum: ${formatValue(use.spend.sum, currency)}, ${use.exceeded ? '**over**' : 'within'} the labeling line of ${formatValue(use.allowed, currency)}`);
    return section(title, lines);
}
