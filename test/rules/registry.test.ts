import { expect, test } from 'vitest';
import { RULES, RULES_BY_CODE } from '../../server/src/rules/registry.js';

/**
 * The rule codes, default severities and stages are a public contract (LANGUAGE.md section 4):
 * users' configuration files, ignore comments and CI pipelines name them. This table is copied
 * from the contract on purpose, so that a change to the registry has to be a change to it too.
 */
const COMPLETENESS: Array<[string, string]> = [
    ['objective-missing', 'mvp'], ['kpi-missing', 'mvp'], ['owner-missing', 'mvp'], ['dataset-missing', 'mvp'],
    ['dataset-source-missing', 'mvp'], ['baseline-missing', 'mvp'], ['evaluation-missing', 'mvp'],
    ['fairness-missing', 'mvp'], ['pii-policy-missing', 'mvp'], ['fallback-missing', 'mvp'],
    ['latency-slo-missing', 'mvp'], ['rollback-missing', 'mvp'], ['model-missing', 'growth'],
    ['dataset-version-missing', 'growth'], ['serving-missing', 'growth'], ['rollout-missing', 'growth'],
    ['monitoring-missing', 'growth'], ['drift-monitoring-missing', 'growth'], ['risk-missing', 'growth'],
    ['retraining-missing', 'maturity'], ['budget-missing', 'maturity'], ['milestone-missing', 'maturity'],
];

const CONSISTENCY: Array<[string, string]> = [
    ['syntax-error', 'error'], ['unresolved-reference', 'error'], ['ambiguous-reference', 'error'],
    ['unknown-unit', 'error'], ['duplicate-name', 'error'], ['duplicate-property', 'error'],
    ['duplicate-block', 'error'], ['invalid-date', 'error'], ['unit-mismatch', 'error'],
    ['percent-out-of-range', 'error'], ['slo-objective-unrealistic', 'warning'],
    ['rollout-stages-not-increasing', 'error'], ['rollout-incomplete', 'warning'],
    ['peak-below-average', 'error'], ['budget-exceeded', 'error'], ['success-not-above-baseline', 'warning'],
    ['direction-conflict', 'warning'], ['train-test-overlap', 'error'], ['label-as-feature', 'error'],
    ['milestone-order', 'error'], ['milestone-cycle', 'error'], ['past-deadline', 'warning'],
    ['rollback-unmonitored', 'warning'], ['retrain-on-drift-unmonitored', 'error'],
    ['risk-unmitigated', 'warning'], ['import-unresolved', 'error'], ['import-cycle', 'warning'],
];

test('every completeness rule of the contract, a warning from its stage', () => {
    const actual = RULES.filter(r => r.category === 'completeness').map(r => [r.code, r.stage, r.severity]);
    expect(actual).toEqual(COMPLETENESS.map(([code, stage]) => [code, stage, 'warning']));
});

test('every consistency rule of the contract with its default severity', () => {
    for (const [code, severity] of CONSISTENCY) {
        expect(RULES_BY_CODE.get(code)?.severity, code).toBe(severity);
    }
});

test('nothing else but unused-ignore (a hint), and no code twice', () => {
    const contract = new Set([...COMPLETENESS, ...CONSISTENCY].map(([code]) => code));
    expect(RULES.filter(r => !contract.has(r.code)).map(r => [r.code, r.severity])).toEqual([['unused-ignore', 'hint']]);
    expect(RULES_BY_CODE.size).toBe(RULES.length);
});

test('every rule explains itself: a title and a real paragraph on why it matters', () => {
    for (const rule of RULES) {
        expect(rule.title.length, rule.code).toBeGreaterThan(10);
        expect(rule.why.length, rule.code).toBeGreaterThan(120);
        expect(rule.check !== undefined || rule.category === 'source', rule.code).toBe(true);
    }
});
