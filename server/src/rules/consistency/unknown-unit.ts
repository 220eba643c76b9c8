import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { lookupUnit, SHOWN_UNIT_SYMBOLS, suggestUnit } from '../../model/units.js';
import { replacementFixes } from '../fixes/replace.js';
import type { Rule, RuleReport } from '../rule.js';
import { localNodes } from './value-helpers.js';

function unknownWord(node: AstNode, word: string): RuleReport {
    const suggestion = suggestUnit(word);
    const hint = suggestion
        ? `; did you mean \`${suggestion}\`?`
        : ` (units: ${SHOWN_UNIT_SYMBOLS.join(', ')})`;
    return {
        node,
        property: 'unit',
        message: `\`${word}\` is not a unit${hint}`,
        data: suggestion ? { suggestion } : undefined,
    };
}

export const unknownUnit: Rule = {
    code: 'unknown-unit',
    category: 'consistency',
    severity: 'error',
    title: 'every quantity and metric uses a known unit',
    why: 'A number is only as good as its unit: "30 days" and "30 d" mean the same to a person, but a checker, a dashboard or a teammate converting latency budgets needs one agreed spelling. Sticking to a small set of units (ms to w, %, req/s to req/day, USD/EUR/GBP, rows) is what lets every threshold, rate and cost in the plan be compared and converted mechanically instead of by guesswork.',
    check({ facts, report }) {
        for (const node of localNodes(facts)) {
            if ((ast.isQuantity(node) || ast.isMetric(node)) && node.unit !== undefined && !lookupUnit(node.unit)) {
                report(unknownWord(node, node.unit));
            }
        }
    },
    fix: context => replacementFixes(context, [context.data.suggestion], (written, unit) => `Change \`${written}\` to \`${unit}\``, true),
};
