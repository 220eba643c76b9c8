import * as ast from '../../generated/ast.js';
import { writtenState } from '../../model/placeholder.js';
import { localOf } from '../../model/plan-facts.js';
import { CONSENT_LINE, propertyFix, RETENTION_LINE } from '../fixes/skeletons.js';
import { atName, quoted } from '../helpers.js';
import type { Rule, RuleReport } from '../rule.js';
import { completenessRule, listOf } from './applies.js';
import { isPlaceholderFinding, placeholderReport } from './placeholders.js';

/**
 * Per-instance rule over local datasets, reported on the dataset's name; a placeholder `consent` is
 * reported on its string. A warning, raised to an error when the plan lists `regulations` (the
 * configuration still wins over both).
 */
export const piiPolicyMissing: Rule = completenessRule({
    code: 'pii-policy-missing',
    stage: 'mvp',
    title: 'every dataset with personal data records consent and retention',
    why: 'Personal data may only be processed on a legal basis and kept for a limited time; privacy laws such as GDPR and CCPA make both explicit, and ML pipelines are where copies of such data quietly accumulate (feature stores, training snapshots, evaluation dumps). Recording the consent or legal basis and the retention period next to the dataset makes the obligation visible to whoever builds on it, and gives deletion and audit processes a documented rule to follow.',
    check({ facts, report, plan }) {
        const regulated = listOf(plan.regulations).length > 0;
        const regulationNames = listOf(plan.regulations).map(r => r?.name ?? r?.text).filter((r): r is string => typeof r === 'string');
        const subject = regulationNames.length > 0 ? ` (the plan is subject to ${regulationNames.join(', ')})` : '';
        const atSeverity = (finding: RuleReport): RuleReport => (regulated ? { ...finding, severity: 'error' } : finding);
        for (const dataset of localOf(facts, ast.isDataset)) {
            const piiFields = listOf(dataset.fields).filter(f => f?.pii && typeof f.name === 'string').map(f => f.name);
            if (piiFields.length === 0) {
                continue;
            }
            const fieldList = piiFields.map(quoted).join(', ');
            const consent = writtenState(dataset.consent);
            if (consent === 'placeholder') {
                report(atSeverity(placeholderReport(dataset, 'consent', `dataset ${quoted(dataset.name)} consent`,
                    `record the legal basis for using its personal data (${fieldList})${subject}`)));
            }
            const missing = [consent === 'absent' ? 'consent' : undefined, dataset.retention ? undefined : 'retention']
                .filter((m): m is string => m !== undefined);
            if (missing.length === 0) {
                continue;
            }
            const lacks = missing.map(m => `\`${m}\``).join(' and no ');
            report(atSeverity(atName(dataset, `dataset ${quoted(dataset.name)} holds personal data (${fieldList}) but has no ${lacks}: record the legal basis for using it and how long it is kept${subject}`, { missing })));
        }
    },
    fix({ diagnostic, data, doc, edits }) {
        const dataset = doc.nodeAt(diagnostic.range.start, ast.isDataset);
        if (!dataset || isPlaceholderFinding(data)) {
            return [];
        }
        // An empty `consent ""` is a placeholder, reported on its own; adding a second one would be a duplicate.
        const lines = [dataset.consent === undefined ? CONSENT_LINE : undefined, dataset.retention === undefined ? RETENTION_LINE : undefined]
            .filter((line): line is string => line !== undefined);
        return lines.length > 0 ? propertyFix(edits(), dataset, lines) : [];
    },
});
