import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { propertyFix, RETRAIN_LINE } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Per-instance rule: each local model without `retrain`, reported on the model's name. */
export const retrainingMissing: Rule = completenessRule({
    code: 'retraining-missing',
    stage: 'maturity',
    title: 'every model has a retraining policy',
    why: 'A model is a snapshot of the data it was trained on, and its quality decays as behaviour, products and seasons change. A mature system decides in advance when a new model is trained (on a fixed schedule, or when monitoring detects drift) instead of waiting for a complaint. A written policy also forces the training pipeline to be repeatable, since retraining by hand once a quarter is how reproducibility gets lost.',
    check({ facts, report }) {
        for (const model of localOf(facts, ast.isModel)) {
            if (!model.retrain) {
                report(atName(model, `model ${quoted(model.name)} has no retraining policy: add \`retrain every 30 d\` or \`retrain on drift\``));
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const model = doc.nodeAt(diagnostic.range.start, ast.isModel);
        if (!model || model.retrain) {
            return [];
        }
        const fixes = [...propertyFix(edits(), model, [RETRAIN_LINE])];
        // Retraining on drift is only a real policy when monitoring watches for drift.
        if (facts.monitorings.some(m => (m.drifts ?? []).length > 0)) {
            fixes.push(...edits().addToBlock(model, ['retrain on drift']).result('Add `retrain on drift`'));
        }
        return fixes;
    },
});
