/**
 * Fixes that replace one token the user wrote (a misspelt name, a unit, an operator) or add one
 * right after a number. They touch exactly the diagnostic's token, nothing around it.
 */
import { GrammarUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import type { Fix, FixContext } from '../rule.js';

/** A name, a qualified name, a unit or an operator: one token, never text spanning lines. */
const TOKEN = /^[^\s"{}]+$/;

/**
 * One fix per candidate, each replacing the diagnostic's text with the candidate; the first is
 * preferred when `preferFirst` (candidates come best first).
 */
export function replacementFixes(
    context: FixContext,
    candidates: unknown,
    title: (written: string, candidate: string) => string,
    preferFirst: boolean
): Fix[] {
    const written = context.doc.textOf(context.diagnostic.range);
    if (!Array.isArray(candidates) || !TOKEN.test(written)) {
        return [];
    }
    return candidates
        .filter((c): c is string => typeof c === 'string' && c !== written && TOKEN.test(c))
        .flatMap((candidate, i) => context.edits().replace(context.diagnostic.range, candidate).result(title(written, candidate), preferFirst && i === 0));
}

/** The quantity the diagnostic covers exactly (a bound's value, a property's value). */
export function quantityAt(context: FixContext): ast.Quantity | undefined {
    const { doc, diagnostic } = context;
    const quantity = doc.nodeAt(diagnostic.range.start, ast.isQuantity);
    const cst = quantity?.$cstNode;
    if (!cst || cst.offset !== doc.offsetAt(diagnostic.range.start) || cst.end !== doc.offsetAt(diagnostic.range.end)) {
        return undefined;
    }
    return quantity;
}

/** Sets the unit of `quantity` to `unit`: replaces the unit written, or adds one after the number. */
export function setUnit(context: FixContext, quantity: ast.Quantity, unit: string, title: string): Fix[] {
    const { doc } = context;
    const written = GrammarUtils.findNodeForProperty(quantity.$cstNode, 'unit');
    const number = GrammarUtils.findNodeForProperty(quantity.$cstNode, 'value');
    const edits = context.edits();
    if (written) {
        edits.replace(written.range, unit);
    } else if (number) {
        edits.replace(doc.rangeOf(number.end, number.end), ` ${unit}`);
    } else {
        return [];
    }
    return edits.result(title, true);
}
