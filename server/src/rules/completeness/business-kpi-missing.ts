import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { businessKpiLine, propertyFix } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule, listOf } from './applies.js';

/** `auc` (ml), `m` (no kind): the metrics the plan's kpis are on, as the message lists them. */
function kpiMetricList(kpis: readonly ast.Kpi[]): string {
    const shown = new Map<string, string>();
    for (const kpi of kpis) {
        const metric = kpi.metric?.ref;
        if (metric && typeof metric.name === 'string' && !shown.has(metric.name)) {
            shown.set(metric.name, `${quoted(metric.name)} (${metric.kind ?? 'no kind'})`);
        }
    }
    return [...shown.values()].join(', ');
}

/**
 * Plan-level rule over every objective the plan can see (those of its imports too), reported on the
 * plan's name. A plan without objectives is `objective-missing`'s finding. A kpi whose metric does
 * not resolve might be on a business metric: the rule then stays silent rather than guess (the
 * reference is already an error).
 */
export const businessKpiMissing: Rule = completenessRule({
    code: 'business-kpi-missing',
    stage: 'mvp',
    title: 'an objective has a kpi on a business metric',
    why: 'An offline score such as AUC or F1 says how well the model ranks examples, not whether anyone is better off. Stakeholders judge a project by the number they already track (churn, fraud losses, handling time, revenue), and a model can improve its ML metric while that number stays flat. At least one kpi on a metric of kind `business` agrees up front what success means in those terms, so the launch is judged on the outcome the project was funded for and not on a proxy the team chose.',
    check({ facts, report, plan }) {
        const objectives = facts.visible.objectives;
        if (objectives.length === 0) {
            return;
        }
        const kpis = objectives.flatMap(objective => listOf(objective.kpis));
        if (kpis.some(kpi => kpi.metric?.ref === undefined || kpi.metric.ref.kind === 'business')) {
            return;
        }
        const listed = kpiMetricList(kpis);
        const now = listed ? `its kpis are on ${listed} only` : 'its objectives have no kpi';
        const business = facts.visible.metrics.find(m => m.kind === 'business' && typeof m.name === 'string');
        const advice = business
            ? `give an objective a kpi on ${quoted(business.name)} or another metric the business tracks`
            : 'declare a metric of `kind business` that the business already tracks (churn, losses, revenue, handling time) and give an objective a kpi on it';
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no kpi on a business metric (${now}): ${advice}`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, edits }) {
        // The kpi goes into the first objective written here: an imported one is not this file's to edit.
        const objective = localOf(facts, ast.isObjective)[0];
        if (!objective) {
            return [];
        }
        const e = edits();
        return propertyFix(e, objective, [businessKpiLine(facts, e)]);
    },
});
