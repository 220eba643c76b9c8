/**
 * Hovers. What the pointer is on decides the content:
 * - a declaration's name, or a reference to it: its doc comment and a summary (hover-summaries.ts);
 * - a quantity: its value in the other units of its dimension;
 * - a keyword: what it means (keyword-docs.ts);
 * - on a keyword or a quantity that a derived figure depends on (serving's load, cost and capacity,
 *   a rollout's calendar, a stage's requests, labeling, the budget, an objective's value): the
 *   figures themselves, from the plan's figures (hover-figures.ts);
 * and, before any of these, why the mlplan diagnostics covering the position matter (their messages
 * are the editor's to show): one with its rule's why, several one line each. Keywords are not
 * reserved, so a keyword written where a name goes is a name.
 */
import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise,
} from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { kindWord, localDeclarations } from '../model/declarations.js';
import { displayPath } from '../model/display-path.js';
import { dayOf, formatDay, weekdayOf } from '../model/dates.js';
import { measureOf } from '../model/derived.js';
import type { PlanFacts } from '../model/plan-facts.js';
import { PROPERTY_UNITS } from '../model/property-units.js';
import {
    convert, describeDimension, equivalents, formatMeasure, formatNumber, formatValue, isTolerated, lookupUnit, unitsOfDimension, type Measure,
} from '../model/units.js';
import { readinessOf } from '../rules/readiness.js';
import { RULES_BY_CODE } from '../rules/registry.js';
import { diagnosticCode } from '../rules/run-rules.js';
import { figureSections } from './hover-figures.js';
import { code, declarationSummary, errorBudgetText, text, type SummaryContext } from './hover-summaries.js';
import { keywordDoc } from './keyword-docs.js';
import { NAME_RULES } from './name-rules.js';
import { ruleLink } from './rule-links.js';

/** Conversions outside this range print as long strings of zeros or digits and help nobody. */
const SMALLEST_SHOWN = 0.001;
const LARGEST_SHOWN = 1e7;

export class MlPlanHoverProvider implements HoverProvider {
    constructor(private readonly services: MlPlanLspServices) {}

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult?.value as ast.Document | undefined;
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(params.position);
        // offsetAt clamps: a position past the end of its line or of the document is nowhere.
        if (!root?.$cstNode || !samePosition(textDocument.positionAt(offset), params.position)) {
            return undefined;
        }
        const leaf = CstUtils.findLeafNodeAtOffset(root.$cstNode, offset);
        const onLeaf = leaf && !leaf.hidden && leaf.offset <= offset && offset < leaf.end ? leaf : undefined;
        // What is wrong here comes first: it is what the author hovered for.
        const sections = [
            diagnosticNotes(document, params.position),
            onLeaf ? this.leafContent(document as LangiumDocument<ast.Document>, onLeaf) : undefined,
        ].filter((s): s is string => s !== undefined && s !== '');
        if (sections.length === 0) {
            return undefined;
        }
        return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
    }

    private leafContent(document: LangiumDocument<ast.Document>, leaf: CstNode): string | undefined {
        const quantity = AstUtils.getContainerOfType(leaf.astNode, ast.isQuantity);
        if (quantity) {
            return this.quantityContent(document, quantity);
        }
        if (ast.isMetric(leaf.astNode) && GrammarUtils.findAssignment(leaf)?.feature === 'unit') {
            return unitContent(leaf.astNode.unit);
        }
        const keyword = leaf.grammarSource;
        if (GrammarAST.isKeyword(keyword)) {
            const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
            if (!NAME_RULES.has(rule)) {
                return this.keywordContent(document, leaf.astNode, rule, keyword.value);
            }
        }
        if (ast.isImport(leaf.astNode)) {
            return this.importContent(leaf.astNode);
        }
        const declaration = this.services.references.References.findDeclarations(leaf)[0];
        if (declaration) {
            return this.declarationContent(document, declaration);
        }
        const date = isDateToken(leaf) ? this.dateContent(document, leaf.text) : undefined;
        // The date of `starts 2026-03-01`: the calendar it begins.
        const sections = ast.isRolloutStart(leaf.astNode) ? figureSections(leaf.astNode, 'date', this.facts(document)) : [];
        const parts = [date, ...sections].filter((p): p is string => p !== undefined);
        return parts.length > 0 ? parts.join('\n\n') : undefined;
    }

    /**
     * The file an import resolves to, as a link that opens it, and what it declares. An import that
     * does not resolve has its diagnostic (import-unresolved) to say why.
     */
    private importContent(imp: ast.Import): string | undefined {
        const resolved = this.services.imports.Imports.explain(imp);
        if (!resolved.document || !resolved.target) {
            return undefined;
        }
        const from = AstUtils.getDocument(imp).uri;
        const counts = new Map<string, number>();
        for (const declaration of localDeclarations(resolved.document.parseResult.value)) {
            const kind = kindWord(declaration.$type);
            counts.set(kind, (counts.get(kind) ?? 0) + 1);
        }
        const declared = [...counts].map(([kind, n]) => `${n} ${n === 1 ? kind : pluralOf(kind)}`);
        // Parentheses would end the link's destination early.
        const link = resolved.target.toString().replace(/\(/g, '%28').replace(/\)/g, '%29');
        return `**import** [${code(displayPath(from, resolved.target))}](${link})${declared.length > 0 ? `: declares ${declared.join(', ')}` : ': declares nothing'}`;
    }

    /** A date's weekday, and where it falls against the plan's start and deadline. */
    private dateContent(document: LangiumDocument<ast.Document>, written: string): string | undefined {
        const day = dayOf(written);
        if (day === undefined) {
            return undefined;
        }
        const { startDay, deadlineDay } = this.facts(document).figures;
        const facts = [`a ${weekdayOf(day)}`];
        if (startDay !== undefined && day > startDay) {
            facts.push(`${daysText(day - startDay)} after the plan start ${formatDay(startDay)}`);
        }
        if (deadlineDay !== undefined && day !== deadlineDay) {
            facts.push(`${daysText(Math.abs(deadlineDay - day))} ${day < deadlineDay ? 'before' : '**after**'} the deadline ${formatDay(deadlineDay)}`);
        }
        return `${code(written)}: ${facts.join('; ')}`;
    }

    private declarationContent(document: LangiumDocument<ast.Document>, node: AstNode): string | undefined {
        return declarationSummary(node, this.docComment(node), this.context(document));
    }

    /** The `/** … *\/` comment above a declaration, as escaped paragraphs. */
    private docComment(node: AstNode): string | undefined {
        const comment = this.services.documentation.CommentProvider.getComment(node);
        if (!comment?.startsWith('/**')) {
            return undefined;
        }
        const lines = comment
            .replace(/^\/\*\*/, '')
            .replace(/\*\/$/, '')
            .split(/\r?\n/)
            .map(line => line.replace(/^\s*\*?\s?/, '').trimEnd());
        const paragraphs: string[][] = [[]];
        for (const line of lines) {
            if (line.trim() === '') {
                paragraphs.push([]);
            } else {
                paragraphs[paragraphs.length - 1].push(line.trim());
            }
        }
        const result = paragraphs.filter(p => p.length > 0).map(p => text(p.join(' '))).join('\n\n');
        return result || undefined;
    }

    private context(document: LangiumDocument<ast.Document>): SummaryContext {
        const facts = this.facts(document);
        return {
            facts,
            roots: [document, ...facts.importedDocuments].map(d => d.parseResult.value),
            readiness: () => readinessOf(facts),
        };
    }

    private facts(document: LangiumDocument<ast.Document>): PlanFacts {
        return this.services.facts.PlanFacts.of(document);
    }

    private keywordContent(document: LangiumDocument<ast.Document>, node: AstNode, rule: string, keyword: string): string | undefined {
        const entry = keywordDoc(rule, keyword);
        if (!entry) {
            return undefined;
        }
        const parts = [`**${code(keyword)}** (keyword)`, entry.text];
        if (entry.example) {
            parts.push(`Example: ${code(entry.example)}`);
        }
        parts.push(...figureSections(node, keyword, this.facts(document)));
        return parts.join('\n\n');
    }

    private quantityContent(document: LangiumDocument<ast.Document>, quantity: ast.Quantity): string | undefined {
        const parts = [quantityConversions(quantity, acceptsOnlyPlain(quantity))];
        const container = quantity.$container;
        const property = quantity.$containerProperty ?? '';
        if (ast.isSlo(container) && (property === 'objective' || property === 'window')) {
            const budget = errorBudgetText(container, this.facts(document).figures);
            parts.push(budget ? `Error budget of slo ${code(container.name)}: ${budget}` : undefined);
        } else if (container) {
            parts.push(...figureSections(container, property, this.facts(document)));
        }
        const shown = parts.filter((p): p is string => p !== undefined);
        return shown.length > 0 ? shown.join('\n\n') : undefined;
    }
}

/**
 * `150 ms` = 0.15 s = 0.0025 min, `400,000 USD/year` = 33,333.3 USD/month; a figure without
 * conversions says what it measures; a ratio or percentage says nothing of its own. A plain number where the property takes no ratio
 * (`replicas 3`, a `size` without unit) is a count, not `300 %`.
 */
export function quantityConversions(quantity: ast.Quantity, count = false): string | undefined {
    const value = measureOf(quantity);
    if (!value) {
        return undefined;
    }
    const shown = code(formatMeasure(value));
    if (count && value.unit.symbol === '') {
        return `${shown}: a plain count`;
    }
    if (value.unit.dimension === 'fraction') {
        // `50 %` = 0.5 restates the value; a share's hover is what it implies (figure sections).
        return undefined;
    }
    const others = [...equivalents(value), ...perPeriodEquivalents(value)]
        .filter(e => e.value === 0 || (Math.abs(e.value) >= SMALLEST_SHOWN && Math.abs(e.value) < LARGEST_SHOWN))
        .map(e => formatValue(e.value, e.symbol));
    return others.length > 0
        ? [shown, ...others].join(' = ')
        : `${shown}: ${describeDimension(value.unit.dimension)}`;
}

/**
 * A yearly amount per month and a monthly one per year (`equivalents` leaves money out: no
 * conversion crosses currencies, but these stay in one).
 */
function perPeriodEquivalents(value: Measure): Array<{ symbol: string; value: number }> {
    if (value.unit.dimension !== 'money-per-month') {
        return [];
    }
    return unitsOfDimension(value.unit.dimension, value.unit.currency)
        .filter(u => u.symbol !== value.unit.symbol)
        .map(u => ({ symbol: u.symbol, value: convert(value, u)! }));
}

/** The quantity sits in a property that takes a plain number and nothing else: a count. */
function acceptsOnlyPlain(quantity: ast.Quantity): boolean {
    const accepts = PROPERTY_UNITS[quantity.$container?.$type ?? '']?.[quantity.$containerProperty ?? '']?.accepts;
    return accepts !== undefined && accepts.includes('plain') && !accepts.includes('fraction');
}

/** A metric's unit: what it measures and the units its bounds may also use. */
function unitContent(symbol: string | undefined): string | undefined {
    const unit = lookupUnit(symbol);
    if (!unit || !symbol) {
        return undefined;
    }
    if (unit.dimension === 'fraction') {
        return `${code(symbol)}: ${describeDimension(unit.dimension)}; bounds may also be plain ratios (${code('3.5 %')} = ${code('0.035')})`;
    }
    const others = unitsOfDimension(unit.dimension, unit.currency)
        .map(u => u.symbol)
        .filter(other => other !== symbol && !isTolerated(other));
    const also = others.length > 0 ? `; bounds may also be written in ${others.map(o => code(o)).join(', ')}` : '';
    return `${code(symbol)}: ${describeDimension(unit.dimension)}${also}`;
}

/**
 * Why the mlplan diagnostics covering the position matter, once per code. The editor already shows
 * each diagnostic's message above the hover (VS Code's marker hover), so repeating it would push
 * the figures out of view: a single one gets its rule's title and why; several (a new plan's
 * missing sections all sit on its name) get one line each, the title and the why's first sentence.
 * Where the rule's page ships (docs/rules/, rule-links.ts), the note links to it.
 */
export function diagnosticNotes(document: LangiumDocument, position: Position): string | undefined {
    const found = new Map<string, { title: string; why: string }>();
    for (const diagnostic of document.diagnostics ?? []) {
        const ruleCode = diagnosticCode(diagnostic);
        const rule = ruleCode ? RULES_BY_CODE.get(ruleCode) : undefined;
        if (!rule || found.has(rule.code) || !covers(diagnostic.range, position)) {
            continue;
        }
        found.set(rule.code, { title: rule.title, why: rule.why });
    }
    if (found.size === 0) {
        return undefined;
    }
    // Each rule's page, when it ships (rule-links.ts): one note ends with a link to it; in a list, each code is one.
    if (found.size === 1) {
        const [[ruleCode, note]] = [...found];
        const link = ruleLink(ruleCode);
        return `**${code(ruleCode)}**: ${note.title}.\n\n${note.why}${link ? `\n\n[Rule page](${link})` : ''}`;
    }
    return [
        `**${found.size} findings here**`,
        '',
        ...[...found].map(([ruleCode, note]) => {
            const link = ruleLink(ruleCode);
            const name = `**${code(ruleCode)}**`;
            return `- ${link ? `[${name}](${link})` : name} (${note.title}): ${firstSentence(note.why)}`;
        }),
    ].join('\n');
}

/** Up to the first full stop that ends a sentence (`0.78 is` and `e.g.` do not). */
function firstSentence(text: string): string {
    const end = /[.!?](?=\s+[A-Z(`])/.exec(text);
    return end ? text.slice(0, end.index + 1) : text;
}

function covers(range: Range, position: Position): boolean {
    const afterStart = position.line > range.start.line
        || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line
        || (position.line === range.end.line && position.character < range.end.character);
    const empty = range.start.line === range.end.line && range.start.character === range.end.character;
    return afterStart && (beforeEnd || (empty && position.line === range.start.line && position.character === range.start.character));
}

function samePosition(a: Position, b: Position): boolean {
    return a.line === b.line && a.character === b.character;
}

/** A DATE token (`2026-03-01`), wherever the grammar allows one. */
function isDateToken(leaf: CstNode): boolean {
    return GrammarAST.isRuleCall(leaf.grammarSource) && leaf.grammarSource.rule.ref?.name === 'DATE';
}

function pluralOf(kind: string): string {
    return kind === 'person' ? 'people' : `${kind}s`;
}

function daysText(days: number): string {
    return days === 1 ? '1 day' : `${formatNumber(days)} days`;
}
