import * as ast from '../../generated/ast.js';
import { compareMeasures, formatMeasure, type Measure } from '../../model/units.js';
import { boundMeasure, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundText, localNodes, pointsWrongWay } from './value-helpers.js';

interface Expectation {
    readonly baseline: ast.Baseline;
    readonly value: Measure;
}

function sameMetric(a: ast.Metric | undefined, b: ast.Metric | undefined): boolean {
    // Names are unique plan-wide (imports included), so equal names are the same metric even when
    // the two references were resolved through different documents.
    return a !== undefined && b !== undefined && (a === b || a.name === b.name);
}

/**
 * A `success` threshold must be strictly better than every baseline's `expect` for the same
 * metric (higher-is-better: above it; lower-is-better: below it). Metrics without `better` are
 * skipped (no direction to compare by), and so are thresholds that already point the wrong way
 * (`direction-conflict`), whose meaning is unclear. One report per threshold, naming the
 * strongest baseline it fails to beat.
 */
export const successNotAboveBaseline: Rule = {
    code: 'success-not-above-baseline',
    category: 'consistency',
    severity: 'warning',
    title: 'every success threshold beats the baselines on its metric',
    why: 'A model is worth deploying only if it beats what the team could do without it: a heuristic, the current system, a human, a logistic regression. If the success threshold can be met by a model that is no better than such a baseline, the evaluation can pass while the project delivers nothing, and the cost of training, serving and monitoring a model buys no improvement. The threshold should sit clearly beyond the best known baseline.',
    check({ facts, report }) {
        // Grouped by metric name once: comparing every success with every expectation is quadratic.
        const expectationsByMetric = new Map<string, Array<{ baseline: ast.Baseline; expect: ast.Expect }>>();
        for (const baseline of facts.visible.baselines) {
            for (const expect of baseline.expects ?? []) {
                const name = expect.metric?.ref?.name;
                if (name !== undefined) {
                    const list = expectationsByMetric.get(name) ?? [];
                    list.push({ baseline, expect });
                    expectationsByMetric.set(name, list);
                }
            }
        }
        for (const success of localNodes(facts).filter(ast.isSuccess)) {
            const metric = success.metric?.ref;
            const better = metric?.better;
            const threshold = boundMeasure(success);
            if (!metric || !threshold || (better !== 'higher' && better !== 'lower') || pointsWrongWay(better, success.op)) {
                continue;
            }
            const sign = better === 'higher' ? 1 : -1;
            const unbeaten: Expectation[] = [];
            for (const { baseline, expect } of expectationsByMetric.get(metric.name) ?? []) {
                const value = sameMetric(expect.metric?.ref, metric) ? boundMeasure(expect) : undefined;
                const difference = value && compareMeasures(threshold, value);
                if (value && difference !== undefined && sign * difference <= 0) {
                    unbeaten.push({ baseline, value });
                }
            }
            if (unbeaten.length === 0) {
                continue;
            }
            // The strongest baseline: the best value in the metric's direction.
            const strongest = unbeaten.reduce((best, e) => (sign * (compareMeasures(e.value, best.value) ?? 0) > 0 ? e : best));
            const others = unbeaten.length > 1 ? `; ${unbeaten.length - 1} other baseline${unbeaten.length > 2 ? 's are' : ' is'} not beaten either` : '';
            const side = better === 'higher' ? 'above' : 'below';
            report({
                node: success,
                property: 'value',
                message: `${boundText(success)} does not beat baseline ${quoted(strongest.baseline.name)}, which expects ${quoted(metric.name)} = ${formatMeasure(strongest.value)}: ${quoted(metric.name)} is better ${better}, so the threshold should be ${side} ${formatMeasure(strongest.value)}${others}`,
                data: { baseline: strongest.baseline.name, baselineValue: formatMeasure(strongest.value) },
            });
        }
    },
};
