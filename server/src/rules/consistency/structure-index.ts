// Consistency rules about structure: names, duplicates, references, imports, milestones, monitoring.
// In the order of the LANGUAGE.md 4.2 table.
import type { Rule } from '../rule.js';
import { ambiguousReference } from './ambiguous-reference.js';
import { duplicateBlock } from './duplicate-block.js';
import { duplicateName } from './duplicate-name.js';
import { duplicateProperty } from './duplicate-property.js';
import { duplicateReference } from './duplicate-reference.js';
import { importCycle } from './import-cycle.js';
import { importUnresolved } from './import-unresolved.js';
import { labelAsFeature } from './label-as-feature.js';
import { milestoneCycle } from './milestone-cycle.js';
import { milestoneOrder } from './milestone-order.js';
import { pastDeadline } from './past-deadline.js';
import { retrainOnDriftUnmonitored } from './retrain-on-drift-unmonitored.js';
import { riskUnmitigated } from './risk-unmitigated.js';
import { rollbackUnmonitored } from './rollback-unmonitored.js';
import { servedModelUnspecified } from './served-model-unspecified.js';
import { trainTestOverlap } from './train-test-overlap.js';

export const STRUCTURE_RULES: readonly Rule[] = [
    ambiguousReference,
    duplicateName,
    duplicateProperty,
    duplicateBlock,
    duplicateReference,
    trainTestOverlap,
    labelAsFeature,
    milestoneOrder,
    milestoneCycle,
    pastDeadline,
    rollbackUnmonitored,
    retrainOnDriftUnmonitored,
    riskUnmitigated,
    // Not in LANGUAGE.md 4.2: says when the 4.3 cross-checks cannot know the served model.
    servedModelUnspecified,
    importUnresolved,
    importCycle,
];
