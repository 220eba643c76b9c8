import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { buildWorkspace, collectInputs } from '../../server/src/cli/workspace.js';
import { buildExportModel, exportInputOf, renderExport, type ExportFormat } from '../../server/src/export/index.js';
import type { PlanExport } from '../../server/src/export/export-model.js';
import { createMlPlanServices } from '../../server/src/core/mlplan-core-module.js';
import { check, createTestServices } from '../support/services.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const EXAMPLES = path.join(ROOT, 'examples');
export const GOLDEN = path.join(HERE, 'golden');

/** Every `.mlplan` under examples/, relative to it, sorted (plans and catalogs alike). */
export function exampleFiles(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith('.mlplan')) {
                found.push(path.relative(EXAMPLES, full).split(path.sep).join('/'));
            }
        }
    };
    walk(EXAMPLES);
    return found.sort();
}

/** The export model of a file on disk, loaded the way `mlplan export` loads it. */
export async function modelOfFile(file: string): Promise<PlanExport> {
    const { shared, MlPlan: services } = createMlPlanServices({ ...NodeFileSystem });
    const [document] = await buildWorkspace(services, shared.workspace.TextDocuments, collectInputs([file]));
    return buildExportModel(exportInputOf(services, document));
}

const services = createTestServices();

/** The export model of plan text (plus imported `files`), built in memory. */
export async function modelOfText(text: string, files: Record<string, string> = {}, name = 'plan.mlplan'): Promise<PlanExport> {
    const { document } = await check(services, text, { path: name, files });
    return buildExportModel(exportInputOf(services, document));
}

export async function exportText(text: string, format: ExportFormat, files: Record<string, string> = {}): Promise<string> {
    return renderExport(await modelOfText(text, files), format);
}

/** The golden file name of an example in a format: `shared__payments-catalog.md`. */
export function goldenName(example: string, format: ExportFormat): string {
    const extension = { markdown: 'md', json: 'json', html: 'html' }[format];
    return `${example.replace(/\.mlplan$/, '').replace(/\//g, '__')}.${extension}`;
}

/** The ```mermaid blocks of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map(m => m[1]);
}
