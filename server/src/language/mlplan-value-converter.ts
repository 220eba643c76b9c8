import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { isTerminatedString } from './mlplan-lexer.js';

/**
 * Numbers may group digits with underscores (`2_000_000`); strings know only the escapes `\"`
 * and `\\` (any other backslash sequence is an error, kept as written). A string left open at the
 * end of its line (an error too, see mlplan-lexer.ts) keeps everything after its opening quote.
 * Every other rule is converted by Langium. A number without `_` and a string without `\` skip
 * the regular expressions.
 */
export class MlPlanValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'NUMBER':
            case 'Decimal':
                return Number(input.includes('_') ? input.replace(/_/g, '') : input);
            case 'STRING': {
                const body = input.slice(1, isTerminatedString(input) ? -1 : undefined);
                return body.includes('\\') ? body.replace(/\\(["\\])/g, '$1') : body;
            }
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}
