import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { kindWord, localDeclarations, type NamedDeclaration } from '../../model/declarations.js';
import { displayPath } from '../../model/display-path.js';
import type { PlanFacts } from '../../model/plan-facts.js';
import type { Rule, RuleReport } from '../rule.js';

export const duplicateName: Rule = {
    code: 'duplicate-name',
    category: 'consistency',
    severity: 'error',
    title: 'every name is declared once in the plan and its imports, and every field once in its dataset',
    why: 'A plan is read by people who resolve names in their heads: when `auc` is declared twice, a reviewer cannot know which definition a threshold or an alert refers to, and the two definitions tend to drift apart (different units, different directions). One name, one meaning, across the plan and the catalogs it imports, keeps every reference unambiguous. Fields are the exception: each dataset has its own, so two datasets may both have `region`.',
    check({ facts, report }) {
        const from = facts.document.uri;
        const seenLocal = new Map<string, NamedDeclaration>();
        const imported = new Map<string, NamedDeclaration>();
        for (const declaration of facts.imported) {
            if (!imported.has(declaration.name)) {
                imported.set(declaration.name, declaration);
            }
        }
        for (const declaration of facts.local) {
            const earlier = seenLocal.get(declaration.name);
            if (earlier) {
                report(at(declaration, `\`${declaration.name}\` is already declared on line ${lineOf(earlier)} (as ${kindOf(earlier)}); names are shared by every declaration of the plan`));
                continue;
            }
            seenLocal.set(declaration.name, declaration);
            const other = imported.get(declaration.name);
            if (other) {
                const file = displayPath(from, AstUtils.getDocument(other).uri);
                report(at(declaration, `\`${declaration.name}\` is also declared in \`${file}\` (as ${kindOf(other)}), which this file imports; names are shared with imported files`));
            }
        }
        reportImportedClashes(facts, seenLocal, report);
        for (const dataset of facts.local.filter(ast.isDataset)) {
            const fields = new Map<string, ast.Field>();
            for (const field of dataset.fields ?? []) {
                if (typeof field.name !== 'string') {
                    continue;
                }
                const first = fields.get(field.name);
                if (first) {
                    report({ node: field, property: 'name', message: `dataset \`${dataset.name}\` already has a field \`${field.name}\` (line ${lineOf(first)})` });
                } else {
                    fields.set(field.name, field);
                }
            }
        }
    },
};

function at(declaration: NamedDeclaration, message: string): RuleReport {
    return { node: declaration, property: 'name', message };
}

/**
 * Two imported files that declare the same name (and that this file does not declare itself):
 * reported on the import statement through which the later one arrives. Clashes inside one
 * imported file, or both reached through the same import, are that file's own findings.
 */
function reportImportedClashes(
    facts: PlanFacts,
    local: ReadonlyMap<string, NamedDeclaration>,
    report: (r: RuleReport) => void
): void {
    const document = facts.document;
    const firstSeen = new Map<string, { declaration: NamedDeclaration; via: ast.Import }>();
    for (const { node: imp, brings: brought } of facts.imports) {
        const reportedHere = new Set<string>();
        for (const source of brought) {
            for (const declaration of localDeclarations(source.parseResult.value as ast.Document)) {
                if (local.has(declaration.name)) {
                    continue;
                }
                const first = firstSeen.get(declaration.name);
                if (!first) {
                    firstSeen.set(declaration.name, { declaration, via: imp });
                    continue;
                }
                const firstDocument = AstUtils.getDocument(first.declaration);
                if (first.via === imp || firstDocument === source || reportedHere.has(declaration.name)) {
                    continue;
                }
                reportedHere.add(declaration.name);
                report({
                    node: imp,
                    property: 'path',
                    message: `\`${declaration.name}\` is declared both in \`${displayPath(document.uri, firstDocument.uri)}\` (as ${kindOf(first.declaration)}) and in \`${displayPath(document.uri, source.uri)}\` (as ${kindOf(declaration)}), which this import brings in; imported names share one namespace`,
                });
            }
        }
    }
}

/** 1-based line of a declaration's name, for messages. */
function lineOf(node: AstNode): number {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
    return (cst?.range.start.line ?? 0) + 1;
}

/** `a metric`, `an objective`. */
function kindOf(node: { $type: string }): string {
    const word = kindWord(node.$type);
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
