import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, URI, UriUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Document, Import } from '../generated/ast.js';
import type { MlPlanServices } from './mlplan-module.js';

/**
 * Resolves `import "./catalog.mlplan"` statements. An import resolves only to a document that is
 * loaded and that lies inside a root (the workspace folder, or for the CLI the directory of the
 * file given); anything else is `import-unresolved` and is never read. Containment is decided on
 * real paths, so a symbolic link cannot lead outside a root.
 */
export class MlPlanImports {
    private readonly documents: LangiumDocuments;
    private roots: URI[] = [];

    constructor(services: MlPlanServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** The folders imports may read from. Without roots, a document may import only below its own folder. */
    setRoots(roots: URI[]): void {
        this.roots = [...roots];
    }

    getRoots(): readonly URI[] {
        return this.roots;
    }

    /** Where an import points, whether or not the file exists or is allowed. */
    targetUri(from: URI, importPath: string): URI {
        return UriUtils.resolvePath(UriUtils.dirname(from), importPath);
    }

    /** True when `target` may be read on behalf of `from`: both lie inside one root. */
    isAllowed(from: URI, target: URI): boolean {
        const roots = this.roots.length > 0 ? this.roots : [UriUtils.dirname(from)];
        return roots.some(root => contains(root, from) && contains(root, target));
    }

    /** The loaded document an import refers to, or undefined when it does not resolve. */
    resolve(imp: Import): LangiumDocument<Document> | undefined {
        if (typeof imp.path !== 'string' || imp.path.length === 0) {
            return undefined;
        }
        const from = AstUtils.getDocument(imp).uri;
        const target = this.targetUri(from, imp.path);
        if (!this.isAllowed(from, target) || !this.documents.hasDocument(target)) {
            return undefined;
        }
        return this.documents.getDocument(target) as LangiumDocument<Document>;
    }

    /** Every document reachable through imports, nearest first, excluding `document` itself. */
    importedDocuments(document: LangiumDocument<Document>): Array<LangiumDocument<Document>> {
        const seen = new Set<string>([document.uri.toString()]);
        const result: Array<LangiumDocument<Document>> = [];
        const queue = [document];
        while (queue.length > 0) {
            const current = queue.shift()!;
            for (const imp of current.parseResult.value.imports ?? []) {
                const target = this.resolve(imp);
                if (target && !seen.has(target.uri.toString())) {
                    seen.add(target.uri.toString());
                    result.push(target);
                    queue.push(target);
                }
            }
        }
        return result;
    }
}

function contains(root: URI, target: URI): boolean {
    if (root.scheme !== target.scheme || root.authority !== target.authority) {
        return false;
    }
    if (root.scheme !== 'file') {
        return isInside(root.path, target.path, path.posix);
    }
    return isInside(realPath(root.fsPath), realPath(target.fsPath), path);
}

function isInside(root: string, target: string, p: typeof path.posix): boolean {
    const relative = p.relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !p.isAbsolute(relative));
}

/** The path with symbolic links resolved, as far as it exists (a missing file keeps its name). */
function realPath(fsPath: string): string {
    try {
        return fs.realpathSync.native(fsPath);
    } catch {
        const parent = path.dirname(fsPath);
        return parent === fsPath ? fsPath : path.join(realPath(parent), path.basename(fsPath));
    }
}
