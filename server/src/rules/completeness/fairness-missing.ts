import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { propertyFix } from '../fixes/skeletons.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule, listOf } from './applies.js';

/**
 * Per-instance rule over the evaluations of local models (the `on` dataset itself may come from an
 * import). One finding per sensitive field that no `slice by` covers.
 *
 * Range: the evaluation's `on` reference. The finding is caused by the choice of evaluation data
 * (that dataset carries the sensitive field), it sits inside the evaluation block where the missing
 * `slice by` line belongs, and `// mlplan-ignore fairness-missing` above the `on` line silences it
 * without silencing anything about the model as a whole (its name carries other findings).
 */
export const fairnessMissing: Rule = completenessRule({
    code: 'fairness-missing',
    stage: 'mvp',
    title: 'every sensitive field of an evaluation dataset is sliced',
    why: 'An aggregate metric can hide a model that works well for the majority and badly for a minority: a good overall AUC is compatible with a much worse one in a particular region, age band or language. When the evaluation data carries a field marked sensitive, reporting the metric per group (`slice by region where auc gap <= 0.03`) is how disparate performance is caught before launch rather than by the people it harms, and it leaves a record that the question was asked.',
    check({ facts, report }) {
        for (const model of localOf(facts, ast.isModel)) {
            const evaluation = model.evaluation;
            const dataset = evaluation?.on?.ref;
            if (!evaluation || !dataset) {
                continue;
            }
            const slices = listOf(evaluation.slices);
            for (const field of listOf(dataset.fields)) {
                if (!field?.sensitive || typeof field.name !== 'string') {
                    continue;
                }
                const sliced = slices.some(slice => slice.field?.ref === field || (slice.field?.ref === undefined && slice.field?.$refText === field.name));
                if (!sliced) {
                    report({
                        node: evaluation,
                        property: 'on',
                        message: `the evaluation of model ${quoted(model.name)} on ${quoted(dataset.name)} has no \`slice by ${field.name}\`: field ${quoted(field.name)} is sensitive, so compare quality across its groups`,
                        data: { field: field.name },
                    });
                }
            }
        }
    },
    fix({ diagnostic, data, doc, edits }) {
        const evaluation = doc.nodeAt(diagnostic.range.start, ast.isEvaluation);
        const field = data.field;
        return evaluation && typeof field === 'string' ? propertyFix(edits(), evaluation, [`slice by ${field}`]) : [];
    },
});
