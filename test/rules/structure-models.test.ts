import { describe, expect, test } from 'vitest';
import { found, rangeAt, unreadable, withCode } from '../support/diagnostics.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

const DATA = `
  metric auc { kind ml better higher }
  metric latency_p99 { kind software unit ms better lower }
  metric error_rate { kind software unit % better lower }
  dataset subscribers { source "s" fields { tenure number  region category  churned boolean label } }
  dataset events { source "e" fields { region category  clicks number } }
  dataset holdout { source "h" fields { tenure number  region category sensitive } }`;

describe('ambiguous-reference', () => {
    test('a bare feature found in two training datasets is reported with the qualified alternatives', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers, events features tenure, region, clicks }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'ambiguous-reference')).toEqual([`ambiguous-reference@${rangeAt(text, 'region', 4)}`]);
        const [diagnostic] = withCode(diagnostics, 'ambiguous-reference');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toContain('`subscribers.region` or `events.region`');
        expect(diagnostic.data).toMatchObject({ candidates: ['subscribers.region', 'events.region'] });
    });

    test('near miss: qualified names, or a name only one training dataset has', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers, events features subscribers.region, events.region, tenure, clicks }
  model n { trains on subscribers features region }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'ambiguous-reference')).toEqual([]);
    });
});

describe('train-test-overlap', () => {
    test('evaluating on a training dataset is reported on the `on` reference', async () => {
        const text = `plan P {${DATA}
  model m { trains on events, subscribers evaluation { on subscribers success auc >= 0.8 } }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'train-test-overlap')).toEqual([`train-test-overlap@${rangeAt(text, 'subscribers', 3)}`]);
        expect(withCode(diagnostics, 'train-test-overlap')[0].message).toContain('`subscribers`');
    });

    test('near miss: a held-out evaluation dataset', async () => {
        const text = `plan P {${DATA}
  model m { trains on events, subscribers evaluation { on holdout success auc >= 0.8 } }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'train-test-overlap')).toEqual([]);
    });
});

describe('label-as-feature', () => {
    test('a feature resolving to a label field is reported on the whole feature', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers, events features tenure, subscribers.churned }
  model n { trains on subscribers features churned }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'label-as-feature')).toEqual([
            `label-as-feature@${rangeAt(text, 'subscribers.churned')}`,
            `label-as-feature@${rangeAt(text, 'churned', 3)}`,
        ]);
        expect(withCode(diagnostics, 'label-as-feature')[0].message).toContain('`churned` is the label of dataset `subscribers`');
    });

    test('near miss: features that are not labels (a field called `label` is impossible, `labels` is fine)', async () => {
        const text = `plan P {${DATA}
  dataset extra { source "x" fields { labels number } }
  model m { trains on subscribers, extra features tenure, labels }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'label-as-feature')).toEqual([]);
    });
});

describe('retrain-on-drift-unmonitored', () => {
    test('retrain on drift without any drift line is reported on `on drift`', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers retrain on drift }
  monitoring { alert auc < 0.7 }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'retrain-on-drift-unmonitored')).toEqual([`retrain-on-drift-unmonitored@${rangeAt(text, 'on drift')}`]);
        expect(withCode(diagnostics, 'retrain-on-drift-unmonitored')[0].severity).toBe(1);
    });

    test('also without a monitoring block', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers retrain on drift }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'retrain-on-drift-unmonitored')).toEqual([`retrain-on-drift-unmonitored@${rangeAt(text, 'on drift')}`]);
        expect(withCode(diagnostics, 'retrain-on-drift-unmonitored')[0].message).toContain('no `monitoring` block');
    });

    test('near miss: a drift line exists, or the model retrains on a schedule', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers retrain on drift }
  model n { trains on events retrain every 30 d }
  monitoring { drift subscribers.tenure psi > 0.2 }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'retrain-on-drift-unmonitored')).toEqual([]);
        const scheduled = await check(services, `plan P {${DATA}\n  model n { trains on events retrain every 30 d }\n}`);
        expect(found(scheduled.diagnostics, 'retrain-on-drift-unmonitored')).toEqual([]);
    });
});

describe('rollback-unmonitored', () => {
    test('a rollback metric without an alert is reported on the metric in `rollback when`', async () => {
        const text = `plan P {${DATA}
  rollout { strategy canary stage 10 % stage 100 % rollback when latency_p99 > 300 ms or error_rate > 1 % }
  monitoring { alert latency_p99 > 200 ms }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'rollback-unmonitored')).toEqual([`rollback-unmonitored@${rangeAt(text, 'error_rate', 2)}`]);
        const [diagnostic] = withCode(diagnostics, 'rollback-unmonitored');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toContain('`error_rate`');
    });

    test('every rollback metric is reported when there is no monitoring block', async () => {
        const text = `plan P {${DATA}
  rollout { strategy canary rollback when latency_p99 > 300 ms and error_rate > 1 % }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'rollback-unmonitored')).toEqual([
            `rollback-unmonitored@${rangeAt(text, 'latency_p99', 2)}`,
            `rollback-unmonitored@${rangeAt(text, 'error_rate', 2)}`,
        ]);
    });

    test('near miss: every rollback metric has an alert', async () => {
        const text = `plan P {${DATA}
  rollout { strategy canary rollback when latency_p99 > 300 ms or error_rate > 1 % }
  monitoring { alert error_rate > 0.5 % notify "#oncall" alert latency_p99 > 200 ms }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'rollback-unmonitored')).toEqual([]);
    });
});

describe('risk-unmitigated', () => {
    test('a high-impact risk without mitigation is reported on its name', async () => {
        const text = `plan P {
  risk ColdStart { likelihood low impact high description "no history" }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'risk-unmitigated')).toEqual([`risk-unmitigated@${rangeAt(text, 'ColdStart')}`]);
        expect(withCode(diagnostics, 'risk-unmitigated')[0].severity).toBe(2);
    });

    test('near miss: mitigated, or not high impact', async () => {
        const text = `plan P {
  risk A { impact high mitigation "serve the baseline" }
  risk B { impact medium likelihood high }
  risk C { likelihood high }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'risk-unmitigated')).toEqual([]);
    });
});
