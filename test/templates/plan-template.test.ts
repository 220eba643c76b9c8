import { expect, test } from 'vitest';
import { isPlaceholder } from '../../server/src/model/placeholder.js';
import { computeReadiness } from '../../server/src/rules/readiness.js';
import { planNameFrom, planTemplate, TEMPLATE_STAGES } from '../../server/src/templates/plan-template.js';
import { check, createTestServices } from '../support/services.js';
import { locatedWithMessage } from '../support/diagnostics.js';

const services = createTestServices();

test.each(TEMPLATE_STAGES)('the %s template checks clean and fully ready at its stage', async stage => {
    const { document, diagnostics } = await check(services, planTemplate(stage, 'Churn model'));
    expect(diagnostics.map(locatedWithMessage)).toEqual([]);
    const readiness = computeReadiness(true, stage, diagnostics, {});
    expect(readiness.stage).toBe(stage);
    expect(readiness.satisfied).toBe(readiness.applicable);
    expect(readiness.blockers).toBe(0);
    expect(document.parseResult.value.plan?.name).toBe('ChurnModel');
});

test('each stage says more than the one before', () => {
    const [mvp, growth, maturity] = TEMPLATE_STAGES.map(stage => planTemplate(stage).split('\n').length);
    expect(mvp).toBeLessThan(growth);
    expect(growth).toBeLessThan(maturity);
    expect(planTemplate('mvp')).not.toContain('serving {');
    expect(planTemplate('maturity')).toContain('budget {');
});

test('every value a rule reads is a realistic example, never a placeholder (which would satisfy nothing)', () => {
    for (const stage of TEMPLATE_STAGES) {
        const values = [...planTemplate(stage).matchAll(/^\s*(source|version|consent|mitigation|fallback) "([^"]*)"/gm)];
        expect(values.length, stage).toBeGreaterThan(0);
        for (const [line, property, value] of values) {
            // A medium-impact risk's mitigation is read by no rule; the others are.
            if (property !== 'mitigation') {
                expect(isPlaceholder(value), line).toBe(false);
            }
        }
    }
    expect(planTemplate('growth')).toContain('persona end_user {');
    expect(planTemplate('growth')).toContain('labels after 30 d');
    expect(planTemplate('mvp')).not.toContain('persona');
});

test('placeholders are marked TODO for the team to fill in', () => {
    expect(planTemplate('growth').match(/TODO/g)?.length).toBeGreaterThan(10);
});

test.each([
    ['churn prediction', 'ChurnPrediction'],
    ['2026 forecast', 'Plan2026Forecast'],
    ['', 'Plan'],
    ['fraud-v3 model', 'FraudV3Model'],
])('plan name from %j is %s', (input, name) => {
    expect(planNameFrom(input)).toBe(name);
});
