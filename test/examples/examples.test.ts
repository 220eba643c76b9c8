import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { mlplan } from '../cli/run.js';

/**
 * Every bundled example, checked by the real CLI as a user runs it (`check examples`), with its
 * diagnostics and readiness pinned. A change in any rule's range, code or readiness shows here.
 */
interface FileResult {
    file: string;
    readiness: { satisfied: number; applicable: number; stage: string | null };
    diagnostics: Array<{ code: string; severity: string; range: { start: { line: number; character: number } } }>;
}

const EXPECTED: Record<string, { readiness: [number, number, string | null]; diagnostics: string[] }> = {
    'examples/churn-prediction.mlplan': { readiness: [19, 19, 'growth'], diagnostics: [] },
    'examples/demand-forecast.mlplan': { readiness: [12, 12, 'mvp'], diagnostics: [] },
    'examples/fraud-detection.mlplan': { readiness: [22, 22, 'maturity'], diagnostics: [] },
    'examples/shared/payments-catalog.mlplan': { readiness: [0, 0, null], diagnostics: [] },
    'examples/support-triage.mlplan': {
        readiness: [18, 19, 'growth'],
        diagnostics: [
            'warning fairness-missing 74:10',
            'warning rollout-incomplete 99:11',
            'warning rollback-unmonitored 100:19',
            'warning risk-unmitigated 109:8',
        ],
    },
};

let files: FileResult[] = [];
let exitCode = -1;

beforeAll(async () => {
    const run = await mlplan(['check', '--format', 'json', 'examples']);
    exitCode = run.code;
    files = (JSON.parse(run.stdout) as { files: FileResult[] }).files;
});

test('the examples have warnings but no error, so the README main job exits 0', () => {
    expect(exitCode).toBe(0);
});

test('every .mlplan file in examples/ is pinned here', () => {
    const onDisk = readdirSync('examples', { recursive: true, encoding: 'utf8' })
        .filter(f => f.endsWith('.mlplan'))
        .map(f => `examples/${f}`)
        .sort();
    expect(files.map(f => f.file)).toEqual(onDisk);
    expect(Object.keys(EXPECTED).sort()).toEqual(onDisk);
});

describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    test('readiness and diagnostics', () => {
        const result = files.find(f => f.file === file);
        expect(result).toBeDefined();
        const { satisfied, applicable, stage } = result!.readiness;
        expect([satisfied, applicable, stage]).toEqual(expected.readiness);
        expect(result!.diagnostics.map(d => `${d.severity} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`))
            .toEqual(expected.diagnostics);
    });
});
