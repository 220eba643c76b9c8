import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

export const labelAsFeature: Rule = {
    code: 'label-as-feature',
    category: 'consistency',
    severity: 'error',
    title: 'no model uses a label field as a feature',
    why: 'The label is what the model is asked to predict. Feeding it in as an input is the purest form of target leakage: offline metrics become near perfect, and in production, where the label is not yet known at prediction time, the model has nothing to go on. Features must be available before the outcome they predict.',
    check({ facts, report }) {
        for (const model of facts.local.filter(ast.isModel)) {
            for (const feature of model.features ?? []) {
                const field = feature.field?.ref;
                if (!field?.label) {
                    continue;
                }
                const dataset = ast.isDataset(field.$container) ? field.$container.name : undefined;
                report({
                    node: feature,
                    message: `\`${field.name}\` is the label${dataset ? ` of dataset \`${dataset}\`` : ''}; model \`${model.name}\` cannot use it as a feature (target leakage)`,
                });
            }
        }
    },
};
