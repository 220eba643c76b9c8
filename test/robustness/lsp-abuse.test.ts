import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { LspConnection } from '../../scripts/abuse/lsp-connection.mjs';
import {
    binaryFiles, hugePlan, memoryGrowth, outOfRange, rapidEdits, tempWorkspace, unknownDocuments,
} from '../../scripts/abuse/scenarios.mjs';
import { requireBundle } from '../cli/run.js';

/**
 * The language server under abuse, over a real LSP connection: `node bin/mlplan.js lsp --stdio`
 * as a child process, driven by scripts/abuse/ (which `npm run abuse` runs at full size: 10,000
 * edits, a 10 MB plan). Here the sizes are bounded so that this file stays well under a minute on
 * two cores. Every scenario reports `problems`; a server that behaves reports none.
 */

const MINUTE = 60_000;

beforeAll(() => {
    requireBundle();
});

/** Fails with every problem listed, not only the first. */
function expectNoProblems(problems: readonly string[]): void {
    expect(problems, problems.join('\n')).toEqual([]);
}

describe('the language server under abuse', () => {
    test('1,000 rapid edits with in-flight requests cancelled: it keeps answering, and ends where `check` ends', async () => {
        const run = await rapidEdits({ count: 1_000 });
        expectNoProblems(run.problems);
        // Every request was answered: a result, or a cancellation error; none got lost.
        const answered = Object.values(run.outcomes).reduce((a, b) => a + b, 0);
        expect(answered).toBe(run.requests);
        expect(run.outcomes.error).toBe(0);
        // The final hover explains the figure (2,000,000 req/day is a mean of 23.1 req/s).
        expect(run.hover).toMatch(/23\.1\s*req\/s/);
        // The final text still has findings, so "no diagnostics" could not pass by accident.
        expect(run.finalDiagnostics.length).toBeGreaterThan(0);
        console.log(`rapid edits: ${run.edits} edits sent in ${run.sendSeconds.toFixed(2)} s, diagnostics settled after ${run.settleSeconds.toFixed(2)} s `
            + `(${run.editsPerSecond.toFixed(0)} edits/s); ${run.requests} requests: ${JSON.stringify(run.outcomes)}`);
    }, 3 * MINUTE);

    test('requests at positions outside the document: each answers, nothing crashes', async () => {
        const run = await outOfRange();
        expectNoProblems(run.problems);
        // Out-of-range positions, and formatting with tabSize -1 or 2^31-1, are answered with
        // results (empty ones), not errors.
        expect(run.errors.map(e => `${e.method}${e.where}: ${JSON.stringify(e.error)}`)).toEqual([]);
    }, MINUTE);

    test('formatting with an absurd tabSize answers with edits: at most 16 spaces a level, 2 when it makes no sense', async () => {
        const dir = tempWorkspace();
        const uri = pathToFileURL(path.join(dir, 'plan.mlplan')).href;
        const connection = new LspConnection({ cwd: dir });
        try {
            await connection.initialize(pathToFileURL(dir).href);
            connection.open(uri, 'plan P {\nmetric m { kind ml }\n}\n');
            await connection.diagnosticsFor(uri);
            const indents: Record<string, string[]> = {};
            for (const tabSize of [2 ** 31 - 1, 1e9, 1e300, -1, 0, null, 2.5]) {
                const { result, error } = await connection.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize, insertSpaces: true } });
                expect(error, `tabSize ${tabSize}`).toBeUndefined();
                indents[String(tabSize)] = (result as Array<{ newText: string }>).map(edit => edit.newText);
            }
            const wide = ['\n' + ' '.repeat(16)];
            const narrow = ['\n  '];
            expect(indents).toEqual({
                [String(2 ** 31 - 1)]: wide, [String(1e9)]: wide, [String(1e300)]: wide, '-1': narrow, '0': narrow, null: narrow, '2.5': narrow,
            });
        } finally {
            await connection.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    }, MINUTE);

    test('unknown URIs, never-opened documents, closes without opens, versions going backwards', async () => {
        const run = await unknownDocuments();
        expectNoProblems(run.problems);
        // Nothing is published for documents that were never opened (nor loaded from the workspace).
        expect(run.published.every(uri => /\/(open|present)\.mlplan$/.test(uri)), run.published.join(', ')).toBe(true);
        // Unknown documents are refused with protocol errors, never with silence or a crash.
        const unknownHover = run.answers.filter(a => a.uri === 'untitled:Untitled-1' && a.method === 'textDocument/hover');
        expect(unknownHover.map(a => a.kind)).toEqual(['server-cancelled', 'server-cancelled']);
    }, 2 * MINUTE);

    test('a 1 MB plan is opened, hovered while it builds, and edited', async () => {
        const run = await hugePlan({ bytes: 1_000_000, timeoutMs: 2 * MINUTE });
        expectNoProblems(run.problems);
        expect(run.bytes).toBeGreaterThanOrEqual(1_000_000);
        expect(run.diagnostics).toBe(0);
        expect(run.earlyHover.kind).toBe('result');
        console.log(`1 MB plan (${run.lines} lines): open → diagnostics ${run.openSeconds.toFixed(2)} s, edits → diagnostics `
            + `${run.editSeconds.map(s => s.toFixed(2)).join(' s, ')} s, hover ${(run.hoverSeconds * 1000).toFixed(0)} ms, `
            + `RSS ${((run.rssKb ?? 0) / 1024).toFixed(0)} MB`);
    }, 3 * MINUTE);

    test('random bytes named .mlplan, on disk and opened: syntax errors, no crash', async () => {
        const run = await binaryFiles({ size: 16 * 1024 });
        expectNoProblems(run.problems);
        for (const result of Object.values(run.results)) {
            expect(result.codes).toEqual(['syntax-error']);
        }
    }, 3 * MINUTE);

    test('memory: 2,000 edits leave no growing heap behind', async () => {
        const run = await memoryGrowth({ count: 2_000, early: 100, sampleEvery: 200 });
        expectNoProblems(run.problems);
        const at = (edits: number) => run.samples.find(s => s.edits === edits)!;
        expect(run.samples.map(s => s.edits)).toEqual([100, 200, 400, 600, 800, 1_000, 1_200, 1_400, 1_600, 1_800, 2_000]);
        const early = at(100);
        const end = at(2_000);
        // The live JavaScript heap after a full collection, less compiled code (which grows while
        // V8 optimises the hot paths, and is not retained data), stays within 20 % of its size
        // after the first 100 edits: nothing accumulates per edit.
        expect(end.dataHeapKb / early.dataHeapKb).toBeLessThan(1.2);
        // Resident memory after a collection stays within 20 % of the reading after 100 edits (the
        // issue's bound). With the server's heap ceiling (lsp/server-options.ts) it is +9 % after
        // 10,000 edits; without it +22 to +27 %, V8 reserving memory it never gives back.
        expect(end.gcRssKb / early.gcRssKb).toBeLessThan(1.2);
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        const warm = median([800, 1_000, 1_200].map(n => at(n).gcRssKb));
        const late = median([1_600, 1_800, 2_000].map(n => at(n).gcRssKb));
        const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
        console.log(`memory: ${run.edits} edits at ${run.editsPerSecond.toFixed(0)} edits/s; RSS idle ${mb(early.idleRssKb)} → ${mb(end.idleRssKb)}, `
            + `after GC ${mb(early.gcRssKb)} → ${mb(end.gcRssKb)} (warm median ${mb(warm)} → ${mb(late)}); `
            + `heap data ${mb(early.dataHeapKb)} → ${mb(end.dataHeapKb)}, code ${mb(early.codeKb)} → ${mb(end.codeKb)}`);
    }, 3 * MINUTE);
});
