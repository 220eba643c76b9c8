import * as ast from '../../generated/ast.js';
import { isPlaceholder } from '../../model/placeholder.js';
import { fallbackLine, propertyFix } from '../fixes/skeletons.js';
import type { Rule } from '../rule.js';
import { completenessRule } from './applies.js';
import { placeholderReport } from './placeholders.js';

/**
 * Per-block rule on each `serving`; reported on the `serving` keyword (the block is unnamed), or on
 * the string of a `fallback "…"` that is only a placeholder.
 */
export const fallbackMissing: Rule = completenessRule({
    code: 'fallback-missing',
    stage: 'mvp',
    title: 'serving defines a fallback',
    why: 'Models fail in production: a feature pipeline breaks, the model server times out, a new input type arrives. Without a fallback the product fails with it. Naming a baseline (a rule, the previous system) or a degraded behaviour up front decides what users see on the bad day, and gives the rollout something safe to revert to.',
    check({ facts, report }) {
        for (const serving of facts.servings) {
            const fallback = serving.fallback;
            if (!fallback) {
                report({ node: serving, keyword: 'serving', message: 'no fallback defined: say what is served when the model fails (a baseline, or a string describing the behaviour)' });
            } else if (!fallback.baseline && isPlaceholder(fallback.text)) {
                report(placeholderReport(fallback, 'text', 'the serving fallback', 'say what users get when the model fails, or name a baseline'));
            }
        }
    },
    fix({ diagnostic, doc, facts, edits }) {
        const serving = doc.nodeAt(diagnostic.range.start, ast.isServing);
        return serving && !serving.fallback ? propertyFix(edits(), serving, [fallbackLine(facts)]) : [];
    },
});
