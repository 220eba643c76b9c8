import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';

/** Issue 12, point 4: the completion gaps a new plan author met. */

const services = createEditorTestServices();
const CURSOR = '<|>';

async function completionList(text: string): Promise<CompletionList | undefined> {
    const offset = text.indexOf(CURSOR);
    expect(offset, 'the text needs a <|> cursor').toBeGreaterThanOrEqual(0);
    const { document } = await check(services, text.replace(CURSOR, ''));
    return services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
}

/** The items in the order the editor shows them (sortText, then label). */
async function complete(text: string): Promise<CompletionItem[]> {
    const list = await completionList(text);
    return [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label));
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);
const ofKind = (items: CompletionItem[], kind: CompletionItemKind) => items.filter(i => i.kind === kind);

function plan(hole: string): string {
    return `plan Churn {
  metric churn_rate { kind business unit % better lower }
  metric auc { kind ml better higher }
  metric latency_p99 { kind software unit ms better lower }
  metric revenue { kind business unit USD better higher }
  metric score { kind ml }
  dataset subscribers {
    source "warehouse://subs"
    fields {
      tenure_months number
      region category sensitive
      churned boolean label
      email text pii
    }
  }
  ${hole}
}`;
}

describe('field flags after a field type', () => {
    test('after `email text `: pii, sensitive, label, then the next field', async () => {
        const items = await complete(plan(`dataset d {\n    fields {\n      email text ${CURSOR}\n    }\n  }`));
        expect(labels(items)).toEqual(['label', 'pii', 'sensitive', 'field']);
        expect(ofKind(items, CompletionItemKind.EnumMember).map(i => i.detail)).toEqual([
            'flag: the target the model learns: never a feature',
            'flag: personal data: needs consent and retention',
            'flag: protected attribute: evaluation must slice by it',
        ]);
    });

    test('a flag already written on the field is not offered again', async () => {
        const items = await complete(plan(`dataset d {\n    fields {\n      email text pii ${CURSOR}\n    }\n  }`));
        expect(labels(items)).toEqual(['label', 'sensitive', 'field']);
        const both = await complete(plan(`dataset d { fields { a number b text sensitive pii ${CURSOR} } }`));
        expect(labels(both)).toEqual(['label', 'field']);
    });
});

describe('comparators after a metric', () => {
    test.each([
        // Targets: the side the metric improves towards first.
        ['kpi on a higher-is-better metric', `objective O { kpi auc ${CURSOR} }`, ['>=', '>', '<=', '<']],
        ['kpi on a lower-is-better metric', `objective O { kpi churn_rate ${CURSOR} }`, ['<=', '<', '>=', '>']],
        ['success', `model M {\n    evaluation {\n      success auc ${CURSOR}\n    }\n  }`, ['>=', '>', '<=', '<']],
        ['indicator', `slo S { indicator latency_p99 ${CURSOR} }`, ['<=', '<', '>=', '>']],
        // Alerts and rollback conditions describe the bad side: the opposite first.
        ['alert on a higher-is-better metric', `monitoring { alert auc ${CURSOR} }`, ['<', '<=', '>', '>=']],
        ['alert on a lower-is-better metric', `monitoring { alert latency_p99 ${CURSOR} }`, ['>', '>=', '<', '<=']],
        ['rollback when', `rollout { rollback when churn_rate ${CURSOR} }`, ['>', '>=', '<', '<=']],
        ['rollback when … or', `rollout { rollback when churn_rate > 3 % or auc ${CURSOR} }`, ['<', '<=', '>', '>=']],
        // No direction: the grammar's order, nothing preselected.
        ['kpi on a metric without `better`', `objective O { kpi score ${CURSOR} }`, ['<=', '>=', '<', '>']],
        // A baseline states the value it reaches.
        ['expect', `baseline B { kind heuristic expect auc ${CURSOR} }`, ['=']],
    ])('%s', async (_name, hole, expected) => {
        const items = await complete(plan(hole));
        expect(labels(items)).toEqual(expected);
        expect(items.every(i => i.kind === CompletionItemKind.Operator && (i.detail ?? '').length > 0)).toBe(true);
    });

    test('the first operator is preselected when the metric has a direction, and described', async () => {
        const items = await complete(plan(`objective O { kpi auc ${CURSOR} }`));
        expect(items.map(i => i.preselect ?? false)).toEqual([true, false, false, false]);
        expect(items[0].detail).toBe('at least (higher is better)');
        const plain = await complete(plan(`objective O { kpi score ${CURSOR} }`));
        expect(plain.some(i => i.preselect)).toBe(false);
        expect(plain.map(i => i.detail)).toEqual(['at most', 'at least', 'below', 'above']);
    });

    test('`=` is offered nowhere but `expect`', async () => {
        for (const hole of [`objective O { kpi auc ${CURSOR} }`, `monitoring { alert auc ${CURSOR} }`, `monitoring { drift predictions psi ${CURSOR} }`]) {
            expect(labels(await complete(plan(hole)))).not.toContain('=');
        }
    });
});

describe('units after a number', () => {
    test.each([
        ['a kpi on a % metric', `objective O { kpi churn_rate <= 3.5 ${CURSOR} }`, ['%']],
        ['a kpi on a money metric', `objective O { kpi revenue >= 3 ${CURSOR} }`, ['USD']],
        ['a success on a ms metric: its unit first', `model M { evaluation { success latency_p99 <= 150 ${CURSOR} } }`, ['ms', 's', 'min', 'h', 'd', 'w']],
        ['an expect on a ms metric', `baseline B { expect latency_p99 = 3 ${CURSOR} }`, ['ms', 's', 'min', 'h', 'd', 'w']],
        ['an objective\'s value: money per year first', `objective O { value 3 ${CURSOR} }`, ['USD/year', 'EUR/year', 'GBP/year', 'USD/month', 'EUR/month', 'GBP/month']],
        ['a rollout stage\'s traffic', `rollout { stage 5 ${CURSOR} }`, ['%']],
        ['a rollout stage\'s duration', `rollout { stage 5 % for 2 ${CURSOR} }`, ['ms', 's', 'min', 'h', 'd', 'w']],
        ['an slo objective', `slo S { objective 99 ${CURSOR} }`, ['%']],
        ['a labeling rate', `dataset d { labeling in-house { rate 3 ${CURSOR} } }`, ['rows/s', 'rows/min', 'rows/h', 'rows/day']],
        ['a retention', `dataset d { retention 3 ${CURSOR} }`, ['ms', 's', 'min', 'h', 'd', 'w']],
    ])('%s', async (_name, hole, expected) => {
        const items = await complete(plan(hole));
        const units = ofKind(items, CompletionItemKind.Unit);
        expect(labels(units)).toEqual(expected);
        expect(items.slice(0, units.length)).toEqual(units);
    });
});

describe('features', () => {
    const model = (list: string) => `model M {\n    trains on subscribers\n    features ${list}${CURSOR}\n  }`;

    test('a `label` field is offered last, never first', async () => {
        expect(labels(await complete(plan(model(''))))).toEqual(['email', 'region', 'tenure_months', 'churned']);
    });

    test('fields already listed in this `features` are not offered again', async () => {
        expect(labels(await complete(plan(model('tenure_months, '))))).toEqual(['email', 'region', 'churned']);
        expect(labels(await complete(plan(model('tenure_months, subscribers.region, '))))).toEqual(['email', 'churned']);
        expect(labels(await complete(plan(model('email,\n      region, subscribers.'))))).toEqual(['tenure_months', 'churned']);
    });
});

describe('block keywords', () => {
    test('each block keyword appears once, as its snippet, with the keyword\'s hover text', async () => {
        const items = await complete(plan(CURSOR));
        const counts = new Map<string, number>();
        items.forEach(i => counts.set(i.label, (counts.get(i.label) ?? 0) + 1));
        expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
        const dataset = items.filter(i => i.label === 'dataset');
        expect(dataset).toHaveLength(1);
        expect(dataset[0].kind).toBe(CompletionItemKind.Snippet);
        expect(dataset[0].insertTextFormat).toBe(InsertTextFormat.Snippet);
        const doc = dataset[0].documentation as MarkupContent;
        expect(doc.kind).toBe('markdown');
        expect(doc.value.length).toBeGreaterThan(20);
        expect(ofKind(items, CompletionItemKind.Snippet).every(i => (i.documentation as MarkupContent | undefined)?.value)).toBe(true);
    });

    test('the same inside a block: `kpi` once in an objective, `evaluation` once in a model', async () => {
        const objective = await complete(plan(`objective O { ${CURSOR} }`));
        expect(labels(objective)).toEqual(['kpi', 'description', 'for', 'priority', 'stakeholder', 'value']);
        expect((objective[0].documentation as MarkupContent).value).toMatch(/^A target on a metric/);
        const model = await complete(plan(`model M { ${CURSOR} }`));
        expect(labels(model).filter(l => l === 'evaluation')).toHaveLength(1);
    });

    test('property keywords carry their hover text too', async () => {
        const items = await complete(plan(CURSOR));
        const stage = items.find(i => i.label === 'stage')!;
        expect((stage.documentation as MarkupContent).value).toMatch(/How mature the project is/);
        expect((stage.documentation as MarkupContent).value).toContain('Example: `stage growth`');
    });
});

describe('no fallback to the editor\'s word list', () => {
    test('completion always answers with a list, even where nothing fits', async () => {
        for (const hole of [`dataset ${CURSOR}`, `slo S { window ${CURSOR} }`, `dataset d { source "ab${CURSOR}" }`]) {
            const list = await completionList(plan(hole));
            expect(list).toBeDefined();
            expect(Array.isArray(list!.items)).toBe(true);
        }
    });

    test('word-based suggestions are off for mlplan files', () => {
        const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
            contributes: { configurationDefaults: Record<string, Record<string, unknown>> };
        };
        expect(manifest.contributes.configurationDefaults['[mlplan]']['editor.wordBasedSuggestions']).toBe('off');
    });
});
