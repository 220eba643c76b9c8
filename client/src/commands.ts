import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { planNameFrom, planTemplate, TEMPLATE_STAGES } from '../../server/src/templates/plan-template.js';
import type { ReadinessReport } from '../../server/src/lsp/mlplan-commands.js';
import { ReadinessReports } from './readiness-report.js';
import { targetUri } from './export-commands.js';

/** The ML Plan commands of the command palette. */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    const reports = new ReadinessReports(client);
    context.subscriptions.push(
        reports,
        vscode.commands.registerCommand('mlplan.newPlan', newPlanFromTemplate),
        vscode.commands.registerCommand('mlplan.showReadiness', (uri?: vscode.Uri | string) => showReadiness(client(), reports, uri)),
        vscode.commands.registerCommand('mlplan.openDocs', (page?: string) => openDocs(context.extensionUri, page)),
    );
}

/** The documentation shipped in the extension (docs/), rendered: the index, or one page of it. */
async function openDocs(extension: vscode.Uri, page = 'README.md'): Promise<void> {
    const parts = page.split('/').filter(part => part !== '' && part !== '..');
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extension, 'docs', ...parts));
}

/** Asks for a stage and a name, then opens an untitled plan that checks clean at that stage. */
async function newPlanFromTemplate(stageArg?: string, nameArg?: string): Promise<vscode.TextEditor | undefined> {
    const stage = stageArg ?? (await vscode.window.showQuickPick(
        TEMPLATE_STAGES.map(s => ({ label: s, description: STAGE_HELP[s] })),
        { title: 'ML Plan: stage of the new plan', placeHolder: 'The stage decides which sections the plan must have' },
    ))?.label;
    if (!stage || !TEMPLATE_STAGES.includes(stage as never)) {
        return undefined;
    }
    const name = nameArg ?? await vscode.window.showInputBox({ title: 'ML Plan: name of the plan', value: 'NewPlan' });
    if (name === undefined) {
        return undefined;
    }
    const content = planTemplate(stage as never, name);
    // An untitled document named after the plan (its tab reads `Demo.mlplan`, not the first comment).
    const named = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `${planNameFrom(name)}.mlplan` }));
    const document = named.getText() === ''
        ? named
        : await vscode.workspace.openTextDocument({ language: 'mlplan', content });
    const editor = await vscode.window.showTextDocument(document);
    if (document === named) {
        await editor.edit(builder => builder.insert(new vscode.Position(0, 0), content));
        if (document.languageId !== 'mlplan') {
            await vscode.languages.setTextDocumentLanguage(document, 'mlplan');
        }
    }
    selectFirstPlaceholder(editor);
    return editor;
}

/** The cursor lands on the template's first `TODO…` text, selected, so typing replaces it. */
function selectFirstPlaceholder(editor: vscode.TextEditor): void {
    const match = /TODO[^"*\n]*/.exec(editor.document.getText());
    if (!match) {
        return;
    }
    const start = editor.document.positionAt(match.index);
    const end = editor.document.positionAt(match.index + match[0].trimEnd().length);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end));
}

const STAGE_HELP: Record<string, string> = {
    mvp: 'proving the idea: objective, data, baseline, evaluation',
    growth: 'heading to production: serving, rollout, monitoring, risks',
    maturity: 'in production: retraining, budget, milestones',
};

/** Shows the readiness report (checklist and open diagnostics) of the active (or given) plan, rendered. */
async function showReadiness(client: LanguageClient | undefined, reports: ReadinessReports, target?: vscode.Uri | string): Promise<ReadinessReport | undefined> {
    const uri = typeof target === 'string' ? target : targetUri(target)?.toString();
    if (!client || !uri) {
        void vscode.window.showInformationMessage('ML Plan: open an .mlplan file to see its readiness.');
        return undefined;
    }
    const report = await reports.show(uri);
    if (!report) {
        void vscode.window.showInformationMessage('ML Plan: no readiness for this file (is it an .mlplan plan?).');
    }
    return report;
}
