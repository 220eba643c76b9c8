import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, URI, stream,
    type AstNode, type AstNodeDescription, type LangiumDocuments, type MaybePromise, type ReferenceInfo, type Stream,
} from 'langium';
import {
    DefaultCompletionProvider,
    type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type LangiumServices, type NextFeature,
} from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { lastMemberBefore, planBody } from './plan-body.js';
import { kindWord } from '../model/declarations.js';
import { CURRENCIES, isTolerated, lookupUnit, UNIT_SYMBOLS, unitsOfDimension, type Dimension } from '../model/units.js';
import { PROPERTY_UNITS } from '../model/property-units.js';
import { declarationKind } from './declaration-kinds.js';
import { BLOCK_SNIPPETS, FIELD_SNIPPET, type BlockSnippet } from './completion-snippets.js';
import { COMPARATOR_NAMES, ENUM_VALUES, FIELD_FLAGS, UNIT_NAMES } from './completion-values.js';
import { keywordDoc } from './keyword-docs.js';
import { NAME_RULES } from './name-rules.js';

/**
 * Sort groups: the value the position asks for (a unit, an enumeration value) first, then declared
 * names, then block snippets, then property keywords, then any other keyword.
 */
const SORT = { value: '0', reference: '1', snippet: '2', property: '3', keyword: '4' } as const;

/**
 * Completion for .mlplan. Langium proposes what the grammar allows at the cursor; because every
 * keyword is also a valid `Name`, that would include every keyword wherever a name may be written.
 * Here a name position proposes no keywords (only, inside `fields { … }`, a field snippet); a
 * reference position proposes declared names of the right kind (the scope provider decides, fields
 * by their context); a unit position proposes the units the property or the metric accepts; an
 * enumeration proposes its values with a description; and where a block may start, its snippet.
 */
export class MlPlanCompletionProvider extends DefaultCompletionProvider {
    /** Contexts for which units / the field snippet were already proposed (one call per feature). */
    private readonly unitsDone = new WeakSet<CompletionContext>();
    private readonly fieldSnippetDone = new WeakSet<CompletionContext>();
    private readonly comparatorsDone = new WeakSet<CompletionContext>();

    /** `features subscribers.` and `drift subscribers.` open the dataset's fields. */
    override readonly completionOptions = { triggerCharacters: ['.'] };

    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * What may follow `offset`. Langium finds it by parsing all the text before the cursor, up to
     * three times per request: in a 10,000-line plan, tens of milliseconds. A plan's body is a loop
     * of members that parse alone, so the plan's header followed by the text of the member the
     * cursor is in (or after) leads the parser to the same place (language/plan-body.ts).
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const prefix = this.memberPrefix(document, offset);
        return prefix === undefined
            ? super.findFeaturesAt(document, offset)
            : super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, prefix), prefix.length);
    }

    /**
     * `plan NAME {` and the text from the start of the last member that begins before `offset` up
     * to it, when the built tree is of this very text and parsed without error up to that member.
     */
    private memberPrefix(document: TextDocument, offset: number): string | undefined {
        const built = this.documents.getDocument(URI.parse(document.uri));
        const root = built?.parseResult.value as ast.Document | undefined;
        const text = document.getText();
        if (!built || !root || root.$cstNode?.root.fullText !== text) {
            return undefined;
        }
        const body = planBody(root);
        const index = body && lastMemberBefore(body.members, offset);
        const start = index === undefined ? undefined : body?.members[index].$cstNode?.offset;
        if (!body || start === undefined || body.open.end > start) {
            return undefined;
        }
        const { parserErrors, lexerErrors } = built.parseResult;
        if (parserErrors.some(e => !(e.token.startOffset >= start)) || lexerErrors.some(e => e.offset < start)) {
            return undefined;
        }
        return `${text.slice(body.cst.offset, body.open.end)} ${text.slice(start, offset)}`;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const feature = next.feature;
        const rule = ruleOf(feature);
        if (rule === 'Unit') {
            return this.completeUnits(context, acceptor);
        }
        if (rule !== undefined && NAME_RULES.has(rule)) {
            // A name being declared: any word goes, so proposing keywords would only mislead.
            if (isFieldNamePosition(context)) {
                this.completeFieldSnippet(context, acceptor);
            }
            return;
        }
        if (GrammarAST.isKeyword(feature)) {
            return this.completeKeyword(context, feature, rule, acceptor);
        }
        if (GrammarAST.isCrossReference(feature)) {
            if (isFeatureQualifier(feature)) {
                // `features d.f`: the qualified forms are proposed with the fields themselves.
                return;
            }
            return super.completionFor(context, this.withReferenceOwner(context, next as NextFeature<GrammarAST.CrossReference>), acceptor);
        }
        // STRING, NUMBER, DATE: nothing sensible to propose.
        return undefined;
    }

    /**
     * `indicator |`, `rollback when |`, `… or |`: the metric reference belongs to a node that does
     * not exist yet (Indicator and RollbackCondition are only the fragment `Bound`), and Langium would
     * ask the scope about the enclosing node (`Slo.metric`), which is no reference: it logged an
     * error and proposed nothing. The owner is the rule the enclosing node's rule calls (directly or
     * through other rules) that uses the fragment; completion proceeds on a node of that type.
     */
    private withReferenceOwner(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>): NextFeature<GrammarAST.CrossReference> {
        const node = context.node;
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const fragment = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (next.type || !node || !assignment || !fragment || this.isReferenceProperty(node.$type, assignment.feature)) {
            return next;
        }
        const start = this.grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.name === node.$type);
        const seen = new Set<GrammarAST.AbstractRule>();
        const queue = start ? [start] : [];
        while (queue.length > 0) {
            const rule = queue.shift()!;
            for (const call of AstUtils.streamAllContents(rule).filter(GrammarAST.isRuleCall)) {
                const called = call.rule.ref;
                if (!GrammarAST.isParserRule(called) || called.fragment || seen.has(called)) {
                    continue;
                }
                seen.add(called);
                const usesFragment = called === fragment || AstUtils.streamAllContents(called).some(e => GrammarAST.isRuleCall(e) && e.rule.ref === fragment);
                if (usesFragment && this.isReferenceProperty(called.name, assignment.feature)) {
                    return { ...next, type: called.name, property: AstUtils.getContainerOfType(call, GrammarAST.isAssignment)?.feature };
                }
                queue.push(called);
            }
        }
        return next;
    }

    private isReferenceProperty(type: string, property: string): boolean {
        try {
            this.astReflection.getReferenceType({ container: { $type: type }, property, reference: { $refText: '' } } as never);
            return true;
        } catch {
            return false;
        }
    }

    private completeKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, rule: string | undefined, acceptor: CompletionAcceptor): void {
        const value = keyword.value;
        if (COMPARATOR_NAMES[value] !== undefined) {
            return this.completeComparators(context, acceptor);
        }
        if (!/\p{L}/u.test(value)) {
            return;
        }
        const enumValue = rule ? ENUM_VALUES[rule]?.[value] : undefined;
        if (enumValue !== undefined) {
            acceptor(context, { label: value, kind: CompletionItemKind.EnumMember, detail: enumValue, sortText: SORT.value });
            return;
        }
        if (rule === ast.Field.$type && FIELD_FLAGS[value]) {
            if (flagsBefore(context.textDocument.getText(), context.tokenOffset).has(value)) {
                // `email text pii pii` would say nothing more.
                return;
            }
            acceptor(context, { label: value, kind: CompletionItemKind.EnumMember, detail: `flag: ${FIELD_FLAGS[value]}`, sortText: SORT.value });
            return;
        }
        if (rule && SINGLETON_RULES.has(rule) && hasOtherBlock(context, rule)) {
            // A second `serving { … }` would only be `duplicate-block`.
            return;
        }
        const documentation = rule ? keywordDocumentation(rule, value) : undefined;
        const snippet = BLOCK_SNIPPETS[`${rule}:${value}`];
        if (snippet) {
            // The block keyword appears once: as its snippet, documented like the keyword's hover.
            acceptor(context, { ...snippetItem(value, snippet), documentation });
            return;
        }
        const role = keywordRole(keyword, rule);
        if (isAlreadyWritten(context, keyword, rule)) {
            // A second `title` or `volume` would only be `duplicate-property`.
            return;
        }
        acceptor(context, {
            label: value,
            kind: CompletionItemKind.Keyword,
            detail: role ?? 'keyword',
            sortText: role ? SORT.property : SORT.keyword,
            documentation,
        });
    }

    /**
     * `kpi auc |`: the comparators the grammar allows here, all at once (Langium asks once per
     * keyword). After a metric in a target (`kpi`, `success`, `indicator`) the one that points the
     * way the metric improves comes first; in `alert` and `rollback when`, which describe the bad
     * side, the opposite. `=` only where it is the only choice (`expect`).
     */
    private completeComparators(context: CompletionContext, acceptor: CompletionAcceptor): void {
        if (this.comparatorsDone.has(context)) {
            return;
        }
        this.comparatorsDone.add(context);
        const allowed = new Set(context.features.map(f => f.feature).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => COMPARATOR_NAMES[v] !== undefined));
        const { keyword, metric } = boundBefore(context.textDocument.getText(), context.tokenOffset) ?? {};
        const side = keyword === undefined ? undefined : TARGET_KEYWORDS.has(keyword) ? 'good' : BAD_SIDE_KEYWORDS.has(keyword) ? 'bad' : undefined;
        const better = side && metric ? this.metricNamed(context, metric)?.better : undefined;
        let order: string[] = ['<=', '>=', '<', '>'];
        if (better === 'higher' || better === 'lower') {
            const up = ['>=', '>'];
            const down = ['<=', '<'];
            const good = better === 'higher' ? up : down;
            const bad = better === 'higher' ? down : up;
            // The bad side is written strict first (`alert auc < 0.7`), the target inclusive (`kpi auc >= 0.8`).
            order = side === 'good' ? [...good, ...bad] : [...[...bad].reverse(), ...[...good].reverse()];
        }
        const symbols = allowed.size === 1 && allowed.has('=') ? ['='] : order.filter(op => allowed.has(op));
        symbols.forEach((op, index) => {
            acceptor(context, {
                label: op,
                kind: CompletionItemKind.Operator,
                detail: better && side ? `${COMPARATOR_NAMES[op]} (${better} is better)` : COMPARATOR_NAMES[op],
                sortText: `${SORT.value}${String(index).padStart(2, '0')}`,
                preselect: (index === 0 && better !== undefined) || undefined,
            });
        });
    }

    /** The metric `name` as the bound at the cursor would resolve it (local or imported). */
    private metricNamed(context: CompletionContext, name: string): ast.Metric | undefined {
        const anchor = context.node ?? context.document.parseResult.value;
        const container = { $type: ast.Kpi.$type, $container: anchor } as unknown as AstNode;
        const node = this.scopeProvider.getScope({ reference: { $refText: name, ref: undefined }, container, property: 'metric' } as ReferenceInfo)
            .getElement(name)?.node;
        return ast.isMetric(node) ? node : undefined;
    }

    private completeFieldSnippet(context: CompletionContext, acceptor: CompletionAcceptor): void {
        if (!this.fieldSnippetDone.has(context)) {
            this.fieldSnippetDone.add(context);
            acceptor(context, snippetItem('field', FIELD_SNIPPET));
        }
    }

    private completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        if (this.unitsDone.has(context)) {
            return;
        }
        this.unitsDone.add(context);
        const { symbols, preferred } = this.unitsAt(context);
        symbols.forEach((symbol, index) => {
            acceptor(context, {
                label: symbol,
                kind: CompletionItemKind.Unit,
                detail: UNIT_NAMES[symbol] ?? 'unit',
                sortText: `${SORT.value}${String(index).padStart(2, '0')}`,
                preselect: symbol === preferred || undefined,
            });
        });
    }

    /**
     * The units that fit the quantity at the cursor: the metric's dimension for a bound on a metric
     * (its own unit first), the property's (PROPERTY_UNITS) otherwise, every unit when unknown.
     */
    private unitsAt(context: CompletionContext): { symbols: string[]; preferred?: string } {
        const owner = this.quantityOwner(context);
        if (!owner) {
            return { symbols: allUnits() };
        }
        const { node, property } = owner;
        if (ast.isMetric(node)) {
            return { symbols: allUnits() };
        }
        const metric = (node as { metric?: { ref?: ast.Metric } }).metric;
        if (property === 'value' && metric) {
            const target = metric.ref;
            if (!target) {
                return { symbols: allUnits() };
            }
            const unit = lookupUnit(target.unit);
            if (!unit) {
                return { symbols: allUnits() };
            }
            const symbols = unitsFor([unit.dimension], unit.currency);
            const preferred = target.unit && symbols.includes(target.unit) ? target.unit : undefined;
            return { symbols: preferred ? [preferred, ...symbols.filter(s => s !== preferred)] : symbols, preferred };
        }
        const spec = PROPERTY_UNITS[node.$type]?.[property];
        if (spec) {
            const symbols = unitsFor(spec.accepts.filter((a): a is Dimension => a !== 'plain'));
            // The unit the property is usually written in comes first: `value` per year, labeling `cost` per row.
            const expected = new Set(CURRENCIES.map(c => spec.expectedUnit?.(c)).filter((u): u is string => u !== undefined));
            return { symbols: [...symbols.filter(s => expected.has(s)), ...symbols.filter(s => !expected.has(s))] };
        }
        return { symbols: allUnits() };
    }

    /** The node and property holding the quantity whose unit is being written (or a metric's `unit`). */
    private quantityOwner(context: CompletionContext): { node: AstNode; property: string } | undefined {
        const root = context.document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        let leaf = CstUtils.findLeafNodeBeforeOffset(root, Math.max(context.tokenOffset - 1, 0));
        while (leaf?.hidden) {
            leaf = CstUtils.getPreviousNode(leaf, true) as typeof leaf;
        }
        const quantity = leaf && AstUtils.getContainerOfType(leaf.astNode, ast.isQuantity);
        if (quantity?.$container && quantity.$containerProperty) {
            return { node: quantity.$container, property: quantity.$containerProperty };
        }
        if (leaf && ast.isMetric(leaf.astNode)) {
            return { node: leaf.astNode, property: 'unit' };
        }
        return undefined;
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const qualified = this.qualifiedFieldCandidates(refInfo, context);
        if (qualified) {
            return ast.isFieldRef(refInfo.container) ? withoutListedFeatures(qualified, context) : qualified;
        }
        const candidates = super.getReferenceCandidates(refInfo, context);
        const container = refInfo.container;
        if (ast.isFieldRef(container) && refInfo.property === 'field') {
            return this.fieldCandidates(candidates, container, context);
        }
        return candidates.distinct(d => d.name);
    }

    private fieldCandidates(candidates: Stream<AstNodeDescription>, container: ast.FieldRef, context: CompletionContext): Stream<AstNodeDescription> {
        if (container.dataset) {
            return candidates.distinct(d => d.name);
        }
        // A bare feature name found in several training datasets is ambiguous: propose it qualified.
        const all = candidates.toArray();
        const counts = new Map<string, number>();
        for (const d of all) {
            counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
        }
        return withoutListedFeatures(stream(all.map(d => {
            const dataset = d.node?.$container;
            return (counts.get(d.name) ?? 0) > 1 && ast.isDataset(dataset) ? { ...d, name: `${dataset.name}.${d.name}` } : d;
        })), context);
    }

    /**
     * `features subscribers.|` or `drift subscribers.|`: while the line is incomplete the parser may
     * not have kept the qualifier on the node, so it is read from the text and resolved the way the
     * linker would, and the fields of that dataset are proposed.
     */
    private qualifiedFieldCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> | undefined {
        const container = refInfo.container;
        const qualifiable = ast.isFieldRef(container) || ast.isDrift(container);
        if (!qualifiable || refInfo.property !== 'field' || container.dataset?.ref) {
            return undefined;
        }
        const qualifier = qualifierBefore(context.textDocument.getText(), context.tokenOffset);
        if (!qualifier) {
            return undefined;
        }
        const datasetScope = this.scopeProvider.getScope({
            reference: { $refText: qualifier, ref: undefined },
            container,
            property: 'dataset',
        } as ReferenceInfo);
        const dataset = datasetScope.getElement(qualifier)?.node;
        if (!ast.isDataset(dataset)) {
            return stream([]);
        }
        const qualifiedContainer = {
            $type: container.$type,
            $container: container.$container,
            dataset: { ref: dataset, $refText: qualifier },
        } as unknown as AstNode;
        return this.scopeProvider.getScope({ ...refInfo, container: qualifiedContainer }).getAllElements();
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        // A `label` field is the target, never a feature (`label-as-feature`): it is not offered first.
        const sortText = ast.isField(description.node) && description.node.label ? `${SORT.reference}~` : SORT.reference;
        return { ...item, kind: declarationKind(description.type).completion, detail: describeCandidate(description), sortText };
    }
}

/**
 * The name before a `.` that ends `text.slice(0, end)` (`subscribers` in `features subscribers. `),
 * read backwards from `end`. A regular expression anchored at the end would be retried from every
 * start position of a long word and take quadratic time (seconds after a 100 kB comment line).
 */
export function qualifierBefore(text: string, end: number): string | undefined {
    const isSpace = (ch: string) => /\s/.test(ch);
    const isWordChar = (ch: string) => /[A-Za-z0-9_]/.test(ch);
    let i = end;
    while (i > 0 && isSpace(text[i - 1])) {
        i--;
    }
    if (i === 0 || text[i - 1] !== '.') {
        return undefined;
    }
    i--;
    while (i > 0 && isSpace(text[i - 1])) {
        i--;
    }
    const wordEnd = i;
    while (i > 0 && isWordChar(text[i - 1])) {
        i--;
    }
    // The name is the longest run of word characters that starts with a letter or `_`.
    while (i < wordEnd && !/[A-Za-z_]/.test(text[i])) {
        i++;
    }
    return i < wordEnd ? text.slice(i, wordEnd) : undefined;
}

/**
 * The keyword and metric of the bound being written before `end` (`kpi auc ` gives `kpi`, `auc`;
 * `rollback when a > 1 or b ` gives `or`, `b`), read from at most the last 200 characters.
 */
function boundBefore(text: string, end: number): { keyword: string; metric: string } | undefined {
    const match = /([A-Za-z_][\w-]*)\s+([A-Za-z_]\w*)\s*$/.exec(text.slice(Math.max(0, end - 200), end));
    return match ? { keyword: match[1], metric: match[2] } : undefined;
}

/** Keywords before a metric that state a target (the good side). */
const TARGET_KEYWORDS = new Set(['kpi', 'success', 'indicator']);
/** Keywords before a metric that state a condition to react to (the bad side). */
const BAD_SIDE_KEYWORDS = new Set(['alert', 'when', 'or', 'and']);

/** The flags already written after the field type before `end` (`email text pii |` gives `pii`). */
function flagsBefore(text: string, end: number): Set<string> {
    const words = text.slice(Math.max(0, end - 200), end).split(/[^\w-]+/).filter(Boolean);
    const flags = new Set<string>();
    for (let i = words.length - 1; i >= 0 && FIELD_FLAGS[words[i]] !== undefined; i--) {
        flags.add(words[i]);
    }
    return flags;
}

/**
 * `features a, d.b, |`: the fields already listed in this `features` (bare or qualified) are not
 * offered again, a repeat says nothing.
 */
function withoutListedFeatures(candidates: Stream<AstNodeDescription>, context: CompletionContext): Stream<AstNodeDescription> {
    const before = context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 2000), context.tokenOffset);
    const match = /\bfeatures\s+((?:[\w.]+\s*,\s*)*)(?:[\w]+\s*\.\s*)?$/.exec(before);
    if (!match) {
        return candidates;
    }
    const listed = new Set(match[1].split(',').map(s => s.replace(/\s+/g, '')).filter(Boolean));
    return candidates.filter(d => {
        const dataset = d.node?.$container;
        const bare = ast.isField(d.node) ? d.node.name : d.name;
        const qualified = ast.isDataset(dataset) ? `${dataset.name}.${bare}` : bare;
        return !listed.has(bare) && !listed.has(qualified) && !listed.has(d.name);
    });
}

/** A keyword's hover text, as completion documentation. */
function keywordDocumentation(rule: string, keyword: string): MarkupContent | undefined {
    const entry = keywordDoc(rule, keyword);
    if (!entry) {
        return undefined;
    }
    const value = entry.example ? `${entry.text}\n\nExample: \`${entry.example.replace(/`/g, '')}\`` : entry.text;
    return { kind: MarkupKind.Markdown, value };
}

function snippetItem(label: string, snippet: BlockSnippet): CompletionValueItem {
    return {
        label,
        kind: CompletionItemKind.Snippet,
        detail: snippet.detail,
        insertText: snippet.body,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: SORT.snippet,
    };
}

/** The parser rule a grammar element belongs to. */
function ruleOf(element: GrammarAST.AbstractElement): string | undefined {
    return AstUtils.getContainerOfType(element, GrammarAST.isParserRule)?.name;
}

/**
 * The keyword starts a single-valued property (`'volume' volume=Quantity`) that the block around
 * the cursor already has, written elsewhere than at the cursor.
 */
function isAlreadyWritten(context: CompletionContext, keyword: GrammarAST.Keyword, rule: string | undefined): boolean {
    const group: AstNode | undefined = keyword.$container;
    if (!rule || !GrammarAST.isGroup(group) || group.elements[0] !== keyword || !GrammarAST.isAlternatives(group.$container)) {
        return false;
    }
    const assignment = group.elements.find(GrammarAST.isAssignment);
    if (!assignment || assignment.operator !== '=') {
        return false;
    }
    let block: AstNode | undefined = context.node;
    while (block && block.$type !== rule) {
        block = block.$container;
    }
    const cst = block?.$cstNode;
    if (!block || !cst || context.offset <= cst.offset || context.offset >= cst.end) {
        return false;
    }
    const value = (block as unknown as Record<string, unknown>)[assignment.feature];
    if (value === undefined || value === false) {
        return false;
    }
    const written = GrammarUtils.findNodeForProperty(cst, assignment.feature);
    const atCursor = written !== undefined && written.offset <= context.offset && written.end >= context.tokenOffset;
    return !atCursor;
}

/** The plan already has a `serving`/`rollout`/… block, other than one being written at the cursor. */
function hasOtherBlock(context: CompletionContext, rule: string): boolean {
    const root = context.document.parseResult.value as ast.Document;
    return (root.plan?.members ?? []).some(member => {
        const cst = member.$cstNode;
        return member.$type === rule && cst !== undefined && (context.offset < cst.offset || context.offset > cst.end);
    });
}

/** Rules whose first keyword starts a block (`dataset d { … }`, `serving { … }`). */
const BLOCK_RULES = new Set<string>([
    ast.Plan.$type, ast.Catalog.$type, ast.Person.$type, ast.Team.$type, ast.Metric.$type, ast.Persona.$type,
    ast.Objective.$type, ast.Dataset.$type, ast.Baseline.$type, ast.Model.$type, ast.Serving.$type, ast.Slo.$type, ast.Rollout.$type,
    ast.Monitoring.$type, ast.Risk.$type, ast.Milestone.$type, ast.Budget.$type,
]);

/**
 * What a keyword starts, for the completion detail: `dataset declaration`, `serving block`,
 * `dataset property` (`'source'` of `'source' source=STRING` in the dataset's loop), `repeatable
 * property` (`kpi`, `check`…); undefined for a keyword in the middle of a property (`by`, `for`).
 */
function keywordRole(keyword: GrammarAST.Keyword, rule: string | undefined): string | undefined {
    const group: AstNode | undefined = keyword.$container;
    if (!rule || !GrammarAST.isGroup(group) || group.elements[0] !== keyword) {
        return undefined;
    }
    if (GrammarAST.isAlternatives(group.$container)) {
        return `${ROLE_WORDS[rule] ?? kindWord(rule)} property`;
    }
    if (GrammarAST.isParserRule(group.$container)) {
        if (BLOCK_RULES.has(rule)) {
            return SINGLETON_RULES.has(rule) ? `${kindWord(rule)} block` : `${kindWord(rule)} declaration`;
        }
        return rule === ast.Import.$type ? 'import' : 'repeatable property';
    }
    return undefined;
}

/** Blocks that are no declaration, named as a plan author says them. */
const ROLE_WORDS: Readonly<Record<string, string>> = { LabelingEffort: 'labeling' };

const SINGLETON_RULES = new Set<string>([ast.Serving.$type, ast.Rollout.$type, ast.Monitoring.$type, ast.Budget.$type]);

/**
 * A new field's name is expected (inside `fields { … }`): the grammar offers `FieldName` here but
 * not `Name`, which every other declaration uses.
 */
function isFieldNamePosition(context: CompletionContext): boolean {
    const rules = new Set(context.features.map(f => ruleOf(f.feature)));
    return rules.has('FieldName') && !rules.has('Name');
}

/** The `dataset` of `features dataset.field`. */
function isFeatureQualifier(reference: GrammarAST.CrossReference): boolean {
    const assignment = AstUtils.getContainerOfType(reference, GrammarAST.isAssignment);
    return ruleOf(reference) === ast.FieldRef.$type && assignment?.feature === 'dataset';
}

function unitsFor(dimensions: readonly Dimension[], currency?: string): string[] {
    const symbols = dimensions.flatMap(d => unitsOfDimension(d, currency)).map(u => u.symbol);
    return [...new Set(symbols)].filter(isProposedUnit);
}

function allUnits(): string[] {
    return UNIT_SYMBOLS.filter(isProposedUnit);
}

/** `req/d` is an accepted alias of `req/day`; only the spelled-out form is proposed. */
function isProposedUnit(symbol: string): boolean {
    return symbol !== '' && !isTolerated(symbol);
}

/** `metric · ms, lower is better`, `number field of subscribers`, `person`. */
function describeCandidate(description: AstNodeDescription): string {
    const node = description.node;
    if (ast.isMetric(node)) {
        const facts = [node.unit, node.better && `${node.better} is better`].filter(Boolean);
        return facts.length > 0 ? `metric · ${facts.join(', ')}` : 'metric';
    }
    if (ast.isField(node)) {
        const dataset = node.$container;
        return `${node.type ?? ''} field of ${dataset?.name ?? 'dataset'}`.trim();
    }
    return kindWord(description.type);
}
