// The CLI as a user installs it: `npm pack`, then `npm install -g` of the tarball into a temporary
// prefix, run from another folder. The tarball holds the launcher, the bundled CLI, the rule pages,
// the licence and the README, and nothing else; it depends on nothing, so the install needs no
// network (--offline). The installed language server links each diagnostic to the installed page.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { requireBundle, ROOT } from './run.js';

interface Run { code: number; stdout: string; stderr: string }

/** The environment of a child npm: none of the npm_* variables of an `npm test` that runs this file. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command: string, args: readonly string[], cwd: string, timeout = 120_000): Promise<Run> {
    return new Promise(resolve => {
        execFile(command, args, { cwd, env: { ...ENV, MLPLAN_DEBUG: '' }, timeout, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
        });
    });
}

let temp: string;
let tarball: string;
let packed: string[];
let installed: string;
let mlplanBin: string;
let elsewhere: string;

beforeAll(async () => {
    requireBundle();
    temp = mkdtempSync(path.join(tmpdir(), 'mlplan-pack-'));
    // The build ran already (npm test builds first): pack without running `prepare` again.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp, '--cache', path.join(temp, 'cache')], ROOT);
    if (pack.code !== 0) {
        throw new Error(`npm pack failed (${pack.code}): ${pack.stderr.slice(-500)}`);
    }
    const [report] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(temp, report.filename);
    packed = report.files.map(file => file.path).sort();
    const prefix = path.join(temp, 'prefix');
    const install = await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--cache', path.join(temp, 'cache'), tarball], temp);
    if (install.code !== 0) {
        throw new Error(`npm install -g of ${report.filename} failed (${install.code}): ${install.stderr.slice(-500)}`);
    }
    installed = path.join(prefix, 'lib', 'node_modules', 'mlplan');
    mlplanBin = path.join(prefix, 'bin', 'mlplan');
    elsewhere = path.join(temp, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(path.join(ROOT, 'examples', 'churn-prediction.mlplan'), path.join(elsewhere, 'churn-prediction.mlplan'));
}, 240_000);

afterAll(() => {
    if (temp) {
        rmSync(temp, { recursive: true, force: true });
    }
});

describe('npm pack', () => {
    test('the tarball holds the launcher, the bundled CLI, the rule pages, LICENSE and README', () => {
        for (const file of ['bin/mlplan.js', 'out/cli.cjs', 'LICENSE', 'README.md', 'package.json', 'docs/rules/fallback-missing.md']) {
            expect(packed, file).toContain(file);
        }
        expect(packed.filter(file => file.startsWith('docs/rules/')).length).toBeGreaterThan(50);
    });

    test('and nothing else: no sources, tests, scripts, source maps or the editor bundles', () => {
        const unexpected = packed.filter(file => !/^(bin\/mlplan\.js|out\/cli\.cjs|docs\/.*\.md|LICENSE|README\.md|package\.json)$/.test(file));
        expect(unexpected).toEqual([]);
    });

    test('the bundled CLI loads nothing from the package but itself (the launcher loads out/cli.cjs)', () => {
        const bundle = readFileSync(path.join(ROOT, 'out', 'cli.cjs'), 'utf8');
        const required = [...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map(match => match[1]))];
        const builtins = new Set(builtinModules);
        expect(required.filter(name => !builtins.has(name.replace(/^node:/, '')))).toEqual([]);
        expect(readFileSync(path.join(ROOT, 'bin', 'mlplan.js'), 'utf8')).toContain("'../out/cli.cjs'");
    });
});

describe('npm install -g of the tarball, run from another folder', () => {
    test('installs no dependency: the package declares none and brings no node_modules', () => {
        const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies?: object };
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);
        expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'docs', 'out', 'package.json']);
    });

    test('mlplan --version prints the package version', async () => {
        const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
        const result = await run(mlplanBin, ['--version'], elsewhere);
        expect(result.code).toBe(0);
        expect(result.stdout.trim()).toContain(version);
    });

    test('mlplan check on a copy of the churn example', async () => {
        const result = await run(mlplanBin, ['check', '--summary', 'churn-prediction.mlplan'], elsewhere);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('churn-prediction.mlplan');
    });

    test('mlplan explain fallback-missing, when the CLI has `explain`', async ({ skip }) => {
        const help = await run(mlplanBin, ['--help'], elsewhere);
        skip(!/\bexplain\b/.test(help.stdout), 'this CLI has no `explain` command (mlplan --help does not list it)');
        const result = await run(mlplanBin, ['explain', 'fallback-missing'], elsewhere);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('fallback-missing');
    });

    test('the installed language server links a diagnostic to the installed rule page', async () => {
        const plan = path.join(elsewhere, 'churn-prediction.mlplan');
        const text = readFileSync(plan, 'utf8').replace(/fallback\s+\w+/, '');
        const server: ChildProcess = spawn(mlplanBin, ['lsp', '--stdio'], { cwd: elsewhere, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
        const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        try {
            const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error('no diagnostics with fallback-missing within 20 s')), 20_000);
                connection.onNotification(PublishDiagnosticsNotification.type, params => {
                    if (params.diagnostics.some(d => d.code === 'fallback-missing')) {
                        clearTimeout(timer);
                        resolve(params);
                    }
                });
            });
            connection.listen();
            const folder = pathToFileURL(elsewhere).href;
            await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: folder, capabilities: {}, workspaceFolders: [{ uri: folder, name: 'elsewhere' }] });
            await connection.sendNotification(InitializedNotification.type, {});
            const uri = pathToFileURL(plan).href;
            await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'mlplan', version: 1, text } });
            const diagnostic = (await published).diagnostics.find(d => d.code === 'fallback-missing')!;
            const page = realpathSync(path.join(installed, 'docs', 'rules', 'fallback-missing.md'));
            expect(diagnostic.codeDescription?.href).toBe(pathToFileURL(page).href);
            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
        } finally {
            connection.dispose();
            server.kill();
        }
    });
});
