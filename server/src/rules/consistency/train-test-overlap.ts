import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

export const trainTestOverlap: Rule = {
    code: 'train-test-overlap',
    category: 'consistency',
    severity: 'error',
    title: 'every model is evaluated on a dataset it does not train on',
    why: 'A model scored on the data it was fitted to measures how well it remembers, not how well it generalises: the offline numbers look excellent and production disappoints. The evaluation set must be held out from training (by time, by entity, or at random), and declaring it as a separate dataset makes that separation visible and reviewable.',
    check({ facts, report }) {
        for (const model of facts.local.filter(ast.isModel)) {
            const evaluation = model.evaluation;
            const on = evaluation?.on?.ref;
            if (!evaluation || !on) {
                continue;
            }
            if ((model.trainsOn ?? []).some(ref => ref.ref === on)) {
                report({
                    node: evaluation,
                    property: 'on',
                    message: `model \`${model.name}\` is evaluated on \`${on.name}\`, which it also trains on: the scores would measure memorisation; evaluate on a held-out dataset`,
                });
            }
        }
    },
};
