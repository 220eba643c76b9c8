/**
 * The exporters' entry point for front ends (CLI `mlplan export`, the language server's export
 * and preview commands): build the model once, render it in the format asked for.
 */
import type { PlanExport } from './export-model.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export const EXPORT_FORMATS = ['markdown', 'json', 'html'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** The JSON export: the model itself, pretty-printed, keys in a fixed order. */
export function renderJson(model: PlanExport): string {
    return `${JSON.stringify(model, null, 2)}\n`;
}

export function renderExport(model: PlanExport, format: ExportFormat): string {
    switch (format) {
        case 'markdown': return renderMarkdown(model);
        case 'json': return renderJson(model);
        case 'html': return renderHtml(model);
    }
}

export { buildExportModel } from './model-builder.js';
export { exportInputOf, type ExportInput } from './export-input.js';
export type { PlanExport } from './export-model.js';
export { exportRefusal } from './refusal.js';
