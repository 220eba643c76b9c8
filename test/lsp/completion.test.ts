import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();
const CURSOR = '<|>';

/** The completion items at `<|>` in `text` (with `files` loaded beside it), in the order shown. */
async function complete(text: string, files?: Record<string, string>): Promise<CompletionItem[]> {
    const offset = text.indexOf(CURSOR);
    expect(offset, 'the text needs a <|> cursor').toBeGreaterThanOrEqual(0);
    const { document } = await check(services, text.replace(CURSOR, ''), { files });
    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
    return [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label));
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);
const ofKind = (items: CompletionItem[], kind: CompletionItemKind) => items.filter(i => i.kind === kind);

/** A plan with one of everything that can be referred to; `<|>` goes where `HOLE` is. */
function plan(hole: string): string {
    return `plan Churn {
  person ana { name "Ana" role "Lead" }
  person raj { name "Raj" }
  team retention { members ana, raj }
  metric churn_rate { kind business unit % better lower }
  metric auc { kind ml better higher }
  metric latency_p99 { kind software unit ms better lower }
  dataset subscribers {
    source "warehouse://subs"
    fields {
      tenure_months number
      region category sensitive
      churned boolean label
    }
  }
  dataset events {
    source "warehouse://events"
    fields {
      region category
      clicks number
    }
  }
  dataset holdout {
    source "warehouse://holdout"
    fields {
      region category
      holdout_only text
    }
  }
  baseline TenureRule { kind heuristic expect auc = 0.6 }
  ${hole}
}`;
}

describe('plan level', () => {
    test('offers a snippet and a keyword for every block a plan may hold, and no declared names', async () => {
        const items = await complete(plan(CURSOR));
        const snippets = ofKind(items, CompletionItemKind.Snippet);
        expect(labels(snippets)).toEqual([
            'baseline', 'budget', 'dataset', 'metric', 'milestone', 'model', 'monitoring', 'objective', 'person', 'persona', 'risk',
            'rollout', 'serving', 'slo', 'team',
        ]);
        expect(labels(ofKind(items, CompletionItemKind.Keyword))).toEqual(expect.arrayContaining(['title', 'owner', 'stage', 'deadline']));
        // A block keyword appears once, as its snippet.
        expect(labels(ofKind(items, CompletionItemKind.Keyword))).not.toContain('model');
        expect(labels(items)).not.toContain('ana');
        expect(labels(items)).not.toContain('subscribers');
        // Keywords that only make sense inside other blocks are not offered.
        expect(labels(items)).not.toContain('source');
        expect(labels(items)).not.toContain('kpi');
    });

    test('snippets are real snippets with tab stops, and come before raw keywords', async () => {
        const items = await complete(plan(CURSOR));
        const dataset = items.find(i => i.label === 'dataset' && i.kind === CompletionItemKind.Snippet)!;
        expect(dataset.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(dataset.detail).toBe('dataset with source, version and fields');
        expect(dataset.textEdit?.newText).toContain('dataset ${1:name} {');
        expect(dataset.textEdit?.newText).toContain('fields {');
        const model = items.find(i => i.label === 'model' && i.kind === CompletionItemKind.Snippet)!;
        expect(model.textEdit?.newText).toContain('evaluation {');
        const firstKeyword = items.findIndex(i => i.kind === CompletionItemKind.Keyword);
        const lastSnippet = items.map(i => i.kind).lastIndexOf(CompletionItemKind.Snippet);
        expect(lastSnippet).toBeLessThan(firstKeyword);
        expect(items.every(i => i.detail)).toBe(true);
    });

    test('a singleton block already written is not offered again, nor a property already set', async () => {
        const items = await complete(plan(`title "Churn"\n  serving { mode batch }\n  ${CURSOR}`));
        expect(labels(items)).not.toContain('serving');
        expect(labels(items)).not.toContain('title');
        expect(labels(items)).toContain('rollout');
        expect(labels(items)).toContain('summary');
    });

    test('an empty file offers import, plan and catalog', async () => {
        const items = await complete(CURSOR);
        expect(labels(ofKind(items, CompletionItemKind.Snippet))).toEqual(['catalog', 'import', 'plan']);
        const planSnippet = items.find(i => i.label === 'plan' && i.kind === CompletionItemKind.Snippet)!;
        expect(planSnippet.textEdit?.newText).toContain('stage ${4|mvp,growth,maturity|}');
    });

    test('a catalog offers only what a catalog may declare', async () => {
        const items = await complete(`catalog Shared {\n  ${CURSOR}\n}`);
        expect(labels(ofKind(items, CompletionItemKind.Snippet))).toEqual(['baseline', 'dataset', 'metric', 'person', 'team']);
    });

    test('a partly typed keyword is completed', async () => {
        const items = await complete(plan(`sta${CURSOR}`));
        expect(labels(items)).toEqual(['stage', 'start']);
        expect(items[0].textEdit).toMatchObject({ newText: 'stage' });
    });
});

describe('inside blocks', () => {
    test('inside a dataset: its properties and the fields snippet, not plan-level keywords', async () => {
        const items = await complete(plan(`dataset d {\n    source "x"\n    ${CURSOR}\n  }`));
        expect(labels(items)).toEqual(expect.arrayContaining(['version', 'refresh', 'labeling', 'consent', 'retention', 'check', 'fields']));
        expect(labels(items)).not.toContain('source');
        expect(labels(items)).not.toContain('model');
        expect(labels(items)).not.toContain('title');
        const fields = items.find(i => i.label === 'fields' && i.kind === CompletionItemKind.Snippet)!;
        expect(fields.textEdit?.newText).toBe('fields {\n\t${1:field} ${2|number,category,text,boolean,date,image,embedding|}\n}');
        expect(items.find(i => i.label === 'version')?.detail).toBe('dataset property');
    });

    test('inside `fields {`: a field snippet, and no keyword (any word may name a field)', async () => {
        const items = await complete(plan(`dataset d {\n    fields {\n      ${CURSOR}\n    }\n  }`));
        expect(items.map(i => [i.label, i.kind])).toEqual([['field', CompletionItemKind.Snippet]]);
        expect(items[0].insertTextFormat).toBe(InsertTextFormat.Snippet);
    });

    test('after a field name: the field types, each described', async () => {
        const items = await complete(plan(`dataset d {\n    fields {\n      email ${CURSOR}\n    }\n  }`));
        expect(labels(items)).toEqual(['boolean', 'category', 'date', 'embedding', 'image', 'number', 'text']);
        expect(items.every(i => i.kind === CompletionItemKind.EnumMember && i.detail)).toBe(true);
    });

    test('after a field type: its flags, and the next field', async () => {
        const items = await complete(plan(`dataset d {\n    fields {\n      email text ${CURSOR}\n    }\n  }`));
        expect(labels(items)).toEqual(['label', 'pii', 'sensitive', 'field']);
        expect(items.find(i => i.label === 'pii')?.detail).toBe('flag: personal data: needs consent and retention');
    });

    test('inside a model: its properties and the evaluation snippet', async () => {
        const items = await complete(plan(`model M {\n    ${CURSOR}\n  }`));
        expect(labels(ofKind(items, CompletionItemKind.Snippet))).toEqual(['evaluation']);
        expect(labels(items)).toEqual(expect.arrayContaining(['algorithm', 'trains', 'features', 'retrain', 'compute']));
    });
});

describe('declaration names', () => {
    test('no keyword is proposed where a new name is written', async () => {
        expect(await complete(plan(`metric ${CURSOR}`))).toEqual([]);
        expect(await complete(plan(`dataset ${CURSOR}`))).toEqual([]);
        expect(await complete(`plan ${CURSOR}`)).toEqual([]);
    });
});

describe('enumeration values', () => {
    test('after `stage `: mvp, growth and maturity, each with a one-line description', async () => {
        await expectCompletion(services)({
            text: 'plan P {\n  stage <|>\n}',
            index: 0,
            // Langium's helper orders by sortText only: the grammar's order.
            expectedItems: ['mvp', 'growth', 'maturity'],
            disposeAfterCheck: true,
        });
        const items = await complete(`plan P {\n  stage ${CURSOR}\n}`);
        expect(items.every(i => i.kind === CompletionItemKind.EnumMember)).toBe(true);
        expect(items.find(i => i.label === 'mvp')?.detail).toMatch(/first version/);
    });

    test.each([
        ['rollout { strategy ', ['ab-test', 'big-bang', 'blue-green', 'canary', 'shadow']],
        ['serving { mode ', ['batch', 'realtime', 'streaming']],
        ['serving { target ', ['browser', 'cloud', 'edge', 'on-prem']],
        ['dataset d { refresh ', ['daily', 'hourly', 'monthly', 'once', 'weekly']],
        ['dataset d { labeling ', ['crowdsourced', 'in-house', 'none', 'outsourced', 'programmatic']],
        ['metric m { kind ', ['business', 'ml', 'software']],
        ['baseline b { kind ', ['heuristic', 'human', 'literature', 'previous-system', 'simple-model']],
        ['risk r { impact ', ['high', 'low', 'medium']],
        ['metric m { better ', ['higher', 'lower']],
    ])('after `%s`', async (prefix, values) => {
        const items = await complete(`plan P {\n  ${prefix}${CURSOR} }\n}`);
        expect(labels(items)).toEqual(values);
        expect(items.every(i => i.kind === CompletionItemKind.EnumMember && (i.detail ?? '').length > 0)).toBe(true);
    });
});

describe('references', () => {
    test('after `owner `: only persons and teams', async () => {
        const items = await complete(plan(`risk R { owner ${CURSOR} }`));
        expect(labels(items)).toEqual(['ana', 'raj', 'retention']);
        expect(items.map(i => i.detail)).toEqual(['person', 'person', 'team']);
    });

    test('after `members `: only persons', async () => {
        const items = await complete(plan(`team other { members ${CURSOR} }`));
        expect(labels(items)).toEqual(['ana', 'raj']);
    });

    test('names declared in an imported catalog are offered', async () => {
        const catalog = 'catalog Shared {\n  person lena { name "Lena" }\n  metric precision { kind ml better higher }\n}';
        const items = await complete(`import "./shared.mlplan"\nplan P {\n  owner ${CURSOR}\n}`, { 'shared.mlplan': catalog });
        expect(labels(items)).toEqual(['lena']);
    });

    test('after `kpi `: metrics, described by unit and direction', async () => {
        const items = await complete(plan(`objective O { kpi ${CURSOR} }`));
        expect(labels(items)).toEqual(['auc', 'churn_rate', 'latency_p99']);
        expect(items.find(i => i.label === 'latency_p99')?.detail).toBe('metric · ms, lower is better');
        expect(items.every(i => i.kind === CompletionItemKind.Variable)).toBe(true);
    });

    test('after `features `: only fields of the training datasets, qualified where a bare name is ambiguous', async () => {
        const items = await complete(plan(`model M {\n    trains on subscribers, events\n    features ${CURSOR}\n  }`));
        // `churned` is the label: offered, but last.
        expect(labels(items)).toEqual(['clicks', 'events.region', 'subscribers.region', 'tenure_months', 'churned']);
        expect(labels(items)).not.toContain('holdout_only');
        expect(items.find(i => i.label === 'tenure_months')?.detail).toBe('number field of subscribers');
        expect(items.every(i => i.kind === CompletionItemKind.Field)).toBe(true);
    });

    test('after `features d.`: the fields of that dataset', async () => {
        const items = await complete(plan(`model M {\n    trains on subscribers, events\n    features events.${CURSOR}\n  }`));
        expect(labels(items)).toEqual(['clicks', 'region']);
    });

    test('after `slice by `: fields of the evaluation dataset', async () => {
        const items = await complete(plan(`model M {\n    trains on subscribers\n    evaluation {\n      on holdout\n      slice by ${CURSOR}\n    }\n  }`));
        expect(labels(items)).toEqual(['holdout_only', 'region']);
    });

    test('after `check missing `: fields of the check\'s own dataset', async () => {
        const items = await complete(plan(`dataset d {\n    fields { a number b text }\n    check missing ${CURSOR}\n  }`));
        expect(labels(items)).toEqual(['a', 'b']);
    });

    test('after `drift events.`: the fields of that dataset', async () => {
        const items = await complete(plan(`monitoring {\n    drift events.${CURSOR}\n  }`));
        expect(labels(items)).toEqual(['clicks', 'region']);
    });

    test('after `drift `: `predictions` and the datasets', async () => {
        const items = await complete(plan(`monitoring {\n    drift ${CURSOR}\n  }`));
        expect(labels(items)).toEqual(['predictions', 'events', 'holdout', 'subscribers']);
    });

    test('after `fallback `: baselines only', async () => {
        const items = await complete(plan(`serving { fallback ${CURSOR} }`));
        expect(labels(items)).toEqual(['TenureRule']);
    });
});

describe('units after a number', () => {
    test('after `window 28 `: time units first, then the slo\'s other properties', async () => {
        const items = await complete(plan(`slo S {\n    indicator latency_p99 <= 150 ms\n    window 28 ${CURSOR}\n  }`));
        const units = ofKind(items, CompletionItemKind.Unit);
        expect(labels(units)).toEqual(['ms', 's', 'min', 'h', 'd', 'w']);
        expect(items.slice(0, units.length)).toEqual(units);
        expect(units.find(u => u.label === 'd')?.detail).toBe('days');
        // `window` is written already; `indicator` too.
        expect(labels(items)).toEqual(['ms', 's', 'min', 'h', 'd', 'w', 'description', 'objective']);
    });

    test('after `volume 2_000 `: rate units', async () => {
        const items = await complete(plan(`serving {\n    volume 2_000 ${CURSOR}\n  }`));
        expect(labels(ofKind(items, CompletionItemKind.Unit))).toEqual(['req/s', 'req/min', 'req/h', 'req/day']);
    });

    test('after `success latency_p99 <= 150 `: the metric\'s unit first and preselected', async () => {
        const items = await complete(plan(`model M {\n    evaluation {\n      on holdout\n      success latency_p99 <= 150 ${CURSOR}\n    }\n  }`));
        const units = ofKind(items, CompletionItemKind.Unit);
        expect(labels(units)).toEqual(['ms', 's', 'min', 'h', 'd', 'w']);
        expect(units[0].preselect).toBe(true);
        expect(units.slice(1).some(u => u.preselect)).toBe(false);
    });

    test('after a kpi on a % metric: %', async () => {
        const items = await complete(plan(`objective O { kpi churn_rate <= 3.5 ${CURSOR} }`));
        expect(labels(ofKind(items, CompletionItemKind.Unit))).toEqual(['%']);
    });

    test('budget figures take money, serving cost money per request, per month or per year', async () => {
        const budget = await complete(plan(`budget { total 100 ${CURSOR} }`));
        expect(labels(ofKind(budget, CompletionItemKind.Unit))).toEqual(['USD', 'EUR', 'GBP']);
        const cost = await complete(plan(`serving { cost 0.01 ${CURSOR} }`));
        expect(labels(ofKind(cost, CompletionItemKind.Unit))).toEqual(['USD/req', 'EUR/req', 'GBP/req', 'USD/month', 'USD/year', 'EUR/month', 'EUR/year', 'GBP/month', 'GBP/year']);
    });

    test('a metric\'s `unit` offers every unit', async () => {
        const items = await complete(plan(`metric m { unit ${CURSOR} }`));
        expect(labels(items)).toEqual(expect.arrayContaining(['ms', '%', 'req/s', 'USD', 'USD/month', 'rows']));
        expect(labels(items)).not.toContain('req/d');
    });

    test('a partly typed unit is completed in place', async () => {
        const text = plan(`slo S { window 28 mi${CURSOR} }`);
        const items = await complete(text);
        expect(labels(items)).toEqual(['min']);
        const line = text.split('\n').find(l => l.includes('window 28 mi'))!;
        expect(items[0].textEdit).toMatchObject({ newText: 'min' });
        expect((items[0].textEdit as { range: { start: { character: number } } }).range.start.character).toBe(line.indexOf('mi'));
    });
});

/** A plan with personas, models, milestones and datasets to refer to; `<|>` goes where `HOLE` is. */
function v2Plan(hole: string): string {
    return `plan P {
  persona agent { description "Agent" }
  persona analyst { }
  dataset subs { source "s" fields { f number } }
  dataset events { source "e" }
  model Scorer { trains on subs }
  model Ranker { }
  milestone Prototype { due 2026-01-15 }
  milestone Shadow { due 2026-03-01 }
  ${hole}
}`;
}

describe('v2 constructs', () => {
    test('the plan offers `start`, `deployment` and a persona snippet; `deployment` offers its three values', async () => {
        const items = await complete(v2Plan(CURSOR));
        expect(items.filter(i => ['start', 'deployment'].includes(i.label)).map(i => `${i.label}: ${i.detail}`)).toEqual([
            'deployment: plan property', 'start: plan property',
        ]);
        const persona = items.find(i => i.label === 'persona' && i.kind === CompletionItemKind.Snippet)!;
        expect(persona.detail).toBe('persona with description and decision');
        expect(persona.textEdit?.newText).toBe('persona ${1:name} {\n\tdescription "${2:Who uses the predictions}"\n\tdecision "${3:What they decide from a prediction}"\n}');
        const values = await complete(v2Plan(`deployment ${CURSOR}`));
        expect(values.map(i => [i.label, i.kind, i.detail])).toEqual([
            ['assist', CompletionItemKind.EnumMember, 'people keep deciding, helped by the predictions'],
            ['new', CompletionItemKind.EnumMember, 'the model does something nobody did before; nothing is replaced'],
            ['replace', CompletionItemKind.EnumMember, 'the model takes over a decision made today by people or another system'],
        ]);
    });

    test('new properties in their blocks, and only there', async () => {
        expect(labels(await complete(v2Plan(`objective O { ${CURSOR} }`)))).toEqual(['kpi', 'description', 'for', 'priority', 'stakeholder', 'value']);
        expect(labels(await complete(v2Plan(`persona p { ${CURSOR} }`)))).toEqual(['decision', 'description']);
        expect(labels(await complete(v2Plan(`model M { ${CURSOR} }`)))).toEqual(expect.arrayContaining(['latency', 'version', 'registry']));
        expect(labels(await complete(v2Plan(`serving { ${CURSOR} }`)))).toEqual(expect.arrayContaining(['serves', 'replicas', 'capacity']));
        expect(labels(await complete(v2Plan(`rollout { ${CURSOR} }`)))).toEqual(expect.arrayContaining(['starts']));
        expect(labels(await complete(v2Plan(`milestone M { ${CURSOR} }`)))).toEqual(['after', 'deliverable', 'description', 'due', 'needs', 'owner']);
        const dataset = await complete(v2Plan(`dataset d { ${CURSOR} }`));
        expect(labels(dataset)).toEqual(expect.arrayContaining(['labels', 'labeling']));
        expect(labels(await complete(v2Plan(`dataset d { labels ${CURSOR} }`)))).toEqual(['after']);
        const effort = await complete(v2Plan(`dataset d { labeling in-house { ${CURSOR} } }`));
        expect(effort.map(i => `${i.label}: ${i.detail}`)).toEqual(['cost: labeling property', 'rate: labeling property']);
        // Plan-level keywords stay at plan level.
        expect(labels(await complete(v2Plan(`serving { ${CURSOR} }`)))).not.toContain('deployment');
    });

    test('a labeling snippet writes the `{ rate … cost … }` block', async () => {
        const labeling = (await complete(v2Plan(`dataset d { ${CURSOR} }`))).find(i => i.label === 'labeling' && i.kind === CompletionItemKind.Snippet)!;
        expect(labeling.detail).toBe('labeling with its rate and cost per row');
        expect(labeling.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(labeling.textEdit?.newText).toBe([
            'labeling ${1|in-house,outsourced,crowdsourced,programmatic|} {',
            '\trate ${2:2_000} ${3|rows/day,rows/h,rows/min,rows/s|}',
            '\tcost ${4:0.05} ${5|USD,EUR,GBP|}/row',
            '}',
        ].join('\n'));
        // The budget's `labeling` line is an amount, not a block: no snippet there.
        expect(ofKind(await complete(v2Plan(`budget { ${CURSOR} }`)), CompletionItemKind.Snippet)).toEqual([]);
    });

    test('references: `for` personas, `serves` models, `starts after` milestones, `needs` datasets', async () => {
        const objective = await complete(v2Plan(`objective O { for ${CURSOR} }`));
        expect(objective.map(i => `${i.label}: ${i.detail}`)).toEqual(['agent: persona', 'analyst: persona']);
        expect(labels(await complete(v2Plan(`objective O { for agent, ${CURSOR} }`)))).toEqual(['agent', 'analyst']);
        expect((await complete(v2Plan(`serving { serves ${CURSOR} }`))).map(i => `${i.label}: ${i.detail}`)).toEqual(['Ranker: model', 'Scorer: model']);
        const starts = await complete(v2Plan(`rollout { starts ${CURSOR} }`));
        expect(starts.map(i => [i.label, i.kind, i.detail])).toEqual([['after', CompletionItemKind.EnumMember, 'start on a milestone’s due date: starts after MILESTONE']]);
        expect((await complete(v2Plan(`rollout { starts after ${CURSOR} }`))).map(i => `${i.label}: ${i.detail}`)).toEqual(['Prototype: milestone', 'Shadow: milestone']);
        expect((await complete(v2Plan(`milestone M { needs ${CURSOR} }`))).map(i => `${i.label}: ${i.detail}`)).toEqual(['events: dataset', 'subs: dataset']);
        expect(labels(await complete(v2Plan(`milestone M { needs subs, ${CURSOR} }`)))).toEqual(['events', 'subs']);
    });

    test('units after the new quantities: per year first for `value`, rows per time, per row, durations, rates; none after `replicas`', async () => {
        const units = async (hole: string) => labels(ofKind(await complete(v2Plan(hole)), CompletionItemKind.Unit));
        expect(await units(`objective O { value 400_000 ${CURSOR} }`)).toEqual(['USD/year', 'EUR/year', 'GBP/year', 'USD/month', 'EUR/month', 'GBP/month']);
        expect(await units(`dataset d { labeling in-house { rate 2_000 ${CURSOR} } }`)).toEqual(['rows/s', 'rows/min', 'rows/h', 'rows/day']);
        expect(await units(`dataset d { labeling in-house { cost 0.05 ${CURSOR} } }`)).toEqual(['USD/row', 'EUR/row', 'GBP/row']);
        expect(await units(`dataset d { labels after 30 ${CURSOR} }`)).toEqual(['ms', 's', 'min', 'h', 'd', 'w']);
        expect(await units(`model M { latency 40 ${CURSOR} }`)).toEqual(['ms', 's', 'min', 'h', 'd', 'w']);
        expect(await units(`serving { capacity 40 ${CURSOR} }`)).toEqual(['req/s', 'req/min', 'req/h', 'req/day']);
        expect(await units(`serving { replicas 3 ${CURSOR} }`)).toEqual([]);
        expect(await units(`budget { labeling 10_000 ${CURSOR} }`)).toEqual(['USD', 'EUR', 'GBP']);
        expect(await units(`dataset d { size 1_000 ${CURSOR} }`)).toEqual(['rows']);
    });
});
