import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { evaluationLines, propertyFix, successLine } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule, keywordBefore, listOf } from './applies.js';

/**
 * Per-instance rule over local models. A model without evaluation is reported on its name; an
 * evaluation without `success` on its `evaluation` keyword (the block itself is unnamed).
 */
export const evaluationMissing: Rule = completenessRule({
    code: 'evaluation-missing',
    stage: 'mvp',
    title: 'every model has an evaluation with success criteria',
    why: 'Deciding the acceptance test after seeing the results invites moving the goalposts. An evaluation block fixes in advance which held-out data the model is scored on and which thresholds it must reach (`success auc >= 0.78`, `success latency_p99 <= 150 ms`) before it may ship. Without those criteria, "the model is ready" is an opinion; with them it is a check that anyone can rerun on the next version.',
    check({ facts, report }) {
        for (const model of localOf(facts, ast.isModel)) {
            const evaluation = model.evaluation;
            if (!evaluation) {
                report(atName(model, `model ${quoted(model.name)} has no evaluation: say which dataset it is evaluated on and which \`success\` thresholds it must meet`));
            } else if (listOf(evaluation.successes).length === 0) {
                const message = `the evaluation of model ${quoted(model.name)} has no \`success\` criterion: state the thresholds the model must meet to ship, e.g. \`success METRIC >= VALUE\``;
                const range = keywordBefore(model, 'evaluation', evaluation);
                report(range ? { node: model, range, message } : { node: model, keyword: 'evaluation', message });
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const model = doc.nodeAt(diagnostic.range.start, ast.isModel);
        if (!model) {
            return [];
        }
        const e = edits();
        if (!model.evaluation) {
            const training = listOf(model.trainsOn).map(ref => ref.$refText);
            const lines = evaluationLines(facts, e, training);
            return e.addToBlock(model, lines).result(e.titled(`Add an evaluation on \`${lines[1].trim().slice('on '.length)}\` with \`${lines[2].trim()}\``), true);
        }
        return listOf(model.evaluation.successes).length === 0 ? propertyFix(e, model.evaluation, [successLine(facts, e)]) : [];
    },
});
