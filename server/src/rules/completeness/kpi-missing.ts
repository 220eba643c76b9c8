import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { kpiLine, propertyFix } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule, listOf } from './applies.js';

/** Per-instance rule: each local objective without a kpi, reported on the objective's name. */
export const kpiMissing: Rule = completenessRule({
    code: 'kpi-missing',
    stage: 'mvp',
    title: 'every objective has a measurable kpi',
    why: 'An objective in prose ("reduce churn") cannot be verified: any result can be declared a success after the fact. A kpi names the business metric, the target value and ideally the date, so the team knows before building anything how the project will be judged, and can check after launch whether the model actually moved the number rather than just improving an offline score.',
    check({ facts, report }) {
        for (const objective of localOf(facts, ast.isObjective)) {
            if (listOf(objective.kpis).length === 0) {
                report(atName(objective, `objective ${quoted(objective.name)} has no kpi: give it a measurable target, e.g. \`kpi METRIC <= VALUE by DATE\``));
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const objective = doc.nodeAt(diagnostic.range.start, ast.isObjective);
        if (!objective || listOf(objective.kpis).length > 0) {
            return [];
        }
        const e = edits();
        return propertyFix(e, objective, [kpiLine(facts, e)]);
    },
});
