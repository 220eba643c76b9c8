/**
 * Each rule's page (docs/rules/<code>.md, generated from the registry) ships with the language
 * server: in the repository, in the npm package and in the .vsix alike, the server's bundle is
 * <root>/out/server.cjs (or <root>/out/cli.cjs for `mlplan lsp --stdio`) and the pages are
 * <root>/docs/rules/. A diagnostic links to its page as LSP `codeDescription.href`, a `file:` URI:
 * VS Code shows the code in the Problems panel and the hover as a link that opens the page in an
 * editor, offline (a remote window such as code-server maps the URI to its own file system).
 *
 * Only a page that exists is linked: a code without a page (or an install without docs/) gets no
 * link rather than a dangling one.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// CommonJS (the bundles) and vitest (the sources) both define it.
declare const __filename: string | undefined;

/** The folder of the package the running server belongs to: the nearest one above with a package.json. */
function packageRoot(start: string): string | undefined {
    for (let dir = start, parent = path.dirname(dir); ; dir = parent, parent = path.dirname(dir)) {
        if (existsSync(path.join(dir, 'package.json'))) {
            return dir;
        }
        if (parent === dir) {
            return undefined;
        }
    }
}

let rulesFolder: string | undefined | null = null;
const links = new Map<string, string | undefined>();

/** docs/rules/ of the running server's package, or undefined when it has none. */
export function ruleDocsFolder(): string | undefined {
    if (rulesFolder === null) {
        const root = typeof __filename === 'string' ? packageRoot(path.dirname(__filename)) : undefined;
        const folder = root ? path.join(root, 'docs', 'rules') : undefined;
        rulesFolder = folder && existsSync(folder) ? folder : undefined;
    }
    return rulesFolder;
}

/** For tests: `folder` is docs/rules/ (undefined: there is none; null: find it again). */
export function setRuleDocsFolder(folder: string | undefined | null): void {
    rulesFolder = folder;
    links.clear();
}

/** The `file:` URI of the page of rule `code`, when that page exists. */
export function ruleLink(code: string): string | undefined {
    if (!/^[a-z][a-z0-9-]*$/.test(code)) {
        return undefined;
    }
    if (!links.has(code)) {
        const folder = ruleDocsFolder();
        const page = folder ? path.join(folder, `${code}.md`) : undefined;
        // Parentheses would end a Markdown link's destination early (the hover quotes this link too).
        const href = page && existsSync(page) ? pathToFileURL(page).toString().replace(/\(/g, '%28').replace(/\)/g, '%29') : undefined;
        links.set(code, href);
    }
    return links.get(code);
}

interface CodedDiagnostic {
    code?: number | string;
    codeDescription?: { href: string };
}

/** The diagnostic with `codeDescription` pointing at its rule's page (unchanged when it has none or already links). */
export function withRuleLink<D extends CodedDiagnostic>(diagnostic: D): D {
    if (diagnostic.codeDescription || typeof diagnostic.code !== 'string') {
        return diagnostic;
    }
    const href = ruleLink(diagnostic.code);
    return href ? { ...diagnostic, codeDescription: { href } } : diagnostic;
}
