// UI checks of issue 12 run by scripts/e2e-code-server.mjs: each opens a fresh workbench on the UI
// workspace (scripts/e2e-workspace.mjs, prepareUiWorkspace), does what a person would do with the
// keyboard, and writes a screenshot to out/e2e/screenshots/. Each fails with a one-line reason
// (and still writes its screenshot) when what it looks for is not on the screen.
//
// `ui` is what the launcher provides: { open(page, folder), screenshot(page, name), fail(reason), delay(ms) }.

/** Quick Open (Ctrl+P) of a workspace file; waits for its editor. */
export async function openFile(page, name) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name.split('/').pop() }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: name.split('/').pop() }).first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page, title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(`>${title}`);
    // The row of that very command (a recently used one may stand first).
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click({ timeout: 20_000 });
}

/** Ctrl+G to `line:column` (1-based): the cursor lands there. */
async function goTo(page, line, column) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    // The input opens holding ":" (Go to Line); filling replaces it, so the ":" is typed again.
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** The pointer on an empty part of the title bar, where it raises no tooltip over the screenshot. */
async function restMouse(page) {
    await page.mouse.move(1250, 16);
    await page.waitForTimeout(600);
}

/** Waits until `probe()` returns a truthy value (polled), else undefined after `ms`. */
async function poll(ui, probe, ms) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
        const value = await probe().catch(() => undefined);
        if (value) {
            return value;
        }
        await ui.delay(250);
    }
    return undefined;
}

/** The text of the document inside a webview (the workbench's iframe, then the webview's own). */
function webviewBody(page) {
    return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('body');
}

/** The quick-fix menu (Ctrl+.) on an undeclared metric offers "Declare metric `ctr`". */
export async function checkDeclareMetricFix(page, ui, folder) {
    const name = 'declare-metric-fix.png';
    await ui.open(page, folder);
    await openFile(page, 'undeclared-metric.mlplan');
    const squiggle = await poll(ui, async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0, 60_000);
    if (!squiggle) {
        ui.fail(`no error squiggle under \`ctr\` in undeclared-metric.mlplan within 60 s (screenshot: ${await ui.screenshot(page, name)})`);
    }
    await goTo(page, 11, 10); // `    kpi ctr >= 5 %`: on `ctr`
    // The server's title is "Declare metric `ctr`" (rules/fixes/declare.ts); the menu shows 'ctr'.
    const wanted = /Declare metric [`']ctr[`']/;
    let text = '';
    for (let attempt = 0; attempt < 3 && !wanted.test(text); attempt++) {
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget, .context-view .monaco-list').filter({ hasText: 'Declare' }).first();
        text = await menu.waitFor({ state: 'visible', timeout: 10_000 }).then(() => menu.innerText({ timeout: 2_000 }), () => '');
        if (!wanted.test(text)) {
            await page.keyboard.press('Escape');
        }
    }
    const file = await ui.screenshot(page, name);
    if (!wanted.test(text)) {
        ui.fail(`the quick-fix menu on \`ctr\` does not offer "Declare metric \`ctr\`" (screenshot: ${file}); it shows ${JSON.stringify(text.slice(0, 200))}`);
    }
    return { file, line: text.split('\n').find(line => wanted.test(line)) };
}

/**
 * The hover on the name of a nearly empty plan: under VS Code's own list of the problems there,
 * the server's "N findings here" block names each rule once, one line each (mlplan-hover.ts,
 * diagnosticNotes). The hover is scrolled (keyboard, once focused) until that block shows.
 */
export async function checkPlanNameHover(page, ui, folder) {
    const name = 'plan-name-hover.png';
    await ui.open(page, folder);
    await openFile(page, 'sketch.mlplan');
    const squiggle = await poll(ui, async () => (await page.locator('.monaco-editor .squiggly-warning').count()) > 0, 60_000);
    if (!squiggle) {
        ui.fail(`no warning squiggle on the plan name of sketch.mlplan within 60 s (screenshot: ${await ui.screenshot(page, name)})`);
    }
    const codes = ['objective-missing', 'owner-missing', 'dataset-missing', 'baseline-missing', 'model-missing', 'serving-missing', 'rollout-missing', 'monitoring-missing', 'risk-missing', 'persona-missing'];
    const hover = page.locator('.monaco-hover:visible').first();
    const block = hover.locator('p, div').filter({ hasText: /^\d+ findings here$/ }).last();
    let text = '';
    for (let attempt = 0; attempt < 3 && !/\d+ findings here/.test(text); attempt++) {
        await goTo(page, 1, 8); // on `Sketch`
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I'); // Show or Focus Hover
        // VS Code shows the markers at once and the server's part when it arrives.
        text = await poll(ui, async () => {
            const shown = await hover.innerText({ timeout: 1_000 });
            return /\d+ findings here/.test(shown) ? shown : undefined;
        }, 10_000) ?? await hover.innerText({ timeout: 1_000 }).catch(() => '');
    }
    const notes = text.slice(Math.max(0, text.search(/\d+ findings here/)));
    const noteLines = notes.split('\n').filter(line => codes.some(code => line.includes(code)));
    const absent = codes.filter(code => !noteLines.some(line => line.includes(code)));
    if (!/\d+ findings here/.test(text) || absent.length > 0) {
        ui.fail(`the hover on plan \`Sketch\` has no "findings here" block naming ${absent.join(', ') || 'them'} (screenshot: ${await ui.screenshot(page, name)}); it shows ${JSON.stringify(text.slice(0, 300))}`);
    }
    const crowded = noteLines.filter(line => codes.filter(code => line.includes(code)).length > 1);
    if (crowded.length > 0 || noteLines.length !== codes.length) {
        ui.fail(`the hover's "findings here" block is not one line per finding: ${JSON.stringify(noteLines.slice(0, 3))} (screenshot: ${await ui.screenshot(page, name)})`);
    }
    // Focus the hover (the same keys again), then page down until the block's heading is in view.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    for (let presses = 0; presses < 12 && !(await inView(block, hover)); presses++) {
        await page.keyboard.press('PageDown');
        await ui.delay(150);
    }
    // Then line by line until the block starts at the top (or the hover cannot scroll further).
    for (let presses = 0, last = Infinity; presses < 30; presses++) {
        const [box, outer] = [await block.boundingBox(), await hover.boundingBox()];
        // One step scrolls about a line: stop while the heading is still below the top edge.
        if (!box || !outer || box.y <= outer.y + 40 || box.y >= last) {
            break;
        }
        last = box.y;
        await page.keyboard.press('ArrowDown');
        await ui.delay(80);
    }
    const file = await ui.screenshot(page, name);
    if (!(await inView(block, hover))) {
        ui.fail(`the hover's "findings here" block could not be scrolled into view (screenshot: ${file})`);
    }
    return { file, line: `${notes.split('\n')[0].trim()}, one line each` };
}

/** True when `element`'s top lies inside `container`'s box. */
async function inView(element, container) {
    const [box, outer] = await Promise.all([element.boundingBox().catch(() => null), container.boundingBox().catch(() => null)]);
    return Boolean(box && outer && box.y >= outer.y - 2 && box.y + 16 <= outer.y + outer.height);
}

/** "ML Plan: Show Readiness Report" renders the report (headings, tables), not Markdown source. */
export async function checkReadinessReport(page, ui, folder) {
    const name = 'readiness-report.png';
    await ui.open(page, folder);
    await openFile(page, 'several-kinds.mlplan');
    await poll(ui, async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0, 60_000);
    await page.keyboard.press('Control+B'); // the side bar off: the report gets half the window
    await runCommand(page, 'ML Plan: Show Readiness Report');
    const body = webviewBody(page);
    const rendered = await poll(ui, async () => {
        const headings = await body.locator('h2').allInnerTexts();
        const groups = await body.locator('h3').allInnerTexts();
        return headings.includes('Open diagnostics') && groups.includes('Errors (3)') ? [...headings, ...groups] : undefined;
    }, 45_000);
    if (!rendered) {
        ui.fail(`no rendered readiness report (an "Open diagnostics" heading and tables in a preview) within 45 s (screenshot: ${await ui.screenshot(page, name)})`);
    }
    const text = await body.innerText({ timeout: 5_000 });
    if (/^#{1,3} /m.test(text) || text.includes('**Line')) {
        ui.fail(`the readiness report shows Markdown source (screenshot: ${await ui.screenshot(page, name)})`);
    }
    for (const wanted of ['Errors (3)', 'capacity-below-peak', 'unresolved-reference']) {
        if (!text.includes(wanted)) {
            ui.fail(`the rendered readiness report lacks "${wanted}" (screenshot: ${await ui.screenshot(page, name)})`);
        }
    }
    // The diagnostics, not only the checklist, are what the screenshot shows.
    await body.locator('h2', { hasText: 'Open diagnostics' }).scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined);
    await restMouse(page);
    const file = await ui.screenshot(page, name);
    return { file, line: rendered.join(' / ') };
}

/** "ML Plan: Open Preview" on the churn example, scrolled to its timeline of milestones. */
export async function checkPreviewTimeline(page, ui, folder) {
    const name = 'preview-timeline.png';
    await ui.open(page, folder);
    await openFile(page, 'churn-prediction.mlplan');
    await page.keyboard.press('Control+B');
    await runCommand(page, 'ML Plan: Open Preview');
    const timeline = webviewBody(page).locator('.timeline').first();
    const shown = await timeline.waitFor({ state: 'attached', timeout: 45_000 }).then(() => true, () => false);
    if (!shown) {
        ui.fail(`the preview shows no milestone timeline within 45 s (screenshot: ${await ui.screenshot(page, name)})`);
    }
    await timeline.scrollIntoViewIfNeeded({ timeout: 5_000 });
    const rows = await timeline.locator('.row').count();
    const box = await timeline.boundingBox();
    await restMouse(page);
    const file = await ui.screenshot(page, name);
    if (rows < 3 || !box || box.height < 40) {
        ui.fail(`the preview's timeline is empty or not visible (${rows} rows; screenshot: ${file})`);
    }
    return { file, line: `timeline of ${rows - 1} rows` };
}

/** mlplan.config.json with a misspelled rule code: the JSON schema flags it in the editor and the Problems panel. */
export async function checkConfigSchema(page, ui, folder) {
    const name = 'config-schema.png';
    await ui.open(page, folder);
    await openFile(page, 'settings-typo/mlplan.config.json');
    const squiggle = await poll(ui, async () => (await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count()) > 0, 60_000);
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
    // Only this file's problems: the plans of the workspace have theirs too.
    await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('fallback-mising', { timeout: 5_000 }).catch(() => undefined);
    const wanted = /fallback-mising/;
    const text = await poll(ui, async () => {
        const shown = await panel.innerText({ timeout: 2_000 });
        return wanted.test(shown) ? shown : undefined;
    }, 30_000);
    const file = await ui.screenshot(page, name);
    if (!squiggle || !text) {
        ui.fail(`the misspelled rule code "fallback-mising" in mlplan.config.json is not flagged (squiggle: ${Boolean(squiggle)}, Problems: ${Boolean(text)}; screenshot: ${file})`);
    }
    return { file, line: (text.split('\n').find(line => wanted.test(line)) ?? '').trim() };
}

/**
 * Each diagnostic links to its rule's page (LSP codeDescription, a file: URI into the extension's
 * docs/rules/): the Problems panel shows the code `fallback-missing` as a link, and a click on it
 * opens docs/rules/fallback-missing.md in an editor. Run on the workspace with no-fallback.mlplan
 * (scripts/e2e-workspace.mjs, prepareUiWorkspace), by the development and the installed extension.
 */
export async function checkRuleLink(page, ui, folder, name = 'rule-link.png') {
    await ui.open(page, folder);
    await openFile(page, 'no-fallback.mlplan');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 20_000 });
    // The code is a link (a.monaco-link) only when the diagnostic has a codeDescription.
    const link = panel.locator('a.monaco-link', { hasText: 'fallback-missing' }).first();
    const shown = await poll(ui, async () => link.isVisible(), 60_000);
    if (!shown) {
        const text = await panel.innerText({ timeout: 2_000 }).catch(() => '');
        ui.fail(`the Problems panel shows no link on the code fallback-missing within 60 s (screenshot: ${await ui.screenshot(page, name)}); it shows ${JSON.stringify(text.slice(0, 300))}`);
    }
    const href = await link.getAttribute('href', { timeout: 5_000 });
    if (!href || !/\/docs\/rules\/fallback-missing\.md$/.test(href)) {
        ui.fail(`the link on fallback-missing does not point at docs/rules/fallback-missing.md: ${JSON.stringify(href)} (screenshot: ${await ui.screenshot(page, name)})`);
    }
    await link.click({ timeout: 10_000 });
    // The page opens in an editor tab of its own, with its heading as the first line.
    const tab = page.locator('.tabs-container .tab', { hasText: 'fallback-missing.md' }).first();
    const opened = await tab.waitFor({ state: 'visible', timeout: 20_000 }).then(() => true, () => false);
    // (The editor writes spaces as no-break spaces.)
    const rulePage = page.locator('.monaco-editor .view-lines', { hasText: /Why\sit\smatters/ }).first();
    const heading = opened
        ? await poll(ui, async () => {
            const lines = (await rulePage.innerText({ timeout: 2_000 })).replace(/\u00a0/g, ' ');
            return lines.includes('`fallback-missing`') ? lines.split('\n')[0] : undefined;
        }, 20_000)
        : undefined;
    await restMouse(page);
    const file = await ui.screenshot(page, name);
    if (!opened || !heading) {
        ui.fail(`a click on the fallback-missing link opened no editor on fallback-missing.md showing the rule's page (tab: ${opened}; screenshot: ${file})`);
    }
    const title = await tab.getAttribute('aria-label', { timeout: 2_000 }).catch(() => null)
        ?? (await tab.innerText({ timeout: 2_000 }).catch(() => '')).replace(/\s+/g, ' ').trim();
    return { file, line: `link ${href} opened the tab "${title}", first line "${heading}"` };
}

export const UI_CHECKS = [
    checkDeclareMetricFix,
    checkPlanNameHover,
    checkReadinessReport,
    checkPreviewTimeline,
    checkConfigSchema,
];
