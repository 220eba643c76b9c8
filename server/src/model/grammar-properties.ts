import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { MlPlanGrammar } from '../generated/grammar.js';

/**
 * What the grammar says about the properties of each block, read from the grammar itself so that
 * a new property is known everywhere the day it is added to grammar/mlplan.langium.
 *
 * A block's properties are the alternatives of its any-order loop (`( 'title' title=STRING | … )*`).
 * One that starts with a keyword is repeatable when it assigns a single value with `+=`, outside
 * any repetition (`'stakeholder' stakeholders+=STRING`): each occurrence adds one. Every other one
 * is written once: `=` assignments, and lists written in one go (`'members' a+=X (',' a+=X)*`,
 * `'fields' '{' fields+=Field* '}'`). Alternatives that call a rule of their own (`kpis+=Kpi`) are
 * that rule's keywords, not the block's. test/grammar/property-tables.test.ts compares the result
 * with the repeatable properties LANGUAGE.md lists.
 */
export interface BlockProperties {
    /** The keyword each property starts with (`trains` for `trains on`), in grammar order. */
    readonly singleValued: readonly string[];
    readonly repeatable: readonly string[];
}

const PROPERTIES: ReadonlyMap<string, BlockProperties> = blockProperties(MlPlanGrammar());

/** The keyword elements of the grammar, each with the parser rule it is written in. */
const RULE_OF_KEYWORD: ReadonlyMap<AstNode, string> = keywordRules(MlPlanGrammar());

/** The properties of the blocks of AST type `type`, or undefined for a type that has no property loop. */
export function propertiesOf(type: string): BlockProperties | undefined {
    return PROPERTIES.get(type);
}

/** Every AST type with a property loop. */
export function blockTypes(): readonly string[] {
    return [...PROPERTIES.keys()];
}

/** The parser rule a grammar element is a keyword of, or undefined for anything but a keyword. */
export function ruleOfKeyword(element: AstNode | undefined): string | undefined {
    return element ? RULE_OF_KEYWORD.get(element) : undefined;
}

function blockProperties(grammar: GrammarAST.Grammar): Map<string, BlockProperties> {
    const result = new Map<string, BlockProperties>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        const loop = AstUtils.streamAllContents(rule).find(node => GrammarAST.isAlternatives(node) && node.cardinality === '*') as GrammarAST.Alternatives | undefined;
        if (!loop) {
            continue;
        }
        const singleValued: string[] = [];
        const repeatable: string[] = [];
        for (const alternative of loop.elements) {
            const first = GrammarAST.isGroup(alternative) ? alternative.elements[0] : undefined;
            if (!first || !GrammarAST.isKeyword(first)) {
                continue;
            }
            (isRepeatable(alternative) ? repeatable : singleValued).push(first.value);
        }
        if (singleValued.length + repeatable.length > 0) {
            result.set(rule.name, { singleValued, repeatable });
        }
    }
    return result;
}

function isRepeatable(alternative: GrammarAST.AbstractElement): boolean {
    const assignments = AstUtils.streamAllContents(alternative).filter(GrammarAST.isAssignment).toArray();
    if (assignments.length !== 1 || assignments[0].operator !== '+=') {
        return false;
    }
    for (let at: AstNode | undefined = assignments[0]; at && at !== alternative; at = at.$container) {
        const cardinality = (at as GrammarAST.AbstractElement).cardinality;
        if (cardinality === '*' || cardinality === '+') {
            return false;
        }
    }
    return true;
}

function keywordRules(grammar: GrammarAST.Grammar): Map<AstNode, string> {
    const result = new Map<AstNode, string>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node)) {
                result.set(node, rule.name);
            }
        }
    }
    return result;
}
