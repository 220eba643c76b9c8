// Readiness (LANGUAGE.md 4.1): completeness rules satisfied ÷ completeness rules applicable at the
// plan's stage, computed from the diagnostics of really checked plans.
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Stage } from '../../server/src/generated/ast.js';
import type { RuleSettings } from '../../server/src/model/rule-settings.js';
import { COMPLETENESS_RULES } from '../../server/src/rules/completeness/index.js';
import { blockedText, computeReadiness, readinessFigure, type Readiness } from '../../server/src/rules/readiness.js';
import { stageApplies } from '../../server/src/rules/rule.js';
import { check, createTestServices } from '../support/services.js';
import { withCode } from '../support/diagnostics.js';
import { EXAMPLE, atStage, replace, without } from './completeness-support.js';

const services = createTestServices();

async function readinessOf(text: string, settings: RuleSettings = {}, files?: Record<string, string>): Promise<Readiness> {
    const { document, diagnostics } = await check(services, text, { files });
    const root = document.parseResult.value;
    const stage: Stage = root.plan?.stage ?? 'mvp';
    return computeReadiness(root.plan !== undefined, stage, diagnostics, settings);
}

const unmet = (readiness: Readiness): string[] => readiness.items.filter(i => !i.met).map(i => i.rule.code);

describe('applicable rules per stage', () => {
    test('exactly the completeness rules from that stage on, each counted once, in registry order', async () => {
        for (const stage of ['mvp', 'growth', 'maturity'] as const) {
            const fromStage = COMPLETENESS_RULES.filter(r => stageApplies(r.stage, stage)).map(r => r.code);
            const readiness = await readinessOf(`plan Empty { stage ${stage} }`);
            expect(readiness.stage).toBe(stage);
            expect(readiness.applicable, stage).toBe(fromStage.length);
            expect(readiness.items.map(i => i.rule.code), stage).toEqual(fromStage);
        }
    });

    test('an empty plan meets every per-instance rule and fails the existence rules of its stage', async () => {
        const mvp = await readinessOf('plan Empty { }');
        expect(unmet(mvp)).toEqual(['objective-missing', 'owner-missing', 'dataset-missing', 'baseline-missing']);
        expect([mvp.satisfied, mvp.applicable]).toEqual([9, 13]);

        const growth = await readinessOf('plan Empty { stage growth }');
        expect(unmet(growth)).toEqual([
            'objective-missing', 'owner-missing', 'dataset-missing', 'baseline-missing',
            'model-missing', 'serving-missing', 'rollout-missing', 'monitoring-missing', 'risk-missing', 'persona-missing',
        ]);
        expect([growth.satisfied, growth.applicable]).toEqual([14, 24]);

        const maturity = await readinessOf('plan Empty { stage maturity }');
        expect(unmet(maturity)).toEqual([...unmet(growth).slice(0, -1), 'budget-missing', 'milestone-missing', 'persona-missing']);
        expect([maturity.satisfied, maturity.applicable]).toEqual([15, 27]);
    });
});

describe('the spec example', () => {
    test('at growth every applicable rule is satisfied: 24 of 24', async () => {
        const readiness = await readinessOf(EXAMPLE);
        expect(readiness.stage).toBe('growth');
        expect(unmet(readiness)).toEqual([]);
        expect([readiness.satisfied, readiness.applicable]).toEqual([24, 24]);
    });

    test('at maturity too: 27 of 27', async () => {
        const readiness = await readinessOf(atStage(EXAMPLE, 'maturity'));
        expect([readiness.satisfied, readiness.applicable]).toEqual([27, 27]);
    });
});

describe('counting', () => {
    test('a rule counts once however many instances fail', async () => {
        const text = without(EXAMPLE, 'source "warehouse://analytics.subscribers"', 'source "warehouse://analytics.subscribers_q3"');
        const { diagnostics } = await check(services, text);
        expect(withCode(diagnostics, 'dataset-source-missing')).toHaveLength(2);
        const readiness = await readinessOf(text);
        expect(unmet(readiness)).toEqual(['dataset-source-missing']);
        expect([readiness.satisfied, readiness.applicable]).toEqual([23, 24]);
    });

    test('fairness-missing on two sensitive fields is still one unmet rule', async () => {
        const text = 'plan P { dataset e { source "s3://e" fields { a number sensitive  b number sensitive } } model M { evaluation { on e success x > 0 } } metric x { } }';
        const { diagnostics } = await check(services, text);
        expect(withCode(diagnostics, 'fairness-missing')).toHaveLength(2);
        expect(unmet(await readinessOf(text))).toEqual(['objective-missing', 'owner-missing', 'baseline-missing', 'fairness-missing']);
    });

    test('a rule configured `off` is not applicable', async () => {
        const text = without(EXAMPLE, `risk ColdStart {
    description "New subscribers have no usage history"
    likelihood high
    impact medium
    mitigation "Serve TenureRule for tenure under 1 month"
    owner ana
  }`);
        const on = await readinessOf(text);
        expect(unmet(on)).toEqual(['risk-missing']);
        expect([on.satisfied, on.applicable]).toEqual([23, 24]);
        const off = await readinessOf(text, { 'risk-missing': 'off' });
        expect(off.items.map(i => i.rule.code)).not.toContain('risk-missing');
        expect([off.satisfied, off.applicable]).toEqual([23, 23]);
        const otherSeverity = await readinessOf(text, { 'risk-missing': 'error' });
        expect([otherSeverity.satisfied, otherSeverity.applicable]).toEqual([23, 24]);
    });

    test('a finding silenced by mlplan-ignore on the line above the plan name counts as met', async () => {
        const text = '// mlplan-ignore owner-missing -- the steering group owns it\nplan P { }';
        const { diagnostics } = await check(services, text);
        expect(withCode(diagnostics, 'owner-missing')).toEqual([]);
        expect(withCode(diagnostics, 'unused-ignore')).toEqual([]);
        const readiness = await readinessOf(text);
        expect(unmet(readiness)).toEqual(['objective-missing', 'dataset-missing', 'baseline-missing']);
        expect([readiness.satisfied, readiness.applicable]).toEqual([10, 13]);
    });

    test('declarations from an imported catalog satisfy existence rules', async () => {
        const files = { 'catalog.mlplan': 'catalog Shared { dataset d { source "s3://d" } baseline B { kind heuristic } }' };
        const readiness = await readinessOf('import "./catalog.mlplan"\nplan P { }', {}, files);
        expect(unmet(readiness)).toEqual(['objective-missing', 'owner-missing']);
    });
});

describe('catalogs', () => {
    test('a catalog has no readiness: 0 of 0', async () => {
        const readiness = await readinessOf('catalog Shared { dataset raw { fields { email text pii } } }');
        expect([readiness.satisfied, readiness.applicable]).toEqual([0, 0]);
        expect(readiness.items).toEqual([]);
    });
});

describe('blockers (v2): a plan with errors is never presented as ready', () => {
    const at = (severity: DiagnosticSeverity, code: string): Diagnostic => ({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        message: code,
        severity,
        data: { code },
    });

    test('the example is complete and unblocked', async () => {
        const readiness = await readinessOf(EXAMPLE);
        expect(readiness.blockers).toBe(0);
        expect(readinessFigure(readiness)).toBe('24/24');
    });

    test('every error-severity diagnostic counts, whatever its family; a complete plan stays blocked', async () => {
        const one = await readinessOf(replace(EXAMPLE, 'peak 60 req/s', 'peak 10 req/s'));
        expect(unmet(one)).toEqual([]);
        expect([one.satisfied, one.applicable, one.blockers]).toEqual([24, 24, 1]);
        expect(readinessFigure(one)).toBe('24/24, blocked by 1 error');

        const two = await readinessOf(replace(replace(EXAMPLE, 'peak 60 req/s', 'peak 10 req/s'), 'owner raj', 'owner nobody'));
        expect(two.blockers).toBe(2);
        expect(readinessFigure(two)).toBe('24/24, blocked by 2 errors');
    });

    test('a completeness finding raised to an error is both unmet and a blocker', async () => {
        // pii-policy-missing is an error when the plan lists regulations.
        const readiness = await readinessOf(without(EXAMPLE, 'consent "Subscriber terms, section 4.2"'));
        expect(unmet(readiness)).toEqual(['pii-policy-missing']);
        expect(readiness.blockers).toBe(1);
        expect(readinessFigure(readiness)).toBe('23/24, blocked by 1 error');
    });

    test('warnings, infos and hints never block; the final severity decides, not the rule\'s default', () => {
        const quiet = computeReadiness(true, 'mvp', [
            at(DiagnosticSeverity.Warning, 'owner-missing'),
            at(DiagnosticSeverity.Information, 'risk-unmitigated'),
            at(DiagnosticSeverity.Hint, 'unused-ignore'),
        ], {});
        expect(quiet.blockers).toBe(0);
        // A warning rule configured `error` blocks; an error rule configured `warning` does not.
        const configured = computeReadiness(true, 'mvp', [at(DiagnosticSeverity.Error, 'owner-missing'), at(DiagnosticSeverity.Warning, 'peak-below-average')], {});
        expect(configured.blockers).toBe(1);
    });

    test('a catalog has no readiness, but its errors are still counted', async () => {
        const readiness = await readinessOf('catalog Shared { dataset raw { owner nobody } }');
        expect([readiness.satisfied, readiness.applicable, readiness.blockers]).toEqual([0, 0, 1]);
    });

    test('the wording: none, one, several', () => {
        expect(blockedText(0)).toBeUndefined();
        expect(blockedText(1)).toBe('blocked by 1 error');
        expect(blockedText(2)).toBe('blocked by 2 errors');
        expect(blockedText(1_000)).toBe('blocked by 1000 errors');
    });
});

describe('placeholders (v2) do not satisfy a rule', () => {
    test('a placeholder source leaves dataset-source-missing unmet', async () => {
        const readiness = await readinessOf(replace(EXAMPLE, 'source "warehouse://analytics.subscribers_q3"', 'source "TODO"'));
        expect(unmet(readiness)).toEqual(['dataset-source-missing']);
        expect([readiness.satisfied, readiness.applicable]).toEqual([23, 24]);
    });
});
