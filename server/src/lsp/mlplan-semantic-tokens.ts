import {
    CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isReference, type AstNode, type AstReflection, type CstNode, type LeafCstNode,
} from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { declarationKind } from './declaration-kinds.js';
import { NAME_RULES } from './name-rules.js';

/** Grammar rules whose keywords are values, not keywords (`stage growth`, `refresh daily`). */
const ENUM_RULES = new Set([
    'Stage', 'Deployment', 'Level', 'Direction', 'MetricKind', 'Refresh', 'Labeling', 'BaselineKind', 'Compute',
    'ServingMode', 'ServingTarget', 'Strategy', 'DriftMethod', 'LogTarget',
]);

const COMPARATORS = new Set(['<', '<=', '>', '>=', '=']);

interface Classification {
    readonly type: string;
    readonly modifier?: string[];
}

/**
 * Semantic highlighting by role. Keywords are not reserved in .mlplan (`team retention`, a field
 * `date`), so a TextMate grammar cannot tell a keyword from a name; the parse tree can. Every token
 * of the document is classified once, from the grammar element that produced it:
 * - a declared name: the declaration's kind (dataset → struct, model → class, metric → variable…,
 *   see declaration-kinds.ts) with the `declaration` modifier;
 * - a reference: the kind of its target (or of the expected target while unresolved), no modifier;
 * - a field name: property; a field type: type (`defaultLibrary`); a field flag: modifier;
 * - an enumeration value (`growth`, `canary`): enumMember; a unit: type; a comparator: operator;
 * - a number or a date: number; a string: string; a comment: comment, `/** … *\/` with `documentation`;
 * - any other word the grammar expects literally: keyword. Punctuation is left to the TextMate grammar.
 */
export class MlPlanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: MlPlanLspServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): 'prune' {
        // One pass over the tokens of the whole document, from the root: each token is classified
        // exactly once, so tokens never overlap.
        const root = node.$cstNode;
        if (root) {
            for (const leaf of CstUtils.flattenCst(root)) {
                const classification = this.classify(leaf);
                if (classification) {
                    acceptor({ cst: leaf, type: classification.type, modifier: classification.modifier });
                }
            }
        }
        return 'prune';
    }

    private classify(leaf: LeafCstNode): Classification | undefined {
        if (leaf.hidden) {
            if (leaf.text.startsWith('/**') && leaf.text.length > 4) {
                return { type: SemanticTokenTypes.comment, modifier: [SemanticTokenModifiers.documentation] };
            }
            return leaf.text.startsWith('//') || leaf.text.startsWith('/*') ? { type: SemanticTokenTypes.comment } : undefined;
        }
        // Walk from the token up through the datatype rules it belongs to (Name, Unit, Stage…),
        // stopping at the node of the AST node that owns it.
        for (let node: CstNode | undefined = leaf; node; node = node.container) {
            const source = node.grammarSource;
            if (GrammarAST.isCrossReference(source)) {
                return { type: this.referenceKind(node, source) };
            }
            if (GrammarAST.isRuleCall(source)) {
                const found = this.classifyRuleCall(node, source);
                if (found !== 'continue') {
                    return found;
                }
            }
            if (node !== leaf && isCompositeCstNode(node) && !isDatatypeCall(source)) {
                break;
            }
        }
        const source = leaf.grammarSource;
        if (GrammarAST.isKeyword(source) && COMPARATORS.has(source.value)) {
            // `expect auc = 0.64` writes its `=` directly, not through Comparator.
            return { type: SemanticTokenTypes.operator };
        }
        if (GrammarAST.isKeyword(source) && /\p{L}/u.test(source.value)) {
            if (ast.isField(leaf.astNode)) {
                return { type: SemanticTokenTypes.modifier };
            }
            return { type: SemanticTokenTypes.keyword };
        }
        return undefined;
    }

    private classifyRuleCall(node: CstNode, call: GrammarAST.RuleCall): Classification | undefined | 'continue' {
        const rule = call.rule.ref;
        const name = rule?.name;
        if (!name) {
            return 'continue';
        }
        if (NAME_RULES.has(name)) {
            const assignment = findAssignment(call);
            if (assignment?.feature === 'name' && node.astNode.$cstNode && isDeclaredName(node)) {
                return { type: declarationKind(node.astNode.$type).token, modifier: [SemanticTokenModifiers.declaration] };
            }
            return 'continue';
        }
        if (name === 'Unit') {
            return { type: SemanticTokenTypes.type };
        }
        if (name === 'FieldType') {
            return { type: SemanticTokenTypes.type, modifier: [SemanticTokenModifiers.defaultLibrary] };
        }
        if (ENUM_RULES.has(name)) {
            return { type: SemanticTokenTypes.enumMember };
        }
        if (name === 'Comparator') {
            return { type: SemanticTokenTypes.operator };
        }
        if (name === 'NUMBER' || name === 'DATE' || name === 'Decimal') {
            return { type: SemanticTokenTypes.number };
        }
        if (name === 'STRING') {
            return { type: SemanticTokenTypes.string };
        }
        return 'continue';
    }

    /** The kind of what a reference points to; while unresolved, of what it must point to. */
    private referenceKind(node: CstNode, reference: GrammarAST.CrossReference): string {
        const assignment = findAssignment(reference);
        const container = node.astNode;
        const value = assignment && (container as unknown as Record<string, unknown>)[assignment.feature];
        const candidates = Array.isArray(value) ? value : [value];
        const target = candidates.find(r => isReference(r) && r.$refNode === node);
        if (isReference(target) && target.ref) {
            return declarationKind(target.ref.$type).token;
        }
        if (assignment) {
            try {
                return declarationKind(this.reflection.getReferenceType({
                    container, property: assignment.feature, reference: target ?? { $refText: node.text, ref: undefined },
                } as never)).token;
            } catch {
                // an incomplete node: fall through
            }
        }
        return declarationKind(undefined).token;
    }
}

function findAssignment(element: GrammarAST.AbstractElement): GrammarAST.Assignment | undefined {
    let current: unknown = element.$container;
    while (current && !GrammarAST.isParserRule(current)) {
        if (GrammarAST.isAssignment(current)) {
            return current;
        }
        current = (current as { $container?: unknown }).$container;
    }
    return undefined;
}

/** The `Name` call directly under the declaration's own node (not a nested Name → FieldName call). */
function isDeclaredName(node: CstNode): boolean {
    const parent = node.container;
    return parent !== undefined && !(GrammarAST.isRuleCall(parent.grammarSource) && NAME_RULES.has(parent.grammarSource.rule.ref?.name ?? ''));
}

/**
 * Whether each parser rule is a datatype rule. Langium's `isDataTypeRule` walks the rule's whole
 * definition on every call (`SoftKeyword` has 150 alternatives), and it is asked for nearly every
 * token: cached, highlighting a 2,000-declaration plan takes milliseconds instead of seconds.
 */
const DATATYPE_RULES = new WeakMap<GrammarAST.ParserRule, boolean>();

/** A call of a datatype rule (`Name`, `Unit`, `Stage`…): part of a token's classification, not an AST node. */
function isDatatypeCall(source: unknown): boolean {
    if (!GrammarAST.isRuleCall(source) || !GrammarAST.isParserRule(source.rule.ref)) {
        return false;
    }
    const rule = source.rule.ref;
    let datatype = DATATYPE_RULES.get(rule);
    if (datatype === undefined) {
        datatype = GrammarUtils.isDataTypeRule(rule);
        DATATYPE_RULES.set(rule, datatype);
    }
    return datatype;
}
