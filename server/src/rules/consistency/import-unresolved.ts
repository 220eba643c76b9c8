import type { URI } from 'langium';
import type { Rule } from '../rule.js';

export const importUnresolved: Rule = {
    code: 'import-unresolved',
    category: 'consistency',
    severity: 'error',
    title: 'every import names a file inside the workspace',
    why: 'Shared catalogs (people, metrics, datasets) only help if every plan that imports them sees the same declarations. An import that does not resolve hides everything the plan relies on from it. Imports are also confined to the workspace folder, so that opening a plan can never make the tools read files elsewhere on the machine.',
    check({ facts, report }) {
        for (const resolution of facts.imports) {
            const imp = resolution.node;
            if (!resolution.problem) {
                continue;
            }
            let message: string;
            switch (resolution.problem) {
                case 'empty-path':
                    message = 'the import names no file';
                    break;
                case 'outside-root': {
                    const roots = facts.importRoots.map(root => `\`${shown(root)}\``).join(' or ');
                    message = `\`${imp.path}\` leads outside ${roots} (symbolic links are followed): imports must stay inside the workspace folder, so the file is not read`;
                    break;
                }
                default:
                    message = `\`${imp.path}\` does not resolve: no .mlplan file is loaded at \`${resolution.target ? shown(resolution.target) : imp.path}\``;
            }
            report({ node: imp, property: 'path', message, data: { problem: resolution.problem } });
        }
    },
};

/** A file URI as the user's operating system writes it, anything else as a URI. */
function shown(uri: URI): string {
    return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
