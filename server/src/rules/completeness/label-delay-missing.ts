import * as ast from '../../generated/ast.js';
import { localOf } from '../../model/plan-facts.js';
import { atName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule, listOf } from './applies.js';

/**
 * Per-instance rule over local datasets that a model the plan can see trains on, reported on the
 * dataset's name. No fix: only the team knows how long its labels take.
 */
export const labelDelayMissing: Rule = completenessRule({
    code: 'label-delay-missing',
    stage: 'growth',
    title: 'every labeled training dataset says how late its labels arrive',
    why: 'The ground truth of a prediction is rarely known at once: whether a subscriber churned is known a month later, a chargeback weeks after the payment. That delay decides how soon a live model can be scored, how long a rollout stage must run before its ML metrics mean anything, and how fresh the next training set can be. Writing it down (`labels after 30 d`) lets those consequences be checked instead of discovered after launch.',
    check({ facts, report }) {
        const trainers = new Map<ast.Dataset, string[]>();
        for (const model of facts.visible.models) {
            for (const reference of listOf(model.trainsOn)) {
                const dataset = reference?.ref;
                if (dataset && typeof model.name === 'string') {
                    trainers.set(dataset, [...(trainers.get(dataset) ?? []), model.name]);
                }
            }
        }
        for (const dataset of localOf(facts, ast.isDataset)) {
            const models = trainers.get(dataset);
            const labels = listOf(dataset.fields).filter(f => f?.label && typeof f.name === 'string').map(f => quoted(f.name));
            if (!models || labels.length === 0 || dataset.labelDelay) {
                continue;
            }
            const names = [...new Set(models)].map(quoted);
            const trainedBy = names.length === 1 ? `model ${names[0]} trains` : `models ${names.join(', ')} train`;
            const fields = labels.length === 1 ? `label field ${labels[0]}` : `label fields ${labels.join(', ')}`;
            report(atName(dataset, `dataset ${quoted(dataset.name)} has ${fields} and ${trainedBy} on it, but no \`labels after\`: say how long after an event its ground truth is known (e.g. \`labels after 30 d\`)`));
        }
    },
});
