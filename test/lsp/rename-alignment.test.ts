// A rename keeps the columns the formatter aligned and the author's trailing comments in place:
// a run of one-line declarations stays aligned for the new name, a trailing comment keeps its column.
import { describe, expect, test } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-types';
import { keepCommentColumns } from '../../server/src/lsp/mlplan-rename.js';
import { check, createEditorTestServices } from '../support/services.js';
import { positionOf } from '../support/diagnostics.js';
import { applyTextEdits } from './fix-support.js';

const services = createEditorTestServices();

const PLAN = `plan P {
  owner ana                 // accountable
  person ana { name "Ana" }
  person bo  { name "Bo" }
  metric churn_rate  { kind business unit % better lower }
  metric auc         { kind ml better higher }
  metric latency_p99 { kind software unit ms better lower }
  objective O { kpi churn_rate <= 3 % }
}
`;

async function renamed(text: string, at: string, newName: string): Promise<string> {
    const { document } = await check(services, text);
    const edit = await services.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.textDocument.uri }, position: positionOf(document, at), newName,
    });
    return applyTextEdits(text, edit?.changes?.[document.textDocument.uri] ?? []);
}

async function formatted(text: string): Promise<string> {
    const { document } = await check(services, text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 2, insertSpaces: true } });
    return applyTextEdits(text, edits);
}

describe('rename keeps aligned columns', () => {
    test('the fixture is as the formatter writes it', async () => {
        expect(await formatted(PLAN)).toBe(PLAN);
    });

    test('a name that stays within the run: the other lines keep their column, the renamed one follows it', async () => {
        const text = await renamed(PLAN, 'auc', 'roc_auc');
        expect(text).toContain('  metric churn_rate  { kind business unit % better lower }\n  metric roc_auc     { kind ml better higher }\n');
        expect(await formatted(text)).toBe(text);
    });

    test('a name longer than the run: every line of the run moves to the new column, as the formatter would', async () => {
        const text = await renamed(PLAN, 'auc', 'area_under_curve');
        expect(text).toContain([
            '  metric churn_rate       { kind business unit % better lower }',
            '  metric area_under_curve { kind ml better higher }',
            '  metric latency_p99      { kind software unit ms better lower }',
        ].join('\n'));
        expect(await formatted(text)).toBe(text);
    });

    test('a shorter widest name narrows the run', async () => {
        const text = await renamed(PLAN, 'latency_p99', 'p99');
        expect(text).toContain('  metric churn_rate { kind business unit % better lower }\n  metric auc        { kind ml better higher }\n  metric p99        {');
        expect(await formatted(text)).toBe(text);
    });

    test('a trailing comment keeps its column, and people stay aligned', async () => {
        const owner = await renamed(PLAN, 'ana', 'anastasia');
        expect(owner).toContain('  owner anastasia           // accountable\n  person anastasia { name "Ana" }\n  person bo        { name "Bo" }\n');
        expect(await formatted(owner)).toBe(owner);
    });

    test('a run the author did not align is left as written', async () => {
        const loose = PLAN.replace('metric auc         {', 'metric auc    {');
        const text = await renamed(loose, 'churn_rate', 'churn');
        expect(text).toContain('  metric churn  { kind business');
        expect(text).toContain('  metric auc    { kind ml');
    });

    test('two renames on one line: the shift of the first carries to the comment after the second', () => {
        const text = 'members a, a  // team\n';
        const edits: TextEdit[] = [
            { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, newText: 'b' },
            { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, newText: 'bb' },
        ];
        expect(applyTextEdits(text, keepCommentColumns(text, edits))).toBe('members b, bb // team\n');
    });
});
