import type { Block, Rich, Section } from '../document.js';
import { code, em, strong } from '../document.js';
import type { EvaluationExport, ModelExport, PlanExport, SliceExport } from '../export-model.js';
import { condition, docBlocks, fact, fieldRich, importedNote, missing, partyRich, refRich, refsRich, titled } from './common.js';

/** Each model: how it is built, and the evaluation that decides whether it ships. */
export function modelsSection(model: PlanExport): Section {
    const blocks: Block[] = [];
    if (model.models.length === 0) {
        blocks.push(missing('No model defined.'));
    }
    for (const m of model.models) {
        blocks.push(...modelBlocks(m, model));
    }
    return { id: 'models', title: 'Models', blocks };
}

function modelBlocks(m: ModelExport, model: PlanExport): Block[] {
    const blocks: Block[] = [{ kind: 'heading', text: titled('Model', m.name) }, ...importedNote(m)];
    if (m.description) {
        blocks.push({ kind: 'paragraph', text: [m.description] });
    }
    blocks.push(...docBlocks(m));
    blocks.push({
        kind: 'facts',
        items: [
            fact('Algorithm', m.algorithm),
            fact('Owner', m.owner ? partyRich(m.owner, model) : null),
            fact('Trains on', m.trainsOn.length > 0 ? refsRich(m.trainsOn) : null),
            fact('Features', m.features.length > 0 ? m.features.flatMap((f, i) => [...(i > 0 ? [', '] : []), ...fieldRich(f, m.trainsOn.length > 1)]) : null),
            fact('Compute', m.compute),
            ...(m.latency ? [fact('Inference latency', [m.latency.text, ' ', em('(per request, on its compute)')])] : []),
            fact('Version', m.version),
            ...(m.registry ? [fact('Registry', [code(m.registry)])] : []),
            fact('Explainability', m.explain),
            fact('Retraining', retrainText(m)),
        ],
    });
    if (!m.evaluation) {
        blocks.push(missing('No evaluation defined.'));
    } else {
        blocks.push(...evaluationBlocks(m.evaluation));
    }
    return blocks;
}

function retrainText(m: ModelExport): Rich | null {
    if (!m.retrain) {
        return null;
    }
    return m.retrain.kind === 'on-drift' ? ['when monitoring detects drift'] : [`every ${m.retrain.every?.text ?? '?'}`];
}

function evaluationBlocks(evaluation: EvaluationExport): Block[] {
    const blocks: Block[] = [{
        kind: 'paragraph',
        text: evaluation.on ? [strong('Evaluation'), ' on ', ...refRich(evaluation.on)] : [strong('Evaluation'), ' ', em('(no evaluation dataset given)')],
    }];
    blocks.push(evaluation.successes.length === 0
        ? missing('No success criterion defined.')
        : {
            kind: 'table',
            headers: ['Success criterion', 'Must reach', 'Baseline'],
            rows: evaluation.successes.map(s => [
                refRich(s.metric),
                [condition(s.op, s.value)],
                s.baselines.length === 0
                    ? ['—']
                    : s.baselines.flatMap((b, i) => [...(i > 0 ? ['; '] : []), `${b.value?.text ?? '?'} (`, code(b.baseline.name), ')']),
            ]),
        });
    blocks.push({ kind: 'paragraph', text: [strong('Fairness slices')] });
    blocks.push(evaluation.slices.length === 0
        ? missing('No fairness slices.')
        : { kind: 'list', ordered: false, items: evaluation.slices.map(sliceRich) });
    return blocks;
}

/** `By region: auc gap ≤ 0.03 between groups`. */
function sliceRich(slice: SliceExport): Rich {
    const head: Rich = ['By ', ...fieldRich(slice.field, false)];
    if (!slice.metric) {
        return [...head, ': quality reported per group'];
    }
    const what = slice.gap ? ' gap between groups ' : ' in every group ';
    return [...head, ': ', ...refRich(slice.metric), `${what}${condition(slice.op, slice.value)}`];
}
