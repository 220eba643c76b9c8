import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openPlan, revertAndClose, waitForDiagnostics, workspaceFile } from './helpers.js';
import { suite, test, withTimeout } from './runner.js';
import { serverValidated } from './server-sync.js';

/** The walkthrough as the installed extension declares it (its package.json, read by VS Code). */
interface WalkthroughStep {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly media: { readonly image?: string; readonly markdown?: string };
}
interface Walkthrough {
    readonly id: string;
    readonly title: string;
    readonly steps: readonly WalkthroughStep[];
}

function extension(): vscode.Extension<unknown> {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed`);
    return found;
}

function walkthrough(): Walkthrough {
    const walkthroughs = (extension().packageJSON as { contributes?: { walkthroughs?: Walkthrough[] } }).contributes?.walkthroughs;
    assert.ok(walkthroughs && walkthroughs.length === 1, `expected one contributed walkthrough, got ${JSON.stringify(walkthroughs)}`);
    return walkthroughs[0];
}

/** The command ids of a step's buttons: `[label](command:[toSide:]id[?args])`. */
function linkedCommands(step: WalkthroughStep): string[] {
    return [...step.description.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)(?:\?[^)]*)?\)/g)].map(m => m[1]);
}

function stepLinking(command: string): WalkthroughStep {
    const step = walkthrough().steps.find(s => linkedCommands(s).includes(command));
    assert.ok(step, `no walkthrough step has a button for ${command}`);
    return step;
}

suite('walkthrough', () => {
    test('the extension contributes a walkthrough whose steps have media inside the extension', async () => {
        const { steps } = walkthrough();
        assert.deepEqual(steps.map(s => s.title), ['Create a plan from the template', 'Fix a warning', 'Open the preview', 'Export to Markdown']);
        for (const step of steps) {
            const file = step.media.image ?? step.media.markdown;
            assert.ok(file, `step ${step.id} has no media`);
            const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension().extensionUri, ...file.split('/')));
            assert.ok(stat.size > 0, `${file} is empty`);
        }
    });

    test('every command a step links to is registered', async () => {
        const registered = new Set(await vscode.commands.getCommands(true));
        for (const step of walkthrough().steps) {
            const linked = linkedCommands(step);
            assert.ok(linked.length > 0, `step ${step.id} has no command button`);
            for (const command of linked) {
                assert.ok(registered.has(command), `step ${step.id} links to ${command}, which is not registered`);
            }
        }
    });

    test('the buttons of the plan steps run: new plan, then preview and export of that plan', async () => {
        // The steps' own links carry no arguments (the user answers the prompts); the stage and the
        // name are given here. The walkthrough opens the plan beside it and focuses it before the
        // later buttons run, so those find the plan as the active editor, as they do here.
        const newPlan = linkedCommands(stepLinking('mlplan.newPlan')).find(c => c === 'mlplan.newPlan')!;
        const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(newPlan, 'mvp', 'WalkthroughDemo');
        assert.ok(editor, 'mlplan.newPlan opened no editor');
        const plan = editor.document;
        let exported: vscode.TextDocument | undefined;
        try {
            assert.ok(plan.getText().includes('plan WalkthroughDemo {'), `the new plan lacks its name:\n${plan.getText()}`);
            await serverValidated(plan.uri);

            stepLinking('mlplan.openPreview');
            const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('mlplan.openPreview');
            assert.ok(panel, 'mlplan.openPreview (no argument, the plan active) returned no panel');
            assert.ok(panel.webview.html.includes('WalkthroughDemo'), 'the preview does not show the new plan');
            panel.dispose();

            await vscode.window.showTextDocument(plan);
            stepLinking('mlplan.exportMarkdown');
            const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlplan.exportMarkdown');
            assert.ok(target, 'mlplan.exportMarkdown (no argument, the plan active) returned nothing');
            // An untitled plan is exported to an untitled Markdown document: nothing is written to disk.
            exported = vscode.workspace.textDocuments.find(d => d.uri.toString() === target.toString());
            assert.ok(exported, `the export ${target.toString()} is not open`);
            assert.equal(exported.languageId, 'markdown');
            assert.ok(exported.getText().startsWith('# '), `the export does not start with a heading:\n${exported.getText().slice(0, 200)}`);
        } finally {
            if (exported) {
                await revertAndClose(exported);
            }
            await revertAndClose(plan);
            await closeAllEditors();
        }
    });

    test('Open Preview clicked in the walkthrough previews the plan shown beside it', async () => {
        // What a user does: the walkthrough is the active editor, the plan is open in the other
        // group. VS Code focuses that group first only when the walkthrough is wider than 700 px
        // (command:toSide:), so the command must find the plan without an active text editor.
        const document = await vscode.workspace.openTextDocument(workspaceFile('no-fallback.mlplan'));
        let listener: vscode.Disposable | undefined;
        try {
            await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Two, preview: false });
            await serverValidated(document.uri);
            await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
            const noTextEditor = new Promise<void>(resolve => {
                listener = vscode.window.onDidChangeActiveTextEditor(editor => editor ? undefined : resolve());
            });
            await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough().id}`, false);
            if (vscode.window.activeTextEditor) {
                await withTimeout(noTextEditor, 5_000, 'the walkthrough did not become the active editor');
            }
            const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('mlplan.openPreview');
            assert.ok(panel, 'mlplan.openPreview, run from the walkthrough, found no plan: it looks only at the active text editor');
            panel.dispose();
        } finally {
            listener?.dispose();
            await closeAllEditors();
        }
    });

    test('the buttons of "Fix a warning" run on a plan with a warning', async () => {
        const step = stepLinking('editor.action.quickFix');
        const { document } = await openPlan('no-fallback.mlplan');
        try {
            await serverValidated(document.uri);
            const [warning] = await waitForDiagnostics(document.uri, d => d.length > 0, { timeoutMs: 10_000, what: 'non-empty' });
            const editor = await vscode.window.showTextDocument(document);
            editor.selection = new vscode.Selection(warning.range.start, warning.range.start);
            for (const command of linkedCommands(step)) {
                await withTimeout(Promise.resolve(vscode.commands.executeCommand(command)), 10_000, `${command} did not return within 10 s`);
            }
        } finally {
            await vscode.commands.executeCommand('workbench.action.closePanel');
            await closeAllEditors();
        }
    });

    test('workbench.action.openWalkthrough opens it by its id', async () => {
        const id = `${EXTENSION_ID}#${walkthrough().id}`;
        await withTimeout(Promise.resolve(vscode.commands.executeCommand('workbench.action.openWalkthrough', id, false)), 10_000, `opening ${id} did not return within 10 s`);
        await closeAllEditors();
    });
});
