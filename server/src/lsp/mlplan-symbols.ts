import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { kindWord } from '../model/declarations.js';
import { declarationKind } from './declaration-kinds.js';

/** Unnamed blocks, shown in the outline under their keyword. */
const BLOCK_KEYWORDS: Readonly<Record<string, string>> = {
    Serving: 'serving',
    Rollout: 'rollout',
    Monitoring: 'monitoring',
    Budget: 'budget',
    Evaluation: 'evaluation',
};

/**
 * The outline: the plan (or catalog) and its declarations in source order, each with its kind
 * (see declaration-kinds.ts) and a detail saying what it is, since a name alone may be a keyword
 * (`team retention`). Datasets list their fields, models their evaluation; the unnamed blocks
 * (`serving`, `rollout`, `monitoring`, `budget`, `evaluation`) appear under their keyword.
 * Langium's default would show only named nodes, each as a generic field.
 */
export class MlPlanDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value as ast.Document;
        const top = root.plan ?? root.catalog;
        if (!top?.$cstNode) {
            return [];
        }
        const members: AstNode[] = root.plan?.members ?? root.catalog?.members ?? [];
        return [this.symbol(top, members.flatMap(m => this.memberSymbol(m)))].filter((s): s is DocumentSymbol => s !== undefined);
    }

    private memberSymbol(node: AstNode): DocumentSymbol[] {
        let children: DocumentSymbol[] = [];
        if (ast.isDataset(node)) {
            children = (node.fields ?? []).flatMap(field => this.symbol(field, [], fieldDetail(field)) ?? []);
        } else if (ast.isModel(node) && node.evaluation) {
            children = [this.symbol(node.evaluation, [], node.evaluation.on?.$refText && `on ${node.evaluation.on.$refText}`)]
                .filter((s): s is DocumentSymbol => s !== undefined);
        }
        return [this.symbol(node, children)].filter((s): s is DocumentSymbol => s !== undefined);
    }

    /** A symbol for a named declaration or an unnamed block; undefined for anything else or a node without text. */
    private symbol(node: AstNode, children: DocumentSymbol[], detail?: string): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) {
            return undefined;
        }
        const block = BLOCK_KEYWORDS[node.$type];
        const name = (node as { name?: unknown }).name;
        let label: string;
        let selection: CstNode | undefined;
        let kind: SymbolKind;
        let range = cst.range;
        if (block) {
            label = block;
            // An evaluation's node starts at its `{`; its `evaluation` keyword belongs to the model.
            const owner = ast.isEvaluation(node) ? node.$container.$cstNode : cst;
            selection = GrammarUtils.findNodeForKeyword(owner, block);
            if (selection && selection.offset < cst.offset) {
                range = { start: selection.range.start, end: cst.range.end };
            }
            kind = SymbolKind.Module;
        } else if (typeof name === 'string' && name.length > 0) {
            label = name;
            selection = GrammarUtils.findNodeForProperty(cst, 'name');
            kind = declarationKind(node.$type).symbol;
        } else {
            return undefined;
        }
        return {
            name: label,
            detail: detail ?? (block ? undefined : kindWord(node.$type)),
            kind,
            range,
            selectionRange: selection?.range ?? range,
            children: children.length > 0 ? children : undefined,
        };
    }
}

/** `category sensitive`: the field's type and flags. */
function fieldDetail(field: ast.Field): string {
    return [field.type, field.pii && 'pii', field.sensitive && 'sensitive', field.label && 'label'].filter(Boolean).join(' ');
}
