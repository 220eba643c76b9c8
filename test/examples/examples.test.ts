import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, type AstNode } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import * as ast from '../../server/src/generated/ast.js';
import { measureOf } from '../../server/src/model/derived.js';
import { mlplan } from '../cli/run.js';
import { check, createTestServices } from '../support/services.js';

/**
 * Every bundled example, checked by the real CLI as a user runs it (`check examples`), with its
 * diagnostics and readiness pinned. A change in any rule's range, code or readiness shows here.
 */
interface FileResult {
    file: string;
    readiness: { satisfied: number; applicable: number; stage: string | null; blockers: number };
    diagnostics: Array<{ code: string; severity: string; range: { start: { line: number; character: number } } }>;
}

/** Readiness as `[satisfied, applicable, stage, blockers]`. */
type Readiness = [number, number, string | null, number];

const EXPECTED: Record<string, { readiness: Readiness; diagnostics: string[] }> = {
    'examples/churn-prediction.mlplan': { readiness: [24, 24, 'growth', 0], diagnostics: [] },
    'examples/demand-forecast.mlplan': { readiness: [13, 13, 'mvp', 0], diagnostics: [] },
    'examples/fraud-detection.mlplan': { readiness: [27, 27, 'maturity', 0], diagnostics: [] },
    'examples/invoice-coding.mlplan': { readiness: [27, 27, 'maturity', 0], diagnostics: [] },
    'examples/shared/payments-catalog.mlplan': { readiness: [0, 0, null, 0], diagnostics: [] },
    // A plan under review: its warnings are the review comments, two of them from the v2 rules.
    'examples/support-triage.mlplan': {
        readiness: [22, 24, 'growth', 0],
        diagnostics: [
            'warning label-delay-missing 35:11',
            'warning pii-as-feature 77:23',
            'warning fairness-missing 82:10',
            'warning rollout-incomplete 107:11',
            'warning rollback-unmonitored 108:19',
            'warning risk-unmitigated 117:8',
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
        const { satisfied, applicable, stage, blockers } = result!.readiness;
        expect([satisfied, applicable, stage, blockers]).toEqual(expected.readiness);
        expect(result!.diagnostics.map(d => `${d.severity} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`))
            .toEqual(expected.diagnostics);
    });
});

/**
 * The examples are what a team copies from: together, the clean ones show every v2 property and
 * unit in use (the review example is left out, since its gaps are on purpose).
 */
describe('the clean examples use the v2 language', () => {
    const V2_USES: Record<string, (node: AstNode) => boolean> = {
        'plan start': n => ast.isPlan(n) && n.start !== undefined,
        'deployment assist': n => ast.isPlan(n) && n.deployment === 'assist',
        'deployment replace': n => ast.isPlan(n) && n.deployment === 'replace',
        'persona with a decision': n => ast.isPersona(n) && n.description !== undefined && n.decision !== undefined,
        'objective value': n => ast.isObjective(n) && n.value !== undefined,
        'objective for several personas': n => ast.isObjective(n) && n.personas.length > 1,
        'labels after': n => ast.isDataset(n) && n.labelDelay !== undefined,
        'labeling rate and cost': n => ast.isLabelingEffort(n) && n.rate !== undefined && n.cost !== undefined,
        'model latency': n => ast.isModel(n) && n.latency !== undefined,
        'model version': n => ast.isModel(n) && n.version !== undefined,
        'model registry': n => ast.isModel(n) && n.registry !== undefined,
        'serving serves': n => ast.isServing(n) && n.serves !== undefined,
        'serving replicas and capacity': n => ast.isServing(n) && n.replicas !== undefined && n.capacity !== undefined,
        'rollout starts DATE': n => ast.isRolloutStart(n) && n.date !== undefined,
        'rollout starts after MILESTONE': n => ast.isRolloutStart(n) && n.milestone !== undefined,
        'milestone needs several datasets': n => ast.isMilestone(n) && n.needs.length > 1,
        'unit rows/day': n => ast.isQuantity(n) && measureOf(n)?.unit.symbol === 'rows/day',
        'unit USD/row': n => ast.isQuantity(n) && measureOf(n)?.unit.symbol === 'USD/row',
        'unit USD/year': n => ast.isQuantity(n) && measureOf(n)?.unit.symbol === 'USD/year',
    };
    const CLEAN = Object.entries(EXPECTED)
        .filter(([file, expected]) => expected.diagnostics.length === 0 && !file.includes('/shared/'))
        .map(([file]) => file);

    test('together they show every v2 property and unit', async () => {
        const shown = new Set<string>();
        for (const file of CLEAN) {
            (await v2UsesOf(file, V2_USES)).forEach(use => shown.add(use));
        }
        expect([...shown].sort()).toEqual(Object.keys(V2_USES).sort());
    });
});

const services = createTestServices();

/** Which of `uses` one example shows (with the shared catalogs beside it, for its imports). */
async function v2UsesOf(file: string, uses: Record<string, (node: AstNode) => boolean>): Promise<Set<string>> {
    const inExamples = (path: string) => path.replace(/^examples\//, '');
    const catalogs = Object.fromEntries(Object.keys(EXPECTED)
        .filter(other => other.includes('/shared/'))
        .map(other => [inExamples(other), readFileSync(other, 'utf8')]));
    const { document } = await check(services, readFileSync(file, 'utf8'), { path: inExamples(file), files: catalogs });
    const found = new Set<string>();
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const [name, shows] of Object.entries(uses)) {
            if (shows(node)) {
                found.add(name);
            }
        }
    }
    return found;
}
