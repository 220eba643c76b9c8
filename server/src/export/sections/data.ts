import { formatWrittenNumber } from '../../model/units.js';
import type { Block, Rich, Section } from '../document.js';
import { code, em, strong } from '../document.js';
import type { CheckExport, DatasetExport, FieldExport, PlanExport } from '../export-model.js';
import {
    anyImported, boundRich, comparator, definedInRich, docBlocks, fact, fieldRich, importedNote, missing, notesRich,
    partyRich, quantityText, textOr, titled,
} from './common.js';

/** Datasets: one overview table (provenance and privacy), then each dataset's fields and checks. */
export function datasetsSection(model: PlanExport): Section {
    if (model.datasets.length === 0) {
        return { id: 'datasets', title: 'Datasets', blocks: [missing('No dataset defined.')] };
    }
    const imported = anyImported(model.datasets);
    const blocks: Block[] = [{
        kind: 'table',
        headers: ['Dataset', 'Source', 'Version', 'Refresh', 'Size', 'PII fields', 'Sensitive fields', 'Consent', 'Retention', ...(imported ? ['Defined in'] : [])],
        rows: model.datasets.map(d => [
            [code(d.name)],
            textOr(d.source, 'not set'),
            textOr(d.version),
            textOr(d.refresh),
            [quantityText(d.size)],
            fieldNames(d.fields.filter(f => f.pii)),
            fieldNames(d.fields.filter(f => f.sensitive)),
            d.consent ? [d.consent] : d.fields.some(f => f.pii) ? [em('not set')] : ['—'],
            d.retention ? [d.retention.text] : d.fields.some(f => f.pii) ? [em('not set')] : ['—'],
            ...(imported ? [definedInRich(d)] : []),
        ] as Rich[]),
    }];
    for (const dataset of model.datasets) {
        blocks.push(...datasetDetails(dataset, model));
    }
    return { id: 'datasets', title: 'Datasets', blocks };
}

function fieldNames(fields: readonly FieldExport[]): Rich {
    return fields.length === 0 ? ['none'] : fields.flatMap((f, i) => (i === 0 ? [code(f.name)] : [', ', code(f.name)]));
}

function datasetDetails(dataset: DatasetExport, model: PlanExport): Block[] {
    const blocks: Block[] = [{ kind: 'heading', text: titled('Dataset', dataset.name) }, ...importedNote(dataset)];
    if (dataset.description) {
        blocks.push({ kind: 'paragraph', text: [dataset.description] });
    }
    blocks.push(...docBlocks(dataset));
    blocks.push({
        kind: 'facts',
        items: [
            fact('Owner', dataset.owner ? partyRich(dataset.owner, model) : null),
            fact('Labeling', labelingRich(dataset)),
            ...labelingFacts(dataset),
            ...labelDelayFacts(dataset, model),
        ],
    });
    blocks.push({ kind: 'paragraph', text: [strong('Fields')] });
    blocks.push(dataset.fields.length === 0
        ? missing('No fields declared.')
        : {
            kind: 'table',
            headers: ['Field', 'Type', 'Flags'],
            rows: dataset.fields.map(f => [[code(f.name)], textOr(f.type), flags(f)]),
        });
    blocks.push({ kind: 'paragraph', text: [strong('Quality checks')] });
    blocks.push(dataset.checks.length === 0
        ? missing('No quality checks.')
        : { kind: 'list', ordered: false, items: dataset.checks.map(checkRich) });
    return blocks;
}

/** `in-house, 2,000 rows/day at 0.05 USD/row`. */
function labelingRich(dataset: DatasetExport): Rich | null {
    const effort = dataset.labelingEffort;
    const pace = [effort?.rate?.text, effort?.cost ? `at ${effort.cost.text}` : undefined].filter(Boolean).join(' ');
    if (!dataset.labeling) {
        return null;
    }
    return [pace.length > 0 ? `${dataset.labeling}, ${pace}` : dataset.labeling];
}

/** How long labeling takes and what it costs (model/schedule.ts), with the figures it comes from. */
function labelingFacts(dataset: DatasetExport): Array<{ label: string; value: Rich }> {
    const derived = dataset.labelingDerived;
    const effort = dataset.labelingEffort;
    const size = dataset.size?.text ?? '?';
    const facts = [];
    if (derived.days) {
        const end: Rich = derived.endDate
            ? [', done by ', strong(derived.endDate), ' counting from the plan start']
            : [' ', em('(no plan start: no end date)')];
        facts.push(fact('Labeling time', [`${derived.days.text} for ${size} at ${effort?.rate?.text ?? '?'}`, ...end]));
    }
    if (derived.cost) {
        facts.push(fact('Labeling cost', [strong(derived.cost.text), ` (${size} × ${effort?.cost?.text ?? '?'})`]));
    }
    return facts;
}

/** The label delay; its absence is shown where it matters: labeled data a model trains on. */
function labelDelayFacts(dataset: DatasetExport, model: PlanExport): Array<{ label: string; value: Rich }> {
    if (dataset.labelDelay) {
        return [fact('Labels known after', [dataset.labelDelay.text, ' ', em('(from an event to its ground truth)')])];
    }
    const trained = model.models.some(m => m.trainsOn.some(ref => ref.name === dataset.name && ref.file === dataset.file));
    return trained && dataset.fields.some(f => f.label) ? [fact('Labels known after', null)] : [];
}

function written(value: number | null): string {
    return value === null ? '?' : formatWrittenNumber(value);
}

function flags(field: FieldExport): Rich {
    const list = [
        field.pii ? 'PII' : '',
        field.sensitive ? 'sensitive' : '',
        field.label ? 'label (target)' : '',
    ].filter(f => f.length > 0);
    return [list.length > 0 ? list.join(', ') : '—'];
}

/** `Quality check: missing values of tenure_months < 1 %`. */
function checkRich(check: CheckExport): Rich {
    switch (check.check) {
        case 'missing':
            return ['Missing values of ', ...fieldRich(check.field, false), ` ${comparator(check.op)} ${quantityText(check.threshold)}`];
        case 'unique':
            return ['Values of ', ...fieldRich(check.field, false), ' are unique'];
        case 'range':
            return ['Values of ', ...fieldRich(check.field, false), ` lie between ${written(check.min)} and ${written(check.max)}`];
        default:
            return [check.check, ' ', ...fieldRich(check.field, false)];
    }
}

/** Baselines and what they are expected to reach: the bar every model must clear. */
export function baselinesSection(model: PlanExport): Section {
    if (model.baselines.length === 0) {
        return { id: 'baselines', title: 'Baselines', blocks: [missing('No baseline defined.')] };
    }
    const imported = anyImported(model.baselines);
    return {
        id: 'baselines',
        title: 'Baselines',
        blocks: [{
            kind: 'table',
            headers: ['Baseline', 'Kind', 'Expected values', 'Description', ...(imported ? ['Defined in'] : [])],
            rows: model.baselines.map(b => [
                [code(b.name)],
                textOr(b.baselineKind),
                b.expects.length === 0 ? [em('none stated')] : b.expects.flatMap((e, i) => [...(i > 0 ? ['; '] : []), ...boundRich(e)]),
                notesRich(b),
                ...(imported ? [definedInRich(b)] : []),
            ] as Rich[]),
        }],
    };
}
