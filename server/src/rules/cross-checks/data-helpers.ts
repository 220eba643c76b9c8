/**
 * What the data and process cross-checks share: the model that serving runs, the datasets a model
 * learns from, the plan's regulations, and the range of a statement written as a keyword and a
 * value (`log inputs for 400 d`, `retrain every 1 d`).
 */
import { GrammarUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type * as ast from '../../generated/ast.js';

/** The datasets a model `trains on` that resolve; an unresolved one is already an error of its own. */
export function trainingDatasets(model: ast.Model): ast.Dataset[] {
    return (model.trainsOn ?? []).map(ref => ref?.ref).filter((d): d is ast.Dataset => d !== undefined);
}

/** The regulations the plan lists, by name or as written in quotes. */
export function regulationNames(plan: ast.Plan | undefined): string[] {
    return (plan?.regulations ?? [])
        .map(r => r?.name ?? r?.text)
        .filter((r): r is string => typeof r === 'string' && r.trim() !== '');
}

/**
 * From `keyword` to the end of `value`, for a statement of `owner` such as `retrain every 1 d`.
 * The keyword taken is the last one before the value: a block may also be named with the same
 * word (`model retrain { … }`), and a repeated property keeps its last value.
 */
export function statementRange(owner: AstNode, keyword: string, value: AstNode | undefined): Range | undefined {
    const end = value?.$cstNode;
    if (!end) {
        return undefined;
    }
    const before = GrammarUtils.findNodesForKeyword(owner.$cstNode, keyword).filter(k => k.offset < end.offset);
    const start = before[before.length - 1];
    return start ? { start: start.range.start, end: end.range.end } : undefined;
}

/** `` `a`, `b` `` for messages. */
export function quotedList(names: readonly string[]): string {
    return names.map(name => `\`${name}\``).join(', ');
}
