import { declareFixes } from './fixes/declare.js';
import { replacementFixes } from './fixes/replace.js';
import type { Rule } from './rule.js';

/**
 * Diagnostics raised by the parser, the linker and the suppression pass rather than by a rule
 * check. They are registered like every rule so that they can be configured, explained on hover
 * and described in SARIF.
 */
export const syntaxError: Rule = {
    code: 'syntax-error',
    category: 'source',
    severity: 'error',
    ignorable: false,
    title: 'the plan can be read',
    why: 'Text the parser cannot read is not reviewed at all: every rule below it may be silent for the wrong reason. Fix syntax errors first.',
};

export const unresolvedReference: Rule = {
    code: 'unresolved-reference',
    category: 'source',
    severity: 'error',
    title: 'every name refers to a declaration of the right kind',
    why: 'A plan that names a metric, dataset or owner that does not exist reads fine to a human but promises something nobody defined. Typos in references are the commonest way a plan silently drifts from what the team actually tracks.',
    // The linker puts the nearest declared names, best first, in `data.suggestions`; a name that
    // nothing declares can also be declared, as each kind the position accepts (fixes/declare.ts).
    fix: context => [
        ...replacementFixes(context, context.data.suggestions, (written, name) => `Change \`${written}\` to \`${name}\``, true),
        ...declareFixes(context),
    ],
};

export const unusedIgnore: Rule = {
    code: 'unused-ignore',
    category: 'source',
    severity: 'hint',
    ignorable: false,
    title: 'every mlplan-ignore comment silences something',
    why: 'An ignore comment that silences nothing is stale: the problem it excused was fixed or moved. Removing it keeps the remaining exceptions meaningful for reviewers.',
};
