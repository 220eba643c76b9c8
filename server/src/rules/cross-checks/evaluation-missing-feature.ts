import * as ast from '../../generated/ast.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { addFields, fieldLine, missingFeatures } from './data-fields.js';
import { quotedList } from './data-helpers.js';

/**
 * An evaluation dataset must carry every feature its model reads, by name; one that lists no
 * fields at all says nothing either way and is left alone (as `evaluation-missing-label` does).
 * Reported on `on`. The fix declares the missing fields as the training data types them, when the
 * evaluation dataset is written in this document (an imported catalog is not ours to edit).
 */
export const evaluationMissingFeature: Rule = {
    code: 'evaluation-missing-feature',
    category: 'cross-check',
    severity: 'error',
    title: 'every evaluation dataset has the fields its model uses as features',
    why: 'A model can only be scored on data that has the inputs it was trained with. When the holdout lacks a feature, the evaluation either cannot run or runs with the column filled in by some default, and the metric then describes a model that will never exist in production. Listing the same feature columns in the evaluation dataset as in training is the cheapest guarantee that the offline numbers are about the model that ships.',
    check({ facts, report }) {
        for (const evaluation of facts.nodes.filter(ast.isEvaluation)) {
            const found = missingFeatures(evaluation);
            if (!found) {
                continue;
            }
            const names = found.missing.map(f => f.name);
            const lacks = names.length === 1 ? `the feature ${quotedList(names)}` : `the features ${quotedList(names)}`;
            report({
                node: evaluation,
                property: 'on',
                message: `evaluation dataset ${quoted(found.dataset.name)} lacks ${lacks} that model ${quoted(found.model.name)} uses: the model cannot be scored on it as it will run in production; add ${names.length === 1 ? 'it' : 'them'} to the dataset's \`fields\``,
            });
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const evaluation = doc.nodeAt(diagnostic.range.start, ast.isEvaluation);
        const found = evaluation && missingFeatures(evaluation);
        if (!found || !facts.local.includes(found.dataset)) {
            return [];
        }
        const lines = found.missing.map(fieldLine);
        const builder = edits();
        if (!addFields(builder, doc, found.dataset, lines)) {
            return [];
        }
        return builder.result(`Add ${quotedList(lines)} to the fields of ${quoted(found.dataset.name)}`, true);
    },
};
