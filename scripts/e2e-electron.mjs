// End-to-end tests in a downloaded VS Code (Electron), through @vscode/test-electron: the same
// suite as scripts/e2e-code-server.mjs (out/e2e/index.cjs), for machines that can reach
// update.code.visualstudio.com. Offline, the download fails and this script says so at once;
// use `npm run e2e` (code-server) there.
//
//   node scripts/e2e-electron.mjs            (MLPLAN_E2E_VSCODE_VERSION=1.91.0 for another build)
//
// On Linux without a display, run it under `xvfb-run -a`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { missingBundles, prepareTestWorkspace, ROOT, TESTS_ENTRY } from './e2e-workspace.mjs';

const MINUTE = 60_000;
const VERSION = process.env.MLPLAN_E2E_VSCODE_VERSION ?? 'stable';
const CACHE = path.resolve(process.env.MLPLAN_E2E_CACHE ?? path.join(ROOT, 'node_modules', '.cache', 'mlplan-e2e'), 'vscode-test');
const TIMEOUT = Number(process.env.MLPLAN_E2E_TIMEOUT_MS ?? 10 * MINUTE);

function failNow(reason) {
    console.error(`e2e-electron: FAILED: ${reason}`);
    process.exit(1);
}

const bundles = missingBundles(existsSync);
if (bundles) {
    failNow(bundles);
}

const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');

let executable;
try {
    // `timeout` is an idle timeout: an unreachable host fails within it instead of hanging.
    executable = await downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE, timeout: 20_000 });
} catch (error) {
    failNow(`cannot download VS Code ${VERSION} (${firstLine(error)}); offline, use \`npm run e2e\` (code-server) instead`);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const hint = spawnSync('which', ['xvfb-run']).status === 0 ? 'run `xvfb-run -a npm run e2e:electron`' : 'install xvfb and run under `xvfb-run -a`';
    failNow(`VS Code (Electron) needs a display and DISPLAY is not set: ${hint}`);
}

const temp = await mkdtemp(path.join(os.tmpdir(), 'mlplan-e2e-electron-'));
const watchdog = setTimeout(() => failNow(`the tests did not finish within ${TIMEOUT / 1000} s (VS Code may still run; temp ${temp})`), TIMEOUT);
let code = 0;
try {
    const workspace = await prepareTestWorkspace(path.join(temp, 'workspace'));
    console.log(`e2e-electron: VS Code at ${executable}; workspace ${workspace}`);
    await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: TESTS_ENTRY,
        launchArgs: [
            workspace,
            '--disable-extensions',
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            '--user-data-dir', path.join(temp, 'user-data'),
            '--extensions-dir', path.join(temp, 'extensions'),
            ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ],
    });
} catch (error) {
    // runTests rejects when VS Code exits with a non-zero code: the suite printed its failures above.
    console.error(`e2e-electron: FAILED: ${firstLine(error)}`);
    code = 1;
} finally {
    clearTimeout(watchdog);
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
}
process.exit(code);

function firstLine(error) {
    return String(error instanceof Error ? error.message : error).split('\n')[0];
}
