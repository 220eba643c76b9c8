/**
 * The export as a format-neutral document: sections of headings, paragraphs, tables, lists and
 * diagrams whose text is still unescaped plan text. The sections (sections/*.ts) build it from the
 * export model once; markdown.ts and html.ts only render it, each with its own escaping, so the
 * Markdown and HTML exports say exactly the same thing.
 */
import type { MilestoneChart } from './milestone-chart.js';
import type { RolloutExport } from './export-model.js';

/**
 * A piece of inline text. A plain string is plan or fixed text; `code` is a name, unit or file;
 * `message` is text whose `backquoted` parts are names (diagnostic messages); `link` becomes a
 * link only when it is a safe http(s) address.
 */
export type Inline =
    | string
    | { readonly code: string }
    | { readonly em: string }
    | { readonly strong: string }
    | { readonly message: string }
    | { readonly link: string };

export type Rich = readonly Inline[];

export type Block =
    /** A sub-heading inside a section (one level below the section's). */
    | { readonly kind: 'heading'; readonly text: Rich }
    | { readonly kind: 'paragraph'; readonly text: Rich }
    /** Something the plan does not say: shown, never dropped ("No rollout defined."). */
    | { readonly kind: 'missing'; readonly text: string }
    /** Labelled values: "Owner: Ana Lima". */
    | { readonly kind: 'facts'; readonly items: ReadonlyArray<{ readonly label: string; readonly value: Rich }> }
    | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: ReadonlyArray<readonly Rich[]>; readonly variant?: 'risk-matrix' }
    | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Rich[] }
    | { readonly kind: 'checklist'; readonly items: ReadonlyArray<{ readonly met: boolean; readonly text: Rich }> }
    /** The rollout stages as a diagram (Mermaid flowchart in Markdown, a CSS flow in HTML). */
    | { readonly kind: 'rollout-diagram'; readonly rollout: RolloutExport }
    /** The milestones on a calendar (Mermaid Gantt chart in Markdown, a CSS timeline in HTML). */
    | { readonly kind: 'milestone-chart'; readonly chart: MilestoneChart };

export interface Section {
    /** Stable anchor, e.g. `service-level-objectives`. */
    readonly id: string;
    readonly title: string;
    readonly blocks: readonly Block[];
}

export interface ExportDocument {
    readonly title: string;
    /** Blocks under the title, before the first section. */
    readonly lead: readonly Block[];
    readonly sections: readonly Section[];
}

/** Helpers that keep section code short. */
export const code = (text: string): Inline => ({ code: text });
export const em = (text: string): Inline => ({ em: text });
export const strong = (text: string): Inline => ({ strong: text });

/** Joins rich pieces with a separator (`, ` by default). */
export function joinRich(parts: readonly Rich[], separator = ', '): Rich {
    return parts.flatMap((part, i) => (i === 0 ? [...part] : [separator, ...part]));
}

/** The plain text of rich text (for titles and tests). */
export function plainText(text: Rich): string {
    return text.map(piece => typeof piece === 'string' ? piece
        : 'code' in piece ? piece.code
        : 'em' in piece ? piece.em
        : 'strong' in piece ? piece.strong
        : 'message' in piece ? piece.message
        : piece.link).join('');
}
