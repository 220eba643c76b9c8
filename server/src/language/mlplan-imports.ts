import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DocumentState, URI, UriUtils, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Document, Import } from '../generated/ast.js';
import type { ImportFacts } from '../model/plan-facts.js';
import { isInside } from './path-inside.js';

/** What one import statement resolves to, and if it does not, why. */
export type ImportResolution = Pick<ImportFacts, 'target' | 'document' | 'problem'>;

/** What a service that resolves imports through MlPlanImports is built from. */
export type WithImports = LangiumCoreServices & { readonly imports: { readonly Imports: MlPlanImports } };

/**
 * Resolves `import "./catalog.mlplan"` statements. An import resolves only to a document that is
 * loaded and that lies inside a root (the workspace folder, or for the CLI the directory of the
 * file given); anything else is `import-unresolved` and is never read. Containment is decided on
 * real paths, so a symbolic link cannot lead outside a root.
 */
export class MlPlanImports {
    private readonly documents: LangiumDocuments;
    private roots: URI[] = [];
    /**
     * What one build needs again and again: the real path of each root and file (a system call
     * each), and each document's transitive imports (asked for by every scope, the facts, the
     * relink decision). Forgotten whenever documents change and when a build has parsed its
     * documents, before anything is linked: a resolution never outlives the documents it read.
     */
    private readonly realPaths = new Map<string, string>();
    private readonly imported = new Map<string, { document: LangiumDocument<Document>; result: Array<LangiumDocument<Document>> }>();

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        const forget = () => {
            this.realPaths.clear();
            this.imported.clear();
        };
        builder.onUpdate(forget);
        builder.onBuildPhase(DocumentState.IndexedContent, forget);
    }

    /** The folders imports may read from. Without roots, a document may import only below its own folder. */
    setRoots(roots: URI[]): void {
        this.roots = [...roots];
        this.imported.clear();
    }

    getRoots(): readonly URI[] {
        return this.roots;
    }

    /** Where an import points, whether or not the file exists or is allowed. */
    targetUri(from: URI, importPath: string): URI {
        return UriUtils.resolvePath(UriUtils.dirname(from), importPath);
    }

    /**
     * True when `target` may be read on behalf of `from`: both lie inside one root. A document
     * that lies in no root (a file opened from outside the workspace folder) is treated like the
     * CLI treats the file it is given: its own folder is its root.
     */
    isAllowed(from: URI, target: URI): boolean {
        return this.rootsOf(from).some(root => this.contains(root, target));
    }

    /**
     * True when `target` is a file inside a root, decided on its real path as it is now (not the
     * build's memo: a link may have appeared since). Whether a file that is not open in the editor
     * may be read at all: without roots (no workspace folder), none may.
     */
    isFileInsideRoots(target: URI): boolean {
        return target.scheme === 'file' && this.roots.some(root => this.contains(root, target, realPath));
    }

    /** The roots that contain `from`, or its own folder when none does. */
    rootsOf(from: URI): URI[] {
        const containing = this.roots.filter(root => this.contains(root, from));
        return containing.length > 0 ? containing : [UriUtils.dirname(from)];
    }

    /** The loaded document an import refers to, or undefined when it does not resolve. */
    resolve(imp: Import): LangiumDocument<Document> | undefined {
        return this.explain(imp).document;
    }

    /** Like `resolve`, with the reason when the import does not resolve. */
    explain(imp: Import): ImportResolution {
        if (typeof imp.path !== 'string' || imp.path.trim().length === 0) {
            return { problem: 'empty-path' };
        }
        const from = AstUtils.getDocument(imp).uri;
        // Longer than any file-system path (and each lookup would encode it again), or with a lone
        // surrogate, which has no URI form: no file can be meant.
        if (imp.path.length > 4096 || /\p{Surrogate}/u.test(imp.path)) {
            return { problem: 'not-loaded' };
        }
        const target = this.targetUri(from, imp.path);
        // Containment first: a file outside the roots is refused even if something else loaded it.
        if (!this.isAllowed(from, target)) {
            return { target, problem: 'outside-root' };
        }
        if (!this.documents.hasDocument(target)) {
            return { target, problem: 'not-loaded' };
        }
        return { target, document: this.documents.getDocument(target) as LangiumDocument<Document> };
    }

    /** Every document reachable through imports, nearest first, excluding `document` itself. Cycles are cut. */
    importedDocuments(document: LangiumDocument<Document>): Array<LangiumDocument<Document>> {
        const key = document.uri.toString();
        const cached = this.imported.get(key);
        if (cached?.document === document) {
            return [...cached.result];
        }
        const result = this.reachedThrough(document.parseResult.value?.imports ?? [], new Set([document.uri.toString()]));
        this.imported.set(key, { document, result });
        return [...result];
    }

    /**
     * For each import of `document`, in order, the documents it is the first of them to bring in:
     * what it reaches, breadth first, that no import before it reached.
     */
    broughtIn(document: LangiumDocument<Document>): Array<Array<LangiumDocument<Document>>> {
        const seen = new Set([document.uri.toString()]);
        return (document.parseResult.value?.imports ?? []).map(imp => this.reachedThrough([imp], seen));
    }

    /**
     * The documents reached through `imports` and, in turn, through theirs, breadth first, each once:
     * documents whose URI is in `seen` are skipped, and every document reached is added to it.
     */
    private reachedThrough(imports: readonly Import[], seen: Set<string>): Array<LangiumDocument<Document>> {
        const result: Array<LangiumDocument<Document>> = [];
        const queue = [...imports];
        for (let next = 0; next < queue.length; next++) {
            const target = this.resolve(queue[next]);
            if (target && !seen.has(target.uri.toString())) {
                seen.add(target.uri.toString());
                result.push(target);
                queue.push(...(target.parseResult.value?.imports ?? []));
            }
        }
        return result;
    }

    /**
     * The chain of documents by which `imp` leads back to the document that contains it
     * (`[importing, …, importing]`), or undefined when it does not. Shortest chain first found.
     */
    cycleThrough(imp: Import): Array<LangiumDocument<Document>> | undefined {
        const start = this.resolve(imp);
        if (!start) {
            return undefined;
        }
        const home = AstUtils.getDocument(imp) as LangiumDocument<Document>;
        const homeKey = home.uri.toString();
        const parent = new Map<string, LangiumDocument<Document> | undefined>([[start.uri.toString(), undefined]]);
        const queue = [start];
        for (let next = 0; next < queue.length; next++) {
            const current = queue[next];
            if (current.uri.toString() === homeKey) {
                const chain: Array<LangiumDocument<Document>> = [];
                for (let at: LangiumDocument<Document> | undefined = current; at; at = parent.get(at.uri.toString())) {
                    chain.unshift(at);
                }
                return [home, ...chain];
            }
            for (const nested of current.parseResult.value?.imports ?? []) {
                const target = this.resolve(nested);
                if (target && !parent.has(target.uri.toString())) {
                    parent.set(target.uri.toString(), current);
                    queue.push(target);
                }
            }
        }
        return undefined;
    }

    private contains(root: URI, target: URI, real: (fsPath: string) => string = fsPath => this.realPath(fsPath)): boolean {
        if (root.scheme !== target.scheme || root.authority !== target.authority) {
            return false;
        }
        if (root.scheme !== 'file') {
            return isInside(root.path, target.path, path.posix);
        }
        return isInside(real(root.fsPath), real(target.fsPath), path);
    }

    private realPath(fsPath: string): string {
        let real = this.realPaths.get(fsPath);
        if (real === undefined) {
            real = realPath(fsPath);
            this.realPaths.set(fsPath, real);
        }
        return real;
    }
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
