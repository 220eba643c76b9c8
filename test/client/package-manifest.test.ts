import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import { describe, expect, test } from 'vitest';

/**
 * The extension as users meet it in VS Code's Extensions view: icon, user README, walkthrough and
 * the .vscodeignore that decides what the .vsix carries. Checked on the sources, without packaging.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
    id: string;
    title: string;
    description: string;
    media: { image?: string; altText?: string; markdown?: string };
    completionEvents?: string[];
}
interface Manifest {
    name: string;
    publisher: string;
    version: string;
    icon?: string;
    files?: string[];
    scripts: Record<string, string>;
    repository?: unknown;
    contributes: {
        commands: { command: string; title: string; category?: string }[];
        configuration: { properties: Record<string, unknown> };
        walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
    };
}
const manifest = JSON.parse(read('package.json')) as Manifest;

/** Commands of VS Code itself that the walkthrough may link to. */
const BUILT_IN_COMMANDS = new Set(['editor.action.quickFix', 'workbench.actions.view.problems']);

/** Width and height from a PNG's IHDR chunk; undefined when the bytes are not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
    const bytes = readFileSync(path.join(ROOT, file));
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
        return undefined;
    }
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** `command:[toSide:]ID[?args]` links of a walkthrough description: the command ids. */
function linkedCommands(description: string): string[] {
    return [...description.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)(?:\?[^)]*)?\)/g)].map(m => m[1]);
}

/** The value after `flag` in the package script, e.g. the path after --readme-path. */
function scriptOption(flag: string): string | undefined {
    const words = manifest.scripts.package.split(/\s+/);
    const index = words.indexOf(flag);
    return index >= 0 ? words[index + 1] : undefined;
}

/**
 * Whether vsce packages `file`, as vsce 3 decides it: a file is left out when an ignore pattern
 * matches it (or the folder pattern derived from it) and no `!` pattern matches it. vsce always
 * adds package.json and the README given with --readme-path.
 */
function shipped(file: string): boolean {
    const lines = read('.vscodeignore').split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'));
    const patterns = [...lines, ...lines.filter(l => !/(^|\/)[^/]*\*[^/]*$/.test(l)).map(l => (l.endsWith('/') ? `${l}**` : `${l}/**`))];
    const readme = scriptOption('--readme-path') ?? 'README.md';
    const negations = [...patterns.filter(p => p.startsWith('!')).map(p => p.slice(1)), 'package.json', readme];
    const ignores = patterns.filter(p => !p.startsWith('!'));
    const options = { dot: true };
    return !ignores.some(p => minimatch(file, p, options)) || negations.some(p => minimatch(file, p, options));
}

const README = scriptOption('--readme-path');
const walkthrough = manifest.contributes.walkthroughs?.[0];

describe('icon', () => {
    test('package.json `icon` is a square PNG of 128 or 256 px that ships in the .vsix', () => {
        expect(manifest.icon).toMatch(/\.png$/);
        const icon = manifest.icon!;
        expect(existsSync(path.join(ROOT, icon)), `${icon} is missing`).toBe(true);
        const size = pngSize(icon);
        expect(size, `${icon} is not a PNG`).toBeDefined();
        expect([128, 256]).toContain(size!.width);
        expect(size!.height).toBe(size!.width);
        expect(shipped(icon), `.vscodeignore keeps ${icon} out`).toBe(true);
    });
});

describe('user README', () => {
    test('`npm run package` gives vsce the user README, not the development README', () => {
        expect(manifest.scripts.package).toMatch(/^vsce package /);
        expect(README, 'the package script has no --readme-path').toBeDefined();
        expect(README).not.toBe('README.md');
        expect(existsSync(path.join(ROOT, README!)), `${README} is missing`).toBe(true);
        // The development README must not ship beside it (vsce would store both, as readme.md and README.md).
        expect(shipped('README.md')).toBe(false);
    });

    test('it is written for plan authors: every command title and setting, no development instructions', () => {
        const text = read(README!);
        for (const { title, category } of manifest.contributes.commands) {
            expect(text, `the README does not name the command "${category}: ${title}"`).toContain(`${category}: ${title}`);
        }
        for (const setting of Object.keys(manifest.contributes.configuration.properties)) {
            expect(text, `the README does not name the setting ${setting}`).toContain(setting);
        }
        for (const topic of ['mlplan.config.json', 'mlplan-ignore', 'npx mlplan check', 'Ctrl+.']) {
            expect(text).toContain(topic);
        }
        expect(text).not.toMatch(/npm test|npm run (build|e2e|bench|fuzz|docs)|vitest/);
    });

    test('its images ship in the .vsix and its relative links are left for VS Code to resolve', () => {
        const text = read(README!);
        const images = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(m => m[1]);
        expect(images.length).toBeGreaterThan(0);
        for (const image of images) {
            if (/^https:\/\//.test(image)) {
                continue;
            }
            // The README is stored at the root of the .vsix (extension/readme.md): its links are
            // written from the package root, `/client/…`, which also resolves on a repository host.
            expect(image, `${image} must start with / (the package root)`).toMatch(/^\/[^/]/);
            const file = image.slice(1);
            expect(existsSync(path.join(ROOT, file)), `${file} is missing`).toBe(true);
            expect(pngSize(file), `${file} is not a PNG`).toBeDefined();
            expect(readFileSync(path.join(ROOT, file)).length).toBeLessThan(300 * 1024);
            expect(shipped(file), `.vscodeignore keeps ${file} out`).toBe(true);
        }
        // Without a repository vsce refuses relative links unless told to leave them alone.
        if (manifest.repository === undefined) {
            expect(manifest.scripts.package).toContain('--no-rewrite-relative-links');
            expect(manifest.scripts.package).toContain('--allow-missing-repository');
            expect(text).toMatch(/## Reporting problems/);
        }
    });

    test('a CHANGELOG with a section for this version ships at the root', () => {
        expect(read('CHANGELOG.md')).toContain(`## ${manifest.version}`);
        expect(shipped('CHANGELOG.md')).toBe(true);
    });

    test('vsce can read the packaging rules: .vscodeignore and package.json `files` are not both used', () => {
        // vsce 3 stops with "Both a .vscodeignore file and a "files" property in package.json were
        // found" when both exist. The npm package's list belongs in .npmignore, or vsce must run on
        // a manifest without `files`.
        expect(manifest.files, 'package.json `files` breaks `npm run package` while .vscodeignore exists').toBeUndefined();
    });
});

describe('walkthrough', () => {
    test('one walkthrough with the four steps', () => {
        expect(manifest.contributes.walkthroughs).toHaveLength(1);
        expect(walkthrough!.steps.map(s => s.title)).toEqual([
            'Create a plan from the template',
            'Fix a warning',
            'Open the preview',
            'Export to Markdown',
        ]);
        expect(new Set(walkthrough!.steps.map(s => s.id)).size).toBe(walkthrough!.steps.length);
    });

    test('every step has media that exists and ships in the .vsix', () => {
        for (const step of walkthrough!.steps) {
            const { image, markdown, altText } = step.media;
            const file = image ?? markdown;
            expect(file, `step ${step.id} has no media`).toBeDefined();
            expect(existsSync(path.join(ROOT, file!)), `${file} is missing`).toBe(true);
            expect(file!.startsWith('client/walkthrough/'), `${file} is outside client/walkthrough/`).toBe(true);
            expect(shipped(file!), `.vscodeignore keeps ${file} out`).toBe(true);
            if (image) {
                expect(pngSize(image), `${image} is not a PNG`).toBeDefined();
                expect(readFileSync(path.join(ROOT, image)).length).toBeLessThan(300 * 1024);
                expect(altText, `step ${step.id} has an image without altText`).toBeTruthy();
            }
        }
    });

    test('every command link and completion event names a command that exists', () => {
        const contributed = new Set(manifest.contributes.commands.map(c => c.command));
        for (const step of walkthrough!.steps) {
            const linked = linkedCommands(step.description);
            expect(linked.length, `step ${step.id} has no command button`).toBeGreaterThan(0);
            for (const command of linked) {
                expect(contributed.has(command) || BUILT_IN_COMMANDS.has(command), `step ${step.id} links to unknown command ${command}`).toBe(true);
            }
            for (const event of step.completionEvents ?? []) {
                const command = /^onCommand:(.+)$/.exec(event)?.[1];
                if (command) {
                    expect(linked, `step ${step.id} completes on ${command}, which it does not link to`).toContain(command);
                }
            }
        }
        const byTitle = new Map(walkthrough!.steps.map(s => [s.title, linkedCommands(s.description)]));
        expect(byTitle.get('Create a plan from the template')).toContain('mlplan.newPlan');
        expect(byTitle.get('Fix a warning')).toContain('editor.action.quickFix');
        expect(byTitle.get('Open the preview')).toContain('mlplan.openPreview');
        expect(byTitle.get('Export to Markdown')).toContain('mlplan.exportMarkdown');
    });

    test('the walkthrough Markdown shows no images that would be missing', () => {
        for (const step of walkthrough!.steps.filter(s => s.media.markdown)) {
            const file = step.media.markdown!;
            for (const [, link] of read(file).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
                expect(shipped(path.posix.join(path.posix.dirname(file), link)), `${file} shows ${link}, left out of the .vsix`).toBe(true);
            }
        }
    });
});
