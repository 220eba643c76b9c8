import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Numbers may group digits with underscores (`2_000_000`); strings know only the escapes `\"`
 * and `\\` (the lexer rejects any other backslash sequence, so nothing else needs decoding).
 */
export class MlPlanValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'NUMBER':
            case 'Decimal':
                return Number(input.replace(/_/g, ''));
            case 'STRING':
                return input.slice(1, -1).replace(/\\(["\\])/g, '$1');
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}
