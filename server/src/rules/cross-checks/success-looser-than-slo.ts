import * as ast from '../../generated/ast.js';
import { requirement, isLooser, tightest, type SidedBound } from '../../model/bounds.js';
import { boundMeasure, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { boundAsWritten, inUnitOf, replaceValueOf, sameMetric, written, writtenQuantity } from './production-helpers.js';

interface SloBound {
    readonly slo: ast.Slo;
    readonly indicator: ast.Indicator;
    readonly bound: SidedBound;
}

/**
 * An offline `success` bound that a model can meet while breaking the slo on the same metric:
 * same side of bound (both caps or both floors), the success one looser. Once per success, against
 * the tightest such slo (the value its fix writes).
 */
export const successLooserThanSlo: Rule = {
    code: 'success-looser-than-slo',
    category: 'cross-check',
    severity: 'warning',
    title: 'evaluation success bounds are at least as strict as the SLOs on the same metric',
    why: 'The evaluation is the gate a model passes before it reaches users, and the SLO is the promise made to those users. If the gate is looser than the promise, a model can pass every offline check and still break the SLO on its first day of traffic, and nobody will have been warned. Offline thresholds should be at least as strict as the production objectives on the same metric, usually stricter, because live traffic is noisier than a holdout set.',
    check({ facts, report }) {
        // By metric name (sameMetric's identity), so each success looks at its own metric's slos only.
        const sloBounds = new Map<string, SloBound[]>();
        for (const slo of facts.visible.slos) {
            const indicator = slo.indicator;
            const metric = indicator?.metric?.ref;
            const bound = indicator && requirement(indicator.op, boundMeasure(indicator));
            if (indicator && metric && bound) {
                const list = sloBounds.get(metric.name) ?? [];
                list.push({ slo, indicator, bound });
                sloBounds.set(metric.name, list);
            }
        }
        if (sloBounds.size === 0) {
            return;
        }
        for (const success of facts.nodes.filter(ast.isSuccess)) {
            const metric = success.metric?.ref;
            const candidates = metric && sloBounds.get(metric.name);
            const bound = candidates && requirement(success.op, boundMeasure(success));
            if (!metric || !candidates || !bound) {
                continue;
            }
            const stricter = candidates.filter(s => sameMetric(s.indicator.metric?.ref, metric) && isLooser(bound, s.bound));
            const slo = tightest(stricter, s => s.bound);
            if (!slo) {
                continue;
            }
            const side = bound.side === 'upper' ? 'above' : 'below';
            report({
                node: success,
                message: `${boundAsWritten(success, true)} is looser than slo ${quoted(slo.slo.name)}'s ${boundAsWritten(slo.indicator, true)}: ${inUnitOf(bound.value, slo.bound.value)} is ${side} ${written(slo.bound.value)}, so a model can pass its evaluation and still break the SLO`,
                data: { replacement: writtenQuantity(slo.indicator.value), slo: slo.slo.name },
            });
        }
    },
    fix: context => replaceValueOf(context, ast.isSuccess, success => success.value, context.data.replacement,
        `Require \`${String(context.data.replacement)}\`, as slo \`${String(context.data.slo)}\` does`),
};
