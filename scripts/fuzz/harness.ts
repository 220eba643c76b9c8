/**
 * Runs everything mlplan does on one mutant, in process, with the real services: parse, link,
 * every rule (a validating build), every LSP provider at several positions (in and out of range),
 * code actions for every diagnostic, formatting, rename, every export and the CLI's output
 * formats. Each call is timed and isolated; what it reports is a list of failures:
 *
 * - `exception`: a call threw (or rejected) where it must not;
 * - `console`: something was written to console.error/warn during a call (the rule runner and the
 *   fixer log `mlplan: rule X failed: …` there instead of throwing);
 * - `slow`: a call took longer than the limit (2 s);
 * - property checks: `diagnostic-*`, `format-*`, `fix-*`, `rename-*`, `export-*` (see below);
 * - `figure-invalid`: on a plan without syntax errors, a diagnostic, hover, code lens or export
 *   shows `NaN` or `Infinity`, which only arithmetic gone wrong prints (4.3's figures divide and
 *   multiply what the plan says).
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { AstUtils, EmptyFileSystem, GrammarAST, URI, type LangiumDocument } from 'langium';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, FormattingOptions, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { formatJson } from '../../server/src/cli/format-json.js';
import { formatSarif } from '../../server/src/cli/format-sarif.js';
import { formatText } from '../../server/src/cli/format-text.js';
import { compareFindings, toFinding, type FileResult } from '../../server/src/cli/results.js';
import { buildExportModel, EXPORT_FORMATS, exportInputOf, exportRefusal, renderExport, type PlanExport } from '../../server/src/export/index.js';
import { readinessChecklistMarkdown } from '../../server/src/export/readiness-checklist.js';
import type { Document } from '../../server/src/generated/ast.js';
import { reparseMember } from '../../server/src/lsp/mlplan-incremental-parse.js';
import type { MlPlanLspServices } from '../../server/src/lsp/lsp-services.js';
import { createMlPlanLspServices } from '../../server/src/lsp/mlplan-lsp-module.js';
import { invalidEscapes } from '../../server/src/language/syntax-messages.js';
import { readinessOf } from '../../server/src/rules/readiness.js';
import { RULES } from '../../server/src/rules/registry.js';
import { diagnosticCode } from '../../server/src/rules/run-rules.js';
import { loadCorpus } from './corpus.js';
import type { IToken, Lexed, Mutant, MutationContext } from './mutations.js';
import { Rng } from './prng.js';
import { snapshot } from '../../test/support/tree-snapshot.js';

export const SLOW_MS = 2_000;

/** `MLPLAN_FUZZ_TRACE=1`: print each call as it starts (to find what hangs). */
const TRACE = process.env.MLPLAN_FUZZ_TRACE === '1';

export interface Failure {
    /** What failed: `exception`, `console`, `slow`, or a property (`format-idempotent`, `fix-outside-diagnostic`, …). */
    readonly check: string;
    /** The call during which it happened: `build`, `hover 3:5`, `code actions`, `export html`, … */
    readonly call: string;
    readonly message: string;
    /** What stays the same while the reproducer is shrunk: check, kind of call, normalised message. */
    readonly signature: string;
}

export interface Timing {
    readonly call: string;
    readonly ms: number;
}

export interface RunResult {
    readonly failures: Failure[];
    readonly slowest: Timing;
    readonly calls: number;
    /** Total milliseconds per kind of call (for `--profile`). */
    readonly totals: Record<string, number>;
}

const WORKSPACE = 'file:///workspace';

/** Digits, quoted text and positions vary while a reproducer shrinks; the kind of failure does not. */
export function normalise(message: string): string {
    return message
        .split('\n')[0]
        .replace(/`[^`]*`|"[^"]*"|'[^']*'/g, '…')
        .replace(/\d+(\.\d+)?/g, '#')
        .slice(0, 160);
}

function errorText(error: unknown): string {
    if (error instanceof Error) {
        const frames = (error.stack ?? '').split('\n').slice(1, 7).map(l => l.trim()).join('\n    ');
        return `${error.name}: ${error.message}${frames ? `\n    ${frames}` : ''}`;
    }
    return String(error);
}

/**
 * `NaN` or `Infinity` in text shown to a user: the words a figure computed from absurd values
 * becomes. Not a failure when the plan itself has that word (a name written `Infinity` may be
 * quoted back), nor `Infinity` when the plan writes a number beyond the largest double (a
 * 310-digit size shown as `Infinity rows` repeats what was written; 1e308 × 2 would not).
 */
function nonFiniteFigure(shown: string, sources: string): string | undefined {
    const match = /\bNaN\b|\bInfinity\b/.exec(shown);
    if (!match || sources.includes(match[0]) || (match[0] === 'Infinity' && writesInfinity(sources))) {
        return undefined;
    }
    const from = Math.max(0, match.index - 80);
    return `shows ${match[0]}: …${shown.slice(from, match.index + 40).replace(/\s+/g, ' ')}…`;
}

function writesInfinity(sources: string): boolean {
    return (sources.match(/[0-9][0-9_]{300,}(\.[0-9_]*)?/g) ?? []).some(literal => !Number.isFinite(Number(literal.replace(/_/g, ''))));
}

/** A ResponseError (an LSP error answer, e.g. rename refusing a name) is a correct answer, not a crash. */
function isResponseError(error: unknown): boolean {
    return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number' && (error as { name?: unknown }).name !== 'RangeError';
}

/** Collects the failures and timings of one mutant. */
class Session {
    readonly failures: Failure[] = [];
    slowest: Timing = { call: '(none)', ms: 0 };
    calls = 0;
    readonly totals: Record<string, number> = {};

    constructor(private readonly slowMs: number) {}

    fail(check: string, kind: string, detail: string, message: string): void {
        const call = detail ? `${kind} ${detail}` : kind;
        this.failures.push({ check, call, message, signature: `${check}|${kind}|${check === 'slow' ? '' : normalise(message)}` });
    }

    /** Times `fn`, catches what it throws and what it logs. `kind` names the call for signatures, `detail` says where. */
    async call<T>(kind: string, detail: string, fn: () => T | PromiseLike<T>, expected?: (error: unknown) => boolean): Promise<T | undefined> {
        if (TRACE) {
            process.stderr.write(`fuzz trace ${(performance.now() / 1000).toFixed(1)} s: ${kind} ${detail}\n`);
        }
        const logged: string[] = [];
        const original = { error: console.error, warn: console.warn };
        console.error = (...args: unknown[]) => { logged.push(args.map(a => (a instanceof Error ? errorText(a) : String(a))).join(' ')); };
        console.warn = console.error;
        this.calls++;
        const start = performance.now();
        let result: T | undefined;
        try {
            result = await fn();
        } catch (error) {
            if (!expected?.(error)) {
                this.fail('exception', kind, detail, errorText(error));
            }
        } finally {
            const ms = performance.now() - start;
            console.error = original.error;
            console.warn = original.warn;
            const call = detail ? `${kind} ${detail}` : kind;
            this.totals[kind] = (this.totals[kind] ?? 0) + ms;
            if (ms > this.slowest.ms) {
                this.slowest = { call, ms };
            }
            if (ms > this.slowMs) {
                this.fail('slow', kind, detail, `${call} took ${ms.toFixed(0)} ms (limit ${this.slowMs} ms)`);
            }
        }
        for (const line of logged) {
            this.fail('console', kind, detail, line);
        }
        return result;
    }

    result(): RunResult {
        return { failures: this.failures, slowest: this.slowest, calls: this.calls, totals: this.totals };
    }
}

/** Offsets of LSP positions, refusing positions outside the text (a client would reject such an edit). */
class Offsets {
    private readonly lineStarts: number[] = [0];

    constructor(readonly text: string) {
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 13 && text.charCodeAt(i + 1) === 10) {
                i++;
            }
            if (ch === 10 || ch === 13) {
                this.lineStarts.push(i + 1);
            }
        }
    }

    get lineCount(): number {
        return this.lineStarts.length;
    }

    /** Length of a line without its terminator. */
    lineLength(line: number): number {
        const start = this.lineStarts[line];
        const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
        let end = next;
        while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) {
            end--;
        }
        return end - start;
    }

    offsetAt(position: Position): number | undefined {
        const { line, character } = position;
        if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= this.lineCount || character > this.lineLength(line)) {
            return undefined;
        }
        return this.lineStarts[line] + character;
    }

    position(offset: number): Position {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return { line: low, character: offset - this.lineStarts[low] };
    }
}

const at = (p: Position) => `${p.line + 1}:${p.character + 1}`;

interface OffsetEdit {
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

/** LSP edits as sorted offsets; a string saying what is wrong when a position is invalid or edits overlap. */
function toOffsetEdits(offsets: Offsets, edits: readonly TextEdit[]): OffsetEdit[] | string {
    const result: Array<OffsetEdit & { index: number }> = [];
    for (const [index, edit] of edits.entries()) {
        const start = offsets.offsetAt(edit.range.start);
        const end = offsets.offsetAt(edit.range.end);
        if (start === undefined || end === undefined) {
            return `edit range ${JSON.stringify(edit.range)} is outside the document (${offsets.lineCount} lines)`;
        }
        if (end < start) {
            return `edit range ${JSON.stringify(edit.range)} ends before it starts`;
        }
        result.push({ start, end, newText: edit.newText, index });
    }
    result.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
    for (let i = 1; i < result.length; i++) {
        if (result[i].start < result[i - 1].end) {
            return `edits overlap at offset ${result[i].start}`;
        }
    }
    return result;
}

function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
    let out = '';
    let cursor = 0;
    for (const edit of edits) {
        out += text.slice(cursor, edit.start) + edit.newText;
        cursor = edit.end;
    }
    return out + text.slice(cursor);
}

/** The text without whitespace (as the lexer's WS terminal, `\s`, defines it). */
const solid = (text: string) => text.replace(/\s+/g, '');

function isSubsequence(needle: string, haystack: string): boolean {
    let j = 0;
    for (let i = 0; i < haystack.length && j < needle.length; i++) {
        if (haystack.charCodeAt(i) === needle.charCodeAt(j)) {
            j++;
        }
    }
    return j === needle.length;
}

export interface HarnessOptions {
    /** The repository root (for the corpus). */
    readonly root: string;
    readonly slowMs?: number;
}

export class Harness {
    readonly services: MlPlanLspServices;
    readonly context: MutationContext;
    private readonly slowMs: number;
    private loaded: URI[] = [];
    private readonly scratchUri = URI.parse(`${WORKSPACE}/__fuzz_scratch__.mlplan`);
    /** The session of the call under way, for failures that escape it (unhandled rejections). */
    current: Session | undefined;
    /**
     * Every file of the mutant under way, joined (words the plan itself writes are not failures),
     * or undefined when it has syntax errors: a number the parser could not read has no figure.
     */
    private sources: string | undefined;
    /** schemas/mlplan-export.schema.json, compiled: every JSON export must validate. */
    private readonly validateExport: ValidateFunction;
    private readonly ajv: Ajv2020;

    constructor(options: HarnessOptions) {
        this.services = createMlPlanLspServices(EmptyFileSystem).MlPlan;
        this.services.imports.Imports.setRoots([URI.parse(WORKSPACE)]);
        this.slowMs = options.slowMs ?? SLOW_MS;
        const keywords = new Set<string>();
        for (const node of AstUtils.streamAllContents(this.services.Grammar)) {
            if (GrammarAST.isKeyword(node)) {
                keywords.add(node.value);
            }
        }
        const codes = RULES.map(rule => rule.code);
        this.context = { lex: text => this.lex(text), keywords: [...keywords].sort(), codes, corpus: loadCorpus(options.root) };
        this.ajv = new Ajv2020({ strict: true, allErrors: true });
        this.validateExport = this.ajv.compile(JSON.parse(readFileSync(join(options.root, 'schemas/mlplan-export.schema.json'), 'utf8')) as object);
    }

    lex(text: string): Lexed {
        const result = this.services.parser.Lexer.tokenize(text);
        return {
            tokens: result.tokens,
            comments: result.hidden.filter(t => t.image.startsWith('//') || t.image.startsWith('/*')),
        };
    }

    /** Runs everything on `mutant`. `probeKey` seeds the choice of positions (hover, completion, rename…). */
    async run(mutant: Mutant, probeKey: string): Promise<RunResult> {
        const session = new Session(this.slowMs);
        this.current = session;
        try {
            const document = await this.load(session, mutant);
            if (!document) {
                return session.result();
            }
            const rng = new Rng(probeKey);
            const text = document.textDocument.getText();
            const offsets = new Offsets(text);
            const diagnostics = document.diagnostics ?? [];
            const parse = document.parseResult;
            const syntaxClean = parse.lexerErrors.length === 0 && parse.parserErrors.length === 0
                && !diagnostics.some(d => diagnosticCode(d) === 'syntax-error');
            this.sources = syntaxClean && this.importsParse() ? [mutant.text, ...Object.values(mutant.files)].join('\n') : undefined;
            this.checkDiagnostics(session, offsets, diagnostics);
            await this.providers(session, document, offsets, rng);
            await this.codeActions(session, document, offsets, diagnostics, syntaxClean, rng);
            await this.formatting(session, document, rng);
            await this.rename(session, document, offsets, syntaxClean, rng);
            await this.exports(session, document);
            if (syntaxClean) {
                await this.incrementalParse(session, text, offsets, rng);
            }
            return session.result();
        } finally {
            this.current = undefined;
        }
    }

    private async load(session: Session, mutant: Mutant): Promise<LangiumDocument<Document> | undefined> {
        const shared = this.services.shared;
        const documents = shared.workspace.LangiumDocuments;
        for (const uri of this.loaded) {
            if (documents.hasDocument(uri)) {
                documents.deleteDocument(uri);
            }
            shared.workspace.IndexManager.remove(uri);
        }
        this.loaded = [];
        const factory = shared.workspace.LangiumDocumentFactory;
        const main = await session.call('parse', '', () => {
            const created: Array<LangiumDocument<Document>> = [];
            for (const [path, content] of [[mutant.path, mutant.text], ...Object.entries(mutant.files).filter(([p]) => p !== mutant.path)]) {
                const document = factory.fromString<Document>(content, URI.parse(`${WORKSPACE}/${path}`));
                documents.addDocument(document);
                this.loaded.push(document.uri);
                created.push(document);
            }
            return created;
        });
        if (!main || main.length === 0) {
            return undefined;
        }
        await session.call('build', '', () => shared.workspace.DocumentBuilder.build(main, { validation: true }));
        return main[0];
    }

    /** Every diagnostic has a code, a severity, a message and a range inside the document. */
    private checkDiagnostics(session: Session, offsets: Offsets, diagnostics: readonly Diagnostic[]): void {
        const problems = new Set<string>();
        for (const d of diagnostics) {
            const code = diagnosticCode(d);
            const message = typeof d.message === 'string' ? d.message : '';
            if (!code) {
                problems.add(`diagnostic without a code: ${message}`);
            }
            if (/An error occurred|Cannot read propert|is not a function|undefined/.test(message)) {
                problems.add(`internal error surfaced as a diagnostic (${code}): ${message}`);
            }
            const figure = this.sources === undefined ? undefined : nonFiniteFigure(message, this.sources);
            if (figure) {
                session.fail('figure-invalid', 'build', code ?? '', `${code}: ${figure}`);
            }
            if (message.trim().length === 0) {
                problems.add(`diagnostic ${code} without a message`);
            }
            const start = offsets.offsetAt(d.range.start);
            const end = offsets.offsetAt(d.range.end);
            if (start === undefined || end === undefined || end < start) {
                problems.add(`diagnostic ${code} has an invalid range ${JSON.stringify(d.range)} (${offsets.lineCount} lines)`);
            }
        }
        for (const problem of problems) {
            session.fail('diagnostic-invalid', 'build', '', problem);
        }
    }

    /** Positions to probe: inside random tokens, at random offsets, and outside the text. */
    private positions(offsets: Offsets, tokens: readonly IToken[], rng: Rng, count: number, outOfRange: boolean): Position[] {
        const result: Position[] = [];
        for (let i = 0; i < count; i++) {
            const token = tokens.length > 0 && rng.chance(0.8) ? rng.pick(tokens) : undefined;
            const offset = token ? token.startOffset + rng.int(token.image.length + 1) : rng.int(offsets.text.length + 1);
            result.push(offsets.position(Math.min(offset, offsets.text.length)));
        }
        if (outOfRange) {
            const last = offsets.lineCount - 1;
            result.push(rng.pick<Position>([
                { line: offsets.lineCount, character: 0 },
                { line: offsets.lineCount + 7, character: 3 },
                { line: 0, character: 100_000 },
                { line: last, character: offsets.lineLength(last) + 5 },
                { line: 2_147_483_647, character: 2_147_483_647 },
            ]));
        }
        return result;
    }

    private async providers(session: Session, document: LangiumDocument<Document>, offsets: Offsets, rng: Rng): Promise<void> {
        const lsp = this.services.lsp;
        const textDocument = { uri: document.uri.toString() };
        const lexed = this.lex(offsets.text);
        const all = [...lexed.tokens, ...lexed.comments];
        const names = lexed.tokens.filter(t => /^[A-Za-z_]/.test(t.image));
        for (const position of this.positions(offsets, all, rng, 5, true)) {
            const hover = await session.call('hover', at(position), () => lsp.HoverProvider?.getHoverContent(document, { textDocument, position }));
            this.checkFigures(session, 'hover', at(position), JSON.stringify(hover?.contents ?? ''));
        }
        for (const position of this.positions(offsets, all, rng, 2, true)) {
            await session.call('completion', at(position), () => lsp.CompletionProvider?.getCompletion(document, { textDocument, position }));
        }
        for (const position of this.positions(offsets, names, rng, 3, rng.chance(0.3))) {
            await session.call('definition', at(position), () => lsp.DefinitionProvider?.getDefinition(document, { textDocument, position }));
            await session.call('references', at(position), () => lsp.ReferencesProvider?.findReferences(document, { textDocument, position, context: { includeDeclaration: rng.chance(0.5) } }));
            await session.call('highlight', at(position), () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, { textDocument, position }));
        }
        await session.call('document symbols', '', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
        await session.call('workspace symbols', '', () => this.services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: rng.pick(['', 'a', 'auc', 'zz']) }));
        await session.call('folding', '', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
        const tokens = lsp.SemanticTokenProvider;
        if (tokens) {
            const full = await session.call('semantic tokens', '', () => tokens.semanticHighlight(document, { textDocument }));
            const [a, b] = this.positions(offsets, all, rng, 2, rng.chance(0.2));
            const range: Range = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
            await session.call('semantic tokens range', `${at(range.start)}-${at(range.end)}`, () => tokens.semanticHighlightRange(document, { textDocument, range }));
            if (full?.resultId) {
                await session.call('semantic tokens delta', '', () => tokens.semanticHighlightDelta(document, { textDocument, previousResultId: full.resultId! }));
            }
        }
        const lens = lsp.CodeLensProvider;
        if (lens) {
            const lenses = await session.call('code lens', '', () => lens.provideCodeLens(document, { textDocument }));
            this.checkFigures(session, 'code lens', '', (lenses ?? []).map(l => l.command?.title ?? '').join('\n'));
        }
    }

    private async codeActions(
        session: Session, document: LangiumDocument<Document>, offsets: Offsets, diagnostics: readonly Diagnostic[], syntaxClean: boolean, rng: Rng
    ): Promise<void> {
        const provider = this.services.lsp.CodeActionProvider;
        if (!provider || diagnostics.length === 0) {
            return;
        }
        const uri = document.textDocument.uri;
        const whole: Range = { start: { line: 0, character: 0 }, end: offsets.position(offsets.text.length) };
        const result = await session.call('code actions', `(${diagnostics.length} diagnostics)`, () =>
            provider.getCodeActions(document, { textDocument: { uri }, range: whole, context: { diagnostics: [...diagnostics] } }));
        // One request per diagnostic too (as an editor asks at the cursor), for a few of them.
        for (let i = 0; i < Math.min(3, diagnostics.length); i++) {
            const diagnostic = rng.pick(diagnostics);
            await session.call('code actions', at(diagnostic.range.start), () =>
                provider.getCodeActions(document, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
        }
        const actions = (result ?? []).filter((a): a is CodeAction => 'edit' in a || 'kind' in a);
        // Re-parsing every fixed text is the costly part: check a sample when there are many.
        let reparses = 24;
        for (const action of actions) {
            const problem = this.checkFix(offsets, uri, action, syntaxClean && reparses-- > 0);
            if (problem) {
                const code = action.diagnostics?.[0] ? diagnosticCode(action.diagnostics[0]) : undefined;
                session.fail(problem.check, 'quick-fix', `${code ?? '?'} "${action.title}"`, `${code}: "${action.title}": ${problem.message}`);
            }
        }
    }

    /**
     * The contract of a quick-fix (ARCHITECTURE.md, rules/fixes): its edits only insert text or
     * replace text inside its own diagnostic's range, with the documented exceptions (whitespace
     * before the closing brace of the block being extended; the rollout reorder, which moves whole
     * stages; the removal of a repeated list entry); an "Ignore …" that covers several findings only
 * inserts, as does "Add all N missing sections"; nothing the user wrote is lost; on a plan without syntax errors the result parses.
     */
    private checkFix(offsets: Offsets, uri: string, action: CodeAction, reparse: boolean): { check: string; message: string } | undefined {
        const text = offsets.text;
        const diagnostic = action.diagnostics?.[0];
        const code = diagnostic ? diagnosticCode(diagnostic) : undefined;
        if (diagnostic && action.diagnostics!.length > 1 && /^Ignore /.test(action.title)) {
            // One "Ignore …" per code family names every finding it silences; it only inserts.
            const changes = action.edit?.changes ?? {};
            const edits = Object.keys(changes).length === 1 ? toOffsetEdits(offsets, changes[uri] ?? []) : 'edits another file';
            if (typeof edits === 'string' || edits.length === 0 || edits.some(e => e.start !== e.end)) {
                return { check: 'fix-ignore-group', message: `a grouped ignore must only insert comments: ${typeof edits === 'string' ? edits : JSON.stringify(edits.slice(0, 3))}` };
            }
            return undefined;
        }
        // "Add all N missing sections" fixes the completeness findings that share one range (a
        // plan's name) at once; it is held to a single fix's contract on that range.
        const allSections = /^Add all \d+ missing sections/.test(action.title)
            && action.diagnostics!.every(d => JSON.stringify(d.range) === JSON.stringify(diagnostic?.range));
        if (!diagnostic || (action.diagnostics!.length !== 1 && !allSections)) {
            return { check: 'fix-diagnostic', message: `the action names ${action.diagnostics?.length ?? 0} diagnostics, not 1` };
        }
        const changes = action.edit?.changes ?? {};
        const others = Object.keys(changes).filter(u => u !== uri);
        if (others.length > 0 || action.edit?.documentChanges) {
            return { check: 'fix-other-file', message: `edits ${others.join(', ') || 'documentChanges'}` };
        }
        const edits = toOffsetEdits(offsets, changes[uri] ?? []);
        if (typeof edits === 'string') {
            return { check: 'fix-invalid-edit', message: edits };
        }
        if (edits.length === 0) {
            return { check: 'fix-empty', message: 'the action has no edit' };
        }
        const from = offsets.offsetAt(diagnostic.range.start) ?? 0;
        const to = offsets.offsetAt(diagnostic.range.end) ?? text.length;
        let replacesOutside = false;
        for (const edit of edits) {
            if (edit.start === edit.end || (edit.start >= from && edit.end <= to)) {
                continue;
            }
            const replaced = text.slice(edit.start, edit.end);
            if (/^[ \t]*$/.test(replaced) && text.charAt(edit.end) === '}') {
                replacesOutside = true;
                continue;
            }
            if (code === 'duplicate-reference') {
                // The one deletion a fix may make (ARCHITECTURE.md): the repeated entry itself and the
                // list separator next to it, nothing else.
                const around = text.slice(edit.start, from) + text.slice(to, edit.end);
                if (edit.newText !== '' || edit.start > from || edit.end < to || !/^[\s,]*$/.test(around)) {
                    return { check: 'fix-duplicate-removal', message: `removes more than the repeat and its separator: ${JSON.stringify(replaced.slice(0, 80))} → ${JSON.stringify(edit.newText)}` };
                }
                continue;
            }
            if (code === 'rollout-stages-not-increasing') {
                const before = this.lex(replaced);
                const after = this.lex(edit.newText);
                const images = (l: Lexed) => [...l.tokens, ...l.comments].map(t => t.image).sort();
                if (JSON.stringify(images(before)) !== JSON.stringify(images(after)) || edit.start > from || edit.end < to) {
                    return { check: 'fix-reorder', message: `the reorder does not move whole stages: ${JSON.stringify(replaced)} → ${JSON.stringify(edit.newText)}` };
                }
                continue;
            }
            const where = `${at(offsets.position(edit.start))}-${at(offsets.position(edit.end))}`;
            return {
                check: 'fix-outside-diagnostic',
                message: `replaces ${JSON.stringify(replaced.slice(0, 80))} at ${where}, outside its diagnostic ${at(diagnostic.range.start)}-${at(diagnostic.range.end)}`,
            };
        }
        const fixed = applyOffsetEdits(text, edits);
        if (replacesOutside && !isSubsequence(solid(text), solid(fixed))) {
            return { check: 'fix-loses-text', message: 'the fixed text lost characters the user wrote' };
        }
        if (reparse) {
            const errors = this.syntaxErrors(fixed);
            if (errors) {
                return { check: 'fix-adds-syntax-error', message: `${errors}; the fixed text:\n${fixed.length > 4000 ? `${fixed.slice(0, 4000)}…` : fixed}` };
            }
        }
        return undefined;
    }

    /**
     * The language server re-parses only the member an edit falls in (language/mlplan-incremental-parse.ts):
     * three random small edits of a plan without syntax errors must give, when that path is taken,
     * exactly the tree (CST positions included) a full parse of the edited text gives.
     */
    private async incrementalParse(session: Session, text: string, offsets: Offsets, rng: Rng): Promise<void> {
        if (text.length > 100_000) {
            return; // two full parses and two snapshots per edit: seconds on the megabyte mutants, and nothing the small ones miss
        }
        const parser = this.services.parser.LangiumParser;
        // Half of the edits inside a string, as typing a description does: most others leave the fast path.
        const insideStrings = [...text.matchAll(/"[^"\\\r\n]*"/g)].map(m => (m.index ?? 0) + 1);
        for (let i = 0; i < 3; i++) {
            const offset = insideStrings.length > 0 && rng.chance(0.5) ? rng.pick(insideStrings) : rng.int(text.length + 1);
            const removed = rng.chance(0.3) ? rng.range(1, 3) : 0;
            const inserted = removed > 0 && rng.chance(0.5) ? '' : rng.pick(['x', ' ', '\n', '"', '{', '}', '7', '.', 'é', '// c\n', '\r\n']);
            const next = text.slice(0, offset) + inserted + text.slice(offset + removed);
            const detail = `${at(offsets.position(offset))} ${JSON.stringify(inserted)}${removed > 0 ? ` -${removed}` : ''}`;
            const mismatch = await session.call('incremental parse', detail, () => {
                const spliced = reparseMember(parser, parser.parse<Document>(text), next);
                if (!spliced) {
                    return undefined;
                }
                const splicedTree = snapshot(spliced.value);
                const fullTree = snapshot(parser.parse<Document>(next).value);
                return splicedTree === fullTree ? undefined : firstDifference(splicedTree, fullTree);
            });
            if (mismatch) {
                session.fail('incremental-parse', 'incremental parse', detail, mismatch);
            }
        }
    }

    /** The first syntax error of `text` (lexer, parser, or an invalid string escape), or undefined. */
    private syntaxErrors(text: string): string | undefined {
        const result = this.services.parser.LangiumParser.parse(text);
        const lexer = result.lexerErrors[0];
        if (lexer) {
            return `lexer error: ${lexer.message}`;
        }
        const parser = result.parserErrors[0];
        if (parser) {
            return `parser error: ${parser.message.split('\n')[0]}`;
        }
        for (const token of this.lex(text).tokens) {
            if (token.tokenType.name === 'STRING' && invalidEscapes(token.image).length > 0) {
                return `invalid escape in ${token.image}`;
            }
        }
        return undefined;
    }

    private scratch(text: string): LangiumDocument<Document> {
        return this.services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, this.scratchUri);
    }

    /** Formatting only rewrites whitespace between tokens: same tokens, same comments, idempotent. */
    private async formatting(session: Session, document: LangiumDocument<Document>, rng: Rng): Promise<void> {
        const formatter = this.services.lsp.Formatter;
        if (!formatter) {
            return;
        }
        const options: FormattingOptions = rng.pick([
            { tabSize: 2, insertSpaces: true }, { tabSize: 4, insertSpaces: true }, { tabSize: 4, insertSpaces: false }, { tabSize: 3, insertSpaces: true, trimTrailingWhitespace: true },
        ]);
        const textDocument = { uri: document.uri.toString() };
        const text = document.textDocument.getText();
        const offsets = new Offsets(text);
        const edits = await session.call('format', '', () => formatter.formatDocument(document, { textDocument, options }));
        if (edits === undefined) {
            return;
        }
        const sorted = toOffsetEdits(offsets, edits);
        if (typeof sorted === 'string') {
            session.fail('format-invalid-edit', 'format', '', sorted);
            return;
        }
        const formatted = applyOffsetEdits(text, sorted);
        if (formatted !== text) {
            const problem = this.sameTokens(text, formatted);
            if (problem) {
                session.fail('format-changes-tokens', 'format', '', problem);
                return;
            }
            const again = this.scratch(formatted);
            const second = await session.call('format', '(second pass)', () => formatter.formatDocument(again, { textDocument: { uri: this.scratchUri.toString() }, options }));
            if (second !== undefined) {
                const twice = TextDocument.applyEdits(again.textDocument, second);
                if (twice !== formatted) {
                    const i = [...twice].findIndex((ch, k) => ch !== formatted[k]);
                    session.fail('format-idempotent', 'format', '', `formatting twice changes the text near offset ${i}: ${JSON.stringify(formatted.slice(Math.max(0, i - 30), i + 30))} → ${JSON.stringify(twice.slice(Math.max(0, i - 30), i + 30))}`);
                }
            }
        }
        const lexed = this.lex(text);
        const [a, b] = this.positions(offsets, [...lexed.tokens, ...lexed.comments], rng, 2, false);
        const range: Range = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
        await session.call('format range', `${at(range.start)}-${at(range.end)}`, () => formatter.formatDocumentRange(document, { textDocument, options, range }));
        const trigger = formatter.formatOnTypeOptions;
        if (trigger) {
            const [position] = this.positions(offsets, lexed.tokens, rng, 1, rng.chance(0.2));
            const ch = rng.pick([trigger.firstTriggerCharacter, ...(trigger.moreTriggerCharacter ?? [])]);
            await session.call('format on type', at(position), () => formatter.formatDocumentOnType(document, { textDocument, options, position, ch }));
        }
    }

    /** Undefined when `after` has the same tokens and comments as `before`, in order; else what differs. */
    private sameTokens(before: string, after: string): string | undefined {
        const sequence = (text: string) => {
            const lexed = this.lex(text);
            return [...lexed.tokens.map(t => ({ at: t.startOffset, image: t.image })), ...lexed.comments.map(t => ({ at: t.startOffset, image: t.image.split(/\r\n|\r|\n/).map(l => l.trim()).join('\n') }))]
                .sort((x, y) => x.at - y.at)
                .map(t => t.image);
        };
        const x = sequence(before);
        const y = sequence(after);
        for (let i = 0; i < Math.max(x.length, y.length); i++) {
            if (x[i] !== y[i]) {
                return `token ${i} changes from ${JSON.stringify(x[i]?.slice(0, 60))} to ${JSON.stringify(y[i]?.slice(0, 60))}`;
            }
        }
        if (!isSubsequence(solid(before), solid(after)) || solid(before).length !== solid(after).length) {
            return 'the non-whitespace characters changed (text the lexer could not read was altered)';
        }
        return undefined;
    }

    /** Rename at names: no crash; a refusal is an LSP error answer; an accepted rename keeps the plan parseable. */
    private async rename(session: Session, document: LangiumDocument<Document>, offsets: Offsets, syntaxClean: boolean, rng: Rng): Promise<void> {
        const provider = this.services.lsp.RenameProvider;
        if (!provider) {
            return;
        }
        const textDocument = { uri: document.uri.toString() };
        const lexed = this.lex(offsets.text);
        const names = lexed.tokens.filter(t => /^[A-Za-z_]/.test(t.image));
        for (const position of this.positions(offsets, names, rng, 2, false)) {
            await session.call('prepare rename', at(position), () => provider.prepareRename(document, { textDocument, position }), isResponseError);
            const newName = rng.pick([
                `renamed_${rng.int(1000)}`, rng.pick(this.context.keywords), names.length > 0 ? rng.pick(names).image : 'x', '1bad', '', 'pii', 'café', 'a b', `x${'y'.repeat(300)}`,
            ]);
            const edit: WorkspaceEdit | undefined = await session.call('rename', `${at(position)} → ${JSON.stringify(newName.slice(0, 20))}`, () =>
                provider.rename(document, { textDocument, position, newName }), isResponseError);
            const changes = edit?.changes?.[textDocument.uri];
            if (!syntaxClean || !changes || changes.length === 0) {
                continue;
            }
            const sorted = toOffsetEdits(offsets, changes);
            if (typeof sorted === 'string') {
                session.fail('rename-invalid-edit', 'rename', at(position), sorted);
                continue;
            }
            const errors = this.syntaxErrors(applyOffsetEdits(offsets.text, sorted));
            if (errors) {
                session.fail('rename-adds-syntax-error', 'rename', at(position), `renaming to ${JSON.stringify(newName)} gives ${errors}`);
            }
        }
    }

    /** Whether every file loaded with the main one parses without errors. */
    private importsParse(): boolean {
        const documents = this.services.shared.workspace.LangiumDocuments;
        return this.loaded.every(uri => {
            const parse = documents.getDocument(uri)?.parseResult;
            return !parse || (parse.lexerErrors.length === 0 && parse.parserErrors.length === 0);
        });
    }

    private checkFigures(session: Session, kind: string, detail: string, shown: string): void {
        const figure = this.sources === undefined ? undefined : nonFiniteFigure(shown, this.sources);
        if (figure) {
            session.fail('figure-invalid', kind, detail, figure);
        }
    }

    /** Every export (when not refused), the readiness report, and the CLI's three output formats. */
    private async exports(session: Session, document: LangiumDocument<Document>): Promise<void> {
        const services = this.services;
        const refusal = await session.call('export refusal', '', () => exportRefusal(document));
        if (refusal === undefined) {
            const model: PlanExport | undefined = await session.call('export model', '', () => buildExportModel(exportInputOf(services, document)));
            if (model) {
                for (const format of EXPORT_FORMATS) {
                    const output = await session.call('export', format, () => renderExport(model, format));
                    this.checkFigures(session, 'export', format, output ?? '');
                    if (format === 'json' && output !== undefined) {
                        try {
                            if (!this.validateExport(JSON.parse(output))) {
                                session.fail('export-json-schema', 'export', format, this.ajv.errorsText(this.validateExport.errors));
                            }
                        } catch (error) {
                            session.fail('export-json-invalid', 'export', format, errorText(error));
                        }
                    }
                }
            }
        }
        const readiness = await session.call('readiness', '', () => readinessOf(services.facts.PlanFacts.of(document)));
        if (!readiness) {
            return;
        }
        await session.call('readiness report', '', () => readinessChecklistMarkdown(readiness));
        const root = document.parseResult.value;
        const result: FileResult = {
            file: document.uri.path.slice(1),
            kind: root.plan ? 'plan' : root.catalog ? 'catalog' : 'empty',
            stage: root.plan ? root.plan.stage ?? 'mvp' : undefined,
            readiness,
            findings: (document.diagnostics ?? []).map(toFinding).sort(compareFindings),
        };
        this.checkFigures(session, 'cli text', '', await session.call('cli text', '', () => formatText([result], true)) ?? '');
        const json = await session.call('cli json', '', () => formatJson([result], true));
        const sarif = await session.call('cli sarif', '', () => formatSarif([result], true, '/workspace'));
        for (const [name, output] of [['cli json', json], ['cli sarif', sarif]] as const) {
            if (output !== undefined) {
                try {
                    JSON.parse(output);
                } catch (error) {
                    session.fail('cli-json-invalid', name, '', errorText(error));
                }
            }
        }
    }
}

/** The first line where two snapshots differ, for the report. */
function firstDifference(spliced: string, full: string): string {
    const a = spliced.split('\n');
    const b = full.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    return `the spliced tree differs from a full parse at snapshot line ${line + 1}: ${JSON.stringify(a[line])} instead of ${JSON.stringify(b[line])}`;
}
