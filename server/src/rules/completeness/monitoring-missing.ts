import { declarationFix, monitoringLines } from '../fixes/skeletons.js';
import { atPlanName, quoted } from '../helpers.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';

/** Singleton block rule. Reported on the plan's name. */
export const monitoringMissing: Rule = completenessRule({
    code: 'monitoring-missing',
    stage: 'growth',
    title: 'the plan describes how the model is monitored',
    why: 'A deployed model degrades silently: it keeps returning confident predictions while the world it was trained on changes, and nothing crashes. Ordinary service monitoring sees healthy latency and no errors. Only ML-specific monitoring (drift on inputs and outputs, alerts on the metrics that matter, logged predictions to compare with later labels) reveals the decay, and it has to be planned before launch because the logs it needs cannot be recovered afterwards.',
    check({ facts, report, plan }) {
        if (facts.monitorings.length > 0) {
            return;
        }
        const finding = atPlanName(facts, `plan ${quoted(plan.name)} has no \`monitoring\` block: say how drift and degradation are detected (drift, alerts, logs)`);
        if (finding) {
            report(finding);
        }
    },
    fix({ facts, text, edits }) {
        if (!facts.plan || facts.monitorings.length > 0) {
            return [];
        }
        const e = edits();
        return declarationFix(e, monitoringLines(facts, text, e));
    },
});
