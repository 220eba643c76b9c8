import { RULES } from './registry.js';
import type { Rule } from './rule.js';

/** The README's rule table, generated from the registry (test/docs keeps the README current). */
export function rulesMarkdownTable(rules: readonly Rule[] = RULES): string {
    const rows = rules.map(rule => `| \`${rule.code}\` | ${rule.category} | ${rule.severity} | ${rule.stage ?? '—'} | ${rule.title.replace(/\|/g, '\\|')} |`);
    return ['| code | kind | default | from stage | a plan that passes… |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
