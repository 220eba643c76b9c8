import * as ast from '../../generated/ast.js';
import { writtenState } from '../../model/placeholder.js';
import { localOf } from '../../model/plan-facts.js';
import { propertyFix, VERSION_LINE } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';
import { placeholderReport } from './placeholders.js';

/** Per-instance rule: local datasets only, reported on the dataset's name (a placeholder version: on the string). */
export const datasetVersionMissing: Rule = completenessRule({
    code: 'dataset-version-missing',
    stage: 'growth',
    title: 'every dataset is pinned to a version',
    why: 'Data changes under a model: rows are backfilled, labels corrected, schemas extended. A model trained on "the subscribers table" cannot be reproduced or compared fairly with its successor once the table has moved on. Pinning a snapshot, partition date or version tag makes every reported metric traceable to the exact data it was measured on, which is what makes regressions explainable and audits possible.',
    check({ facts, report }) {
        for (const dataset of localOf(facts, ast.isDataset)) {
            const state = writtenState(dataset.version);
            if (state === 'absent') {
                report(atName(dataset, `dataset ${quoted(dataset.name)} has no version: pin the snapshot or version the model is trained and evaluated on`));
            } else if (state === 'placeholder') {
                report(placeholderReport(dataset, 'version', `dataset ${quoted(dataset.name)} version`, 'pin the snapshot or version the model is trained and evaluated on'));
            }
        }
    },
    fix({ diagnostic, doc, edits }) {
        const dataset = doc.nodeAt(diagnostic.range.start, ast.isDataset);
        return dataset && dataset.version === undefined ? propertyFix(edits(), dataset, [VERSION_LINE]) : [];
    },
});
