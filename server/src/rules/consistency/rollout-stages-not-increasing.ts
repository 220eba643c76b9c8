import * as ast from '../../generated/ast.js';
import { compareMeasures, type Measure } from '../../model/units.js';
import type { FixDocument } from '../fixes/fix-document.js';
import type { Fix, Rule } from '../rule.js';
import { formatShare, stageTraffic } from './value-helpers.js';

/**
 * Each stage must send more traffic than every stage before it. Stages whose traffic is not a
 * fraction within 0–100 % are skipped here (they are `unit-mismatch` or `percent-out-of-range`),
 * so one typo does not also flag every later stage.
 */
export const rolloutStagesNotIncreasing: Rule = {
    code: 'rollout-stages-not-increasing',
    category: 'consistency',
    severity: 'error',
    title: 'rollout stages send strictly more traffic each time',
    why: 'A staged rollout exposes a new model to a growing share of users so that a problem is caught while few are affected, and each stage is a checkpoint where the team decides to go on or roll back. A stage that sends the same or less traffic than an earlier one is either a typo or a step backwards the plan does not explain, and automated rollout tools usually reject it outright.',
    check({ facts, report }) {
        for (const rollout of facts.rollouts) {
            let highest: Measure | undefined;
            for (const stage of rollout.stages ?? []) {
                const traffic = stageTraffic(stage);
                if (!traffic) {
                    continue;
                }
                if (highest && (compareMeasures(traffic, highest) ?? 1) <= 0) {
                    report({
                        node: stage,
                        property: 'traffic',
                        message: `stage ${formatShare(traffic)} does not increase traffic: an earlier stage already sends ${formatShare(highest)}`,
                    });
                    continue;
                }
                highest = traffic;
            }
        }
    },
    fix({ diagnostic, doc }) {
        const rollout = doc.nodeAt(diagnostic.range.start, ast.isRollout);
        return rollout ? reorderStages(doc, rollout) : [];
    },
};

/**
 * The stages moved into increasing order of traffic. Each stage keeps its own text: when every
 * stage has its line(s) to itself, whole lines move (with their comments), else only the stages'
 * own text. Offered only when the reordered traffic strictly increases (equal stages are a
 * decision for the author, not a mechanical fix) and every stage's traffic is comparable.
 */
function reorderStages(doc: FixDocument, rollout: ast.Rollout): Fix[] {
    const stages = rollout.stages ?? [];
    const traffic = stages.map(stageTraffic);
    if (stages.length < 2 || stages.some((s, i) => !s.$cstNode || !traffic[i])) {
        return [];
    }
    const order = stages.map((_, i) => i).sort((a, b) => (compareMeasures(traffic[a]!, traffic[b]!) ?? 0) || a - b);
    for (let i = 1; i < order.length; i++) {
        if ((compareMeasures(traffic[order[i]]!, traffic[order[i - 1]]!) ?? 0) <= 0) {
            return [];
        }
    }
    const text = doc.text;
    const ownLines = stages.every(s => doc.startsLine(s.$cstNode!.offset) && /^\s*(\/\/.*)?$/.test(text.slice(s.$cstNode!.end, doc.lineEnd(s.$cstNode!.end))));
    const slots = stages.map(s => {
        const cst = s.$cstNode!;
        return ownLines ? [doc.lineStart(cst.offset), doc.lineEnd(cst.end)] : [cst.offset, cst.end];
    });
    const start = slots[0][0];
    const end = slots[slots.length - 1][1];
    let reordered = '';
    let cursor = start;
    slots.forEach(([from, to], i) => {
        const [movedFrom, movedTo] = slots[order[i]];
        reordered += text.slice(cursor, from) + text.slice(movedFrom, movedTo);
        cursor = to;
    });
    const shares = order.map(i => {
        const cst = stages[i].traffic?.$cstNode;
        return cst ? `\`${text.slice(cst.offset, cst.end)}\`` : '?';
    });
    return [{ title: `Reorder the stages: ${shares.join(', ')}`, edits: [{ range: doc.rangeOf(start, end), newText: reordered }], isPreferred: true }];
}
