/**
 * The one quick-fix the money cross-checks share: write a computed amount in place of the number
 * of the quantity a diagnostic covers, keeping the unit the user wrote.
 */
import { GrammarUtils } from 'langium';
import { exceeds } from '../../model/economics.js';
import { formatDecimal } from '../../model/number-format.js';
import type { Fix, FixContext } from '../rule.js';
import { quantityAt } from '../fixes/replace.js';

/**
 * `amount` as a plan writes money: `32_500`, `1_234.57`. A fraction of a cent is rounded up, so
 * that the amount written is never below the one computed (the check would fire again).
 */
export function writtenAmount(amount: number): string {
    const cents = Math.ceil(amount * 100 - 1e-6) / 100;
    const rounded = Number.isFinite(cents) && !exceeds(amount, cents) ? cents : amount;
    const text = formatDecimal(rounded, { maximumFractionDigits: Number.isInteger(rounded) ? 0 : 20, grouping: true });
    return text.replace(/,/g, '_');
}

/**
 * Replaces the number of the quantity the diagnostic covers with `amount`: "Change `total` to
 * `32_500 USD`, <reason>". Nothing when the diagnostic no longer covers exactly a quantity.
 */
export function setAmountFix(context: FixContext, label: string, amount: number, reason: string): Fix[] {
    const quantity = quantityAt(context);
    const number = GrammarUtils.findNodeForProperty(quantity?.$cstNode, 'value');
    if (!quantity || !number || !Number.isFinite(amount)) {
        return [];
    }
    const written = writtenAmount(amount);
    const unit = quantity.unit ? ` ${quantity.unit}` : '';
    return context.edits().replace(number.range, written).result(`Change \`${label}\` to \`${written}${unit}\`, ${reason}`, true);
}
