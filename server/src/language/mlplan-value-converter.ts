import { DefaultValueConverter, GrammarUtils, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { isTerminatedString } from './mlplan-lexer.js';

/** How the values of one grammar rule are converted; see `conversionOf`. */
type Conversion = 'number' | 'string' | 'id' | 'verbatim' | 'langium';

/**
 * Numbers may group digits with underscores (`2_000_000`); strings know only the escapes `\"`
 * and `\\` (any other backslash sequence is an error, kept as written). A string left open at the
 * end of its line (an error too, see mlplan-lexer.ts) keeps everything after its opening quote.
 *
 * The converter runs for every name, number and string of a plan (tens of thousands in a large
 * one), so the conversion of each rule is decided once, and the common values (no underscore, no
 * backslash) are converted without a regular expression.
 */
export class MlPlanValueConverter extends DefaultValueConverter {
    private readonly conversions = new Map<GrammarAST.AbstractRule, Conversion>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        let conversion = this.conversions.get(rule);
        if (conversion === undefined) {
            conversion = conversionOf(rule);
            this.conversions.set(rule, conversion);
        }
        switch (conversion) {
            case 'number':
                return Number(input.includes('_') ? input.replace(/_/g, '') : input);
            case 'string': {
                const body = input.slice(1, isTerminatedString(input) ? -1 : undefined);
                return body.includes('\\') ? body.replace(/\\(["\\])/g, '$1') : body;
            }
            case 'id':
                return ValueConverter.convertID(input);
            case 'verbatim':
                return input;
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}

/**
 * mlplan's own conversions first; then what Langium's `runConverter` would do, where that is to
 * keep the text or to strip an ID's `^`; any other rule is left to Langium.
 */
function conversionOf(rule: GrammarAST.AbstractRule): Conversion {
    switch (rule.name) {
        case 'NUMBER':
        case 'Decimal':
            return 'number';
        case 'STRING':
            return 'string';
    }
    const upper = rule.name.toUpperCase();
    if (upper === 'ID') {
        return 'id';
    }
    if (upper === 'INT' || upper === 'STRING') {
        return 'langium';
    }
    const type = GrammarUtils.getRuleType(rule)?.toLowerCase();
    return type === 'number' || type === 'boolean' || type === 'bigint' || type === 'date' ? 'langium' : 'verbatim';
}
