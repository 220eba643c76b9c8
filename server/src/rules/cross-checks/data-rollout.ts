/**
 * Whether a rollout watches the new model before it takes traffic (a `shadow` period), and the fix
 * that adds one. Shared by `replace-without-comparison` and `big-bang-rollout`.
 */
import type * as ast from '../../generated/ast.js';
import { measureOf } from '../../model/derived.js';
import { toBase } from '../../model/units.js';
import type { Fix } from '../fixes/fix.js';
import type { FixContext } from '../rule.js';

/**
 * A `shadow` period is written and not zero or negative. A value in a wrong unit still counts as
 * written: the unit is `unit-mismatch`'s to report, not a missing shadow.
 */
export function hasShadowPeriod(rollout: ast.Rollout | undefined): boolean {
    if (!rollout?.shadow) {
        return false;
    }
    const shadow = measureOf(rollout.shadow);
    return !shadow || shadow.unit.dimension !== 'time' || toBase(shadow) > 0;
}

/**
 * Adds `shadow <duration>` to a rollout that has no `shadow` line: before its first stage when that
 * stage starts a line (the shadow period comes before any traffic, and reads so), else at the end
 * of the block. Nothing when a `shadow` is already written (a second one would be a duplicate).
 */
export function shadowFix(context: FixContext, rollout: ast.Rollout | undefined, duration: string): Fix[] {
    if (!rollout || rollout.shadow !== undefined) {
        return [];
    }
    const { doc } = context;
    const line = `shadow ${duration}`;
    const edits = context.edits();
    const first = rollout.stages?.[0]?.$cstNode;
    if (first && doc.startsLine(first.offset) && doc.closingBrace(rollout)) {
        const at = doc.lineStart(first.offset);
        edits.replace(doc.rangeOf(at, at), `${doc.indentAt(first.offset)}${line}${doc.eol}`);
    } else {
        edits.addToBlock(rollout, [line]);
    }
    return edits.result(`Add \`${line}\` to the rollout`, true);
}
