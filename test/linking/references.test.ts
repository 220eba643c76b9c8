import type { AstNode, Reference } from 'langium';
import { describe, expect, test } from 'vitest';
import { check, createTestServices } from '../support/services.js';
import { found, rangeAt, withCode } from '../support/diagnostics.js';
import { unreadable } from '../support/diagnostics.js';
import { referencesOf } from './helpers.js';

const services = createTestServices();

/** Every reference kind of LANGUAGE.md section 3, and names that are keywords (`retention`, `date`, `d`, `stage`). */
const PLAN = `plan P {
  owner retention
  person ana
  person raj
  team retention { members ana, raj lead ana }
  metric stage { kind ml better higher }
  metric latency { kind software unit ms better lower }
  objective O { kpi stage >= 0.7 }
  dataset d { source "d" owner raj fields { date date  region category  churned boolean label } check unique date }
  dataset events { source "e" fields { region category  clicks number } }
  dataset holdout { source "h" fields { region category } }
  baseline Rule { kind heuristic expect stage = 0.6 }
  model M {
    owner ana
    trains on d, events
    features date, clicks, d.region, events.region
    evaluation { on holdout success stage >= 0.8 slice by region where stage gap <= 0.05 }
  }
  serving { fallback Rule }
  slo Latency { indicator latency <= 150 ms }
  rollout { rollback when latency > 300 ms }
  monitoring { drift d.date psi > 0.2 drift predictions ks > 0.1 alert latency > 200 ms }
  risk R { owner retention }
  milestone A { owner raj }
  milestone B { after A }
}`;

function targets(references: readonly Reference[]): string[] {
    return references.map(ref => {
        const container = (ref as unknown as { $refNode?: { astNode: AstNode } }).$refNode?.astNode;
        const target = ref.ref as (AstNode & { name?: string }) | undefined;
        const owner = target && target.$type === 'Field' ? `${(target.$container as { name?: string }).name}.` : '';
        return `${container?.$type}:${ref.$refText} -> ${target ? `${target.$type} ${owner}${target.name}` : 'unresolved'}`;
    });
}

describe('every reference kind resolves', () => {
    test('to a declaration of the right kind, including names that are keywords', async () => {
        const { document, diagnostics } = await check(services, PLAN);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(targets(referencesOf(document))).toEqual([
            'Plan:retention -> Team retention',
            'Team:ana -> Person ana',
            'Team:raj -> Person raj',
            'Team:ana -> Person ana',
            'Kpi:stage -> Metric stage',
            'Dataset:raj -> Person raj',
            'Check:date -> Field d.date',
            'Expect:stage -> Metric stage',
            'Model:ana -> Person ana',
            'Model:d -> Dataset d',
            'Model:events -> Dataset events',
            'FieldRef:date -> Field d.date',
            'FieldRef:clicks -> Field events.clicks',
            'FieldRef:d -> Dataset d',
            'FieldRef:region -> Field d.region',
            'FieldRef:events -> Dataset events',
            'FieldRef:region -> Field events.region',
            'Evaluation:holdout -> Dataset holdout',
            'Success:stage -> Metric stage',
            'Slice:region -> Field holdout.region',
            'Slice:stage -> Metric stage',
            'Fallback:Rule -> Baseline Rule',
            'Indicator:latency -> Metric latency',
            'RollbackCondition:latency -> Metric latency',
            'Drift:d -> Dataset d',
            'Drift:date -> Field d.date',
            'Alert:latency -> Metric latency',
            'Risk:retention -> Team retention',
            'Milestone:raj -> Person raj',
            'Milestone:A -> Milestone A',
        ]);
    });

    test('a fallback may be a string, and `drift predictions` needs no dataset', async () => {
        const text = 'plan P { serving { fallback "serve the cached score" } monitoring { drift predictions ks > 0.1 } }';
        const { document, diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(document.references).toEqual([]);
    });
});

/** The single unresolved-reference of `text`, as `located()` and message. */
async function unresolved(text: string) {
    const { diagnostics } = await check(services, text);
    const diagnostic = withCode(diagnostics, 'unresolved-reference');
    return { found: found(diagnostics, 'unresolved-reference'), messages: diagnostic.map(d => d.message), data: diagnostic.map(d => d.data) };
}

describe('a reference to the wrong kind or outside its scope does not resolve', () => {
    const cases: Array<[string, string, string, number, string]> = [
        // [what, plan text, needle, occurrence, message]
        ['owner → metric', 'plan P { owner auc metric auc { kind ml } }', 'auc', 1, '`auc` is a metric, not a person or team'],
        ['members → team', 'plan P { person ana team a { members ana } team b { members a } }', 'a }', 2, '`a` is a team, not a person (declared: `ana`)'],
        ['lead → metric', 'plan P { metric m { kind ml } team t { lead m } }', 'm }', 1, '`m` is a metric, not a person'],
        ['kpi → dataset', 'plan P { dataset auc { source "s" } objective O { kpi auc >= 1 } }', 'auc', 2, '`auc` is a dataset, not a metric'],
        ['trains on → metric', 'plan P { metric d { kind ml } model M { trains on d } }', 'd }', 1, '`d` is a metric, not a dataset'],
        ['on → person', 'plan P { person h model M { evaluation { on h } } }', 'h }', 1, '`h` is a person, not a dataset'],
        ['after → person', 'plan P { person A milestone B { after A } }', 'A }', 1, '`A` is a person, not a milestone (declared: `B`)'],
        ['fallback → metric', 'plan P { metric m { kind ml } serving { fallback m } }', 'm }', 1, '`m` is a metric, not a baseline (a fallback is a baseline, or a quoted string describing the behaviour)'],
        ['alert → baseline', 'plan P { baseline b { kind human } monitoring { alert b > 1 } }', 'b >', 1, '`b` is a baseline, not a metric'],
        ['bare feature of a dataset the model does not train on',
            'plan P { dataset d { fields { x number } } dataset e { fields { clicks number } } model M { trains on d features clicks } }',
            'clicks', 2, '`clicks` is not a field of `d`, the training dataset of model `M` (it is a field of `e`) (declared: `x`)'],
        ['qualifier that is not a training dataset',
            'plan P { dataset d { fields { x number } } dataset e { fields { x number } } model M { trains on d features e.x } }',
            'e.x', 1, '`e` is not a training dataset of model `M` (it trains on `d`)'],
        ['slice by a field of the training dataset only',
            'plan P { dataset d { fields { region category } } dataset h { fields { y number } } model M { trains on d evaluation { on h slice by region } } }',
            'region }', 1, '`region` is not a field of `h`, the evaluation dataset (it is a field of `d`) (declared: `y`)'],
        ['check on a field of another dataset',
            'plan P { dataset d { fields { email text } } dataset e { fields { y number } check unique email } }',
            'email }', 1, '`email` is not a field of dataset `e` (a check applies to its own dataset\'s fields) (declared: `y`)'],
        ['drift on a field of another dataset',
            'plan P { dataset d { fields { a number } } dataset e { fields { b number } } monitoring { drift d.b psi > 1 } }',
            'b psi', 1, '`b` is not a field of dataset `d` (declared: `a`)'],
        ['a name that is declared nowhere', 'plan P { model M { trains on nothing } }', 'nothing', 1, '`nothing` is not a declared dataset'],
    ];
    test.each(cases)('%s', async (_what, text, needle, occurrence, message) => {
        const result = await unresolved(text);
        expect(result.found).toEqual([`unresolved-reference@${rangeAt(text, needle, occurrence, needle.split(/[ .]/)[0].length)}`]);
        expect(result.messages).toEqual([message]);
    });

    test('the message suggests the nearest declared names of the right kind, also in data', async () => {
        const text = 'plan P { owner nobdy person nobody person nobby metric nobdy_rate { kind ml } }';
        const { diagnostics } = await check(services, text);
        const [diagnostic] = withCode(diagnostics, 'unresolved-reference');
        expect(found(diagnostics, 'unresolved-reference')).toEqual([`unresolved-reference@${rangeAt(text, 'nobdy')}`]);
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toBe('`nobdy` is not a declared person or team; did you mean `nobby` or `nobody`?');
        expect(diagnostic.data).toMatchObject({ code: 'unresolved-reference', refText: 'nobdy', suggestions: ['nobby', 'nobody'] });
    });

    test('suggestions come from the right scope: fields of the evaluation dataset only', async () => {
        const text = 'plan P { dataset d { fields { regoin category } } dataset h { fields { regio category } } model M { trains on d evaluation { on h slice by region } } }';
        const { diagnostics } = await check(services, text);
        const [diagnostic] = withCode(diagnostics, 'unresolved-reference');
        // `regoin` of the training dataset is as near, but not in scope.
        expect(diagnostic.message).toBe('`region` is not a field of `h`, the evaluation dataset; did you mean `regio`?');
        expect(diagnostic.data).toMatchObject({ suggestions: ['regio'] });
    });

    test('no suggestion when nothing is near; an empty list in data', async () => {
        const text = 'plan P { person ana person raj person eve person bo person li person al owner zzzzzz }';
        const { diagnostics } = await check(services, text);
        const [diagnostic] = withCode(diagnostics, 'unresolved-reference');
        expect(diagnostic.message).toBe('`zzzzzz` is not a declared person or team');
        expect(diagnostic.data).toMatchObject({ suggestions: [] });
    });
});

describe('names that are keywords', () => {
    test('declare and reference `team retention`, a field `date`, a dataset `d`, a metric `stage`', async () => {
        const text = `plan P {
  stage growth
  owner retention
  team retention { }
  metric stage { kind ml }
  dataset d { source "s" fields { date date } check unique date }
  model m { trains on d features date evaluation { on d success stage >= 0.5 } }
}`;
        const { document, diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(document.parseResult.value.plan?.stage).toBe('growth');
        expect(targets(referencesOf(document))).toContain('FieldRef:date -> Field d.date');
        expect(targets(referencesOf(document))).toContain('Success:stage -> Metric stage');
    });
});
