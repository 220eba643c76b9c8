import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes } from './ast-walk.js';
import { localDeclarations, membersOf, type NamedDeclaration } from './declarations.js';

/**
 * What the rules, hovers and exports need to know about one document: its plan or catalog, the
 * declarations it can see (its own and those of the files it imports), and its singleton blocks.
 * Built once per validation; rules only read it.
 */
export interface PlanFacts {
    readonly document: LangiumDocument<ast.Document>;
    readonly root: ast.Document;
    readonly plan?: ast.Plan;
    readonly catalog?: ast.Catalog;
    /** The plan's stage; a plan without `stage` is at `mvp`. */
    readonly stage: ast.Stage;
    /** Named declarations written in this document, in source order. */
    readonly local: readonly NamedDeclaration[];
    /** Named declarations of the imported documents (transitively). */
    readonly imported: readonly NamedDeclaration[];
    /** Everything visible, local first. */
    readonly visible: VisibleDeclarations;
    /**
     * Every AST node written in this document (never those of imported files), depth first from the
     * root, as `AstUtils.streamAst` lists them. Computed on first use and then shared by every rule
     * that needs to look at all nodes, so a document is walked once per validation, not once per rule.
     */
    readonly nodes: readonly AstNode[];
    readonly servings: readonly ast.Serving[];
    readonly rollouts: readonly ast.Rollout[];
    readonly monitorings: readonly ast.Monitoring[];
    readonly budgets: readonly ast.Budget[];
    /** The first of each singleton block (later ones are `duplicate-block`). */
    readonly serving?: ast.Serving;
    readonly rollout?: ast.Rollout;
    readonly monitoring?: ast.Monitoring;
    readonly budget?: ast.Budget;
}

export interface VisibleDeclarations {
    readonly persons: readonly ast.Person[];
    readonly teams: readonly ast.Team[];
    readonly metrics: readonly ast.Metric[];
    readonly objectives: readonly ast.Objective[];
    readonly datasets: readonly ast.Dataset[];
    readonly baselines: readonly ast.Baseline[];
    readonly models: readonly ast.Model[];
    readonly slos: readonly ast.Slo[];
    readonly risks: readonly ast.Risk[];
    readonly milestones: readonly ast.Milestone[];
}

export function collectFacts(
    document: LangiumDocument<ast.Document>,
    importedDocuments: ReadonlyArray<LangiumDocument<ast.Document>>
): PlanFacts {
    const root = document.parseResult.value;
    const local = localDeclarations(root);
    const imported = importedDocuments.flatMap(d => localDeclarations(d.parseResult.value));
    const all = [...local, ...imported];
    const members = root.plan ? membersOf(root) : [];
    const servings = members.filter(ast.isServing);
    const rollouts = members.filter(ast.isRollout);
    const monitorings = members.filter(ast.isMonitoring);
    const budgets = members.filter(ast.isBudget);
    let nodes: readonly AstNode[] | undefined;
    return {
        document,
        root,
        plan: root.plan,
        catalog: root.catalog,
        stage: root.plan?.stage ?? 'mvp',
        local,
        imported,
        visible: {
            persons: all.filter(ast.isPerson),
            teams: all.filter(ast.isTeam),
            metrics: all.filter(ast.isMetric),
            objectives: all.filter(ast.isObjective),
            datasets: all.filter(ast.isDataset),
            baselines: all.filter(ast.isBaseline),
            models: all.filter(ast.isModel),
            slos: all.filter(ast.isSlo),
            risks: all.filter(ast.isRisk),
            milestones: all.filter(ast.isMilestone),
        },
        get nodes() {
            nodes ??= allNodes(root);
            return nodes;
        },
        servings,
        rollouts,
        monitorings,
        budgets,
        serving: servings[0],
        rollout: rollouts[0],
        monitoring: monitorings[0],
        budget: budgets[0],
    };
}

/** Local declarations of one type (rules that check each instance report on local ones only). */
export function localOf<T extends NamedDeclaration>(facts: PlanFacts, guard: (n: NamedDeclaration) => n is T): T[] {
    return facts.local.filter(guard);
}

