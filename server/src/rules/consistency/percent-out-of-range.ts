import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { measureOf, metricUnit } from '../../model/derived.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import type { Measure } from '../../model/units.js';
import { quantityAt, setUnit } from '../fixes/replace.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { describePercent, localNodes, propertyQuantities, withinPercent } from './value-helpers.js';

interface PercentTarget {
    readonly node: AstNode;
    readonly property: string;
    readonly label: string;
    readonly value: Measure;
}

/**
 * The values that are shares of a whole: stage traffic, slo objective and `check missing`
 * thresholds (flagged `percent` in PROPERTY_UNITS), and kpis on a metric whose unit is `%`.
 * Other bounds on `%` metrics are left alone: a percentage metric may legitimately exceed 100 %
 * (growth, utilisation), and the contract only names kpis.
 */
function percentTargets(facts: PlanFacts): PercentTarget[] {
    const targets: PercentTarget[] = [];
    for (const { owner, property, quantity, spec } of propertyQuantities(facts)) {
        const value = measureOf(quantity);
        if (spec.percent && value?.unit.dimension === 'fraction') {
            targets.push({ node: owner, property, label: spec.label, value });
        }
    }
    for (const kpi of localNodes(facts).filter(ast.isKpi)) {
        const value = measureOf(kpi.value);
        const metric = kpi.metric?.ref;
        if (value?.unit.dimension === 'fraction' && metric && metricUnit(metric)?.symbol === '%') {
            targets.push({ node: kpi, property: 'value', label: `kpi on ${quoted(metric.name)}`, value });
        }
    }
    return targets;
}

export const percentOutOfRange: Rule = {
    code: 'percent-out-of-range',
    category: 'consistency',
    severity: 'error',
    title: 'traffic shares, SLO objectives, missing-value thresholds and percentage KPIs lie within 0–100 %',
    why: 'A share of traffic, of good requests or of missing values cannot be negative or above the whole. Such a figure is nearly always a plain number meant as a percentage (`stage 50` read as 50 times the traffic instead of `50 %`) or a slipped digit, and a rollout controller, an SLO calculator or a data-quality gate fed with it either rejects it at the worst moment or behaves as if the limit did not exist.',
    check({ facts, report }) {
        for (const { node, property, label, value } of percentTargets(facts)) {
            if (withinPercent(value)) {
                continue;
            }
            const { text, replacement } = describePercent(value);
            const advice = replacement ? `; write \`${replacement}\` for a percentage` : '';
            report({
                node,
                property,
                message: `${label} ${text} is outside 0–100 %${advice}`,
                data: replacement ? { replacement } : undefined,
            });
        }
    },
    // Only a plain number within 0–100 gets a replacement (`50` meant as `50 %`): add the `%`.
    fix(context) {
        const quantity = quantityAt(context);
        const replacement = context.data.replacement;
        if (typeof replacement !== 'string' || !quantity || quantity.unit !== undefined) {
            return [];
        }
        return setUnit(context, quantity, '%', `Write \`${replacement}\` (a percentage)`);
    },
};
