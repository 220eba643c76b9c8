import type * as ast from '../../generated/ast.js';
import { measureOf } from '../../model/derived.js';
import { compareMeasures, formatMeasure, type Measure } from '../../model/units.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { quotedList, statementRange, trainingDatasets } from './data-helpers.js';

/**
 * Monitoring's `log inputs for D` against the `retention` of each training dataset of the served
 * model that holds `pii` fields: the logged requests are the same personal data, arriving again.
 * `log predictions` stores the model's outputs, not its inputs, and is left alone. Reported on the
 * whole statement, `log inputs for 400 d`.
 */
export const logRetentionExceedsConsent: Rule = {
    code: 'log-retention-exceeds-consent',
    category: 'cross-check',
    severity: 'warning',
    title: 'logged model inputs are kept no longer than the personal data they come from',
    why: 'Logging the inputs of a model is how teams debug it and build the next training set, but every logged request is a fresh copy of the personal data the model reads. The retention agreed for that data does not stop at the warehouse: a log store that holds requests for longer than the source dataset may be kept holds personal data beyond the consent under which it was collected. Aligning the log retention with the dataset\'s retention (or logging only predictions) keeps deletion promises true everywhere the data lands.',
    check({ facts, report }) {
        const model = facts.figures.servedModel;
        if (!model) {
            return;
        }
        for (const monitoring of facts.monitorings) {
            const kept = measureOf(monitoring.logRetention);
            if (monitoring.log !== 'inputs' || !kept || kept.unit.dimension !== 'time') {
                continue;
            }
            const exceeded = personalDatasets(model)
                .filter(d => (compareMeasures(kept, d.retention) ?? 0) > 0)
                .sort((a, b) => compareMeasures(a.retention, b.retention) ?? 0);
            const range = statementRange(monitoring, 'log', monitoring.logRetention);
            if (exceeded.length === 0 || !range) {
                continue;
            }
            const shortest = exceeded[0].retention;
            const limits = exceeded
                .map(d => `${quoted(d.dataset.name)} (${formatMeasure(d.retention)}; personal data: ${quotedList(d.pii)})`)
                .join(', ');
            report({
                node: monitoring,
                range,
                message: `model inputs are logged for ${formatMeasure(kept)}, longer than the \`retention\` of ${limits}, training data of the served model ${quoted(model.name)}: the logs keep personal data past what was agreed; keep inputs for at most ${formatMeasure(shortest)}, or log only predictions`,
            });
        }
    },
};

interface PersonalDataset {
    readonly dataset: ast.Dataset;
    readonly retention: Measure;
    readonly pii: string[];
}

/** The model's training datasets that hold `pii` fields and give a `retention` in time units. */
function personalDatasets(model: ast.Model): PersonalDataset[] {
    const found: PersonalDataset[] = [];
    for (const dataset of new Set(trainingDatasets(model))) {
        const retention = measureOf(dataset.retention);
        const pii = (dataset.fields ?? []).filter(f => f?.pii).map(f => f.name);
        if (pii.length > 0 && retention?.unit.dimension === 'time') {
            found.push({ dataset, retention, pii });
        }
    }
    return found;
}
