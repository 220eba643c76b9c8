import * as ast from '../../generated/ast.js';
import { replacementFixes } from '../fixes/replace.js';
import type { Rule } from '../rule.js';

export const ambiguousReference: Rule = {
    code: 'ambiguous-reference',
    category: 'consistency',
    severity: 'error',
    title: 'every bare feature name belongs to exactly one of the model\'s training datasets',
    why: 'When a model trains on several datasets that share a column name, `region` alone does not say which column the model reads, and the two are rarely the same thing (the subscriber\'s home region, the region an event happened in). Feature lineage is what lets a team trace a bad prediction back to a bad column; a qualified name (`subscribers.region`) keeps that lineage exact.',
    check({ facts, report }) {
        for (const model of facts.local.filter(ast.isModel)) {
            const training = [...new Set((model.trainsOn ?? []).map(ref => ref.ref).filter((d): d is ast.Dataset => d !== undefined))];
            if (training.length < 2) {
                continue;
            }
            for (const feature of model.features ?? []) {
                const name = feature.field?.$refText;
                if (feature.dataset || !name) {
                    continue;
                }
                const owners = training.filter(dataset => (dataset.fields ?? []).some(field => field.name === name));
                if (owners.length < 2) {
                    continue;
                }
                const candidates = owners.map(dataset => `${dataset.name}.${name}`);
                report({
                    node: feature,
                    property: 'field',
                    message: `\`${name}\` is a field of ${owners.length} training datasets of model \`${model.name}\`; qualify it: ${candidates.map(c => `\`${c}\``).join(' or ')}`,
                    data: { candidates },
                });
            }
        }
    },
    // No candidate is preferred: which dataset's column the model reads is the author's call.
    fix: context => replacementFixes(context, context.data.candidates, (_, candidate) => `Qualify as \`${candidate}\``, false),
};
