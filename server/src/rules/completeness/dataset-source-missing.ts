import * as ast from '../../generated/ast.js';
import { writtenState } from '../../model/placeholder.js';
import { localOf } from '../../model/plan-facts.js';
import { propertyFix, SOURCE_LINE } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';
import { placeholderReport } from './placeholders.js';

/**
 * Per-instance rule: local datasets only (an imported catalog reports its own). A missing source is
 * reported on the dataset's name, a placeholder one on the string.
 */
export const datasetSourceMissing: Rule = completenessRule({
    code: 'dataset-source-missing',
    stage: 'mvp',
    title: 'every dataset records its source',
    why: 'A dataset whose origin is unknown cannot be reproduced, refreshed, audited or deleted on request. Provenance (the table, bucket, vendor or export a dataset comes from) is what lets someone rebuild the training set months later, trace a data-quality incident back to its pipeline, and answer a regulator who asks where personal data was collected.',
    check({ facts, report }) {
        for (const dataset of localOf(facts, ast.isDataset)) {
            const state = writtenState(dataset.source);
            if (state === 'absent') {
                report(atName(dataset, `dataset ${quoted(dataset.name)} has no source: record where the data comes from (provenance)`));
            } else if (state === 'placeholder') {
                report(placeholderReport(dataset, 'source', `dataset ${quoted(dataset.name)} source`, 'record where the data comes from'));
            }
        }
    },
    fix({ diagnostic, doc, edits }) {
        const dataset = doc.nodeAt(diagnostic.range.start, ast.isDataset);
        return dataset && dataset.source === undefined ? propertyFix(edits(), dataset, [SOURCE_LINE]) : [];
    },
});
