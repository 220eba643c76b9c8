import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

/**
 * The evaluation dataset must say which field is the ground truth. A dataset that lists no fields
 * at all says nothing either way, so the rule stays silent on it (LANGUAGE.md 4.3: rules judge
 * what the plan says, never guess).
 */
export const evaluationMissingLabel: Rule = {
    code: 'evaluation-missing-label',
    category: 'cross-check',
    severity: 'error',
    title: 'every evaluation dataset has a `label` field to score predictions against',
    why: 'An offline evaluation compares what the model predicts with what really happened. If the evaluation dataset has no ground-truth column, none of the `success` thresholds can be measured: the numbers in the plan will be guessed, copied from training, or never produced. Flagging the target field with `label` says where the truth comes from and makes a missing one visible before anyone builds the pipeline.',
    check({ facts, report }) {
        for (const evaluation of facts.nodes.filter(ast.isEvaluation)) {
            const dataset = evaluation.on?.ref;
            const fields = dataset?.fields ?? [];
            if (!dataset || fields.length === 0 || fields.some(field => field.label)) {
                continue;
            }
            report({
                node: evaluation,
                property: 'on',
                message: `evaluation dataset \`${dataset.name}\` has no \`label\` field (fields: ${fields.map(field => `\`${field.name}\``).join(', ')}): nothing to score the model's predictions against; flag its ground-truth field with \`label\``,
            });
        }
    },
};
