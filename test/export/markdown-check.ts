import MarkdownIt, { type Token } from 'markdown-it';
import { expect } from 'vitest';
import { parseMermaid } from './mermaid-parser.js';


/**
 * The Markdown as markdown-it reads it, with raw HTML and link detection switched on so that any
 * HTML or link that plan text could smuggle in shows up as a token. Link detection is set up like
 * GitHub's autolinks: http(s) and mailto: addresses and e-mail addresses, no bare domains.
 */
export function gfmLikeParser(): InstanceType<typeof MarkdownIt> {
    const parser = new MarkdownIt({ html: true, linkify: true });
    parser.linkify.set({ fuzzyLink: false }).add('ftp:', null).add('//', null);
    return parser;
}

const parser = gfmLikeParser();

export interface TableShape {
    /** 0-based first line in the source. */
    readonly line: number;
    readonly headerCells: number;
    /** Cells per body row, counted in the source the way GFM splits a row. */
    readonly rowCells: number[];
    /** Rows markdown-it read (header excluded); a row broken by plan text would be missing. */
    readonly parsedRows: number;
    readonly sourceRows: number;
}

export interface MarkdownShape {
    readonly headings: Array<{ level: number; text: string }>;
    readonly html: string[];
    readonly links: string[];
    readonly tables: TableShape[];
    readonly fences: Array<{ info: string; content: string }>;
    readonly delimiterRows: number;
}

export function analyseMarkdown(source: string): MarkdownShape {
    const tokens = parser.parse(source, {});
    const lines = source.split('\n');
    const all = tokens.flatMap(t => [t, ...(t.children ?? [])]);
    const headings: MarkdownShape['headings'] = [];
    tokens.forEach((token, i) => {
        if (token.type === 'heading_open') {
            headings.push({ level: Number(token.tag.slice(1)), text: inlineText(tokens[i + 1]) });
        }
    });
    const tables: TableShape[] = [];
    tokens.forEach((token, i) => {
        if (token.type !== 'table_open' || !token.map) {
            return;
        }
        const [start, end] = token.map;
        const rows = lines.slice(start, end);
        let headerCells = 0;
        let parsedRows = 0;
        let inBody = false;
        for (let j = i; j < tokens.length && tokens[j].type !== 'table_close'; j++) {
            const type = tokens[j].type;
            headerCells += type === 'th_open' ? 1 : 0;
            inBody = type === 'tbody_open' ? true : type === 'tbody_close' ? false : inBody;
            parsedRows += inBody && type === 'tr_open' ? 1 : 0;
        }
        tables.push({
            line: start,
            headerCells,
            rowCells: rows.slice(2).map(countCells),
            parsedRows,
            sourceRows: rows.length - 2,
        });
    });
    return {
        headings,
        html: all.filter(t => t.type === 'html_block' || t.type === 'html_inline').map(t => t.content),
        links: all.filter(t => t.type === 'link_open').map(t => String(t.attrGet('href') ?? '')),
        tables,
        fences: tokens.filter(t => t.type === 'fence').map(t => ({ info: t.info.trim(), content: t.content })),
        delimiterRows: lines.filter(line => /^\|( --- \|)+$/.test(line)).length,
    };
}

/** Cells of a GFM table row: split on pipes not preceded by a backslash, outer pipes dropped. */
export function countCells(row: string): number {
    let cells = 0;
    const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
    let escaped = false;
    for (const character of trimmed) {
        if (character === '|' && !escaped) {
            cells++;
        }
        escaped = character === '\\';
    }
    return cells + 1;
}

/** The text a reader sees in an inline token (code spans included). */
export function inlineText(token: Token | undefined): string {
    return (token?.children ?? []).map(child => child.type === 'text' || child.type === 'code_inline' ? child.content : '').join('');
}

/** Every piece of text a reader sees, one string per inline token. */
export function visibleTexts(source: string): string[] {
    return parser.parse(source, {}).filter(t => t.type === 'inline').map(inlineText);
}

/** The HTML markdown-it renders (raw HTML enabled: what a permissive renderer would show). */
export function renderWithMarkdownIt(source: string): string {
    return parser.render(source);
}

export const PLAN_SECTIONS = [
    'Objectives', 'Personas', 'Metrics', 'Datasets', 'Baselines', 'Models', 'Serving', 'Service-level objectives', 'Rollout',
    'Monitoring', 'Risks', 'Milestones', 'Budget', 'People and teams', 'Readiness checklist', 'Open diagnostics',
];
export const CATALOG_SECTIONS = ['People and teams', 'Metrics', 'Datasets', 'Baselines', 'Open diagnostics'];

/** What every exported Markdown document must be, whatever the plan says. */
export async function expectWellFormed(markdown: string, sections: readonly string[], title: string): Promise<void> {
    const shape = analyseMarkdown(markdown);
    // Headings: one title, the sections in order, and sub-headings only where the exporter puts them.
    expect(shape.headings.filter(h => h.level === 1)).toEqual([{ level: 1, text: title }]);
    expect(shape.headings.filter(h => h.level === 2).map(h => h.text)).toEqual(sections);
    for (const heading of shape.headings.filter(h => h.level >= 3)) {
        expect(heading.level).toBe(3);
        expect(heading.text).toMatch(/^(Objective|Dataset|Model) \S+$/);
    }
    // No raw HTML reaches a renderer, and only http(s) addresses are links.
    expect(shape.html).toEqual([]);
    for (const link of shape.links) {
        expect(link).toMatch(/^https?:\/\//);
    }
    // Every table is read as one, with as many cells in each row as in its header.
    expect(shape.tables.length).toBe(shape.delimiterRows);
    for (const table of shape.tables) {
        expect(table.headerCells).toBeGreaterThan(0);
        expect(table.parsedRows).toBe(table.sourceRows);
        for (const cells of table.rowCells) {
            expect(cells, `table at line ${table.line + 1}`).toBe(table.headerCells);
        }
    }
    // Diagrams: Mermaid's own parser accepts them, and nothing configures Mermaid.
    for (const fence of shape.fences) {
        expect(fence.info).toBe('mermaid');
        const parsed = await parseMermaid(fence.content);
        expect(['flowchart-v2', 'gantt']).toContain(parsed.diagramType);
        expect(parsed.config).toEqual({});
    }
}

