import * as ast from '../../generated/ast.js';
import { measureOf } from '../../model/derived.js';
import { compareMeasures, formatDuration, formatMeasure, PLAIN } from '../../model/units.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { localNodes } from './value-helpers.js';

const WHOLE = { value: 1, unit: PLAIN };

export const sloObjectiveUnrealistic: Rule = {
    code: 'slo-objective-unrealistic',
    category: 'consistency',
    severity: 'warning',
    title: 'every SLO objective leaves an error budget (below 100 %)',
    why: 'No production system meets its indicator for every single request: networks drop packets, nodes restart, deployments cause blips. An objective of 100 % leaves an error budget of zero, so the SLO is breached by the first slow request, alerts stop meaning anything, and there is no room left to ship changes. Choosing an objective such as 99.5 % or 99.9 % states how much unreliability users can tolerate and turns it into a budget the team can spend on releases and experiments.',
    check({ facts, report }) {
        for (const slo of localNodes(facts).filter(ast.isSlo)) {
            const objective = measureOf(slo.objective);
            if (!objective || objective.unit.dimension !== 'fraction' || compareMeasures(objective, WHOLE) !== 0) {
                continue;
            }
            const budget = facts.figures.errorBudget(slo);
            const window = measureOf(slo.window);
            const figure = budget && window ? ` (${formatDuration(budget.seconds)} of allowed bad time over ${formatMeasure(window)})` : '';
            report({
                node: slo,
                property: 'objective',
                message: `slo ${quoted(slo.name)} aims at ${formatMeasure(objective)}${objective.unit.symbol === '' ? ' (100 %)' : ''}, which leaves no error budget${figure}: a single bad event breaches it; choose an objective such as 99.9 %`,
            });
        }
    },
};
