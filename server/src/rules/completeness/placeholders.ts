import type { AstNode } from 'langium';
import { shownPlaceholder } from '../../model/placeholder.js';
import type { RuleReport } from '../rule.js';

/**
 * The finding for a string a rule needs that holds only a placeholder (LANGUAGE.md 4.1, v2). It sits
 * on the string itself, where the author has to type the real value, and says so: "dataset
 * `subscribers` source is a placeholder ("TODO"): record where the data comes from". Its data marks
 * it, so that fixes which add a missing line leave it alone (the line is there; only its value is
 * not written).
 */
export function placeholderReport<N extends AstNode>(
    node: N,
    property: keyof N & string,
    /** What the string is, as the message names it: "dataset `subscribers` source". */
    what: string,
    advice: string,
    extra?: Omit<RuleReport, 'node' | 'property' | 'message'>,
): RuleReport {
    const value = node[property];
    const shown = shownPlaceholder(typeof value === 'string' ? value : '');
    return {
        ...extra,
        node,
        property,
        message: `${what} is a placeholder (${shown}): ${advice}`,
        data: { ...extra?.data, placeholder: true },
    };
}

/** True for the diagnostic of `placeholderReport`. */
export function isPlaceholderFinding(data: Readonly<Record<string, unknown>>): boolean {
    return data.placeholder === true;
}
