import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { openDiagnosticsMarkdown, reportDiagnostics } from '../../server/src/export/readiness-checklist.js';
import type { ReadinessReport } from '../../server/src/lsp/mlplan-commands.js';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

async function report(text: string): Promise<ReadinessReport> {
    const { document } = await check(services, text, { path: 'report.mlplan' });
    return services.shared.lsp.ExecuteCommandHandler!.executeCommand('mlplan.readinessReport', [document.uri.toString()]) as Promise<ReadinessReport>;
}

/** The e2e fixture: the churn example with one finding of each kind of rule, and an unused ignore. */
const SEVERAL_KINDS = readFileSync('test/e2e/fixture/several-kinds.mlplan', 'utf8');

test('the readiness report lists every open diagnostic, of every kind of rule, by position', async () => {
    const { diagnostics } = await report(SEVERAL_KINDS);
    expect(diagnostics.map(d => `${d.line} ${d.severity} ${d.code} ${d.category}`)).toEqual([
        '1 hint unused-ignore source',
        '38 error unresolved-reference source',
        '94 warning fallback-missing completeness',
        '102 error capacity-below-peak cross-check',
        '118 error rollout-stages-not-increasing consistency',
    ]);
    expect(diagnostics[3].message).toBe('1 replica × 40 req/s = 40 req/s, below the peak of 60 req/s: at least 2 replicas are needed');
});

test('the readiness report\'s Markdown: headline, missing, the diagnostics grouped errors, warnings, hints, then met', async () => {
    const { markdown } = await report(SEVERAL_KINDS);
    const headings = markdown.split('\n').filter(line => line.startsWith('#'));
    expect(headings).toEqual([
        '# Readiness of plan `ChurnPrediction`',
        '## Missing (1)',
        '## Open diagnostics',
        '### Errors (3)',
        '### Warnings (1)',
        '### Hints (1)',
        '## Met (23)',
    ]);
    expect(markdown).toContain('# Readiness of plan `ChurnPrediction`\n\n**Readiness 23/24, blocked by 3 errors** at stage `growth`.\n');
    expect(markdown).toContain('## Missing (1)\n\n- serving defines a fallback (`fallback-missing`)\n');
    expect(markdown).toContain('3 errors, 1 warning, 1 hint.');
    // Errors come first, whatever their line; within a group, by line.
    expect(markdown).toContain([
        '### Errors (3)',
        '',
        '- **Line 38** `unresolved-reference` (source): `nobody` is not a declared person or team (declared: `ana`, `raj` and `retention`)',
        '- **Line 102** `capacity-below-peak` (cross-check): 1 replica × 40 req/s = 40 req/s, below the peak of 60 req/s: at least 2 replicas are needed',
        '- **Line 118** `rollout-stages-not-increasing` (consistency): stage 1 % does not increase traffic: an earlier stage already sends 1 %',
    ].join('\n'));
    expect(markdown).toContain('### Hints (1)\n\n- **Line 1** `unused-ignore` (source): mlplan-ignore `budget-missing` silences nothing on the next line\n');
    // Task items would show as `[x]` text in a Markdown preview.
    expect(markdown).not.toMatch(/- \[[ x]\]/);
});

test('a clean plan\'s report says there is nothing open', async () => {
    const { diagnostics, markdown } = await report(readFileSync('examples/churn-prediction.mlplan', 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(markdown).toContain('## Open diagnostics\n\n*No open diagnostics.*\n\n## Met (24)\n');
    expect(markdown).not.toContain('## Missing');
});

test('openDiagnosticsMarkdown escapes plan text in messages and keeps one list item per diagnostic', () => {
    const range = { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } };
    const rows = reportDiagnostics([
        { range, severity: 2, message: 'a | pipe\nand a line break <b>', data: { code: 'fallback-missing' } },
        { range, severity: 3, message: 'an info', code: 'custom-code' },
    ]);
    // Same position: by code.
    expect(rows.map(r => [r.severity, r.code, r.category ?? null])).toEqual([['info', 'custom-code', null], ['warning', 'fallback-missing', 'completeness']]);
    const markdown = openDiagnosticsMarkdown(rows);
    expect(markdown).toContain('### Infos (1)');
    expect(markdown.split('\n').filter(line => line.startsWith('- **Line 5**'))).toHaveLength(2);
    expect(markdown).not.toContain('<b>');
    expect(markdown).toContain('a \\| pipe and a line break &lt;b&gt;');
});
