/**
 * How each kind of declaration is shown by the editor features, in one table so that the outline,
 * completion and semantic highlighting agree: a dataset is a struct everywhere, its fields are
 * properties, a model is a class, and so on.
 */
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver-types';

export interface DeclarationKind {
    /** Semantic token type of its name, declared or referenced. */
    readonly token: string;
    readonly symbol: SymbolKind;
    readonly completion: CompletionItemKind;
}

const kind = (token: string, symbol: SymbolKind, completion: CompletionItemKind): DeclarationKind => ({ token, symbol, completion });

/** Keyed by AST type; `Party` is the reference type of `owner` (a person or a team). */
export const DECLARATION_KINDS: Readonly<Record<string, DeclarationKind>> = {
    Plan: kind(SemanticTokenTypes.namespace, SymbolKind.Module, CompletionItemKind.Module),
    Catalog: kind(SemanticTokenTypes.namespace, SymbolKind.Package, CompletionItemKind.Module),
    Person: kind(SemanticTokenTypes.parameter, SymbolKind.Object, CompletionItemKind.Value),
    Team: kind(SemanticTokenTypes.parameter, SymbolKind.Object, CompletionItemKind.Value),
    Party: kind(SemanticTokenTypes.parameter, SymbolKind.Object, CompletionItemKind.Value),
    // Who uses the predictions: coloured and listed like the other people of the plan.
    Persona: kind(SemanticTokenTypes.parameter, SymbolKind.Object, CompletionItemKind.Value),
    // Default themes leave `variable` and `event` near the plain text colour; metrics, slos, risks and
    // milestones take token types every default theme paints, so that each name shows its kind.
    Metric: kind(SemanticTokenTypes.enumMember, SymbolKind.Variable, CompletionItemKind.Variable),
    Objective: kind(SemanticTokenTypes.interface, SymbolKind.Interface, CompletionItemKind.Interface),
    Dataset: kind(SemanticTokenTypes.struct, SymbolKind.Struct, CompletionItemKind.Struct),
    Field: kind(SemanticTokenTypes.property, SymbolKind.Field, CompletionItemKind.Field),
    Baseline: kind(SemanticTokenTypes.interface, SymbolKind.Interface, CompletionItemKind.Interface),
    Model: kind(SemanticTokenTypes.class, SymbolKind.Class, CompletionItemKind.Class),
    Slo: kind(SemanticTokenTypes.function, SymbolKind.Event, CompletionItemKind.Event),
    Risk: kind(SemanticTokenTypes.function, SymbolKind.Event, CompletionItemKind.Event),
    Milestone: kind(SemanticTokenTypes.function, SymbolKind.Event, CompletionItemKind.Event),
};

/** For an unknown type: a plain variable. */
export function declarationKind(type: string | undefined): DeclarationKind {
    return (type && DECLARATION_KINDS[type]) || DECLARATION_KINDS.Metric;
}
