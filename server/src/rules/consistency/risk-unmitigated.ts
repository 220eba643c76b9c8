import * as ast from '../../generated/ast.js';
import { writtenState } from '../../model/placeholder.js';
import { placeholderReport } from '../completeness/placeholders.js';
import { propertyFix } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';

export const riskUnmitigated: Rule = {
    code: 'risk-unmitigated',
    category: 'consistency',
    severity: 'warning',
    title: 'every high-impact risk has a mitigation',
    why: 'Listing a risk is only half of risk management. A high-impact risk without a mitigation is a known way for the project to fail that nobody has planned for; writing down the mitigation (a fallback, a guardrail, a manual review, a kill switch) turns it into work that can be scheduled and owned.',
    check({ facts, report }) {
        for (const risk of facts.local.filter(ast.isRisk)) {
            if (risk.impact !== 'high') {
                continue;
            }
            const mitigation = writtenState(risk.mitigation);
            if (mitigation === 'absent') {
                report({
                    node: risk,
                    property: 'name',
                    message: `risk \`${risk.name}\` has high impact but no \`mitigation\`: say how it is prevented or contained`,
                });
            } else if (mitigation === 'placeholder') {
                // A reminder to write a mitigation is not one (LANGUAGE.md 4.1, v2): the finding sits on the string.
                report(placeholderReport(risk, 'mitigation', `the mitigation of high-impact risk \`${risk.name}\``, 'say how it is prevented or contained'));
            }
        }
    },
    fix({ diagnostic, doc, edits }) {
        const risk = doc.nodeAt(diagnostic.range.start, ast.isRisk);
        // A placeholder `mitigation ""` is the author's to fill: a second one would be a duplicate property.
        return risk && risk.mitigation === undefined ? propertyFix(edits(), risk, ['mitigation "TODO"']) : [];
    },
};
