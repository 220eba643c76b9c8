// A rename keeps the columns an author aligned: spaces after a renamed name absorb what the name
// gains, or take back what it loses, so aligned braces and trailing comments stay in their column.
import { describe, expect, test } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-types';
import { keepAlignment } from '../../server/src/lsp/mlplan-rename.js';
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

describe('rename keeps aligned columns', () => {
    test('a longer name takes its length out of the spaces after it: the brace and the comment stay put', async () => {
        const text = await renamed(PLAN, 'auc', 'roc_auc');
        expect(text).toContain('  metric churn_rate  { kind business unit % better lower }\n  metric roc_auc     { kind ml better higher }\n');
        const owner = await renamed(PLAN, 'ana', 'anastasia');
        expect(owner).toContain('  owner anastasia           // accountable\n  person anastasia { name "Ana" }\n');
    });

    test('a shorter name gives the spaces back', async () => {
        const text = await renamed(PLAN, 'churn_rate', 'churn');
        expect(text).toContain('  metric churn       { kind business unit % better lower }\n  metric auc         { kind ml better higher }\n');
        expect(text).toContain('kpi churn <= 3 %');
    });

    test('a name longer than the gap keeps one space; a single space is no alignment and stays one', async () => {
        const text = await renamed(PLAN, 'bo', 'bartholomew');
        expect(text).toContain('  person bartholomew { name "Bo" }\n');
        const single = await renamed(PLAN, 'O { kpi', 'Goal');
        expect(single).toContain('  objective Goal { kpi');
    });

    test('two renames on one line: the shift of the first carries to the aligned gap after the second', () => {
        const text = 'members a, a  // team\n';
        const edits: TextEdit[] = [
            { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, newText: 'b' },
            { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, newText: 'bb' },
        ];
        expect(applyTextEdits(text, keepAlignment(text, edits))).toBe('members b, bb // team\n');
    });
});
