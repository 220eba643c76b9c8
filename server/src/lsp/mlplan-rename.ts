import { AstUtils, CstUtils, URI, type LangiumDocument, type LangiumDocuments, type Lexer } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as ast from '../generated/ast.js';
import type { MlPlanImports } from '../language/mlplan-imports.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { localDeclarations } from '../model/declarations.js';
import { braceRuns, itemStarts, layoutTokens } from './mlplan-formatter.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELD_FLAGS = new Set(['pii', 'sensitive', 'label']);

/**
 * Langium's rename (declaration and every reference, across imported files) with the checks a
 * rename must pass so that it cannot break a plan: the new name is a valid name (any word,
 * keywords included, since they are not reserved), a field is not renamed to one of its flags
 * (`pii`, `sensitive`, `label`), and the name is not already taken in the namespace (or, for a
 * field, in its dataset), which would silently re-point references. A rename started on a keyword
 * finds no declaration and is refused by Langium itself.
 *
 * A rename keeps the columns of the lines it touches: a run of one-line declarations the formatter
 * aligned stays aligned for the new name (the formatter's own alignment, applied to the run), and a
 * trailing comment keeps its column (the spaces before it absorb the name's change in length).
 */
export class MlPlanRenameProvider extends DefaultRenameProvider {
    private readonly imports: MlPlanImports;
    private readonly documents: LangiumDocuments;
    private readonly lexer: Lexer;

    constructor(services: MlPlanLspServices) {
        super(services);
        this.imports = services.imports.Imports;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.lexer = services.parser.Lexer;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName;
        if (!NAME.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is not a name: use letters, digits and _, not starting with a digit`);
        }
        const target = this.targetOf(document, params);
        if (target) {
            const taken = this.nameTaken(target, newName);
            if (taken) {
                throw new ResponseError(ErrorCodes.InvalidParams, taken);
            }
        }
        const edit = await super.rename(document, params);
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const document = this.documents.getDocument(URI.parse(uri));
            const root = document?.parseResult.value.$cstNode;
            if (document && root) {
                const text = document.textDocument.getText();
                edit!.changes![uri] = [...keepCommentColumns(text, edits), ...this.realignedRuns(document.textDocument, itemStarts(root), edits)];
            }
        }
        return edit;
    }

    /**
     * The runs of one-line declarations the formatter aligned (`metric auc         { … }` under
     * `metric churn_rate  { … }`) that a renamed name belongs to, re-aligned for the new names:
     * whitespace edits before their `{`. A run the author left unaligned is left as it is.
     */
    private realignedRuns(document: TextDocument, items: ReadonlySet<number>, edits: TextEdit[]): TextEdit[] {
        const text = document.getText();
        const before = layoutTokens(text, this.lexer);
        const renamed = TextDocument.create(document.uri, document.languageId, document.version, TextDocument.applyEdits(document, edits));
        const after = layoutTokens(renamed.getText(), this.lexer);
        // A rename swaps names for names: the token sequences correspond one to one.
        if (before.length !== after.length) {
            return [];
        }
        const itemIndexes = new Set(before.flatMap((t, i) => (items.has(t.start) ? [i] : [])));
        const oldRuns = braceRuns(document, before, items);
        const newRuns = braceRuns(renamed, after, new Set([...itemIndexes].map(i => after[i].start)));
        const wasAligned = new Set(oldRuns
            .filter(run => run.every(({ open, spaces }) => text.slice(before[open - 1].end, before[open].start) === ' '.repeat(spaces)))
            .flatMap(run => run.map(member => member.open)));
        const result: TextEdit[] = [];
        for (const run of newRuns) {
            const touched = run.some(({ open }) => before[open - 1].text !== after[open - 1].text);
            if (!touched || !run.every(({ open }) => wasAligned.has(open))) {
                continue;
            }
            for (const { open, spaces } of run) {
                const start = before[open - 1].end;
                const end = before[open].start;
                if (text.slice(start, end) !== ' '.repeat(spaces)) {
                    result.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, newText: ' '.repeat(spaces) });
                }
            }
        }
        return result;
    }

    private targetOf(document: LangiumDocument, params: RenameParams) {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Why `name` cannot be given to `target`, or undefined when it can. */
    private nameTaken(target: { $type: string; name?: unknown; $container?: unknown }, name: string): string | undefined {
        if (ast.isField(target)) {
            if (FIELD_FLAGS.has(name)) {
                return `a field cannot be called \`${name}\`: it is a field flag`;
            }
            const dataset = target.$container;
            return dataset.fields.some(f => f !== target && f.name === name)
                ? `dataset \`${dataset.name}\` already has a field \`${name}\``
                : undefined;
        }
        const node = target as ast.Metric;
        if (node.name === name) {
            return undefined;
        }
        const home = AstUtils.getDocument(node) as LangiumDocument<ast.Document>;
        for (const source of [home, ...this.imports.importedDocuments(home)]) {
            if (localDeclarations(source.parseResult.value).some(d => d !== node && d.name === name)) {
                return `\`${name}\` is already declared`;
            }
        }
        return undefined;
    }
}

/**
 * `edits` (each replacing a name) extended over the spaces between the name and a comment that
 * ends its line, resized so that the comment keeps its column (authors align trailing comments;
 * the formatter keeps the space before them as written). The shift of earlier renames on the same
 * line is carried to the comment's gap.
 */
export function keepCommentColumns(text: string, edits: readonly TextEdit[]): TextEdit[] {
    const lines = text.split(/\r\n|\r|\n/);
    const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    let line = -1;
    let shift = 0;
    return sorted.map(edit => {
        const { start, end } = edit.range;
        if (start.line !== end.line) {
            return edit;
        }
        if (start.line !== line) {
            line = start.line;
            shift = 0;
        }
        shift += edit.newText.length - (end.character - start.character);
        const rest = (lines[start.line] ?? '').slice(end.character);
        const gap = /^ {2,}(?=\/[/*])/.exec(rest)?.[0].length;
        if (gap === undefined || shift === 0) {
            return edit;
        }
        const spaces = Math.max(1, gap - shift);
        shift -= gap - spaces;
        return {
            range: { start, end: { line: end.line, character: end.character + gap } },
            newText: edit.newText + ' '.repeat(spaces),
        };
    });
}
