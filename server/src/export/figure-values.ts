import { formatDay } from '../model/dates.js';
import type { Capacity } from '../model/derived.js';
import type { BudgetSum, YearlyCost } from '../model/economics.js';
import { formatNumber } from '../model/units.js';
import type { BudgetSumExport, CapacityExport, FigureExport, YearlyCostExport } from './export-model.js';
import { clean, figure } from './model-values.js';

/**
 * The v2 figures of model/ (capacity, yearly cost, budget sum, schedule dates) as export values.
 * A figure that is not a finite number becomes null: an export never shows `Infinity`.
 */

/** A day number as mlplan shows dates; null when unknown. */
export function dateText(day: number | undefined): string | null {
    return day === undefined || !Number.isFinite(day) ? null : formatDay(day);
}

/** `2.59×` */
export function ratioText(ratio: number): string {
    return `${formatNumber(ratio)}×`;
}

/** Requests are counted whole once there are enough of them for a fraction to be noise. */
export function requestsText(requests: number): string {
    return `${formatNumber(requests >= 10 ? Math.round(requests) : requests)} requests`;
}

export function capacityExport(capacity: Capacity | undefined): CapacityExport | null {
    const perReplica = figure(capacity?.perReplica, 'req/s');
    const total = figure(capacity?.total, 'req/s');
    if (!capacity || !perReplica || !total) {
        return null;
    }
    return {
        replicas: clean(capacity.replicas),
        perReplica,
        total,
        demand: figure(capacity.demand, 'req/s'),
        demandFrom: capacity.demandFrom ?? null,
        headroom: figure(capacity.headroom, '×', ratioText),
    };
}

export function yearlyCostExport(cost: YearlyCost | undefined): YearlyCostExport | null {
    const amount = cost ? figure(cost.amount, `${cost.currency}/year`) : null;
    if (!cost || !amount) {
        return null;
    }
    return {
        ...amount,
        basis: cost.basis,
        requestsPerYear: cost.requestsPerYear === undefined || !Number.isFinite(cost.requestsPerYear) ? null : clean(cost.requestsPerYear),
    };
}

export function budgetSumExport(sum: BudgetSum | undefined): BudgetSumExport | null {
    if (!sum) {
        return null;
    }
    const total = figure(sum.total, sum.currency);
    const added = figure(sum.sum, sum.currency);
    const lines = sum.lines.map(line => ({ name: line.name, amount: figure(line.amount, sum.currency) }));
    if (!total || !added || lines.some(line => line.amount === null)) {
        return null;
    }
    return {
        total,
        lines: lines.map(line => ({ name: line.name, amount: line.amount as FigureExport })),
        servingMonthly: sum.servingMonthly === undefined ? null : figure(sum.servingMonthly, `${sum.currency}/month`),
        sum: added,
        exceedsTotal: sum.exceeded,
    };
}
