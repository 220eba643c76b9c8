// percent-out-of-range, slo-objective-unrealistic, rollout-stages-not-increasing, rollout-incomplete.
import { describe, expect, test } from 'vitest';
import { createTestServices } from '../support/services.js';
import { diagnosticsOf, foundIn, located } from '../support/diagnostics.js';

const services = createTestServices();

/** A rollout with the given strategy and stages, one stage a line (stage i is on line 3 + i). */
function rollout(strategy: string | undefined, ...traffic: string[]): string {
    return [
        'plan P {',
        '  rollout {',
        strategy ? `    strategy ${strategy}` : '    shadow 7 d',
        ...traffic.map(t => `    stage ${t}`),
        '  }',
        '}',
    ].join('\n');
}

describe('percent-out-of-range', () => {
    test('stage traffic above 100 %', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'percent-out-of-range', rollout('canary', '10 %', '150 %'));
        expect(located(diagnostic)).toBe('percent-out-of-range@5:11-5:16');
        expect(diagnostic.message).toBe('stage traffic 150 % is outside 0–100 %');
        expect(diagnostic.severity).toBe(1);
        expect(await foundIn(services, 'percent-out-of-range', rollout('canary', '10 %', '100 %'))).toEqual([]);
    });

    test('a plain number is a ratio: `stage 50` is 5,000 %', async () => {
        const [diagnostic, ...rest] = await diagnosticsOf(services, 'percent-out-of-range', rollout('canary', '1 %', '50', '100 %'));
        expect(rest).toEqual([]);
        expect(located(diagnostic)).toBe('percent-out-of-range@5:11-5:13');
        expect(diagnostic.message).toBe('stage traffic 50 (a plain number is a ratio: 5,000 %) is outside 0–100 %; write `50 %` for a percentage');
        expect(diagnostic.data).toMatchObject({ replacement: '50 %' });
        expect(await foundIn(services, 'percent-out-of-range', rollout('canary', '1 %', '0.5', '1'))).toEqual([]);
    });

    test('negative traffic', async () => {
        expect(await foundIn(services, 'percent-out-of-range', rollout('canary', '-5 %', '100 %'))).toEqual(['percent-out-of-range@4:11-4:15']);
        expect(await foundIn(services, 'percent-out-of-range', rollout('canary', '0 %', '100 %'))).toEqual([]);
    });

    test('slo objective', async () => {
        const text = (objective: string) => `plan P {
  slo Latency {
    objective ${objective}
    window 28 d
  }
}`;
        expect(await foundIn(services, 'percent-out-of-range', text('100.5 %'))).toEqual(['percent-out-of-range@3:15-3:22']);
        const [plain] = await diagnosticsOf(services, 'percent-out-of-range', text('99.5'));
        expect(located(plain)).toBe('percent-out-of-range@3:15-3:19');
        expect(plain.message).toBe('slo `objective` 99.5 (a plain number is a ratio: 9,950 %) is outside 0–100 %; write `99.5 %` for a percentage');
        expect(await foundIn(services, 'percent-out-of-range', text('99.5 %'))).toEqual([]);
        expect(await foundIn(services, 'percent-out-of-range', text('0.995'))).toEqual([]);
    });

    test('kpi on a % metric, as a percentage or as a ratio', async () => {
        const text = (kpi: string) => `plan P {
  metric churn_rate { unit % better lower }
  metric auc { better higher }
  objective O {
    kpi ${kpi}
  }
}`;
        expect(await foundIn(services, 'percent-out-of-range', text('churn_rate <= 350 %'))).toEqual(['percent-out-of-range@5:23-5:28']);
        const [ratio] = await diagnosticsOf(services, 'percent-out-of-range', text('churn_rate <= 35'));
        expect(located(ratio)).toBe('percent-out-of-range@5:23-5:25');
        expect(ratio.message).toBe('kpi on `churn_rate` 35 (a plain number is a ratio: 3,500 %) is outside 0–100 %; write `35 %` for a percentage');
        expect(await foundIn(services, 'percent-out-of-range', text('churn_rate <= 3.5 %'))).toEqual([]);
        expect(await foundIn(services, 'percent-out-of-range', text('churn_rate <= 0.035'))).toEqual([]);
        // A metric without unit is not a percentage: its values are not bounded by the rule.
        expect(await foundIn(services, 'percent-out-of-range', text('auc >= 35'))).toEqual([]);
    });

    test('check missing thresholds', async () => {
        const text = (threshold: string) => `plan P {
  dataset d {
    fields { x number }
    check missing x < ${threshold}
  }
}`;
        expect(await foundIn(services, 'percent-out-of-range', text('150 %'))).toEqual(['percent-out-of-range@4:23-4:28']);
        expect(await foundIn(services, 'percent-out-of-range', text('2'))).toEqual(['percent-out-of-range@4:23-4:24']);
        expect(await foundIn(services, 'percent-out-of-range', text('1 %'))).toEqual([]);
        expect(await foundIn(services, 'percent-out-of-range', text('0.01'))).toEqual([]);
    });

    test('a value of the wrong kind is a unit-mismatch only', async () => {
        const text = rollout('canary', '500 d', '100 %');
        expect(await foundIn(services, 'percent-out-of-range', text)).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual(['unit-mismatch@4:11-4:16']);
        expect(await foundIn(services, 'percent-out-of-range', rollout('canary', '500 %', '100 %'))).toEqual(['percent-out-of-range@4:11-4:16']);
    });
});

describe('slo-objective-unrealistic', () => {
    const slo = (objective: string) => `plan P {
  slo Availability {
    objective ${objective}
    window 28 d
  }
}`;

    test('exactly 100 %', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'slo-objective-unrealistic', slo('100 %'));
        expect(located(diagnostic)).toBe('slo-objective-unrealistic@3:15-3:20');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('slo `Availability` aims at 100 %, which leaves no error budget (0 ms of allowed bad time over 28 d): a single bad event breaches it; choose an objective such as 99.9 %');
        expect(await foundIn(services, 'slo-objective-unrealistic', slo('99.99 %'))).toEqual([]);
    });

    test('a ratio of 1', async () => {
        expect(await foundIn(services, 'slo-objective-unrealistic', slo('1'))).toEqual(['slo-objective-unrealistic@3:15-3:16']);
        expect(await foundIn(services, 'slo-objective-unrealistic', slo('0.9999'))).toEqual([]);
    });

    test('above 100 % is out of range, not unrealistic', async () => {
        expect(await foundIn(services, 'slo-objective-unrealistic', slo('100'))).toEqual([]);
        expect(await foundIn(services, 'percent-out-of-range', slo('100'))).toEqual(['percent-out-of-range@3:15-3:18']);
        expect(await foundIn(services, 'slo-objective-unrealistic', slo('100 %'))).toHaveLength(1);
    });
});

describe('rollout-stages-not-increasing', () => {
    test('a repeated stage, reported on its traffic', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'rollout-stages-not-increasing', rollout('canary', '1 %', '10 %', '10 %', '100 %'));
        expect(located(diagnostic)).toBe('rollout-stages-not-increasing@6:11-6:15');
        expect(diagnostic.message).toBe('stage 10 % does not increase traffic: an earlier stage already sends 10 %');
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('canary', '1 %', '10 %', '100 %'))).toEqual([]);
    });

    test('every stage below the highest earlier one', async () => {
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('canary', '1 %', '50 %', '10 %', '20 %', '100 %'))).toEqual([
            'rollout-stages-not-increasing@6:11-6:15',
            'rollout-stages-not-increasing@7:11-7:15',
        ]);
    });

    test('ratios and percentages compare together', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'rollout-stages-not-increasing', rollout('canary', '0.1', '5 %', '100 %'));
        expect(located(diagnostic)).toBe('rollout-stages-not-increasing@5:11-5:14');
        expect(diagnostic.message).toBe('stage 5 % does not increase traffic: an earlier stage already sends 0.1 (10 %)');
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('canary', '0.05', '10 %', '1'))).toEqual([]);
    });

    test('applies whatever the strategy', async () => {
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('blue-green', '100 %', '100 %'))).toEqual(['rollout-stages-not-increasing@5:11-5:16']);
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout(undefined, '20 %', '5 %'))).toEqual(['rollout-stages-not-increasing@5:11-5:14']);
    });

    test('out-of-range or mistyped stages are left to the other rules', async () => {
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('canary', '1 %', '50', '10 %', '100 %'))).toEqual([]);
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('canary', '1 %', '3 d', '2 %', '100 %'))).toEqual([]);
        expect(await foundIn(services, 'rollout-stages-not-increasing', rollout('canary', '1 %', '3 d', '1 %', '100 %'))).toEqual(['rollout-stages-not-increasing@6:11-6:14']);
    });
});

describe('rollout-incomplete', () => {
    test('a canary that stops short of 100 %', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'rollout-incomplete', rollout('canary', '1 %', '10 %'));
        expect(located(diagnostic)).toBe('rollout-incomplete@5:11-5:15');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('the canary rollout ends at 10 % of traffic; end it with `stage 100 %`');
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '1 %', '10 %', '100 %'))).toEqual([]);
    });

    test('a canary ending at 50 % is incomplete, an ab-test ending there is not', async () => {
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '10 %', '50 %'))).toEqual(['rollout-incomplete@5:11-5:15']);
        expect(await foundIn(services, 'rollout-incomplete', rollout('ab-test', '10 %', '50 %'))).toEqual([]);
        expect(await foundIn(services, 'rollout-incomplete', rollout('ab-test', '10 %', '0.5'))).toEqual([]);
        expect(await foundIn(services, 'rollout-incomplete', rollout('ab-test', '10 %', '100 %'))).toEqual([]);
    });

    test('an ab-test ending anywhere else', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'rollout-incomplete', rollout('ab-test', '10 %', '40 %'));
        expect(located(diagnostic)).toBe('rollout-incomplete@5:11-5:15');
        expect(diagnostic.message).toBe('the ab-test rollout ends at 40 % of traffic; end it with `stage 100 %` (or `stage 50 %` for an even split)');
        expect(await foundIn(services, 'rollout-incomplete', rollout('ab-test', '10 %', '60 %'))).toEqual(['rollout-incomplete@5:11-5:15']);
    });

    test('a plain ratio of 1 is 100 %', async () => {
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '0.1', '1'))).toEqual([]);
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '0.1', '0.9'))).toEqual(['rollout-incomplete@5:11-5:14']);
    });

    test('other strategies may stop anywhere', async () => {
        for (const strategy of ['shadow', 'blue-green', 'big-bang', undefined]) {
            expect(await foundIn(services, 'rollout-incomplete', rollout(strategy, '10 %')), String(strategy)).toEqual([]);
        }
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '10 %'))).toEqual(['rollout-incomplete@4:11-4:15']);
    });

    test('a canary or ab-test without stages is reported on its strategy', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'rollout-incomplete', rollout('canary'));
        expect(located(diagnostic)).toBe('rollout-incomplete@3:14-3:20');
        expect(diagnostic.message).toBe('the canary rollout has no `stage`, so it never says how much traffic the new model ends up with; add stages ending with `stage 100 %`');
        expect(await foundIn(services, 'rollout-incomplete', rollout('ab-test'))).toEqual(['rollout-incomplete@3:14-3:21']);
        expect(await foundIn(services, 'rollout-incomplete', rollout('blue-green'))).toEqual([]);
    });

    test('a last stage that is out of range or mistyped is left to the other rules', async () => {
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '10 %', '150 %'))).toEqual([]);
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '10 %', '5 d'))).toEqual([]);
        expect(await foundIn(services, 'rollout-incomplete', rollout('canary', '10 %', '5 %'))).toEqual(['rollout-incomplete@5:11-5:14']);
    });
});
