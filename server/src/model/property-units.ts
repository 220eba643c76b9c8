/**
 * Which property of the language holds which kind of value: the quantities whose dimension the
 * property fixes, the bounds whose unit comes from their metric, the dates. Facts about the
 * language (checked against the grammar by test/grammar/property-tables.test.ts), read by the
 * value rules, completion and hovers alike.
 */
import type { Dimension } from './units.js';

/** What a property accepts: a dimension, or `plain` for a number written without a unit only. */
export type Accepted = Dimension | 'plain';

export interface PropertyUnits {
    /** How messages name the value: "serving `peak`". */
    readonly label: string;
    readonly accepts: readonly Accepted[];
    /** Must lie within 0–100 % (`percent-out-of-range`). */
    readonly percent?: boolean;
    /** Must be above zero (`non-positive-value`): a capacity, rate, count or latency of 0 or less is
     *  a typo. What a zero would mean, and what to write instead, for the message. */
    readonly positive?: { readonly zero: string; readonly give: string };
    /** The unit a quick-fix should write, when there is exactly one sensible choice.
     *  `currency` is the written unit's currency, else the plan's reference currency. */
    readonly expectedUnit?: (currency: string | undefined) => string | undefined;
}

const percentUnit = () => '%';
const moneyUnit = (currency: string | undefined) => currency;
const monthlyUnit = (currency: string | undefined) => currency && `${currency}/month`;
const yearlyUnit = (currency: string | undefined) => currency && `${currency}/year`;
const perRowUnit = (currency: string | undefined) => currency && `${currency}/row`;

/**
 * The one table of properties holding a quantity whose kind is fixed by the property itself,
 * keyed by AST type, then property. Metric bounds (`kpi`, `success`, ...) take their unit from the
 * metric instead: see METRIC_BOUNDS.
 */
export const PROPERTY_UNITS: Readonly<Record<string, Readonly<Record<string, PropertyUnits>>>> = {
    Serving: {
        volume: { label: 'serving `volume`', accepts: ['rate'] },
        peak: { label: 'serving `peak`', accepts: ['rate'] },
        cost: { label: 'serving `cost`', accepts: ['money-per-request', 'money-per-month'] },
        replicas: { label: 'serving `replicas`', accepts: ['plain'], positive: { zero: 'nothing would serve requests', give: 'give the number of replicas' } },
        capacity: { label: 'serving `capacity`', accepts: ['rate'], positive: { zero: 'a replica that serves nothing', give: 'give its sustained throughput' } },
    },
    Model: {
        latency: { label: 'model `latency`', accepts: ['time'], positive: { zero: 'an inference that takes no time at all', give: 'give the expected time per request' } },
    },
    Objective: {
        value: { label: 'objective `value`', accepts: ['money-per-month'], expectedUnit: yearlyUnit },
    },
    LabelingEffort: {
        rate: { label: 'labeling `rate`', accepts: ['row-rate'], positive: { zero: 'labeling that never finishes', give: 'give the rows labeled per day' } },
        cost: { label: 'labeling `cost`', accepts: ['money-per-row'], expectedUnit: perRowUnit },
    },
    Slo: {
        objective: { label: 'slo `objective`', accepts: ['fraction'], percent: true, expectedUnit: percentUnit },
        window: { label: 'slo `window`', accepts: ['time'] },
    },
    Rollout: {
        shadow: { label: 'rollout `shadow`', accepts: ['time'] },
    },
    RolloutStage: {
        traffic: { label: 'stage traffic', accepts: ['fraction'], percent: true, expectedUnit: percentUnit },
        duration: { label: 'stage `for`', accepts: ['time'] },
    },
    Retrain: {
        every: { label: '`retrain every`', accepts: ['time'], positive: { zero: 'a model retrained without pause', give: 'give the time between retrainings' } },
    },
    Dataset: {
        size: { label: 'dataset `size`', accepts: ['size', 'plain'], expectedUnit: () => 'rows' },
        retention: { label: 'dataset `retention`', accepts: ['time'] },
        labelDelay: { label: 'dataset `labels after`', accepts: ['time'] },
    },
    Monitoring: {
        logRetention: { label: '`log … for`', accepts: ['time'] },
    },
    Budget: {
        total: { label: 'budget `total`', accepts: ['money'], expectedUnit: moneyUnit },
        serving: { label: 'budget `serving`', accepts: ['money-per-month'], expectedUnit: monthlyUnit },
        labeling: { label: 'budget `labeling`', accepts: ['money'], expectedUnit: moneyUnit },
        training: { label: 'budget `training`', accepts: ['money'], expectedUnit: moneyUnit },
        compute: { label: 'budget `compute`', accepts: ['money'], expectedUnit: moneyUnit },
    },
    Check: {
        threshold: { label: '`check missing` threshold', accepts: ['fraction'], percent: true, expectedUnit: percentUnit },
    },
    Drift: {
        // Drift statistics (PSI, KS, ...) are unitless scores.
        threshold: { label: 'drift threshold', accepts: ['fraction'] },
    },
};

/** The keyword a bound is written with, by AST type; `''` for rollback conditions. */
export const METRIC_BOUNDS: Readonly<Record<string, string>> = {
    Kpi: 'kpi',
    Success: 'success',
    Indicator: 'indicator',
    Alert: 'alert',
    RollbackCondition: 'rollback when',
    Expect: 'expect',
    Slice: 'slice … where',
};

/** Properties holding a DATE, by AST type: plan `deadline`, kpi `by`, milestone `due`. */
export const DATE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    Plan: ['start', 'deadline'],
    RolloutStart: ['date'],
    Kpi: ['by'],
    Milestone: ['due'],
};
