// The cross-checks of data, privacy and process (LANGUAGE.md 4.3): each at the exact node the
// contract names, with its figures in the message, on both sides of its threshold (equality never
// fires), silent when a figure is missing, and with its quick-fix where one is mechanical.
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { found, locatedWithMessage, rangeAt, unreadable, withCode } from '../support/diagnostics.js';
import { check, createEditorTestServices } from '../support/services.js';
import { codeActions, editsOf, roundTrip } from '../lsp/fix-support.js';

const services = createEditorTestServices();
const ERROR = 1;
const WARNING = 2;

/** The one diagnostic of `code` in `text`, after asserting the text reads cleanly. */
async function only(code: string, text: string, files?: Record<string, string>): Promise<Diagnostic> {
    const { diagnostics } = await check(services, text, { files });
    expect(unreadable(diagnostics)).toEqual([]);
    const matching = withCode(diagnostics, code);
    expect(matching.map(locatedWithMessage)).toHaveLength(1);
    return matching[0];
}

/** `located()` of `code` in `text`, after asserting the text reads cleanly (near misses are not vacuous). */
async function foundClean(code: string, text: string, files?: Record<string, string>): Promise<string[]> {
    const { diagnostics } = await check(services, text, { files });
    expect(unreadable(diagnostics), text).toEqual([]);
    return found(diagnostics, code);
}

describe('pii-as-feature', () => {
    const plan = (header: string, features: string) => `plan P {${header}
  dataset subscribers { source "s" fields { tenure number  region category sensitive  email text pii  churned boolean label } }
  model m { trains on subscribers features ${features} }
}`;

    test('a pii field used as a feature is a warning on the feature, naming the field and its dataset', async () => {
        const text = plan('', 'tenure, subscribers.email');
        const diagnostic = await only('pii-as-feature', text);
        expect(found([diagnostic], 'pii-as-feature')).toEqual([`pii-as-feature@${rangeAt(text, 'subscribers.email')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('model `m` uses `email` of dataset `subscribers` as a feature, a field flagged `pii`: personal data inside a model is hard to justify, explain and erase; derive a non-identifying feature from it, or drop it');
    });

    test('under regulations it is an error, and the message names them', async () => {
        const text = plan('\n  regulations GDPR, "PCI-DSS"', 'email');
        const diagnostic = await only('pii-as-feature', text);
        expect(found([diagnostic], 'pii-as-feature')).toEqual([`pii-as-feature@${rangeAt(text, 'email', 2)}`]);
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.message).toBe('model `m` uses `email` of dataset `subscribers` as a feature, a field flagged `pii` (the plan is subject to GDPR, PCI-DSS): personal data inside a model is hard to justify, explain and erase; derive a non-identifying feature from it, or drop it');
    });

    test('the field may come from an imported catalog; the finding stays on the plan\'s feature', async () => {
        const text = 'import "./c.mlplan"\nplan P {\n  model m { trains on people features phone }\n}';
        const files = { 'c.mlplan': 'catalog C { dataset people { source "p" fields { phone text pii } } }' };
        expect(await foundClean('pii-as-feature', text, files)).toEqual([`pii-as-feature@${rangeAt(text, 'phone')}`]);
    });

    test('near misses: sensitive or plain fields, and a pii field the model does not use', async () => {
        expect(await foundClean('pii-as-feature', plan('\n  regulations GDPR', 'tenure, region'))).toEqual([]);
    });

    test('no quick-fix but the ignore: dropping a feature is the team\'s call', async () => {
        const text = plan('', 'email');
        const { document, diagnostics } = await check(services, text);
        const actions = await codeActions(services, document, withCode(diagnostics, 'pii-as-feature'));
        expect(actions.map(a => a.title)).toEqual(["Ignore 'pii-as-feature' on this line"]);
    });
});

describe('log-retention-exceeds-consent', () => {
    const plan = (options: { log?: string; retention?: string; pii?: string; serving?: string; models?: string } = {}) => `plan P {
  dataset subscribers { source "s"${options.retention ?? ' retention 365 d'} fields { tenure number${options.pii ?? '  email text pii'}  churned boolean label } }
  model m { trains on subscribers }${options.models ?? ''}
  serving { mode realtime${options.serving ?? ''} }
  monitoring {
    log ${options.log ?? 'inputs for 400 d'}
  }
}`;

    test('inputs logged longer than a pii training dataset is kept: a warning on the whole `log` line', async () => {
        const text = plan();
        const diagnostic = await only('log-retention-exceeds-consent', text);
        expect(found([diagnostic], 'log-retention-exceeds-consent')).toEqual([`log-retention-exceeds-consent@${rangeAt(text, 'log inputs for 400 d')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('model inputs are logged for 400 d, longer than the `retention` of `subscribers` (365 d; personal data: `email`), training data of the served model `m`: the logs keep personal data past what was agreed; keep inputs for at most 365 d, or log only predictions');
    });

    test('each side of the threshold: one day over fires, the same duration in other units does not', async () => {
        expect(await foundClean('log-retention-exceeds-consent', plan({ log: 'inputs for 366 d' }))).toHaveLength(1);
        expect(await foundClean('log-retention-exceeds-consent', plan({ log: 'inputs for 8761 h' }))).toHaveLength(1);
        for (const log of ['inputs for 365 d', 'inputs for 8760 h', 'inputs for 364 d']) {
            expect(await foundClean('log-retention-exceeds-consent', plan({ log })), log).toEqual([]);
        }
    });

    test('every exceeded dataset is named, shortest retention first; the advice takes the shortest', async () => {
        const text = `plan P {
  dataset a { source "a" retention 200 d fields { phone text pii } }
  dataset b { source "b" retention 90 d fields { email text pii  ip text pii } }
  dataset c { source "c" retention 30 d fields { x number } }
  model m { trains on a, b, c }
  monitoring { log inputs for 400 d }
}`;
        const diagnostic = await only('log-retention-exceeds-consent', text);
        expect(diagnostic.message).toBe('model inputs are logged for 400 d, longer than the `retention` of `b` (90 d; personal data: `email`, `ip`), `a` (200 d; personal data: `phone`), training data of the served model `m`: the logs keep personal data past what was agreed; keep inputs for at most 90 d, or log only predictions');
    });

    test('silent: predictions logged, no `for`, no retention, no pii field, no served model, a wrong unit', async () => {
        const silent = [
            plan({ log: 'predictions for 400 d' }),
            plan({ log: 'inputs' }),
            plan({ retention: '' }),
            plan({ pii: '' }),
            plan({ models: '\n  model other { trains on subscribers }' }),
            plan({ models: '\n  model other { }', serving: ' serves other' }),
        ];
        for (const text of silent) {
            expect(await foundClean('log-retention-exceeds-consent', text), text).toEqual([]);
        }
        const { diagnostics } = await check(services, plan({ log: 'inputs for 400 rows' }));
        expect(found(diagnostics, 'log-retention-exceeds-consent')).toEqual([]);
    });

    test('the served model is the one `serves` names when the plan has several', async () => {
        const text = plan({ models: '\n  model other { }', serving: ' serves m' });
        expect(await foundClean('log-retention-exceeds-consent', text)).toEqual([`log-retention-exceeds-consent@${rangeAt(text, 'log inputs for 400 d')}`]);
    });

    test('without a serving block, the plan\'s only model is the served one', async () => {
        const text = plan().replace('  serving { mode realtime }\n', '');
        expect(await foundClean('log-retention-exceeds-consent', text)).toHaveLength(1);
    });
});

describe('retrain-faster-than-refresh', () => {
    const plan = (every: string, datasets: string) => `plan P {
${datasets}
  model m {
    trains on ${[...datasets.matchAll(/dataset (\w+)/g)].map(m => m[1]).join(', ')}
    retrain every ${every}
  }
}`;
    const monthly = '  dataset subscribers { source "s" refresh monthly }';

    test('retraining more often than the data refreshes: a warning on `retrain every …`, with both periods', async () => {
        const text = plan('1 d', monthly);
        const diagnostic = await only('retrain-faster-than-refresh', text);
        expect(found([diagnostic], 'retrain-faster-than-refresh')).toEqual([`retrain-faster-than-refresh@${rangeAt(text, 'retrain every 1 d')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('model `m` retrains every 1 d but its training data refreshes at best every 30 d (`subscribers` monthly): most retrainings see no new data');
    });

    test('each side of the threshold: 29 d fires; 30 d and 720 h (the same) and 31 d do not', async () => {
        expect(await foundClean('retrain-faster-than-refresh', plan('29 d', monthly))).toHaveLength(1);
        for (const every of ['30 d', '720 h', '31 d']) {
            expect(await foundClean('retrain-faster-than-refresh', plan(every, monthly)), every).toEqual([]);
        }
    });

    test('the most often refreshed dataset decides: every one is named with its refresh', async () => {
        const datasets = '  dataset a { source "a" refresh monthly }\n  dataset b { source "b" refresh weekly }\n  dataset c { source "c" refresh once }';
        const diagnostic = await only('retrain-faster-than-refresh', plan('6 d', datasets));
        expect(diagnostic.message).toBe('model `m` retrains every 6 d but its training data refreshes at best every 7 d (`a` monthly, `b` weekly, `c` once): most retrainings see no new data');
        expect(await foundClean('retrain-faster-than-refresh', plan('1 w', datasets))).toEqual([]);
        const hourly = await only('retrain-faster-than-refresh', plan('30 min', '  dataset h { source "h" refresh hourly }'));
        expect(hourly.message).toBe('model `m` retrains every 30 min but its training data refreshes at best every 1 h (`h` hourly): most retrainings see no new data');
        expect(await foundClean('retrain-faster-than-refresh', plan('1 h', '  dataset h { source "h" refresh hourly }'))).toEqual([]);
    });

    test('data that is loaded once never gives a retraining anything new', async () => {
        const text = plan('365 d', '  dataset snapshot { source "s" refresh once }');
        const diagnostic = await only('retrain-faster-than-refresh', text);
        expect(diagnostic.message).toBe('model `m` retrains every 365 d but its training data never refreshes (`snapshot` once): every retraining after the first sees the same data');
    });

    test('silent when a figure is missing: a dataset without `refresh`, no training data, retrain on drift', async () => {
        const silent = [
            plan('1 d', `${monthly}\n  dataset events { source "e" }`),
            'plan P {\n  model m { retrain every 1 d }\n}',
            `plan P {\n${monthly}\n  model m { trains on subscribers retrain on drift }\n}`,
        ];
        for (const text of silent) {
            expect(await foundClean('retrain-faster-than-refresh', text), text).toEqual([]);
        }
    });

    test('a model named like the keyword still gets the range of its statement', async () => {
        const text = `plan P {\n${monthly}\n  model retrain { trains on subscribers retrain every 2 d }\n}`;
        expect(await foundClean('retrain-faster-than-refresh', text)).toEqual([`retrain-faster-than-refresh@${rangeAt(text, 'retrain every 2 d')}`]);
    });
});

describe('evaluation-missing-feature', () => {
    const TRAIN = '  dataset train { source "t" fields { tenure number  plan_tier category  region category sensitive  email text pii  churned boolean label } }';
    const plan = (features: string, holdoutFields: string) => `plan P {
  metric auc { kind ml better higher }
${TRAIN}
  dataset holdout {
    source "h"${holdoutFields}
  }
  model m { trains on train features ${features} evaluation { on holdout success auc >= 0.8 } }
}`;
    const HOLDOUT = '\n    fields {\n      tenure number\n      churned boolean label\n    }';

    test('an evaluation dataset lacking features is an error on `on`, naming them', async () => {
        const text = plan('tenure, plan_tier, train.email', HOLDOUT);
        const diagnostic = await only('evaluation-missing-feature', text);
        expect(found([diagnostic], 'evaluation-missing-feature')).toEqual([`evaluation-missing-feature@${rangeAt(text, 'holdout', 2)}`]);
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.message).toBe('evaluation dataset `holdout` lacks the features `plan_tier`, `email` that model `m` uses: the model cannot be scored on it as it will run in production; add them to the dataset\'s `fields`');
    });

    test('one missing feature reads in the singular', async () => {
        const diagnostic = await only('evaluation-missing-feature', plan('tenure, plan_tier', HOLDOUT));
        expect(diagnostic.message).toBe('evaluation dataset `holdout` lacks the feature `plan_tier` that model `m` uses: the model cannot be scored on it as it will run in production; add it to the dataset\'s `fields`');
    });

    test('near misses: every feature present by name, or a dataset that lists no fields at all', async () => {
        expect(await foundClean('evaluation-missing-feature', plan('tenure', HOLDOUT))).toEqual([]);
        expect(await foundClean('evaluation-missing-feature', plan('tenure, plan_tier', ''))).toEqual([]);
    });

    test('fix: the missing fields join the `fields` block, typed as in training, on lines of their own', async () => {
        const text = plan('tenure, plan_tier', HOLDOUT);
        const trip = await roundTrip(services, text, 'evaluation-missing-feature');
        expect(trip.action.title).toBe("Add 'plan_tier category' to the fields of 'holdout'");
        expect(trip.fixed).toBe(plan('tenure, plan_tier', '\n    fields {\n      tenure number\n      churned boolean label\n      plan_tier category\n    }'));
    });

    test('fix: a one-line block stays on one line', async () => {
        const text = plan('tenure, plan_tier', ' fields { tenure number  churned boolean label }');
        const trip = await roundTrip(services, text, 'evaluation-missing-feature');
        expect(trip.fixed).toBe(plan('tenure, plan_tier', ' fields { tenure number  churned boolean label plan_tier category }'));
    });

    test('fix: the `pii` and `sensitive` flags travel with the field, `label` does not', async () => {
        const text = plan('tenure, region, email, churned', HOLDOUT);
        const { document, diagnostics } = await check(services, text);
        const [action] = await codeActions(services, document, withCode(diagnostics, 'evaluation-missing-feature'));
        expect(action.title).toBe("Add 'region category sensitive', 'email text pii' to the fields of 'holdout'");
        expect(editsOf(action, document).map(e => e.newText)).toEqual(['      region category sensitive\n      email text pii\n']);
    });

    test('no fix when the evaluation dataset lives in an imported catalog', async () => {
        const text = `import "./c.mlplan"\nplan P {\n  metric auc { kind ml better higher }\n${TRAIN}\n  model m { trains on train features tenure, plan_tier evaluation { on holdout success auc >= 0.8 } }\n}`;
        const files = { 'c.mlplan': 'catalog C { dataset holdout { source "h" fields { tenure number  churned boolean label } } }' };
        const { document, diagnostics } = await check(services, text, { files });
        const missing = withCode(diagnostics, 'evaluation-missing-feature');
        expect(found(missing, 'evaluation-missing-feature')).toEqual([`evaluation-missing-feature@${rangeAt(text, 'holdout')}`]);
        const actions = await codeActions(services, document, missing);
        expect(actions.map(a => a.title)).toEqual(["Ignore 'evaluation-missing-feature' on this line"]);
    });
});

describe('replace-without-comparison', () => {
    const plan = (options: { deployment?: string; kind?: string; rollout?: string } = {}) => `plan P {
  deployment ${options.deployment ?? 'replace'}
  baseline Legacy { kind ${options.kind ?? 'previous-system'} }
${options.rollout ?? `  rollout {
    strategy canary
    stage 10 % for 1 d
    stage 100 %
  }`}
}`;

    test('no live comparison: a warning on the `deployment` value naming the previous system', async () => {
        const text = plan();
        const diagnostic = await only('replace-without-comparison', text);
        expect(found([diagnostic], 'replace-without-comparison')).toEqual([`replace-without-comparison@${rangeAt(text, 'replace')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('`deployment replace` but the rollout has neither a `shadow` period nor strategy `shadow` or `ab-test` (strategy `canary`): the new model is never compared with `Legacy` on live traffic; add a `shadow` period to the rollout, or use strategy `shadow` or `ab-test`');
    });

    test('no previous-system baseline: said so, whatever live comparison there is', async () => {
        const shadowed = await only('replace-without-comparison', plan({ kind: 'heuristic', rollout: '  rollout { strategy canary shadow 7 d stage 100 % }' }));
        expect(shadowed.message).toBe('`deployment replace` but no baseline of kind `previous-system` says what the model replaces: the `shadow` period has no named system to measure the new model against; declare the current system as a baseline with `kind previous-system`');
        const ab = await only('replace-without-comparison', plan({ kind: 'heuristic', rollout: '  rollout { strategy ab-test stage 50 % }' }));
        expect(ab.message).toBe('`deployment replace` but no baseline of kind `previous-system` says what the model replaces: the `ab-test` rollout has no named system to measure the new model against; declare the current system as a baseline with `kind previous-system`');
    });

    test('both missing, or no rollout at all', async () => {
        const both = await only('replace-without-comparison', plan({ kind: 'human' }));
        expect(both.message).toBe('`deployment replace` but no baseline of kind `previous-system` says what the model replaces, and the rollout has neither a `shadow` period nor strategy `shadow` or `ab-test` (strategy `canary`): the new model is never compared with the system it replaces on live traffic; declare the current system as a baseline with `kind previous-system` and add a `shadow` period to the rollout');
        const none = await only('replace-without-comparison', plan({ rollout: '' }));
        expect(none.message).toBe('`deployment replace` but there is no rollout to run it in shadow or in an A/B test: the new model is never compared with `Legacy` on live traffic; add a `shadow` period to the rollout, or use strategy `shadow` or `ab-test`');
    });

    test('near misses: a shadow period, strategy shadow or ab-test; `new` and `assist` deployments; a baseline from a catalog', async () => {
        const silent = [
            plan({ rollout: '  rollout { strategy canary shadow 1 d stage 100 % }' }),
            plan({ rollout: '  rollout { strategy shadow }' }),
            plan({ rollout: '  rollout { strategy ab-test stage 50 % }' }),
            plan({ deployment: 'new', kind: 'heuristic', rollout: '' }),
            plan({ deployment: 'assist', kind: 'heuristic', rollout: '' }),
        ];
        for (const text of silent) {
            expect(await foundClean('replace-without-comparison', text), text).toEqual([]);
        }
        const text = `import "./c.mlplan"\nplan P {\n  deployment replace\n  rollout { strategy big-bang shadow 14 d }\n}`;
        expect(await foundClean('replace-without-comparison', text, { 'c.mlplan': 'catalog C { baseline Old { kind previous-system } }' })).toEqual([]);
    });

    test('a zero shadow period is no comparison', async () => {
        expect(await foundClean('replace-without-comparison', plan({ rollout: '  rollout { strategy canary shadow 0 d stage 100 % }' }))).toHaveLength(1);
    });

    test('fix: `shadow 14 d` before the first stage, when the previous system is named', async () => {
        const trip = await roundTrip(services, plan(), 'replace-without-comparison');
        expect(trip.action.title).toBe("Add 'shadow 14 d' to the rollout");
        expect(trip.fixed).toBe(plan({ rollout: '  rollout {\n    strategy canary\n    shadow 14 d\n    stage 10 % for 1 d\n    stage 100 %\n  }' }));
    });

    test('no shadow fix when it would not be enough, or when a `shadow` line is already written', async () => {
        for (const text of [plan({ kind: 'human' }), plan({ rollout: '' }), plan({ rollout: '  rollout { strategy canary shadow 0 d stage 100 % }' })]) {
            const { document, diagnostics } = await check(services, text);
            const actions = await codeActions(services, document, withCode(diagnostics, 'replace-without-comparison'));
            expect(actions.map(a => a.title), text).toEqual(["Ignore 'replace-without-comparison' on this line"]);
        }
    });
});

describe('big-bang-rollout', () => {
    const plan = (stage: string, rollout: string) => `plan P {
  stage ${stage}
  rollout {
    strategy big-bang${rollout}
  }
}`;

    test('big-bang without shadow at growth: a warning on the strategy', async () => {
        const text = plan('growth', '');
        const diagnostic = await only('big-bang-rollout', text);
        expect(found([diagnostic], 'big-bang-rollout')).toEqual([`big-bang-rollout@${rangeAt(text, 'big-bang')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('rollout strategy `big-bang` sends all traffic to the new model at once, with no `shadow` period before it (plan at stage `growth`): a defect reaches every user before anyone has seen the model on live traffic; add a `shadow` period, or roll out in stages (`canary`)');
        expect(await foundClean('big-bang-rollout', plan('maturity', ''))).toHaveLength(1);
        expect(await foundClean('big-bang-rollout', plan('growth', '\n    shadow 0 d'))).toHaveLength(1);
    });

    test('near misses: stage mvp, a shadow period, another strategy', async () => {
        for (const text of [plan('mvp', ''), plan('growth', '\n    shadow 1 d'), plan('growth', '').replace('big-bang', 'canary'), 'plan P {\n  rollout { strategy big-bang }\n}']) {
            expect(await foundClean('big-bang-rollout', text), text).toEqual([]);
        }
    });

    test('fix: a `shadow 7 d` line in the rollout block', async () => {
        const trip = await roundTrip(services, plan('growth', ''), 'big-bang-rollout');
        expect(trip.action.title).toBe("Add 'shadow 7 d' to the rollout");
        expect(trip.fixed).toBe(plan('growth', '\n    shadow 7 d'));
        const staged = await roundTrip(services, plan('growth', '\n    stage 100 %'), 'big-bang-rollout');
        expect(staged.fixed).toBe(plan('growth', '\n    shadow 7 d\n    stage 100 %'));
    });
});

describe('absurd values', () => {
    test('huge and tiny figures never throw nor print NaN or Infinity', async () => {
        const huge = `1${'0'.repeat(308)}`;
        const text = `plan P {
  stage maturity
  deployment replace
  regulations GDPR
  dataset d { source "s" refresh hourly retention 0.000001 ms fields { email text pii  x number } }
  dataset h { source "h" fields { y number  z boolean label } }
  model m { trains on d features email, x retrain every 0.0000001 ms evaluation { on h } }
  serving { mode realtime replicas ${huge} capacity ${huge} req/s }
  rollout { strategy big-bang stage 100 % for 10000000 d }
  monitoring { log inputs for ${huge} d }
}`;
        const errors: unknown[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => errors.push(args);
        try {
            const { diagnostics } = await check(services, text);
            expect(errors).toEqual([]);
            const codes = ['pii-as-feature', 'log-retention-exceeds-consent', 'retrain-faster-than-refresh', 'evaluation-missing-feature', 'replace-without-comparison', 'big-bang-rollout'];
            for (const code of codes) {
                expect(withCode(diagnostics, code), code).toHaveLength(1);
            }
            for (const diagnostic of diagnostics) {
                expect(diagnostic.message).not.toMatch(/NaN|Infinity|undefined/);
            }
        } finally {
            console.error = original;
        }
    });
});
