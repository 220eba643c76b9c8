import {
    AstUtils, DocumentState, EMPTY_SCOPE, MapScope, WorkspaceCache, stream,
    type AstNode, type AstNodeDescription, type ScopeComputation, type AstNodeDescriptionProvider, type AstReflection,
    type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type ScopeProvider,
} from 'langium';
import * as ast from '../generated/ast.js';
import { AstCache } from '../model/ast-version.js';
import { localDeclarations, type NamedDeclaration } from '../model/declarations.js';
import type { MlPlanImports, WithImports } from './mlplan-imports.js';

/**
 * Scoping for .mlplan. All named declarations of a plan and of the files it imports share one
 * namespace; fields live in their dataset and are looked up through the reference's context
 * (the model's training datasets, the evaluation dataset, the check's own dataset, or an
 * explicit `dataset.` qualifier).
 *
 * Langium's default provider searches a stream linearly for every reference, which is quadratic
 * in plan size. Here each (document, target type) gets one hash-map scope, built once per
 * build, so linking stays linear.
 */
export class MlPlanScopeProvider implements ScopeProvider {
    private readonly reflection: AstReflection;
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly imports: MlPlanImports;
    private readonly namespaceCache: WorkspaceCache<string, Scope>;
    private readonly fieldScopes = new AstCache<ast.Dataset, Scope>();
    /** A document's named declarations, by AST root: a catalog imported by many plans is listed once.
     *  A re-parse makes a new root; an incremental one marks the tree changed (model/ast-version.ts). */
    private readonly declarationLists = new AstCache<ast.Document, readonly NamedDeclaration[]>();
    /** One description per declaration, shared by every scope and every importer that sees it. */
    private readonly declarationDescriptions = new AstCache<NamedDeclaration, AstNodeDescription>();

    constructor(services: WithImports) {
        this.reflection = services.shared.AstReflection;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.imports = services.imports.Imports;
        // Cleared at every build, once the changed documents are parsed and before anything is
        // linked: a scope must never outlive the AST it describes (also when a document is replaced
        // under the same URI without `DocumentBuilder.update`, as the CLI and the tests do).
        this.namespaceCache = new WorkspaceCache(services.shared, DocumentState.ComputedScopes);
    }

    getScope(context: ReferenceInfo): Scope {
        if (!AstUtils.findRootNode(context.container).$document) { return EMPTY_SCOPE; } // a node parser recovery left out of the tree (`evaluation` written twice): nothing is visible from it
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === ast.Field.$type) {
            return this.fieldScope(context);
        }
        if (ast.isFieldRef(context.container) && context.property === ast.FieldRef.dataset) {
            // `features d.f`: the qualifier must be one of the model's training datasets.
            return this.trainingDatasets(context.container);
        }
        return this.namespace(context.container, referenceType);
    }

    /** The cached plan-wide scope of `type` for the document containing `context`. */
    private namespace(context: AstNode, type: string): Scope {
        const document = AstUtils.getDocument(context) as LangiumDocument<ast.Document>;
        const key = `${document.uri.toString()}\0${type}`;
        return this.namespaceCache.get(key, () => this.namespaceScope(document, type));
    }

    /**
     * The declarations visible in `document` that are of `type`. When a name is declared twice
     * (`duplicate-name`), local declarations win over imported ones, nearer imports over farther
     * ones, and an earlier declaration over a later one, so references keep pointing at the
     * declaration the diagnostic does not flag.
     */
    private namespaceScope(document: LangiumDocument<ast.Document>, type: string): Scope {
        const sources = [document, ...this.imports.importedDocuments(document)];
        const names = new Set<string>();
        const elements: AstNodeDescription[] = [];
        for (const source of sources) {
            for (const node of this.declarationsOf(source.parseResult.value)) {
                if (!names.has(node.name) && this.reflection.isSubtype(node.$type, type)) {
                    names.add(node.name);
                    elements.push(this.describe(node, source));
                }
            }
        }
        return new MapScope(elements);
    }

    private declarationsOf(root: ast.Document): readonly NamedDeclaration[] {
        return this.declarationLists.get(root, localDeclarations);
    }

    private describe(node: NamedDeclaration, source: LangiumDocument): AstNodeDescription {
        return this.declarationDescriptions.get(node, () => this.descriptions.createDescription(node, node.name, source));
    }

    private datasetNamed(context: AstNode, name: string): ast.Dataset | undefined {
        const node = this.namespace(context, ast.Dataset.$type).getElement(name)?.node;
        return ast.isDataset(node) ? node : undefined;
    }

    private trainingDatasets(featureRef: ast.FieldRef): Scope {
        const model = AstUtils.getContainerOfType(featureRef, ast.isModel);
        const seen = new Set<ast.Dataset>();
        const elements: AstNodeDescription[] = [];
        for (const ref of model?.trainsOn ?? []) {
            const dataset = ref.ref;
            if (dataset && typeof dataset.name === 'string' && !seen.has(dataset)) {
                seen.add(dataset);
                elements.push(this.descriptions.createDescription(dataset, dataset.name, AstUtils.getDocument(dataset)));
            }
        }
        return elements.length > 0 ? new MapScope(elements) : EMPTY_SCOPE;
    }

    private fieldScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (ast.isFieldRef(container)) {
            if (container.dataset) {
                // A qualifier that is not a training dataset is reported once, on the qualifier;
                // the field is still looked up in the dataset of that name so the error does not cascade.
                return this.fieldsOf([container.dataset.ref ?? this.datasetNamed(container, container.dataset.$refText)]);
            }
            const model = AstUtils.getContainerOfType(container, ast.isModel);
            return this.fieldsOf((model?.trainsOn ?? []).map(ref => ref.ref));
        }
        if (ast.isSlice(container)) {
            const evaluation = AstUtils.getContainerOfType(container, ast.isEvaluation);
            return this.fieldsOf([evaluation?.on?.ref]);
        }
        if (ast.isCheck(container)) {
            return this.fieldsOf([AstUtils.getContainerOfType(container, ast.isDataset)]);
        }
        if (ast.isDrift(container)) {
            return this.fieldsOf([container.dataset?.ref]);
        }
        return EMPTY_SCOPE;
    }

    /** Fields of several datasets; for a bare name found in more than one, the first dataset wins
     * (the validator reports `ambiguous-reference`). */
    private fieldsOf(datasets: Array<ast.Dataset | undefined>): Scope {
        const present = datasets.filter((d): d is ast.Dataset => d !== undefined);
        if (present.length === 0) {
            return EMPTY_SCOPE;
        }
        if (present.length === 1) {
            return this.fieldsOfDataset(present[0]);
        }
        let scope: Scope = EMPTY_SCOPE;
        for (const dataset of [...present].reverse()) {
            scope = new MapScope(this.fieldDescriptions(dataset), scope);
        }
        return scope;
    }

    private fieldsOfDataset(dataset: ast.Dataset): Scope {
        return this.fieldScopes.get(dataset, () => new MapScope(this.fieldDescriptions(dataset)));
    }

    /** A dataset's fields; for a field name written twice (`duplicate-name`), the first one. */
    private fieldDescriptions(dataset: ast.Dataset): AstNodeDescription[] {
        const document = AstUtils.getDocument(dataset);
        const names = new Set<string>();
        const elements: AstNodeDescription[] = [];
        for (const field of dataset.fields ?? []) {
            if (typeof field.name === 'string' && !names.has(field.name)) {
                names.add(field.name);
                elements.push(this.descriptions.createDescription(field, field.name, document));
            }
        }
        return elements;
    }
}

/**
 * Our scope provider reads declarations straight from the AST, so Langium's per-container symbol
 * tables would be computed for nothing. Only the plan or catalog itself is exported to the index
 * (for workspace symbol search); imports, not the global index, decide what a file can see.
 */
export class MlPlanScopeComputation implements ScopeComputation {
    private readonly descriptions: AstNodeDescriptionProvider;

    constructor(services: LangiumCoreServices) {
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
    }

    async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as ast.Document;
        const top = root.plan ?? root.catalog;
        return top && typeof top.name === 'string' ? [this.descriptions.createDescription(top, top.name, document)] : [];
    }

    async collectLocalSymbols(): Promise<LocalSymbols> {
        return NO_LOCAL_SYMBOLS;
    }
}

const NO_LOCAL_SYMBOLS: LocalSymbols = {
    has: () => false,
    getStream: () => stream<AstNodeDescription>([]),
};
