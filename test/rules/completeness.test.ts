// Completeness rules that apply from `mvp` (LANGUAGE.md 4.1), plus what holds for all of them:
// plans only, the spec example is clean, partial ASTs never make a rule throw.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { check, createTestServices } from '../support/services.js';
import { found, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { COMPLETENESS_CODES, EXAMPLE, atStage, completenessCodes, replace, without } from './completeness-support.js';

const services = createTestServices();

const SLO = `slo ScoringLatency {
    indicator latency_p99 <= 150 ms
    objective 99.5 %
    window 28 d
  }`;

describe('where completeness applies', () => {
    test('the spec example (growth) raises no completeness diagnostic', async () => {
        const { diagnostics } = await check(services, EXAMPLE);
        expect(completenessCodes(diagnostics)).toEqual([]);
    });

    test('the spec example at maturity raises none either (it retrains, has a budget and milestones)', async () => {
        const { diagnostics } = await check(services, atStage(EXAMPLE, 'maturity'));
        expect(completenessCodes(diagnostics)).toEqual([]);
    });

    test('an empty plan raises exactly the existence rules of its stage, on the plan name', async () => {
        const mvp = ['baseline-missing', 'dataset-missing', 'objective-missing', 'owner-missing'];
        const growth = [...mvp, 'model-missing', 'monitoring-missing', 'persona-missing', 'risk-missing', 'rollout-missing', 'serving-missing'];
        const maturity = [...growth, 'budget-missing', 'milestone-missing'];
        const expected: Record<string, string[]> = { mvp, growth, maturity };
        for (const stage of ['mvp', 'growth', 'maturity']) {
            const text = `plan Empty { stage ${stage} }`;
            const { diagnostics } = await check(services, text);
            expect(completenessCodes(diagnostics), stage).toEqual([...expected[stage]].sort());
            for (const code of expected[stage]) {
                expect(found(diagnostics, code), code).toEqual([`${code}@${rangeAt(text, 'Empty')}`]);
            }
        }
    });

    test('a plan without `stage` is at mvp', async () => {
        const { diagnostics } = await check(services, 'plan Empty { }');
        expect(completenessCodes(diagnostics)).toEqual(['baseline-missing', 'dataset-missing', 'objective-missing', 'owner-missing']);
    });

    test('a catalog gets no completeness diagnostic, however little it says', async () => {
        const text = `catalog Shared {
  dataset raw { fields { email text pii  region category sensitive } }
}`;
        const { diagnostics } = await check(services, text);
        expect(completenessCodes(diagnostics)).toEqual([]);
    });

    describe('rules never throw on partial ASTs', () => {
        afterEach(() => vi.restoreAllMocks());

        test('every prefix of the example (as typed) and a few broken blocks', async () => {
            const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
            const texts = [
                'plan',
                'plan {',
                'plan P { stage growth model M { evaluation { on } } serving { mode } rollout { strategy } monitoring { drift } }',
                'plan P { objective O { kpi } dataset d { fields { x text pii sensitive } } model M { evaluation { on d slice by } } }',
                'plan P { serving { mode realtime } slo S { indicator } rollout { strategy canary rollback when } }',
            ];
            const maturity = atStage(EXAMPLE, 'maturity');
            for (let end = 0; end < maturity.length; end += 23) {
                texts.push(maturity.slice(0, end));
            }
            for (const text of texts) {
                await check(services, text);
            }
            // Only completeness rules are this file's concern; other families have their own tests.
            const failed = errors.mock.calls.map(call => /^mlplan: rule (\S+) failed/.exec(String(call[0]))?.[1]);
            expect(failed.filter(code => code !== undefined && COMPLETENESS_CODES.has(code))).toEqual([]);
        });
    });
});

describe('objective-missing', () => {
    test('a plan without objective: on the plan name', async () => {
        const text = 'plan Churn {\n  owner ana\n  person ana\n}';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'objective-missing')).toEqual(['objective-missing@1:6-1:11']);
        expect(withCode(diagnostics, 'objective-missing')[0].message).toContain('plan `Churn` has no objective');
        expect(withCode(diagnostics, 'objective-missing')[0].severity).toBe(DiagnosticSeverity.Warning);
    });

    test('near miss: one objective is enough', async () => {
        const { diagnostics } = await check(services, 'plan Churn { objective O { kpi m < 1 } metric m { } }');
        expect(withCode(diagnostics, 'objective-missing')).toEqual([]);
    });
});

describe('kpi-missing', () => {
    test('each objective without kpi, on its name', async () => {
        const text = `plan P {
  metric m { kind business }
  objective Measured { kpi m < 1 }
  objective Vague { description "be better" }
  objective AlsoVague { priority high }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'kpi-missing')).toEqual([`kpi-missing@${rangeAt(text, 'Vague')}`, `kpi-missing@${rangeAt(text, 'AlsoVague')}`]);
        expect(withCode(diagnostics, 'kpi-missing')[0].message).toContain('objective `Vague` has no kpi');
    });

    test('near miss: the example objective has a kpi', async () => {
        const { diagnostics } = await check(services, EXAMPLE);
        expect(withCode(diagnostics, 'kpi-missing')).toEqual([]);
        const broken = await check(services, without(EXAMPLE, 'kpi churn_rate <= 3.5 % by 2026-12-31'));
        expect(found(broken.diagnostics, 'kpi-missing')).toEqual([`kpi-missing@${rangeWithin(EXAMPLE, 'objective ReduceChurn', 'ReduceChurn')}`]);
    });
});

describe('owner-missing', () => {
    test('the example without owner: on the plan name', async () => {
        const { diagnostics } = await check(services, without(EXAMPLE, 'owner ana                              // person or team'));
        expect(found(diagnostics, 'owner-missing')).toEqual([`owner-missing@${rangeWithin(EXAMPLE, 'plan ChurnPrediction', 'ChurnPrediction')}`]);
        expect(withCode(diagnostics, 'owner-missing')[0].message).toContain('plan `ChurnPrediction` has no owner');
    });

    test('near miss: an owner declared in an imported catalog', async () => {
        const { diagnostics } = await check(services, 'import "./catalog.mlplan"\nplan P { owner ml_team }', {
            files: { 'catalog.mlplan': 'catalog Org { person ana team ml_team { members ana } }' },
        });
        expect(withCode(diagnostics, 'owner-missing')).toEqual([]);
        expect(withCode(diagnostics, 'unresolved-reference')).toEqual([]);
    });
});

describe('dataset-missing', () => {
    test('a plan without dataset: on the plan name', async () => {
        const text = 'plan NoData {\n  stage mvp\n}';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'dataset-missing')).toEqual(['dataset-missing@1:6-1:12']);
        expect(withCode(diagnostics, 'dataset-missing')[0].message).toContain('plan `NoData` declares no dataset');
    });

    test('near miss: a dataset declared in an imported catalog counts', async () => {
        const { diagnostics } = await check(services, 'import "./catalog.mlplan"\nplan P { }', {
            files: { 'catalog.mlplan': 'catalog Data { dataset events { source "s3://events" } }' },
        });
        expect(withCode(diagnostics, 'dataset-missing')).toEqual([]);
        expect(withCode(diagnostics, 'import-unresolved')).toEqual([]);
    });
});

describe('dataset-source-missing', () => {
    test('a dataset without source: on its name', async () => {
        const text = without(EXAMPLE, 'source "warehouse://analytics.subscribers_q3"');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'dataset-source-missing')).toEqual([`dataset-source-missing@${rangeWithin(text, 'dataset holdout_2026q3', 'holdout_2026q3')}`]);
        expect(withCode(diagnostics, 'dataset-source-missing')[0].message)
            .toBe('dataset `holdout_2026q3` has no source: record where the data comes from (provenance)');
    });

    test('near miss: an imported dataset without source is its catalog\'s business', async () => {
        const { diagnostics } = await check(services, 'import "./catalog.mlplan"\nplan P { model M { trains on raw } }', {
            files: { 'catalog.mlplan': 'catalog Data { dataset raw { version "1" } }' },
        });
        expect(withCode(diagnostics, 'dataset-source-missing')).toEqual([]);
        expect(withCode(diagnostics, 'dataset-missing')).toEqual([]);
    });
});

describe('baseline-missing', () => {
    test('a plan without baseline: on the plan name', async () => {
        const text = 'plan NoBar { dataset d { source "x" } }';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'baseline-missing')).toEqual([`baseline-missing@${rangeAt(text, 'NoBar')}`]);
        expect(withCode(diagnostics, 'baseline-missing')[0].message).toContain('plan `NoBar` has no baseline');
    });

    test('near miss: a baseline from an imported catalog counts', async () => {
        const { diagnostics } = await check(services, 'import "./catalog.mlplan"\nplan P { serving { fallback Rule } }', {
            files: { 'catalog.mlplan': 'catalog Shared { baseline Rule { kind heuristic } }' },
        });
        expect(withCode(diagnostics, 'baseline-missing')).toEqual([]);
        expect(withCode(diagnostics, 'fallback-missing')).toEqual([]);
    });
});

describe('evaluation-missing', () => {
    test('a model without evaluation: on its name', async () => {
        const text = 'plan P {\n  model Scorer { algorithm "logistic regression" }\n}';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'evaluation-missing')).toEqual(['evaluation-missing@2:9-2:15']);
        expect(withCode(diagnostics, 'evaluation-missing')[0].message).toContain('model `Scorer` has no evaluation');
    });

    test('an evaluation without success: on the `evaluation` keyword', async () => {
        const text = without(EXAMPLE, 'success auc >= 0.78', 'success latency_p99 <= 150 ms');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'evaluation-missing')).toEqual([`evaluation-missing@${rangeWithin(text, 'evaluation {', 'evaluation')}`]);
        expect(withCode(diagnostics, 'evaluation-missing')[0].message).toContain('the evaluation of model `ChurnGBM` has no `success`');
    });

    test('a model named `evaluation`: the keyword, not the name, carries the finding', async () => {
        const text = 'plan P { model evaluation { evaluation { on d } } dataset d { } }';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'evaluation-missing')).toEqual([`evaluation-missing@${rangeAt(text, 'evaluation', 2)}`]);
    });

    test('near miss: the example model has an evaluation with success criteria', async () => {
        const { diagnostics } = await check(services, EXAMPLE);
        expect(withCode(diagnostics, 'evaluation-missing')).toEqual([]);
    });
});

describe('fairness-missing', () => {
    // The finding sits on the evaluation's `on` reference: the evaluation data is what brings in the
    // sensitive field, and the missing `slice by` line belongs in that block.
    test('the example without its slice: on the `on` dataset, naming the field', async () => {
        const text = without(EXAMPLE, 'slice by region where auc gap <= 0.03');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'fairness-missing')).toEqual([`fairness-missing@${rangeWithin(text, 'on holdout_2026q3', 'holdout_2026q3')}`]);
        expect(withCode(diagnostics, 'fairness-missing')[0].message)
            .toContain('the evaluation of model `ChurnGBM` on `holdout_2026q3` has no `slice by region`');
    });

    test('one finding per sensitive field not sliced', async () => {
        const text = `plan P {
  dataset eval { fields { region category sensitive  age number sensitive  gender category sensitive  y boolean label } }
  model M { evaluation { on eval  success y > 0  slice by age } }
}`;
        const { diagnostics } = await check(services, text);
        const here = `fairness-missing@${rangeWithin(text, 'on eval', 'eval')}`;
        expect(found(diagnostics, 'fairness-missing')).toEqual([here, here]);
        expect(withCode(diagnostics, 'fairness-missing').map(d => /field `(\w+)`/.exec(String(d.message))?.[1])).toEqual(['region', 'gender']);
    });

    test('the sensitive field may come from an imported dataset; the local evaluation is reported', async () => {
        const text = 'import "./catalog.mlplan"\nplan P { model M { evaluation { on people } } }';
        const files = { 'catalog.mlplan': 'catalog C { dataset people { fields { region category sensitive } } }' };
        const { diagnostics } = await check(services, text, { files });
        expect(found(diagnostics, 'fairness-missing')).toEqual([`fairness-missing@${rangeAt(text, 'people')}`]);
        const sliced = await check(services, replace(text, 'on people', 'on people slice by region'), { files });
        expect(withCode(sliced.diagnostics, 'fairness-missing')).toEqual([]);
    });

    test('near miss: no sensitive field, or every one sliced', async () => {
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'fairness-missing')).toEqual([]);
        const plain = 'plan P { dataset eval { fields { region category } } model M { evaluation { on eval } } }';
        expect(withCode((await check(services, plain)).diagnostics, 'fairness-missing')).toEqual([]);
    });
});

describe('pii-policy-missing', () => {
    test('no consent under regulations: an error on the dataset name that says only consent is missing', async () => {
        const text = without(EXAMPLE, 'consent "Subscriber terms, section 4.2"');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'pii-policy-missing')).toEqual([`pii-policy-missing@${rangeWithin(text, 'dataset subscribers', 'subscribers')}`]);
        const [finding] = withCode(diagnostics, 'pii-policy-missing');
        expect(finding.severity).toBe(DiagnosticSeverity.Error);
        expect(finding.message).toContain('dataset `subscribers` holds personal data (`email`) but has no `consent`:');
        expect(finding.message).not.toContain('retention`');
        expect(finding.message).toContain('GDPR, CCPA, PCI-DSS');
    });

    test('neither consent nor retention, no regulations: a warning naming both', async () => {
        const text = 'plan P {\n  dataset users { fields { email text pii  phone text pii } }\n}';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'pii-policy-missing')).toEqual(['pii-policy-missing@2:11-2:16']);
        const [finding] = withCode(diagnostics, 'pii-policy-missing');
        expect(finding.severity).toBe(DiagnosticSeverity.Warning);
        expect(finding.message).toContain('(`email`, `phone`) but has no `consent` and no `retention`');
    });

    test('only retention missing', async () => {
        const { diagnostics } = await check(services, without(EXAMPLE, 'retention 365 d'));
        expect(withCode(diagnostics, 'pii-policy-missing').map(d => d.message)).toEqual([expect.stringContaining('has no `retention`:')]);
    });

    test('near miss: no pii field, or both policies present', async () => {
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'pii-policy-missing')).toEqual([]);
        const noPii = 'plan P { regulations GDPR dataset d { fields { region category sensitive } } }';
        expect(withCode((await check(services, noPii)).diagnostics, 'pii-policy-missing')).toEqual([]);
    });
});

describe('fallback-missing', () => {
    test('serving without fallback: on the `serving` keyword', async () => {
        const text = without(EXAMPLE, 'fallback TenureRule');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'fallback-missing')).toEqual([`fallback-missing@${rangeWithin(text, 'serving {', 'serving')}`]);
        expect(withCode(diagnostics, 'fallback-missing')[0].message).toContain('no fallback defined');
    });

    test('near miss: a string fallback counts', async () => {
        const { diagnostics } = await check(services, replace(EXAMPLE, 'fallback TenureRule', 'fallback "show the default offer"'));
        expect(withCode(diagnostics, 'fallback-missing')).toEqual([]);
    });
});

describe('latency-slo-missing', () => {
    test('realtime serving without slo: on the `serving` keyword', async () => {
        const text = without(EXAMPLE, SLO);
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'latency-slo-missing')).toEqual([`latency-slo-missing@${rangeWithin(text, 'serving {', 'serving')}`]);
        expect(withCode(diagnostics, 'latency-slo-missing')[0].message).toContain('serving is `realtime` but no slo bounds its latency');
    });

    test('an slo on a software metric that is not a time, or on a time metric that is not software, does not count', async () => {
        const onErrors = replace(EXAMPLE, 'indicator latency_p99 <= 150 ms', 'indicator error_rate <= 1 %');
        expect(withCode((await check(services, onErrors)).diagnostics, 'latency-slo-missing')).toHaveLength(1);
        const business = replace(EXAMPLE, 'metric latency_p99 { kind software', 'metric latency_p99 { kind business');
        expect(withCode((await check(services, business)).diagnostics, 'latency-slo-missing')).toHaveLength(1);
        const seconds = replace(EXAMPLE, 'metric latency_p99 { kind software unit ms', 'metric latency_p99 { kind software unit s');
        const secondsSlo = replace(seconds, 'indicator latency_p99 <= 150 ms', 'indicator latency_p99 <= 0.15 s');
        expect(withCode((await check(services, secondsSlo)).diagnostics, 'latency-slo-missing')).toEqual([]);
    });

    test('near miss: batch serving needs no latency slo', async () => {
        const { diagnostics } = await check(services, replace(without(EXAMPLE, SLO), 'mode realtime', 'mode batch'));
        expect(withCode(diagnostics, 'latency-slo-missing')).toEqual([]);
    });
});

describe('rollback-missing', () => {
    const noRollback = without(EXAMPLE, 'rollback when latency_p99 > 300 ms or error_rate > 1 %');

    test('canary, blue-green and ab-test without rollback: on the `rollout` keyword', async () => {
        for (const strategy of ['canary', 'blue-green', 'ab-test']) {
            const text = replace(noRollback, 'strategy canary', `strategy ${strategy}`);
            const { diagnostics } = await check(services, text);
            expect(found(diagnostics, 'rollback-missing'), strategy).toEqual([`rollback-missing@${rangeWithin(text, 'rollout {', 'rollout')}`]);
            expect(withCode(diagnostics, 'rollback-missing')[0].message).toContain(`rollout strategy \`${strategy}\` has no \`rollback when\``);
        }
    });

    test('near miss: big-bang and shadow need no rollback line; canary with one is fine', async () => {
        for (const strategy of ['big-bang', 'shadow']) {
            const { diagnostics } = await check(services, replace(noRollback, 'strategy canary', `strategy ${strategy}`));
            expect(withCode(diagnostics, 'rollback-missing'), strategy).toEqual([]);
        }
        expect(withCode((await check(services, EXAMPLE)).diagnostics, 'rollback-missing')).toEqual([]);
    });
});

describe('business-kpi-missing', () => {
    const PLAN_NAME = (text: string): string => `business-kpi-missing@${rangeWithin(text, 'plan ChurnPrediction', 'ChurnPrediction')}`;

    test('the example with its kpi on an ML metric: on the plan name, naming the metric and its kind', async () => {
        const text = replace(EXAMPLE, 'kpi churn_rate <= 3.5 % by 2026-12-31', 'kpi auc >= 0.8');
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'business-kpi-missing')).toEqual([PLAN_NAME(text)]);
        const [finding] = withCode(diagnostics, 'business-kpi-missing');
        expect(finding.message).toBe('plan `ChurnPrediction` has no kpi on a business metric (its kpis are on `auc` (ml) only): give an objective a kpi on `churn_rate` or another metric the business tracks');
        expect(finding.severity).toBe(DiagnosticSeverity.Warning);
        // From mvp on.
        expect(found((await check(services, atStage(text, 'mvp'))).diagnostics, 'business-kpi-missing')).toHaveLength(1);
    });

    test('every metric listed once, a metric without `kind` said so', async () => {
        const text = `plan P {
  metric auc { kind ml }
  metric p99 { kind software unit ms }
  metric m { }
  objective A { kpi auc >= 0.8  kpi m > 1 }
  objective B { kpi auc >= 0.9  kpi p99 < 100 ms }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'business-kpi-missing')).toEqual([`business-kpi-missing@${rangeWithin(text, 'plan P', 'P')}`]);
        expect(withCode(diagnostics, 'business-kpi-missing')[0].message).toBe('plan `P` has no kpi on a business metric (its kpis are on `auc` (ml), `m` (no kind), `p99` (software) only): declare a metric of `kind business` that the business already tracks (churn, losses, revenue, handling time) and give an objective a kpi on it');
    });

    test('objectives without any kpi: both kpi-missing (per objective) and this rule (for the plan)', async () => {
        const text = 'plan P {\n  objective Vague { description "be better" }\n}';
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'business-kpi-missing')).toEqual([`business-kpi-missing@${rangeWithin(text, 'plan P', 'P')}`]);
        expect(withCode(diagnostics, 'business-kpi-missing')[0].message).toContain('has no kpi on a business metric (its objectives have no kpi):');
        expect(found(diagnostics, 'kpi-missing')).toEqual([`kpi-missing@${rangeAt(text, 'Vague')}`]);
    });

    test('an imported objective counts for the plan; its kpis decide', async () => {
        const files = { 'other.mlplan': 'plan Other { metric auc { kind ml } objective O { kpi auc >= 0.8 } }' };
        const text = 'import "./other.mlplan"\nplan P { }';
        const { diagnostics } = await check(services, text, { files });
        expect(found(diagnostics, 'business-kpi-missing')).toEqual([`business-kpi-missing@${rangeWithin(text, 'plan P', 'P')}`]);
        expect(withCode(diagnostics, 'objective-missing')).toEqual([]);
    });

    test('near miss: one business kpi in any objective is enough, even on a metric from a catalog', async () => {
        const second = `plan P {
  metric auc { kind ml }
  metric revenue { kind business unit USD }
  objective A { kpi auc >= 0.8 }
  objective B { kpi revenue >= 1_000 USD }
}`;
        expect(withCode((await check(services, second)).diagnostics, 'business-kpi-missing')).toEqual([]);
        const imported = await check(services, 'import "./c.mlplan"\nplan P { objective O { kpi churn < 3 } }', {
            files: { 'c.mlplan': 'catalog C { metric churn { kind business } }' },
        });
        expect(unreadable(imported.diagnostics)).toEqual([]);
        expect(withCode(imported.diagnostics, 'business-kpi-missing')).toEqual([]);
    });

    test('near miss: no objective at all is objective-missing\'s finding alone', async () => {
        const { diagnostics } = await check(services, 'plan P { metric auc { kind ml } }');
        expect(withCode(diagnostics, 'business-kpi-missing')).toEqual([]);
        expect(withCode(diagnostics, 'objective-missing')).toHaveLength(1);
    });

    test('near miss: a kpi whose metric does not resolve might be a business one: silent', async () => {
        const { diagnostics } = await check(services, 'plan P { metric auc { kind ml } objective O { kpi auc >= 0.8  kpi revenu > 1 } }');
        expect(withCode(diagnostics, 'unresolved-reference')).toHaveLength(1);
        expect(withCode(diagnostics, 'business-kpi-missing')).toEqual([]);
    });
});
