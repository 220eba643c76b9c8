import { DocumentState, type LangiumDocument } from 'langium';
import type { Document } from '../generated/ast.js';
import { buildPlanFacts, type ImportFacts, type PlanFacts } from '../model/plan-facts.js';
import type { MlPlanConfiguration } from './mlplan-config.js';
import type { MlPlanImports, WithImports } from './mlplan-imports.js';

/**
 * The plan facts of each document (model/plan-facts.ts), built here, where imports are resolved and
 * the configuration is read, so that the rules never need either. One build per document and
 * version of the workspace: validation, hover, code actions, the code lens and the exporters of the
 * same version share one object.
 *
 * The cache is dropped whenever anything may change what the facts say: documents changing
 * (`onUpdate`), a build having parsed its documents (so that documents replaced without an update,
 * as the CLI and the tests do, are never described by stale facts), and the configuration changing.
 */
export class MlPlanFacts {
    private readonly imports: MlPlanImports;
    private readonly configuration: MlPlanConfiguration;
    private readonly cache = new Map<string, { readonly document: LangiumDocument; readonly root: Document; readonly version: number; readonly facts: PlanFacts }>();

    constructor(services: WithImports & { readonly config: { readonly Configuration: MlPlanConfiguration } }) {
        this.imports = services.imports.Imports;
        this.configuration = services.config.Configuration;
        const builder = services.shared.workspace.DocumentBuilder;
        const forget = () => this.cache.clear();
        builder.onUpdate(forget);
        builder.onBuildPhase(DocumentState.IndexedContent, forget);
        this.configuration.onChange(forget);
    }

    /** The facts of a document as it is now (parsed; linked for anything that follows references). */
    of(document: LangiumDocument<Document>): PlanFacts {
        const key = document.uri.toString();
        const root = document.parseResult.value;
        const version = document.textDocument.version;
        const cached = this.cache.get(key);
        if (cached && cached.document === document && cached.root === root && cached.version === version) {
            return cached.facts;
        }
        const facts = this.build(document);
        this.cache.set(key, { document, root, version, facts });
        return facts;
    }

    private build(document: LangiumDocument<Document>): PlanFacts {
        return buildPlanFacts({
            document,
            importedDocuments: this.imports.importedDocuments(document),
            imports: this.importFacts(document),
            importRoots: this.imports.rootsOf(document.uri),
            settings: this.configuration.rulesFor(document.uri),
        });
    }

    /** Each import statement resolved, with its cycle if it leads back here, and the documents it brings in. */
    private importFacts(document: LangiumDocument<Document>): ImportFacts[] {
        const brought = this.imports.broughtIn(document);
        return (document.parseResult.value.imports ?? []).map((node, i) => ({
            node, ...this.imports.explain(node), cycle: this.imports.cycleThrough(node), brings: brought[i],
        }));
    }
}
