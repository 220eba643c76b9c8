import { displayPath } from '../../model/display-path.js';
import type { Rule } from '../rule.js';

export const importCycle: Rule = {
    code: 'import-cycle',
    category: 'consistency',
    severity: 'warning',
    title: 'imports form no cycle',
    why: 'Catalogs are meant to layer: shared people and metrics at the bottom, plans on top. When two files import each other, every declaration is visible everywhere and the layering is lost; a change in one file can then break names in the other in ways nobody expects. The tools tolerate the cycle, but the structure is a smell worth fixing.',
    check({ facts, report }) {
        const home = facts.document.uri;
        for (const { node: imp, cycle: chain } of facts.imports) {
            if (!chain) {
                continue;
            }
            const shown = chain.map(document => displayPath(home, document.uri));
            report({
                node: imp,
                property: 'path',
                message: `this import leads back to this file: ${shown.map(s => `\`${s}\``).join(' → ')}`,
                data: { cycle: shown },
            });
        }
    },
};
