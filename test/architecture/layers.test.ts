// The architecture invariants of ARCHITECTURE.md, checked on the imports of every source file of
// the product (server/src and client/src), and on small made-up trees that break each one, so that
// the check itself is known to bite.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkArchitecture, importsOf, layerOf, type SourceFile, type Violation } from './import-graph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(): SourceFile[] {
    const files: SourceFile[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const relative = `${dir}/${entry.name}`;
            if (entry.isDirectory()) {
                walk(relative);
            } else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) {
                files.push({ path: relative, text: readFileSync(path.join(ROOT, relative), 'utf8') });
            }
        }
    };
    walk('server/src');
    walk('client/src');
    return files;
}

const shown = (violations: readonly Violation[]) => violations.map(v => `${v.rule}: ${v.file}: ${v.detail}`);

describe('the product as it is', () => {
    const files = sources();

    test('every source file belongs to a layer', () => {
        expect(files.length).toBeGreaterThan(100);
        expect(files.filter(file => layerOf(file.path) === undefined).map(file => file.path)).toEqual([]);
    });

    test('breaks no invariant: no cycle, no import up a layer, vscode only in client/, no Node API in model/, rules/ or export/, no editor code in the core, rules read facts and keep no state', () => {
        expect(shown(checkArchitecture(files))).toEqual([]);
    });

    test('generated code is not in git: the build writes it', () => {
        expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toMatch(/^server\/src\/generated\/?$/m);
    });

    test('the imports are read: the rules registry depends on rule files, the core root on the registry', () => {
        const registry = files.find(file => file.path === 'server/src/rules/registry.ts')!;
        expect(importsOf(registry.text).map(imp => imp.specifier)).toContain('./completeness/index.js');
        const core = files.find(file => file.path === 'server/src/core/mlplan-core-module.ts')!;
        expect(importsOf(core.text).map(imp => imp.specifier)).toContain('../rules/registry.js');
    });
});

describe('each invariant catches its violation', () => {
    const file = (p: string, text: string): SourceFile => ({ path: p, text });
    const rulesOf = (files: SourceFile[]) => checkArchitecture(files).map(v => `${v.rule} ${v.file}`);

    test('a rule that imports an editor provider runs up a layer', () => {
        expect(rulesOf([
            file('server/src/rules/x.ts', "import { hover } from '../lsp/hover.js';\n"),
            file('server/src/lsp/hover.ts', 'export const hover = 1;\n'),
        ])).toEqual(['upward server/src/rules/x.ts']);
    });

    test('a type-only import up a layer counts too', () => {
        expect(rulesOf([
            file('server/src/model/x.ts', "import type { Rule } from '../rules/rule.js';\n"),
            file('server/src/rules/rule.ts', 'export interface Rule {}\n'),
        ])).toEqual(['upward server/src/model/x.ts']);
    });

    test('two files of one layer that import each other form a cycle', () => {
        expect(rulesOf([
            file('server/src/language/a.ts', "import { b } from './b.js';\nexport const a = b;\n"),
            file('server/src/language/b.ts', "import type { a } from './a.js';\nexport const b = 1;\n"),
        ])).toEqual(['cycle server/src/language/a.ts']);
    });

    test('the VS Code API outside the client', () => {
        expect(rulesOf([file('server/src/cli/x.ts', "import * as vscode from 'vscode';\n")])).toEqual(['vscode server/src/cli/x.ts']);
        expect(rulesOf([file('client/src/x.ts', "import * as vscode from 'vscode';\n")])).toEqual([]);
    });

    test('the file system, the process or any Node module in model/, rules/ or export/', () => {
        expect(rulesOf([
            file('server/src/rules/a.ts', "import * as fs from 'node:fs';\n"),
            file('server/src/export/b.ts', "import { readFileSync } from 'fs';\n"),
            file('server/src/model/c.ts', 'export const debug = process.env.DEBUG;\n'),
            file('server/src/language/d.ts', "import * as fs from 'node:fs';\nexport const e = process.env.X;\n"),
        ])).toEqual(['platform server/src/rules/a.ts', 'platform server/src/export/b.ts', 'platform server/src/model/c.ts']);
    });

    test('the LSP connection or Langium\'s LSP services in the core', () => {
        expect(rulesOf([
            file('server/src/language/a.ts', "import type { LangiumServices } from 'langium/lsp';\n"),
            file('server/src/core/b.ts', "import { CancellationToken } from 'vscode-languageserver';\n"),
            file('server/src/lsp/c.ts', "import type { LangiumServices } from 'langium/lsp';\n"),
        ])).toEqual(['editor-in-core server/src/language/a.ts', 'editor-in-core server/src/core/b.ts']);
    });

    test('a rule that reads the language layer instead of the facts', () => {
        expect(rulesOf([
            file('server/src/rules/a.ts', "import type { MlPlanImports } from '../language/mlplan-imports.js';\n"),
            file('server/src/language/mlplan-imports.ts', 'export class MlPlanImports {}\n'),
        ])).toEqual(['rule-input server/src/rules/a.ts']);
    });

    test('a rule that keeps state between runs', () => {
        expect(rulesOf([
            file('server/src/rules/a.ts', 'let calls = 0;\nexport function check() { calls++; }\n'),
            file('server/src/rules/b.ts', 'const seen = new WeakMap<object, string>();\nexport function check(n: object) { seen.set(n, "x"); }\n'),
            file('server/src/rules/c.ts', "const TABLE = new Set(['a', 'b']);\nexport const has = (x: string) => TABLE.has(x);\n"),
        ])).toEqual(['module-state server/src/rules/a.ts', 'module-state server/src/rules/b.ts']);
    });

    test('the client running the server\'s language code (types and the template are fine)', () => {
        expect(rulesOf([
            file('client/src/a.ts', "import { check } from '../../server/src/rules/run.js';\nimport type { R } from '../../server/src/lsp/cmd.js';\nimport { planTemplate } from '../../server/src/templates/t.js';\n"),
            file('server/src/rules/run.ts', 'export const check = 1;\n'),
            file('server/src/lsp/cmd.ts', 'export interface R {}\n'),
            file('server/src/templates/t.ts', 'export const planTemplate = 1;\n'),
        ])).toEqual(['client-logic client/src/a.ts']);
    });
});
