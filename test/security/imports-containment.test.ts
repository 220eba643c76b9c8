import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspConnection, SERVER_CANCELLED, type WireDiagnostic } from '../../scripts/abuse/lsp-connection.mjs';
import { mlplan, requireBundle, ROOT } from '../cli/run.js';

/**
 * "Nothing is read outside a root" (ARCHITECTURE.md), end to end: the real CLI and the real
 * language server, with every file they open or read recorded by the read-tracing preload
 * (test/cli/fixtures/trace-reads.cjs). The file outside the root declares `baseline Leaked`, which
 * the plan uses as its fallback: had any import read it, `Leaked` would resolve.
 *
 *   <tmp>/outside/secret.mlplan, outside/dir/secret.mlplan   catalogs declaring `Leaked`
 *   <tmp>/ws/link-file.mlplan → ../outside/secret.mlplan     a symbolic link to a file
 *   <tmp>/ws/link-dir → ../outside/dir                        a symbolic link to a directory
 *   <tmp>/ws/link-up → ..                                     a symbolic link to an ancestor
 *   <tmp>/ws/plan.mlplan                                      imports all of them, every way
 */
const TRACE_READS = path.join(ROOT, 'test', 'cli', 'fixtures', 'trace-reads.cjs');
const SECRET = 'catalog Secret {\n  baseline Leaked { kind heuristic description "read from outside the root" }\n}\n';

let base: string;
let ws: string;
let outside: string;

/** Every way an import path can try to leave `ws`, one per line (line n+1 = IMPORTS[n]). */
function imports(): string[] {
    return [
        './link-file.mlplan',
        './link-dir/secret.mlplan',
        './link-up/outside/secret.mlplan',
        path.join(outside, 'secret.mlplan'),
        '../outside/secret.mlplan',
        './sub/../../outside/secret.mlplan',
        'sub/../../../' + path.basename(base) + '/outside/secret.mlplan',
        '../../../../../../../../../../..' + path.join(outside, 'secret.mlplan'),
        pathToFileURL(path.join(outside, 'secret.mlplan')).href,
        'file:../outside/secret.mlplan',
        '%2e%2e/outside/secret.mlplan',
        '..\\outside\\secret.mlplan',
        './link-dir/../secret.mlplan',
        './sub/link-back/secret.mlplan',
    ];
}

function planText(): string {
    const lines = imports().map(p => `import "${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
    return `${lines.join('\n')}\nplan P {\n  serving {\n    mode batch\n    fallback Leaked\n  }\n}\n`;
}
const FALLBACK_LINE = () => imports().length + 4; // 1-based line of `fallback Leaked`

beforeAll(() => {
    requireBundle();
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'mlplan-containment-')));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    mkdirSync(path.join(outside, 'dir'), { recursive: true });
    mkdirSync(path.join(ws, 'sub'), { recursive: true });
    writeFileSync(path.join(outside, 'secret.mlplan'), SECRET);
    writeFileSync(path.join(outside, 'dir', 'secret.mlplan'), SECRET);
    symlinkSync('../outside/secret.mlplan', path.join(ws, 'link-file.mlplan'));
    symlinkSync('../outside/dir', path.join(ws, 'link-dir'));
    symlinkSync('..', path.join(ws, 'link-up'));
    symlinkSync('../../outside/dir', path.join(ws, 'sub', 'link-back'));
    writeFileSync(path.join(ws, 'plan.mlplan'), planText());
});

afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
});

/**
 * The traced paths that, symbolic links followed, lie in `outside` (node_modules and the bundle
 * aside), as real paths; `allowed` exempts traced paths as they were written.
 */
function readsOutside(traceFile: string, allowed: (file: string) => boolean = () => false): string[] {
    if (!existsSync(traceFile)) return [];
    return readFileSync(traceFile, 'utf8').split('\n').filter(line => line.length > 0)
        .map(line => (line.startsWith('file:') ? new URL(line).pathname : line))
        .filter(file => !file.startsWith(ROOT) && !file.includes('node_modules'))
        .filter(file => !allowed(file))
        .map(file => {
            try {
                return realpathSync(path.resolve(ws, file));
            } catch {
                return ''; // nothing there: nothing was read
            }
        })
        .filter(real => real.startsWith(`${outside}${path.sep}`));
}

interface JsonReport {
    files: Array<{ file: string; diagnostics: Array<{ code: string; message: string; range: { start: { line: number } } }> }>;
}

describe('imports never read outside the root: the CLI', () => {
    test('mlplan check FILE: every escaping import is import-unresolved, and the outside file is never opened', async () => {
        const trace = path.join(base, 'cli-file-reads.txt');
        const run = await mlplan(['check', '--format', 'json', path.join(ws, 'plan.mlplan')], {
            env: { NODE_OPTIONS: `--require ${JSON.stringify(TRACE_READS)}`, MLPLAN_TRACE_READS: trace },
        });
        expect(run.code).toBe(1);
        const [file] = (JSON.parse(run.stdout) as JsonReport).files;
        const unresolvedImports = file.diagnostics.filter(d => d.code === 'import-unresolved').map(d => d.range.start.line + 1);
        expect(unresolvedImports).toEqual(imports().map((_, i) => i + 1));
        const leaked = file.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(leaked.map(d => [d.range.start.line + 1, d.message.includes('Leaked')])).toEqual([[FALLBACK_LINE(), true]]);
        expect(readFileSync(trace, 'utf8')).toContain(path.join(ws, 'plan.mlplan'));
        expect(readsOutside(trace)).toEqual([]);
    });

    test('mlplan check DIR: the same imports stay unresolved; only the DIR walk itself follows a linked file', async () => {
        const trace = path.join(base, 'cli-dir-reads.txt');
        const run = await mlplan(['check', '--format', 'json', ws], {
            env: { NODE_OPTIONS: `--require ${JSON.stringify(TRACE_READS)}`, MLPLAN_TRACE_READS: trace },
        });
        const report = JSON.parse(run.stdout) as JsonReport;
        const plan = report.files.find(f => f.file.endsWith('plan.mlplan'))!;
        expect(plan.diagnostics.filter(d => d.code === 'import-unresolved')).toHaveLength(imports().length);
        expect(plan.diagnostics.some(d => d.code === 'unresolved-reference' && d.message.includes('Leaked'))).toBe(true);
        // A DIR contributes every .mlplan below it, symbolic links to files included (links to
        // directories are not followed): `ws/link-file.mlplan` is read as a file to check in its
        // own right. That is the walk, not an import: it still resolves no import above.
        expect(report.files.map(f => path.relative(ws, f.file)).sort()).toEqual(['link-file.mlplan', 'plan.mlplan']);
        expect(readsOutside(trace, file => file === path.join(ws, 'link-file.mlplan'))).toEqual([]);
    });
});

describe('imports never read outside the root: the language server', () => {
    let server: LspConnection;
    const trace = () => path.join(base, 'lsp-reads.txt');

    beforeAll(async () => {
        server = new LspConnection({
            cwd: base,
            nodeArgs: ['--require', TRACE_READS],
            env: { MLPLAN_TRACE_READS: trace() },
        });
        await server.initialize(pathToFileURL(ws).href);
    });

    afterAll(async () => {
        await server?.stop();
    });

    const unresolvedLeaked = (diagnostics: WireDiagnostic[]) =>
        diagnostics.some(d => d.code === 'unresolved-reference' && d.message.includes('Leaked'));

    test('an open plan: every escaping import is import-unresolved and nothing outside the folder is read', async () => {
        const uri = pathToFileURL(path.join(ws, 'plan.mlplan')).href;
        server.open(uri, planText());
        const diagnostics = await server.diagnosticsFor(uri, d => d.filter(x => x.code === 'import-unresolved').length === imports().length);
        expect(unresolvedLeaked(diagnostics)).toBe(true);
        // A plan deeper in the folder, and one that is not saved anywhere on disk.
        const deep = pathToFileURL(path.join(ws, 'sub', 'deep.mlplan')).href;
        server.open(deep, 'import "./link-back/secret.mlplan"\nimport "../../outside/secret.mlplan"\nplan D {\n  serving {\n    mode batch\n    fallback Leaked\n  }\n}\n');
        const deepDiagnostics = await server.diagnosticsFor(deep, d => d.filter(x => x.code === 'import-unresolved').length === 2);
        expect(unresolvedLeaked(deepDiagnostics)).toBe(true);
        // The export command renders what the server holds: nothing from outside either.
        const exported = await server.request('workspace/executeCommand', { command: 'mlplan.export', arguments: [uri, 'markdown'] });
        expect(exported.result?.text).toBeTypeOf('string');
        expect(exported.result.text).not.toContain('read from outside the root');
        expect(readsOutside(trace())).toEqual([]);
    });

    test('a file watcher reporting links to outside the folder: nothing they point to is loaded or read', async () => {
        // An editor's watcher on the folder reports `ws/link-file.mlplan` and `ws/link-dir` when the
        // links appear; a misbehaving client may report any path at all.
        const reported = [
            path.join(ws, 'link-file.mlplan'),
            path.join(ws, 'link-dir'),
            path.join(ws, 'link-dir', 'secret.mlplan'),
            path.join(ws, 'link-up', 'outside', 'secret.mlplan'),
            path.join(outside, 'secret.mlplan'),
            outside,
        ].map(file => pathToFileURL(file).href);
        // A plan that really appears in the folder is taken up, so the watcher is not merely ignored.
        const added = path.join(ws, 'sub', 'watched.mlplan');
        writeFileSync(added, 'plan Watched {\n  serving {\n    mode batch\n    fallback Nowhere\n  }\n}\n');
        const addedUri = pathToFileURL(added).href;
        server.notify('workspace/didChangeWatchedFiles', { changes: [...reported, addedUri].map(uri => ({ uri, type: 1 })) });
        const addedDiagnostics = await server.diagnosticsFor(addedUri);
        expect(addedDiagnostics.some(d => d.code === 'unresolved-reference' && d.message.includes('Nowhere'))).toBe(true);
        const uri = pathToFileURL(path.join(ws, 'plan.mlplan')).href;
        const before = server.publishCount.get(uri) ?? 0;
        server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${planText()}\n` }] });
        await server.publishedBeyond(uri, before);
        const diagnostics = await server.diagnosticsFor(uri, d => d.filter(x => x.code === 'import-unresolved').length === imports().length);
        expect(unresolvedLeaked(diagnostics)).toBe(true);
        expect(reported.filter(link => server.diagnostics.has(link))).toEqual([]);
        expect(readsOutside(trace())).toEqual([]);
    });

    /** Every request that names a document, at the start of `uri`. */
    const requestsFor = (uri: string): Array<[string, object]> => {
        const textDocument = { uri };
        const position = { line: 0, character: 0 };
        const range = { start: position, end: { line: 1, character: 0 } };
        return [
            ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
            ['textDocument/documentHighlight', { textDocument, position }],
            ['textDocument/prepareRename', { textDocument, position }],
            ['textDocument/rename', { textDocument, position, newName: 'Renamed' }],
            ['textDocument/implementation', { textDocument, position }],
            ['textDocument/prepareCallHierarchy', { textDocument, position }],
            ['textDocument/hover', { textDocument, position }],
            ['textDocument/definition', { textDocument, position }],
            ['textDocument/completion', { textDocument, position }],
            ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
            ['textDocument/codeLens', { textDocument }],
            ['textDocument/documentSymbol', { textDocument }],
            ['textDocument/semanticTokens/full', { textDocument }],
            ['textDocument/foldingRange', { textDocument }],
            ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
        ];
    };

    // Langium answered references, highlights, rename and prepare-rename (every request that waits
    // for the workspace rather than for its document) by loading the named document from disk,
    // wherever it was and whatever its URI scheme (`http:` and `untitled:` URIs read the local
    // file at their path); the document then stayed loaded and could be exported.
    test('a request naming a never-opened file outside the folder does not read it', async () => {
        const secret = path.join(outside, 'dir', 'secret.mlplan');
        const strangers = [pathToFileURL(secret).href, `http://example.com${secret}`, `untitled:${secret}`];
        for (const uri of strangers) {
            for (const [method, params] of requestsFor(uri)) {
                const { result, error } = await server.request(method, params);
                // Refused as Langium refuses hover for a document it does not hold, or nothing to say.
                if (error) {
                    expect(error.code, `${method} ${uri}: ${error.message}`).toBe(SERVER_CANCELLED);
                } else {
                    expect([null, []], `${method} ${uri}`).toContainEqual(result);
                }
            }
            // Not loaded either: there is nothing to export.
            const exported = await server.request('workspace/executeCommand', { command: 'mlplan.export', arguments: [uri, 'markdown'] });
            expect(exported.result ?? null, uri).toBeNull();
        }
        expect(readsOutside(trace()).filter(file => file === secret)).toEqual([]);
    });

    test('a plan inside the folder that was never opened is still read and served on request', async () => {
        const late = path.join(ws, 'sub', 'late.mlplan');
        writeFileSync(late, 'plan Late {\n  metric m { kind ml better higher }\n  objective O { kpi m >= 0.5 }\n}\n');
        const uri = pathToFileURL(late).href;
        const references = await server.request('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 9 }, context: { includeDeclaration: true } });
        expect(references.error).toBeUndefined();
        // Loaded for this request only (not built), it yields at least the declaration itself.
        expect((references.result as Array<{ range: { start: { line: number } } }>).map(r => r.range.start.line)).toContain(1);
    });

    test('a file opened from outside the folder is served from the editor\'s text', async () => {
        // Never saved where it claims to be: everything it gets comes from the editor.
        const uri = pathToFileURL(path.join(base, 'elsewhere', 'opened.mlplan')).href;
        server.open(uri, 'plan Opened {\n  metric m { kind ml better higher }\n  objective O { kpi m >= 0.5 }\n}\n');
        expect(await server.diagnosticsFor(uri)).toBeInstanceOf(Array);
        const references = await server.request('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 9 }, context: { includeDeclaration: true } });
        expect((references.result as unknown[] | null)?.length).toBe(2);
        const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 9 } });
        expect(JSON.stringify(hover.result)).toContain('metric');
    });
});
