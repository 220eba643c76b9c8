import * as ast from '../../generated/ast.js';
import { measureOf } from '../../model/derived.js';
import { refreshSeconds } from '../../model/schedule.js';
import { formatMeasure, formatValue, SECONDS_PER_DAY, toBase } from '../../model/units.js';
import { quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { statementRange, trainingDatasets } from './data-helpers.js';

/**
 * `retrain every D` against the refresh period of the model's training datasets: when even the
 * most often refreshed one changes less often than every D (or none ever changes), most retrainings
 * run on the data the last one saw. Every training dataset must say its `refresh`: without it the
 * comparison has a missing figure and the rule stays silent. Reported on `retrain every D`.
 */
export const retrainFasterThanRefresh: Rule = {
    code: 'retrain-faster-than-refresh',
    category: 'cross-check',
    severity: 'warning',
    title: 'a model retrains no more often than its training data refreshes',
    why: 'Retraining is meant to let a model follow the world as new examples arrive. A schedule that retrains more often than the training data is refreshed produces mostly identical models: compute is spent, new versions are registered, validated and rolled out, and nothing has changed except the risk of each deployment. Matching the retraining cadence to the data\'s refresh (or retraining on drift) keeps every new version worth the trouble of shipping it.',
    check({ facts, report }) {
        for (const model of facts.local.filter(ast.isModel)) {
            const every = measureOf(model.retrain?.every);
            const datasets = [...new Set(trainingDatasets(model))];
            if (!every || every.unit.dimension !== 'time' || toBase(every) <= 0 || datasets.length === 0 || datasets.some(d => d.refresh === undefined)) {
                continue;
            }
            const periods = datasets.map(d => refreshSeconds(d.refresh)).filter((s): s is number => s !== undefined);
            const fastest = periods.length > 0 ? Math.min(...periods) : undefined;
            // Conversions such as 24 h → 86,400 s may leave rounding noise: equality never fires.
            if (fastest !== undefined && toBase(every) >= fastest * (1 - 1e-9)) {
                continue;
            }
            const range = statementRange(model, 'retrain', model.retrain?.every);
            if (!range) {
                continue;
            }
            const refreshes = datasets.map(d => `${quoted(d.name)} ${d.refresh}`).join(', ');
            const data = fastest === undefined
                ? `its training data never refreshes (${refreshes}): every retraining after the first sees the same data`
                : `its training data refreshes at best every ${formatPeriod(fastest)} (${refreshes}): most retrainings see no new data`;
            report({
                node: model,
                range,
                message: `model ${quoted(model.name)} retrains every ${formatMeasure(every)} but ${data}`,
            });
        }
    },
};

/** A refresh period as people say it: `1 h`, `1 d`, `7 d`, `30 d`. */
function formatPeriod(seconds: number): string {
    return seconds < SECONDS_PER_DAY ? formatValue(seconds / 3600, 'h') : formatValue(seconds / SECONDS_PER_DAY, 'd');
}
