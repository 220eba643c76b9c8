import * as ast from '../../generated/ast.js';
import { writtenState } from '../../model/placeholder.js';
import { localOf } from '../../model/plan-facts.js';
import { propertyFix, VERSION_LINE } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';
import { placeholderReport } from './placeholders.js';

/** Per-instance rule: local models, reported on the model's name (a placeholder version: on the string). */
export const modelVersionMissing: Rule = completenessRule({
    code: 'model-version-missing',
    stage: 'growth',
    title: 'every model names the version that serving runs',
    why: 'Once a model is retrained, "the churn model" means several different artifacts, and an incident report, an audit or a comparison of two releases needs to know which of them produced a given prediction. Recording the version that serving runs (a tag, a registry version, a commit) ties every number in the plan to one trained artifact. It is also what makes a rollback possible: you can only go back to a version you can name.',
    check({ facts, report }) {
        for (const model of localOf(facts, ast.isModel)) {
            const state = writtenState(model.version);
            if (state === 'absent') {
                report(atName(model, `model ${quoted(model.name)} has no version: name the trained version that serving runs (e.g. \`version "2.3.0"\`)`));
            } else if (state === 'placeholder') {
                report(placeholderReport(model, 'version', `model ${quoted(model.name)} version`, 'name the trained version that serving runs'));
            }
        }
    },
    fix({ diagnostic, doc, edits }) {
        const model = doc.nodeAt(diagnostic.range.start, ast.isModel);
        return model && model.version === undefined ? propertyFix(edits(), model, [VERSION_LINE]) : [];
    },
});
