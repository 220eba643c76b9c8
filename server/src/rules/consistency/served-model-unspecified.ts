import * as ast from '../../generated/ast.js';
import { quoted } from '../helpers.js';
import type { Fix, Rule } from '../rule.js';

/**
 * LANGUAGE.md 3: `serves` "may be left out when the plan has one model". With several, the
 * cross-checks of 4.3 that compare serving with its model (compute, latency, label delay, log
 * retention) would have to guess, and they never guess: they stay silent. This rule says so, on the
 * `serving` keyword, and offers one `serves` line per model.
 */
export const servedModelUnspecified: Rule = {
    code: 'served-model-unspecified',
    category: 'consistency',
    severity: 'warning',
    title: 'serving names the model it serves when the plan has several',
    why: 'A plan with a candidate model and a challenger, or a retrieval model and a ranker, has to say which one production runs. The compute target, the latency budget, the label delay that decides when a rollback can be judged and the retention of logged inputs all depend on that model; without `serves`, nobody reviewing the plan (and none of the cross-checks) can tell whether serving fits the model it runs.',
    check({ facts, report }) {
        const models = facts.visible.models;
        if (models.length < 2) {
            return;
        }
        for (const serving of facts.servings) {
            if (!serving.serves) {
                report({
                    node: serving,
                    keyword: 'serving',
                    message: `serving does not say which model it serves, and the plan has ${models.length} (${models.map(m => quoted(m.name)).join(', ')}): add \`serves\` so that serving can be checked against that model's compute, latency and data`,
                });
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }): Fix[] {
        const serving = doc.nodeAt(diagnostic.range.start, ast.isServing);
        if (!serving || serving.serves) {
            return [];
        }
        return facts.visible.models.flatMap(model => {
            const line = `serves ${model.name}`;
            return edits().addToBlock(serving, [line]).result(`Add \`${line}\``, false);
        });
    },
};
