/**
 * `mlplan fmt [--check] FILE|DIR...`: the editor's formatter (lsp/mlplan-formatter.ts) over files.
 * A file is rewritten only when formatting changes it, atomically; `--check` writes nothing and
 * prints the files that would change (status 1 if any). A file with syntax errors is left as it is,
 * with one line saying so (status 1). An argument or file that cannot be used is one line on stderr
 * (status 2) and the other files are still formatted.
 */
import { TextDocument, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { createMlPlanServices } from '../core/mlplan-core-module.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import type { PlanTextDocuments } from '../language/plan-text-documents.js';
import type { MlPlanLspServices } from '../lsp/lsp-services.js';
import { MlPlanFormatter } from '../lsp/mlplan-formatter.js';
import { parseOptions } from './args.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Output } from './check.js';
import { CliError, oneLine } from './errors.js';
import { gatherInputs, readTarget } from './workspace.js';

export interface FmtOptions {
    readonly check: boolean;
    readonly paths: readonly string[];
}

/** `fmt [--check] FILE|DIR...`; undefined for `--help`. */
export function parseFmtArgs(args: readonly string[]): FmtOptions | undefined {
    const parsed = parseOptions('fmt', args, { '--check': 'flag' });
    if (parsed.help) {
        return undefined;
    }
    if (parsed.positionals.length === 0) {
        throw new CliError('fmt needs at least one FILE or DIR (see mlplan --help)');
    }
    return { check: parsed.options.get('--check') === true, paths: parsed.positionals };
}

/** What the editor sends by default: two spaces per level, no final newline forced. */
const OPTIONS: FormattingOptions = { tabSize: 2, insertSpaces: true };

export async function runFmt(options: FmtOptions, out: Output): Promise<number> {
    const { inputs, problems } = gatherInputs(options.paths);
    const failures = [...problems];
    const { shared, MlPlan: services } = createMlPlanServices({ ...NodeFileSystem });
    const formatter = createFormatter(services);
    let status = 0;
    for (const target of inputs.targets) {
        const text = readTarget(target, failures);
        if (text === undefined) {
            continue;
        }
        const document = parseDocument(services, shared.workspace.TextDocuments, target.uri, text);
        const syntax = syntaxErrorAt(document);
        if (syntax) {
            out.stderr(`mlplan: ${target.display}:${syntax.line}:${syntax.column}: syntax error, file left unformatted\n`);
            status = Math.max(status, 1);
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: target.uri.toString() }, options: OPTIONS });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        if (formatted === text) {
            continue;
        }
        if (options.check) {
            out.stdout(`${target.display}\n`);
            status = Math.max(status, 1);
            continue;
        }
        try {
            writeFileAtomic(target.uri.fsPath, formatted, target.display);
            out.stdout(`formatted ${target.display}\n`);
        } catch (error) {
            failures.push(oneLine(error));
        }
    }
    for (const failure of failures) {
        out.stderr(`mlplan: ${failure}\n`);
    }
    return failures.length > 0 ? 2 : status;
}

/**
 * The editor's formatter. It reads only the lexer from its services (which the core services
 * have), so the CLI need not start any editor service to use it.
 */
export function createFormatter(services: MlPlanServices): MlPlanFormatter {
    return new MlPlanFormatter(services as unknown as MlPlanLspServices);
}

/** Parses `text` as a plan, whatever the file's extension, as `check` does (cli/workspace.ts). */
function parseDocument(services: MlPlanServices, texts: PlanTextDocuments, uri: URI, text: string): LangiumDocument {
    const textDocument = TextDocument.create(uri.toString(), services.LanguageMetaData.languageId, 0, text);
    texts.set(textDocument);
    return services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument, uri);
}

/** Where the first lexer or parser error is (1-based), or undefined when the text parses. */
export function syntaxErrorAt(document: LangiumDocument): { line: number; column: number } | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    const text = document.textDocument;
    // An error at the end of the text (a parser error at EOF has no offset) is placed there.
    const offsets = [
        ...lexerErrors.map(e => e.offset),
        ...parserErrors.map(e => e.token.startOffset),
    ].map(offset => (Number.isFinite(offset) && offset >= 0 ? Math.min(offset, text.getText().length) : text.getText().length));
    if (offsets.length === 0) {
        return undefined;
    }
    const position = text.positionAt(Math.min(...offsets));
    return { line: position.line + 1, column: position.character + 1 };
}
