import {
    AstUtils, Cancellation, CstUtils, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isLeafCstNode,
    type AstNode, type AstReflection, type CstNode, type LangiumDocument, type LeafCstNode, type ParseResult,
    type ValidationAcceptor, type ValidationChecks, type ValidationOptions,
} from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Document, MlPlanAstType } from '../generated/ast.js';
import type { MlPlanFacts } from '../language/mlplan-facts.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import { MAX_RECOVERED_ERRORS } from '../language/mlplan-parser.js';
import { friendlyLexerMessage, friendlyParserMessage, scanInvalidEscapes } from '../language/syntax-messages.js';
import { IGNORE_MARKER, parseIgnoreDirective } from '../model/ignore-directive.js';
import type { RuleSettings, Severity } from '../model/rule-settings.js';
import { RULES, RULES_BY_CODE } from '../rules/registry.js';
import { diagnosticCode, runRules } from '../rules/run-rules.js';
import { unusedIgnore } from '../rules/source-rules.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

/** Registers the rule runner: one check on the document root runs every rule over the plan facts. */
export function registerRuleChecks(services: MlPlanServices): void {
    const facts = services.facts.PlanFacts;
    const checks: ValidationChecks<MlPlanAstType> = {
        Document: (root: Document, accept: ValidationAcceptor) => {
            const document = AstUtils.getDocument(root) as LangiumDocument<Document>;
            runRules(RULES, facts.of(document), (rule, report) => {
                accept(report.severity ?? rule.severity, report.message, {
                    node: report.node,
                    property: report.property as never,
                    index: report.index,
                    keyword: report.keyword,
                    range: report.range,
                    code: rule.code,
                    data: { ...report.data, code: rule.code },
                });
            }, (rule, error) => console.error(`mlplan: rule ${rule.code} failed: ${error instanceof Error ? error.message : String(error)}`));
        },
    };
    services.validation.ValidationRegistry.register(checks);
}

/**
 * The one diagnostics pipeline both front ends share. After Langium's own passes and the rules:
 * 1. syntax and linking errors get their mlplan codes (`syntax-error`, `unresolved-reference`);
 * 2. each code's severity comes from the configuration (or the rule's default), `off` drops it;
 * 3. `// mlplan-ignore CODE -- reason` silences CODE on the next line, and an ignore comment that
 *    silences nothing becomes an `unused-ignore` hint.
 */
export class MlPlanDocumentValidator extends DefaultDocumentValidator {
    private readonly facts: MlPlanFacts;
    private readonly reflection: AstReflection;

    constructor(services: MlPlanServices) {
        super(services);
        this.facts = services.facts.PlanFacts;
        this.reflection = services.shared.AstReflection;
    }

    /**
     * Langium visits every AST node, awaiting between nodes, to look up checks by type. mlplan
     * registers one check, on the document root (the rule runner, which walks what it needs):
     * while that is so, only the root is visited. Any check registered on another type brings
     * back Langium's walk.
     */
    protected override async validateAstNodes(
        rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        const checked = this.reflection.getAllTypes().filter(type => !this.validationRegistry.getChecks(type, options.categories).isEmpty());
        if (checked.some(type => type !== rootNode.$type)) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        await interruptAndCheck(cancelToken);
        if (this.validateSingleNodeOptions(rootNode, options).validateNode) {
            for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) {
                await check(rootNode, acceptor, cancelToken);
            }
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) {
            diagnostics[i] = rewriteMessage(diagnostics[i], friendlyLexerMessage);
        }
        escapeErrors(parseResult).forEach(error => diagnostics.push(error)); // not push(...): a huge string may hold 100k+ of them
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) {
            diagnostics[i] = rewriteMessage(diagnostics[i], friendlyParserMessage);
        }
        // After so many errors the parser stops recovering and the next error ends the parse
        // (mlplan-parser.ts): say so where it stopped, which is the last error.
        if (parseResult.parserErrors.length >= MAX_RECOVERED_ERRORS && diagnostics.length > start) {
            diagnostics.push({
                ...diagnostics[diagnostics.length - 1],
                message: `too many syntax errors (${parseResult.parserErrors.length}): the file is not read past this point until the first ones are fixed`,
            });
        }
    }

    /** Langium's linking diagnostics keep only `refText`; carry over the data our linker attaches
     *  (`suggestions`, see mlplan-linker.ts), matched by the reference's position. */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const extra = new Map<string, object>();
        for (const reference of document.references) {
            const data = (reference.error as { data?: object } | undefined)?.data;
            const at = reference.$refNode?.range.start;
            if (data && at) {
                extra.set(`${at.line}:${at.character}`, data);
            }
        }
        for (let i = start; i < diagnostics.length; i++) {
            const at = diagnostics[i].range.start;
            const data = extra.get(`${at.line}:${at.character}`);
            if (data) {
                diagnostics[i] = { ...diagnostics[i], data: { ...data, ...(diagnostics[i].data as object | undefined) } };
            }
        }
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const raw = await super.validateDocument(document, options, cancelToken);
        const settings = this.facts.of(document as LangiumDocument<Document>).settings;
        const configured = raw.map(normalizeCode).flatMap(d => applySetting(d, settings));
        return suppress(document, configured, settings);
    }
}

function normalizeCode(diagnostic: Diagnostic): Diagnostic {
    const langiumCode = (diagnostic.data as { code?: string } | undefined)?.code;
    let code = diagnosticCode(diagnostic);
    if (langiumCode === DocumentValidator.LexingError || langiumCode === DocumentValidator.ParsingError) {
        code = 'syntax-error';
    } else if (langiumCode === DocumentValidator.LinkingError) {
        code = 'unresolved-reference';
    }
    if (!code) {
        return diagnostic;
    }
    const data = { ...(diagnostic.data as object | undefined), code, ...(langiumCode && langiumCode !== code ? { langiumCode } : {}) };
    return { ...diagnostic, code, data, source: 'mlplan' };
}

function applySetting(diagnostic: Diagnostic, settings: RuleSettings): Diagnostic[] {
    const code = diagnosticCode(diagnostic);
    const setting = code ? settings[code] : undefined;
    if (setting === 'off') {
        return [];
    }
    if (setting) {
        return [{ ...diagnostic, severity: SEVERITY[setting] }];
    }
    return [diagnostic];
}

interface IgnoreComment {
    readonly line: number;
    readonly range: Diagnostic['range'];
    readonly codes: string[];
    readonly used: Set<string>;
}

/**
 * `// mlplan-ignore a, b -- reason` comments, read from the CST's comment tokens (never from
 * strings). The text is searched for the marker and only the tokens there are looked at, rather
 * than walking the whole CST of every document for the few comments that exist.
 */
function ignoreComments(document: LangiumDocument): IgnoreComment[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) {
        return [];
    }
    const comments: IgnoreComment[] = [];
    for (const node of leavesContaining(root, root.root.fullText, IGNORE_MARKER)) {
        if (!node.hidden || node.tokenType.name !== 'SL_COMMENT') {
            continue;
        }
        const directive = parseIgnoreDirective(node.text);
        if (directive) {
            comments.push({ line: node.range.start.line, range: node.range, codes: [...directive.codes], used: new Set() });
        }
    }
    return comments;
}

function suppress(document: LangiumDocument, diagnostics: Diagnostic[], settings: RuleSettings): Diagnostic[] {
    const comments = ignoreComments(document);
    if (comments.length === 0) {
        return diagnostics;
    }
    const byLine = new Map(comments.map(c => [c.line, c]));
    const kept = diagnostics.filter(diagnostic => {
        const comment = byLine.get(diagnostic.range.start.line - 1);
        const code = diagnosticCode(diagnostic);
        if (comment && code && comment.codes.includes(code)) {
            comment.used.add(code);
            return false;
        }
        return true;
    });
    const unusedSetting = settings[unusedIgnore.code] ?? unusedIgnore.severity;
    if (unusedSetting === 'off') {
        return kept;
    }
    for (const comment of comments) {
        const unused = comment.codes.filter(code => !comment.used.has(code));
        if (comment.codes.length > 0 && unused.length === 0) {
            continue;
        }
        const message = comment.codes.length === 0
            ? 'mlplan-ignore names no rule code, so it silences nothing; write `// mlplan-ignore CODE -- reason`'
            : `mlplan-ignore ${unused.map(c => `\`${c}\``).join(', ')} silences nothing on the next line${unused.some(c => !RULES_BY_CODE.has(c)) ? ' (unknown rule code)' : ''}`;
        kept.push({
            range: comment.range,
            severity: SEVERITY[unusedSetting],
            code: unusedIgnore.code,
            message,
            source: 'mlplan',
            data: { code: unusedIgnore.code, unused },
        });
    }
    return kept;
}

function rewriteMessage(diagnostic: Diagnostic, rewrite: (message: string) => string): Diagnostic {
    return typeof diagnostic.message === 'string' ? { ...diagnostic, message: rewrite(diagnostic.message) } : diagnostic;
}

/**
 * How many invalid escapes of one string are reported one by one; the rest of that string's are
 * counted in one more diagnostic. A megabyte of `\q` was half a million diagnostics (seconds to
 * build, 200 MB of SARIF) that nobody reads past the first few.
 */
export const MAX_ESCAPES_REPORTED = 20;

/** `\n` and friends inside strings: the lexer accepts them so that each is reported exactly once. */
function escapeErrors(parseResult: ParseResult): Diagnostic[] {
    const root = parseResult.value.$cstNode;
    if (!root) {
        return [];
    }
    const errors: Diagnostic[] = [];
    for (const node of leavesContaining(root, root.root.fullText, '\\')) {
        if (node.tokenType.name !== 'STRING') {
            continue;
        }
        const line = node.range.start.line;
        const at = (offset: number) => ({ line, character: node.range.start.character + offset });
        const scan = scanInvalidEscapes(node.text, MAX_ESCAPES_REPORTED);
        for (const { offset, sequence } of scan.first) {
            errors.push(escapeError({ start: at(offset), end: at(offset + sequence.length) },
                `invalid escape \`${sequence}\` in a string: only \\" and \\\\ are escapes`));
        }
        const more = scan.count - scan.first.length;
        if (more > 0) {
            errors.push(escapeError({ start: at(scan.restOffset), end: at(scan.end) },
                `${more} more invalid ${more === 1 ? 'escape' : 'escapes'} in this string after the first ${scan.first.length}: only \\" and \\\\ are escapes`));
        }
    }
    return errors;
}

function escapeError(range: Diagnostic['range'], message: string): Diagnostic {
    return { range, severity: DiagnosticSeverity.Error, message, source: 'mlplan', data: { code: DocumentValidator.LexingError } };
}

/**
 * The distinct CST leaves (hidden ones included) that contain an occurrence of `marker` in
 * `text`, in document order: a string search and a binary search per hit instead of a walk over
 * every node.
 */
function leavesContaining(root: CstNode, text: string, marker: string): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    for (let at = text.indexOf(marker); at >= 0;) {
        const leaf = CstUtils.findLeafNodeAtOffset(root, at);
        if (leaf && isLeafCstNode(leaf) && leaf.offset <= at && at < leaf.end) {
            if (leaves[leaves.length - 1] !== leaf) {
                leaves.push(leaf);
            }
            // The rest of this token cannot hold another leaf.
            at = text.indexOf(marker, Math.max(at + marker.length, leaf.end));
        } else {
            at = text.indexOf(marker, at + marker.length);
        }
    }
    return leaves;
}
