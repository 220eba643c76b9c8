/**
 * Entry point of the extension-host tests: VS Code loads this module (bundled to
 * out/e2e/index.cjs) and awaits `run()`, whether launched by @vscode/test-electron
 * (scripts/e2e-electron.mjs) or by code-server (scripts/e2e-code-server.mjs).
 * Test files register their tests on import, in the order they run.
 */
import './diagnostics.e2e.js';
import './hover.e2e.js';
import './quick-fix.e2e.js';
import './add-all-sections.e2e.js';
import './completion.e2e.js';
import './commands.e2e.js';
import './export.e2e.js';
import './export-overwrite.e2e.js';
import './format-message.e2e.js';
import './readiness-report.e2e.js';
import './editing.e2e.js';
import './walkthrough.e2e.js';
import * as vscode from 'vscode';
import { log, runAll } from './runner.js';

export async function run(): Promise<void> {
    log(`e2e: VS Code ${vscode.version} (${vscode.env.appName}), extension tests of mlplan`);
    const { failed } = await runAll();
    if (failed > 0) {
        throw new Error(`${failed} end-to-end test(s) failed`);
    }
}
