import { DefaultDocumentBuilder, type LangiumDocument, type LangiumSharedCoreServices, type ServiceRegistry } from 'langium';
import type { Document } from '../generated/ast.js';
import type { MlPlanImports } from './mlplan-imports.js';

/**
 * Langium relinks a document when one of its references points into a changed file. mlplan
 * documents also depend on files they merely import: a catalog that appears, disappears or gains
 * a duplicate name changes `import-unresolved`, `duplicate-name` and every "is there any dataset"
 * rule of its importers, with no reference involved. So a document is also rebuilt when anything
 * it imports, directly or transitively, changed.
 */
export class MlPlanDocumentBuilder extends DefaultDocumentBuilder {
    private readonly registry: ServiceRegistry;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.registry = services.ServiceRegistry;
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || this.importsAnyOf(document, changedUris);
    }

    private importsAnyOf(document: LangiumDocument, changedUris: Set<string>): boolean {
        const services = this.registry.getServices(document.uri) as { imports?: { Imports?: MlPlanImports } } | undefined;
        const imports = services?.imports?.Imports;
        const root = document.parseResult?.value as Document | undefined;
        if (!imports || !root?.imports?.length) {
            return false;
        }
        const reachable = [document as LangiumDocument<Document>, ...imports.importedDocuments(document as LangiumDocument<Document>)];
        return reachable.some(doc => (doc.parseResult.value.imports ?? []).some(imp =>
            typeof imp.path === 'string' && changedUris.has(imports.targetUri(doc.uri, imp.path).toString())));
    }
}
