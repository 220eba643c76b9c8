// Three plans written the way a new user writes them, in domains the examples do not cover, each
// with contradictions planted for the cross-checks of LANGUAGE.md 4.3 (see each file's header).
// Every planted contradiction is caught, nothing else is, and every message reads in figures.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

async function codesOf(file: string): Promise<string[]> {
    const text = readFileSync(path.join(__dirname, 'reviewer', file), 'utf8');
    const { diagnostics } = await check(services, text);
    for (const diagnostic of diagnostics) {
        expect(diagnostic.message).not.toMatch(/NaN|Infinity|undefined/);
    }
    return [...diagnostics]
        .sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code)))
        .map(d => `${String(d.code)}@${d.range.start.line + 1}`);
}

test('edge vision: compute, capacity, latency and the canary\'s power are cross-checked', async () => {
    expect(await codesOf('shelf-vision.mlplan')).toEqual([
        'past-deadline@28', 'inference-over-slo@50', 'success-looser-than-slo@55', 'compute-target-mismatch@65',
        'capacity-below-peak@66', 'rollout-stage-underpowered@75', 'alert-after-rollback@83',
    ]);
});

test('claims routing: privacy, retraining, evaluation data and label delay are cross-checked', async () => {
    expect(await codesOf('claims-severity.mlplan')).toEqual([
        'replace-without-comparison@12', 'past-deadline@25', 'pii-as-feature@51', 'retrain-faster-than-refresh@55',
        'evaluation-missing-feature@56', 'evaluation-missing-label@56', 'rollback-unobservable@76', 'log-retention-exceeds-consent@83',
    ]);
});

test('menu ranking: the calendar and the money are cross-checked', async () => {
    expect(await codesOf('menu-ranking.mlplan')).toEqual([
        'kpi-before-rollout@24', 'cost-exceeds-value@25', 'train-test-overlap@49', 'budget-exceeded@56', 'big-bang-rollout@65',
        'rollout-past-deadline@66', 'labeling-too-slow@74', 'budget-items-exceed-total@78', 'labeling-over-budget@79',
    ]);
});
