import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { planOwner } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Per-instance rule: each local milestone without `owner`, reported on its name. */
export const milestoneOwnerMissing: Rule = completenessRule({
    code: 'milestone-owner-missing',
    stage: 'growth',
    title: 'every milestone has an owner',
    why: 'A due date that belongs to everyone is missed by no one in particular. When a milestone names the person or team that delivers it, slippage has someone to report it and someone to ask, and dependencies between milestones turn into conversations between owners instead of surprises at a review. It costs one line, and it is usually the first thing asked when a date moves.',
    check({ facts, report }) {
        for (const milestone of localOf(facts, ast.isMilestone)) {
            if (!milestone.owner) {
                report(atName(milestone, `milestone ${quoted(milestone.name)} has no owner: name the person or team that delivers it (\`owner NAME\`)`));
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const milestone = doc.nodeAt(diagnostic.range.start, ast.isMilestone);
        if (!milestone || milestone.owner) {
            return [];
        }
        const e = edits();
        // The plan's owner answers for the plan, so by default for each of its steps.
        const existing = planOwner(facts);
        const owner = existing ?? e.uniqueName('owner_tbd');
        e.addToBlock(milestone, [`owner ${owner}`]);
        if (!existing) {
            e.declare([`person ${owner} { name "TODO: who delivers the milestone" }`]);
        }
        return e.result(e.titled(`Add \`owner ${owner}\``), true);
    },
});
