import type { AstNode, LangiumDocument, URI } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes } from './ast-walk.js';
import { localDeclarations, membersOf, type NamedDeclaration } from './declarations.js';
import { planFigures, type PlanFigures } from './plan-figures.js';
import type { RuleSettings } from './rule-settings.js';

/**
 * Everything the rules may know about one document, and all that hovers, code actions, the code
 * lens and the exporters read about it: its plan or catalog, the declarations it can see, how its
 * imports resolve, the configuration that applies to it and its derived figures. Built by the
 * language layer (language/mlplan-facts.ts), once per version of the workspace, before any rule
 * runs; rules are functions of these facts and nothing else.
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
    /** The documents it imports, transitively, nearest first (cycles cut). */
    readonly importedDocuments: ReadonlyArray<LangiumDocument<ast.Document>>;
    /** Its own `import` statements, in order, resolved. */
    readonly imports: readonly ImportFacts[];
    /** The folders its imports may read from (for messages about an import that leaves them). */
    readonly importRoots: readonly URI[];
    /** Severity settings by rule code: the configuration file, then the editor's settings. */
    readonly settings: RuleSettings;
    /** Derived figures (mean rate, monthly cost, error budgets, …), computed once per node. */
    readonly figures: PlanFigures;
}

export interface VisibleDeclarations {
    readonly persons: readonly ast.Person[];
    readonly teams: readonly ast.Team[];
    readonly metrics: readonly ast.Metric[];
    readonly personas: readonly ast.Persona[];
    readonly objectives: readonly ast.Objective[];
    readonly datasets: readonly ast.Dataset[];
    readonly baselines: readonly ast.Baseline[];
    readonly models: readonly ast.Model[];
    readonly slos: readonly ast.Slo[];
    readonly risks: readonly ast.Risk[];
    readonly milestones: readonly ast.Milestone[];
}

/** Why an import does not resolve. */
export type ImportProblem = 'empty-path' | 'outside-root' | 'not-loaded';

/** One `import` statement and what it leads to. */
export interface ImportFacts {
    readonly node: ast.Import;
    /** Where the path points (undefined only for an empty or impossible path). */
    readonly target?: URI;
    /** The loaded document, when the import resolves. */
    readonly document?: LangiumDocument<ast.Document>;
    /** Why it does not resolve. */
    readonly problem?: ImportProblem;
    /** When the import leads back to this document: the chain of documents, this one first and last. */
    readonly cycle?: ReadonlyArray<LangiumDocument<ast.Document>>;
    /** The documents this import brings in that the imports before it did not, breadth first. */
    readonly brings: ReadonlyArray<LangiumDocument<ast.Document>>;
}

/** What the language layer has resolved about a document before its facts are assembled. */
export interface FactsInput {
    readonly document: LangiumDocument<ast.Document>;
    readonly importedDocuments: ReadonlyArray<LangiumDocument<ast.Document>>;
    readonly imports: readonly ImportFacts[];
    readonly importRoots: readonly URI[];
    readonly settings: RuleSettings;
}

export function buildPlanFacts(input: FactsInput): PlanFacts {
    const { document } = input;
    const root = document.parseResult.value;
    const local = localDeclarations(root);
    const imported = input.importedDocuments.flatMap(d => localDeclarations(d.parseResult.value));
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
            personas: all.filter(ast.isPersona),
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
        importedDocuments: input.importedDocuments,
        imports: input.imports,
        importRoots: input.importRoots,
        settings: input.settings,
        figures: planFigures({
            plan: root.plan,
            serving: servings[0],
            rollout: rollouts[0],
            budget: budgets[0],
            models: all.filter(ast.isModel),
            datasets: all.filter(ast.isDataset),
            objectives: all.filter(ast.isObjective),
        }),
    };
}

/** Local declarations of one type (rules that check each instance report on local ones only). */
export function localOf<T extends NamedDeclaration>(facts: PlanFacts, guard: (n: NamedDeclaration) => n is T): T[] {
    return facts.local.filter(guard);
}
