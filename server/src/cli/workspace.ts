import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import type { Document } from '../generated/ast.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import type { PlanTextDocuments } from '../language/plan-text-documents.js';
import { CliError } from './errors.js';
import { compare } from './results.js';

/** A file to report on: its path as the user wrote it (or joined from a DIR) and where it really is. */
export interface Target {
    readonly display: string;
    readonly uri: URI;
}

export interface Inputs {
    /** Files to check, without duplicates, sorted by displayed path. */
    readonly targets: readonly Target[];
    /** The import roots: the directory of each FILE given and each DIR given. */
    readonly roots: readonly URI[];
}

const EXTENSION = '.mlplan';

/**
 * Turns the FILE|DIR arguments into the files to check. A FILE is checked whatever its extension;
 * a DIR contributes every `.mlplan` below it, skipping `node_modules` and dot-folders (and not
 * following symbolic links to directories, so a link cannot make the walk endless). A missing or
 * unreadable argument, or a DIR without any plan, is a CliError: `check` and `export` stop on the
 * first one before printing anything.
 */
export function collectInputs(paths: readonly string[]): Inputs {
    const { inputs, problems } = gatherInputs(paths);
    if (problems.length > 0) {
        throw new CliError(problems[0]);
    }
    return inputs;
}

export interface GatheredInputs {
    readonly inputs: Inputs;
    /** One line per argument, file or directory that could not be used (without the `mlplan: ` prefix), in order. */
    readonly problems: readonly string[];
}

/**
 * The same files as `collectInputs`, for the commands that rewrite files (`fmt`, `fix`): they go
 * on past a missing file or an unreadable file or directory, reported as one line each, and
 * process the others (exit status 2 at the end).
 */
export function gatherInputs(paths: readonly string[]): GatheredInputs {
    const targets = new Map<string, Target>();
    const roots = new Map<string, URI>();
    const problems: string[] = [];
    const add = (display: string, fsPath: string) => {
        if (!readable(fsPath)) {
            problems.push(`${display}: cannot be read (permission denied)`);
            return;
        }
        const uri = URI.file(path.resolve(fsPath));
        if (!targets.has(uri.toString())) {
            targets.set(uri.toString(), { display, uri });
        }
    };
    for (const arg of paths) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(arg);
        } catch (error) {
            problems.push(`${arg}: ${describeFsError(error)}`);
            continue;
        }
        if (stat.isDirectory()) {
            const found: string[] = [];
            const before = problems.length;
            walk(arg, found, problems);
            if (found.length === 0 && problems.length === before) {
                problems.push(`${arg}: no ${EXTENSION} file in this directory`);
            }
            found.forEach(file => add(file, file));
            const root = URI.file(path.resolve(arg));
            roots.set(root.toString(), root);
        } else {
            add(arg, arg);
            const root = URI.file(path.dirname(path.resolve(arg)));
            roots.set(root.toString(), root);
        }
    }
    const sorted = [...targets.values()].sort((a, b) => compare(a.display, b.display));
    return { inputs: { targets: sorted, roots: [...roots.values()] }, problems };
}

/** Reads a target of `fmt` or `fix`, or undefined with the reason added to `problems` (the others are still processed). */
export function readTarget(target: Target, problems: string[]): string | undefined {
    try {
        return fs.readFileSync(target.uri.fsPath, 'utf8');
    } catch (error) {
        problems.push(`${target.display}: ${describeFsError(error)}`);
        return undefined;
    }
}

/** Why a file or directory cannot be used, in a few words. */
export function describeFsError(error: unknown): string {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'ENOENT':
        case 'ENOTDIR':
            return 'no such file or directory';
        case 'EACCES':
        case 'EPERM':
            return 'cannot be read (permission denied)';
        case 'EISDIR':
            return 'is a directory';
        default:
            return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
    }
}

function walk(dir: string, found: string[], problems: string[]): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
        problems.push(`${dir}: ${describeFsError(error)}`);
        return;
    }
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
                walk(full, found, problems);
            }
        } else if (entry.name.endsWith(EXTENSION) && (entry.isFile() || isFileLink(entry, full))) {
            found.push(full);
        }
    }
}

function readable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.R_OK);
        return true;
    } catch {
        return false;
    }
}

function isFileLink(entry: fs.Dirent, full: string): boolean {
    if (!entry.isSymbolicLink()) {
        return false;
    }
    try {
        return fs.statSync(full).isFile();
    } catch {
        return false;
    }
}

/**
 * Loads the targets and, recursively, the files they import, then builds (parse, link, validate)
 * all of them with the shared services. An import is followed only when the Imports service
 * allows it (it stays inside a root) and the file exists: nothing outside the roots is ever read.
 * A target that cannot be read is a CliError; an import that cannot be read stays unresolved.
 * Returns the targets' documents, in the order of `targets`.
 */
export async function buildWorkspace(services: MlPlanServices, texts: PlanTextDocuments, inputs: Inputs): Promise<Array<LangiumDocument<Document>>> {
    const imports = services.imports.Imports;
    imports.setRoots([...inputs.roots]);
    const loaded = new Map<string, LangiumDocument<Document>>();
    const requested = inputs.targets.map(target => {
        const document = load(services, texts, target.uri, readOrFail(target));
        loaded.set(target.uri.toString(), document);
        return document;
    });
    const queue = [...requested];
    while (queue.length > 0) {
        const from = queue.shift()!;
        for (const imp of from.parseResult.value.imports ?? []) {
            if (typeof imp.path !== 'string' || imp.path.length === 0) {
                continue;
            }
            const target = imports.targetUri(from.uri, imp.path);
            if (loaded.has(target.toString()) || !imports.isAllowed(from.uri, target)) {
                continue;
            }
            const text = readIfFile(target.fsPath);
            if (text === undefined) {
                continue;
            }
            const document = load(services, texts, target, text);
            loaded.set(target.toString(), document);
            queue.push(document);
        }
    }
    await services.shared.workspace.DocumentBuilder.build([...loaded.values()], { validation: true });
    return requested;
}

function readOrFail(target: Target): string {
    try {
        return fs.readFileSync(target.uri.fsPath, 'utf8');
    } catch (error) {
        throw new CliError(`${target.display}: ${describeFsError(error)}`);
    }
}

function readIfFile(fsPath: string): string | undefined {
    try {
        return fs.statSync(fsPath).isFile() ? fs.readFileSync(fsPath, 'utf8') : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Creates the document through a text document whose language is mlplan, so that a file given
 * directly with another extension (`plan.txt`) is still handled by the mlplan services (the
 * service registry looks at the language id before the extension).
 */
function load(services: MlPlanServices, texts: PlanTextDocuments, uri: URI, text: string): LangiumDocument<Document> {
    const shared = services.shared;
    const textDocument = TextDocument.create(uri.toString(), services.LanguageMetaData.languageId, 0, text);
    texts.set(textDocument);
    const document = shared.workspace.LangiumDocumentFactory.fromTextDocument<Document>(textDocument, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
}
