/**
 * Reads the imports of the product's source files and says which architecture invariants
 * (ARCHITECTURE.md, "Architecture invariants") they break. Pure: it takes the files' text, so the
 * test can run it on the real tree and on small made-up trees that break each invariant once.
 */
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/** The layers, lowest first. A file may import its own layer and the layers before it, never after. */
export const LAYERS = ['model', 'templates', 'language', 'rules', 'export', 'core', 'lsp', 'cli', 'client'] as const;
export type Layer = typeof LAYERS[number];

/** Below every layer: the generated grammar code and the Node polyfill every entry point loads first. */
const BASE = new Set(['generated', 'polyfill']);

/** Layers that must run anywhere (a browser, a worker): no file system, no process, no Node API at all. */
const PLATFORM_FREE: ReadonlySet<Layer> = new Set(['model', 'rules', 'export']);

/** The core: what the CLI and the exporters run. It knows nothing of editors or of the LSP connection. */
const CORE: ReadonlySet<Layer> = new Set(['model', 'templates', 'language', 'rules', 'export', 'core']);
const EDITOR_MODULES = [/^langium\/lsp$/, /^vscode-languageserver(\/.*)?$/, /^vscode-languageclient(\/.*)?$/];

/** What the client may run of the server's code (everything else it gets from the server). */
const CLIENT_MAY_RUN = [/^server\/src\/templates\//, /^server\/src\/lsp\/server-options\.ts$/];

const NODE_BUILTINS = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));

export interface Import {
    readonly specifier: string;
    /** `import type` / `export type`: erased at build time, but still a dependency between modules. */
    readonly typeOnly: boolean;
}

export interface SourceFile {
    /** Relative to the repository root, with `/`: `server/src/rules/registry.ts`. */
    readonly path: string;
    readonly text: string;
}

export interface Violation {
    readonly rule: 'cycle' | 'upward' | 'vscode' | 'platform' | 'editor-in-core' | 'module-state' | 'client-logic' | 'rule-input';
    readonly file: string;
    readonly detail: string;
}

/** The layer of a file, `base` for generated code and the polyfill, undefined outside the product. */
export function layerOf(file: string): Layer | 'base' | undefined {
    if (file.startsWith('client/src/')) {
        return 'client';
    }
    const match = /^server\/src\/([^/]+)\//.exec(file);
    if (!match) {
        return undefined;
    }
    if (BASE.has(match[1])) {
        return 'base';
    }
    return (LAYERS as readonly string[]).includes(match[1]) ? match[1] as Layer : undefined;
}

/** The import and re-export specifiers of a file, dynamic imports and `require` calls included. */
export function importsOf(text: string): Import[] {
    const code = withoutComments(text);
    const found: Import[] = [];
    for (const match of code.matchAll(/(?:^|[;\n}])\s*(import|export)\s+(type\s+)?(?:[\w*${},\s]+?\s+from\s+)?['"]([^'"]+)['"]/g)) {
        found.push({ specifier: match[3], typeOnly: match[2] !== undefined });
    }
    for (const match of code.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        found.push({ specifier: match[1], typeOnly: false });
    }
    return found;
}

export function checkArchitecture(files: readonly SourceFile[]): Violation[] {
    const violations: Violation[] = [];
    const known = new Set(files.map(file => file.path));
    const edges = new Map<string, string[]>();
    for (const file of files) {
        const layer = layerOf(file.path);
        const targets: string[] = [];
        edges.set(file.path, targets);
        for (const imp of importsOf(file.text)) {
            const target = resolve(file.path, imp.specifier, known);
            if (target) {
                targets.push(target);
                checkLocalImport(file.path, layer, target, imp, violations);
            } else {
                checkPackageImport(file.path, layer, imp.specifier, violations);
            }
        }
        if (layer && layer !== 'base' && PLATFORM_FREE.has(layer) && /(?<![.\w])(process|require|Buffer|__dirname)\b(?!\s*:)/.test(withoutStrings(withoutComments(file.text)))) {
            violations.push({ rule: 'platform', file: file.path, detail: 'uses a Node global (process, require, Buffer or __dirname)' });
        }
        if (layer === 'rules') {
            violations.push(...moduleState(file));
        }
    }
    for (const cycle of cycles(edges)) {
        violations.push({ rule: 'cycle', file: cycle[0], detail: `${cycle.join(' → ')} → ${cycle[0]}` });
    }
    return violations;
}

function checkLocalImport(file: string, layer: Layer | 'base' | undefined, target: string, imp: Import, violations: Violation[]): void {
    const to = layerOf(target);
    if (!layer || layer === 'base' || !to || to === 'base') {
        return;
    }
    if (LAYERS.indexOf(to) > LAYERS.indexOf(layer)) {
        violations.push({ rule: 'upward', file, detail: `${layer}/ imports ${to}/ (${target})` });
    }
    // Rules see the plan through its facts (model/plan-facts.ts), never through the services that build them.
    if (layer === 'rules' && to === 'language') {
        violations.push({ rule: 'rule-input', file, detail: `a rule reaches the language layer: ${target}` });
    }
    if (layer === 'client' && !imp.typeOnly && target.startsWith('server/src/') && !CLIENT_MAY_RUN.some(allowed => allowed.test(target))) {
        violations.push({ rule: 'client-logic', file, detail: `runs server code: ${target}` });
    }
}

function checkPackageImport(file: string, layer: Layer | 'base' | undefined, specifier: string, violations: Violation[]): void {
    if (specifier.startsWith('.')) {
        return; // outside the product (package.json) or a file that does not exist: the type check says so
    }
    if ((specifier === 'vscode' || specifier.startsWith('vscode/')) && layer !== 'client') {
        violations.push({ rule: 'vscode', file, detail: 'imports the VS Code API outside client/' });
    }
    if (!layer || layer === 'base') {
        return;
    }
    if (PLATFORM_FREE.has(layer) && NODE_BUILTINS.has(specifier)) {
        violations.push({ rule: 'platform', file, detail: `imports the Node module ${specifier}` });
    }
    if (CORE.has(layer) && EDITOR_MODULES.some(editor => editor.test(specifier))) {
        violations.push({ rule: 'editor-in-core', file, detail: `imports ${specifier}` });
    }
}

/**
 * Module-level state in a rule file: a top-level `let`/`var`, or a top-level collection that the
 * file changes. Rules are functions of the plan facts; a constant table is fine, a cache is not.
 */
function moduleState(file: SourceFile): Violation[] {
    const code = withoutComments(file.text);
    const found: Violation[] = [];
    for (const match of code.matchAll(/^(?:export\s+)?(let|var)\s+(\w+)/gm)) {
        found.push({ rule: 'module-state', file: file.path, detail: `top-level ${match[1]} ${match[2]}` });
    }
    for (const match of code.matchAll(/^(?:export\s+)?const\s+(\w+)\b[^=\n]*=\s*(?:new\s+(?:Weak)?(?:Map|Set)\b|\[)/gm)) {
        const name = match[1];
        if (new RegExp(`\\b${name}\\s*(?:\\.\\s*(?:set|add|delete|clear|push|pop|shift|unshift|splice|sort)\\s*\\(|\\[[^\\]]+\\]\\s*=[^=])`).test(code)) {
            found.push({ rule: 'module-state', file: file.path, detail: `top-level ${name} is changed at run time` });
        }
    }
    return found;
}

/** The file an import names, when it is one of `known` (`./x.js` is written for `./x.ts`). */
function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
    if (!specifier.startsWith('.')) {
        return undefined;
    }
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    const candidates = [joined.replace(/\.js$/, '.ts'), joined, `${joined}.ts`, `${joined}/index.ts`, joined.replace(/\.js$/, '.d.ts')];
    return candidates.find(candidate => known.has(candidate));
}

/** Every cycle of imports (a strongly connected component of two files or more, or a file importing itself). */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const found: string[][] = [];
    let next = 0;
    const visit = (node: string): void => {
        index.set(node, next);
        low.set(node, next);
        next++;
        stack.push(node);
        onStack.add(node);
        for (const target of edges.get(node) ?? []) {
            if (!index.has(target)) {
                visit(target);
                low.set(node, Math.min(low.get(node)!, low.get(target)!));
            } else if (onStack.has(target)) {
                low.set(node, Math.min(low.get(node)!, index.get(target)!));
            }
        }
        if (low.get(node) === index.get(node)) {
            const component: string[] = [];
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== node);
            if (component.length > 1 || (edges.get(node) ?? []).includes(node)) {
                found.push(component.sort());
            }
        }
    };
    for (const node of edges.keys()) {
        if (!index.has(node)) {
            visit(node);
        }
    }
    return found;
}

function withoutComments(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\//g, match => match.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

function withoutStrings(text: string): string {
    return text.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
}
