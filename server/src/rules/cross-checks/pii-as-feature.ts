import * as ast from '../../generated/ast.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { regulationNames } from './data-helpers.js';

/**
 * A feature that resolves to a field flagged `pii`, reported on the feature as written. A warning,
 * raised to an error when the plan lists `regulations` (as `pii-policy-missing` is): under a privacy
 * law, personal data inside a model is a compliance question, not a modelling choice.
 */
export const piiAsFeature: Rule = {
    code: 'pii-as-feature',
    category: 'cross-check',
    severity: 'warning',
    title: 'no model uses a field flagged `pii` as a feature',
    why: 'A model trained on personal data carries it into every copy of the model: feature stores, training snapshots, logged requests, and sometimes the weights themselves, which can leak what they memorised. Privacy laws ask for data minimisation and for erasure on request, and neither is practical once an identifier is an input. Teams usually get the signal they need from a derived, non-identifying feature (an email domain, an age band) instead of the raw value; when the raw value is truly needed, the decision deserves to be explicit and reviewed.',
    check({ facts, report }) {
        const regulations = regulationNames(facts.plan);
        for (const model of facts.local.filter(ast.isModel)) {
            for (const feature of model.features ?? []) {
                const field = feature?.field?.ref;
                if (!field?.pii) {
                    continue;
                }
                const dataset = ast.isDataset(field.$container) ? ` of dataset ${quoted(field.$container.name)}` : '';
                const law = regulations.length > 0 ? ` (the plan is subject to ${regulations.join(', ')})` : '';
                report({
                    node: feature,
                    message: `model ${quoted(model.name)} uses ${quoted(field.name)}${dataset} as a feature, a field flagged \`pii\`${law}: personal data inside a model is hard to justify, explain and erase; derive a non-identifying feature from it, or drop it`,
                    ...(regulations.length > 0 ? { severity: 'error' as const } : {}),
                });
            }
        }
    },
};
