// Shared by the e2e launchers: the repository root and the temporary workspace the tests open
// (the fixture plans of test/e2e/fixture/ at its root, a copy of examples/ beside them). Tests
// edit documents without saving; the copy keeps the repository clean even if one ever saved.
import { cp, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixture');
export const TESTS_ENTRY = path.join(ROOT, 'out', 'e2e', 'index.cjs');

/** The workspace for the extension-host tests: fixture plans + examples/. */
export async function prepareTestWorkspace(folder) {
    await mkdir(folder, { recursive: true });
    await cp(FIXTURE, folder, { recursive: true });
    await cp(path.join(ROOT, 'examples'), path.join(folder, 'examples'), { recursive: true });
    return folder;
}

/** The workspace for the UI checks: the plan with one warning, and a plan whose cross-checks fire. */
export async function prepareUiWorkspace(folder) {
    await mkdir(folder, { recursive: true });
    await cp(path.join(FIXTURE, 'no-fallback.mlplan'), path.join(folder, 'no-fallback.mlplan'));
    // A plan with planted cross-check findings (test/rules/reviewer-plans.test.ts), for the hover check.
    await cp(path.join(ROOT, 'test', 'rules', 'reviewer', 'shelf-vision.mlplan'), path.join(folder, 'shelf-vision.mlplan'));
    return folder;
}

/**
 * The workspace of the screenshots of scripts/e2e-code-server.mjs's later UI checks
 * (test/e2e/ui/ui-checks.mjs): a plan with an undeclared metric, a nearly empty plan, a
 * mlplan.config.json with a misspelled rule code, a plan with findings of every kind, and the
 * churn example (milestones). Apart from the workspace above, whose Problems panel they would crowd.
 */
export async function prepareReviewUiWorkspace(folder) {
    await mkdir(folder, { recursive: true });
    await cp(path.join(ROOT, 'test', 'e2e', 'ui-fixture'), folder, { recursive: true });
    await cp(path.join(FIXTURE, 'several-kinds.mlplan'), path.join(folder, 'several-kinds.mlplan'));
    await cp(path.join(ROOT, 'examples', 'churn-prediction.mlplan'), path.join(folder, 'churn-prediction.mlplan'));
    return folder;
}

/** The bundles the launchers need; a one-line reason when one is missing. */
export function missingBundles(existsSync) {
    const needed = ['out/extension.cjs', 'out/server.cjs', 'out/e2e/index.cjs'];
    const missing = needed.filter(file => !existsSync(path.join(ROOT, file)));
    return missing.length === 0
        ? undefined
        : `missing ${missing.join(', ')}: run \`npm run bundle && node scripts/bundle-e2e.mjs\` (or \`npm run e2e\`)`;
}
