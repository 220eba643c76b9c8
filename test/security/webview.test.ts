import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderExport } from '../../server/src/export/index.js';
import { ROOT } from '../cli/run.js';
import { parseDocument } from '../export/dom.js';
import { HOSTILE_PLAN } from '../export/hostile-plan.js';
import { modelOfText } from '../export/support.js';

/**
 * The live preview is a VS Code webview fed with the HTML export of the plan being edited, i.e.
 * with text an untrusted plan controls. It must run no script whatever that text holds: scripts
 * are disabled on the webview itself, and the page carries a CSP that allows none. Checked
 * statically on the client's source and bundle, and on the HTML the exporter produces.
 */
const CLIENT = path.join(ROOT, 'client', 'src');
const EXPORT_COMMANDS = readFileSync(path.join(CLIENT, 'export-commands.ts'), 'utf8');

function clientSources(): Array<{ file: string; text: string }> {
    return readdirSync(CLIENT, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile() && /\.(ts|js|mjs|cjs)$/.test(entry.name))
        .map(entry => {
            const file = path.join(entry.parentPath, entry.name);
            return { file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') };
        });
}

/** The CSP directives of a policy string: name → sources. */
function directives(policy: string): Map<string, string[]> {
    return new Map(policy.split(';').map(part => part.trim()).filter(Boolean).map(part => {
        const [name, ...sources] = part.split(/\s+/);
        return [name.toLowerCase(), sources];
    }));
}

function expectStrictPolicy(policy: string): void {
    const csp = directives(policy);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'worker-src', 'connect-src', 'frame-src', 'child-src', 'object-src']) {
        expect(csp.has(name), `${name} in ${policy}`).toBe(false);
    }
    expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|https?:|\*/);
    // Only inline style is allowed to be inline.
    for (const [name, sources] of csp) {
        if (sources.includes("'unsafe-inline'")) {
            expect(name).toBe('style-src');
        }
    }
}

describe('the preview webview (client/src/export-commands.ts)', () => {
    test('is created with scripts, command URIs and local resources disabled', () => {
        const calls = [...EXPORT_COMMANDS.matchAll(/createWebviewPanel\(([\s\S]*?)\);/g)].map(m => m[1]);
        expect(calls).toHaveLength(1);
        const options = calls[0].slice(calls[0].lastIndexOf('{'));
        expect(options).toMatch(/enableScripts:\s*false/);
        expect(options).toMatch(/enableCommandUris:\s*false/);
        expect(options).toMatch(/localResourceRoots:\s*\[\s*\]/);
    });

    test('no client source enables scripts, forms or a message channel anywhere', () => {
        for (const { file, text } of clientSources()) {
            expect(text, file).not.toMatch(/enableScripts\s*:\s*true|enableForms\s*:\s*true|enableCommandUris\s*:\s*true/);
            expect(text, file).not.toMatch(/\.postMessage\(|onDidReceiveMessage|asWebviewUri|registerWebviewPanelSerializer/);
        }
    });

    test('what the webview shows is the server\'s HTML export, or a page with its own strict CSP around escaped text', () => {
        const assignments = [...EXPORT_COMMANDS.matchAll(/webview\.html\s*=\s*(.+);\s*$/gm)].map(m => m[1].trim());
        expect(assignments.length).toBeGreaterThan(0);
        for (const value of assignments) {
            if (value === 'result.text') {
                continue; // the HTML export, checked below
            }
            // The "not updated" notice: either inserted into the last export, or a page of its own.
            const policies = [...value.matchAll(/Content-Security-Policy" content="([^"]+)"/g)].map(m => m[1]);
            for (const policy of policies) {
                expectStrictPolicy(policy);
            }
            expect(value).toContain('${notice}');
        }
        // The notice quotes the server's refusal, which can quote plan text: it is escaped first.
        expect(EXPORT_COMMANDS).toMatch(/const reason = escapeHtml\(/);
        expect(EXPORT_COMMANDS).toMatch(/function escapeHtml\(text: string\): string \{\s*return text\.replace\(\/\[&<>"'\]\/g/);
    });

    test('the shipped bundle (out/extension.cjs) creates it the same way', () => {
        const bundle = path.join(ROOT, 'out', 'extension.cjs');
        expect(existsSync(bundle), 'run npm run build').toBe(true);
        const text = readFileSync(bundle, 'utf8');
        expect(text).toContain('enableScripts:!1');
        expect(text).toContain('enableCommandUris:!1');
        expect(text).not.toMatch(/enableScripts:(!0|true)/);
    });
});

describe('the HTML the preview renders', () => {
    test('has a strict CSP: default-src \'none\', no script-src, nothing remote', async () => {
        const html = renderExport(await modelOfText(HOSTILE_PLAN), 'html');
        const document = parseDocument(html);
        const metas = Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]'));
        expect(metas).toHaveLength(1);
        expectStrictPolicy(metas[0].getAttribute('content') ?? '');
        expect(directives(metas[0].getAttribute('content') ?? '').get('base-uri')).toEqual(["'none'"]);
        expect(directives(metas[0].getAttribute('content') ?? '').get('form-action')).toEqual(["'none'"]);
    });

    test('no plan text reaches it unescaped: no <script>, no on* attribute, no javascript: link', async () => {
        const html = renderExport(await modelOfText(HOSTILE_PLAN), 'html');
        const document = parseDocument(html);
        expect(document.querySelectorAll('script').length).toBe(0);
        for (const element of document.querySelectorAll('*')) {
            for (const attribute of Array.from(element.attributes)) {
                expect(/^on/i.test(attribute.name), `<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`).toBe(false);
                expect(attribute.value, `<${element.tagName.toLowerCase()} ${attribute.name}>`).not.toMatch(/^\s*(javascript|vbscript|data):/i);
            }
        }
        for (const link of document.querySelectorAll('a[href]')) {
            expect(link.getAttribute('href')).toMatch(/^(https?:\/\/|#)/);
        }
    });
});
