/**
 * Mermaid's own parser, in Node. Mermaid sanitises labels with DOMPurify, which needs a DOM, so a
 * linkedom window is installed first (no browser, no rendering: only `mermaid.parse`). The first
 * call pays the import (about a second).
 */
import { parseHTML } from 'linkedom';

interface ParseResult {
    readonly diagramType: string;
    /** Configuration set by `%%{init: …}%%` directives or front matter: must stay empty for exports. */
    readonly config: Record<string, unknown>;
}

/** Mermaid's parsed diagram: its database holds what the text declared (tasks, vertices, edges). */
interface ParsedDiagram {
    readonly db: Record<string, (...args: unknown[]) => unknown>;
}

interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    parse(text: string): Promise<ParseResult>;
    mermaidAPI: { getDiagramFromText(text: string): Promise<ParsedDiagram> };
}

let mermaid: Promise<MermaidApi> | undefined;

async function load(): Promise<MermaidApi> {
    const globals = globalThis as Record<string, unknown>;
    if (!globals.window) {
        const dom = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
        globals.window = dom.window;
        globals.document = dom.document;
    }
    const module = await import('mermaid');
    const api = module.default as unknown as MermaidApi;
    api.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return api;
}

/** Parses a diagram with Mermaid's parser; rejects with Mermaid's message when it is invalid. */
export async function parseMermaid(source: string): Promise<ParseResult> {
    mermaid ??= load();
    return (await mermaid).parse(source);
}

/** The Gantt tasks Mermaid reads from a chart: name, id, start and end day (`YYYY-MM-DD`), milestone flag. */
export async function ganttTasks(source: string): Promise<Array<{ name: string; id: string; start: string; end: string; milestone: boolean }>> {
    mermaid ??= load();
    const diagram = await (await mermaid).mermaidAPI.getDiagramFromText(source);
    const tasks = diagram.db.getTasks() as Array<{ task: string; id: string; startTime: Date; endTime: Date; milestone: boolean }>;
    const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    return tasks.map(t => ({ name: t.task, id: t.id, start: day(t.startTime), end: day(t.endTime), milestone: t.milestone }));
}

/** The Gantt chart's axis settings as Mermaid reads them. */
export async function ganttDb(source: string): Promise<{ getAxisFormat(): string; getTickInterval(): string | undefined }> {
    mermaid ??= load();
    const diagram = await (await mermaid).mermaidAPI.getDiagramFromText(source);
    return diagram.db as unknown as { getAxisFormat(): string; getTickInterval(): string | undefined };
}

/** The nodes (id → label) and edges of a flowchart as Mermaid reads it. */
export async function flowchartGraph(source: string): Promise<{ nodes: Map<string, string>; edges: Array<[string, string]> }> {
    mermaid ??= load();
    const diagram = await (await mermaid).mermaidAPI.getDiagramFromText(source);
    const vertices = diagram.db.getVertices() as Map<string, { id: string; text: string }>;
    const edges = diagram.db.getEdges() as Array<{ start: string; end: string }>;
    return {
        nodes: new Map([...vertices.values()].map(v => [v.id, v.text])),
        edges: edges.map(e => [e.start, e.end]),
    };
}
