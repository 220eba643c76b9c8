import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';

/** A declaration that has a name in the plan-wide namespace (everything but fields and singletons). */
export type NamedDeclaration =
    | ast.Person | ast.Team | ast.Metric | ast.Persona | ast.Objective | ast.Dataset | ast.Baseline
    | ast.Model | ast.Slo | ast.Risk | ast.Milestone;

const NAMED_TYPES = new Set<string>([
    ast.Person.$type, ast.Team.$type, ast.Metric.$type, ast.Persona.$type, ast.Objective.$type, ast.Dataset.$type,
    ast.Baseline.$type, ast.Model.$type, ast.Slo.$type, ast.Risk.$type, ast.Milestone.$type,
]);

export function isNamedDeclaration(node: AstNode): node is NamedDeclaration {
    return NAMED_TYPES.has(node.$type) && typeof (node as { name?: unknown }).name === 'string';
}

/** The members of the document's plan or catalog, in source order. */
export function membersOf(root: ast.Document | undefined): Array<ast.PlanMember | ast.CatalogMember> {
    return root?.plan?.members ?? root?.catalog?.members ?? [];
}

/** The named declarations written in this document (not its imports), in source order. */
export function localDeclarations(root: ast.Document | undefined): NamedDeclaration[] {
    return membersOf(root).filter(isNamedDeclaration);
}

/** Human word for a declaration type, for messages: `dataset`, `metric`, `person or team`. */
export function kindWord(type: string): string {
    switch (type) {
        case 'Party': return 'person or team';
        case 'Slo': return 'slo';
        default: return type.charAt(0).toLowerCase() + type.slice(1);
    }
}
