import {
    AstUtils, Cancellation, DefaultLinker, interruptAndCheck,
    type AstNodeDescription, type LangiumDocument, type LinkingError, type ReferenceInfo,
} from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes, forEachReference } from '../model/ast-walk.js';
import { kindWord, localDeclarations } from '../model/declarations.js';
import { editDistance } from '../model/units.js';
import type { MlPlanImports, WithImports } from './mlplan-imports.js';

/** A linking error with data for the diagnostic (`suggestions`: the nearest declared names). */
export interface MlPlanLinkingError extends LinkingError {
    readonly data?: Readonly<Record<string, unknown>>;
}

/** Linking and indexing look for cancellation (and yield to the event loop) once per this many nodes. */
export const CANCEL_CHECK_EVERY = 256;

/** At most this many names are suggested. */
const MAX_SUGGESTIONS = 3;
/** Without a near match, the declared names are listed when there are at most this many. */
const MAX_LISTED = 5;

/**
 * Langium's linker with messages a plan author can act on: what kind of declaration was expected
 * (and where it was looked for, for fields), what the name is if it is something else, and the
 * nearest declared names of the right kind, which also go to `data.suggestions` for quick-fixes.
 * `unresolved-reference` is the pipeline's code for these errors (mlplan-document-validator.ts).
 */
export class MlPlanLinker extends DefaultLinker {
    private readonly imports: MlPlanImports;

    constructor(services: WithImports) {
        super(services);
        this.imports = services.imports.Imports;
    }

    /**
     * Langium's `link`, in the same order, over a plain walk of the tree (model/ast-walk.ts) instead
     * of a stream per node, and checking for cancellation every few hundred nodes rather than at
     * each one. With Langium's profiler on, Langium's own loop runs (it times each reference).
     */
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const nodes = allNodes(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CANCEL_CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[i], info => this.doLink(info, document));
        }
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        if (targetDescription || !name) {
            // A candidate was found but could not be loaded, or the parser recovered without a name:
            // nothing useful to add.
            return error;
        }
        try {
            const type = this.reflection.getReferenceType(refInfo);
            const candidates = this.candidateNames(refInfo);
            const suggestions = nearestNames(name, candidates);
            // The qualifier message already names the training datasets: do not list them twice.
            const listed = ast.isFieldRef(refInfo.container) && refInfo.property === ast.FieldRef.dataset;
            const message = `${this.explain(refInfo, type, name)}${this.hint(suggestions, listed ? [] : candidates)}`;
            const result: MlPlanLinkingError = { ...error, message, data: { suggestions } };
            return result;
        } catch {
            // Messages are a courtesy: a half-typed plan must never break linking.
            return error;
        }
    }

    /** The distinct names the scope offers for this reference, in scope order. */
    private candidateNames(refInfo: ReferenceInfo): string[] {
        const names = new Set<string>();
        for (const description of this.scopeProvider.getScope(refInfo).getAllElements()) {
            names.add(description.name);
        }
        return [...names];
    }

    private explain(refInfo: ReferenceInfo, type: string, name: string): string {
        const container = refInfo.container;
        if (type === ast.Field.$type) {
            return this.explainField(container, name);
        }
        if (ast.isFieldRef(container) && refInfo.property === ast.FieldRef.dataset) {
            const model = AstUtils.getContainerOfType(container, ast.isModel);
            const training = datasetNames(model?.trainsOn);
            return training.length > 0
                ? `\`${name}\` is not a training dataset of model \`${model?.name ?? '?'}\` (it trains on ${list(training, 'and')})`
                : `\`${name}\` cannot qualify a feature: model \`${model?.name ?? '?'}\` has no resolved \`trains on\` dataset`;
        }
        const wanted = kindWord(type);
        const other = this.visibleDeclaration(container, name);
        const base = other
            ? `\`${name}\` is ${withArticle(kindWord(other.$type))}, not ${withArticle(wanted)}`
            : `\`${name}\` is not a declared ${wanted}`;
        return ast.isFallback(container) ? `${base} (a fallback is a baseline, or a quoted string describing the behaviour)` : base;
    }

    private explainField(container: ReferenceInfo['container'], name: string): string {
        if (ast.isFieldRef(container)) {
            const model = AstUtils.getContainerOfType(container, ast.isModel);
            if (container.dataset) {
                const dataset = container.dataset.ref;
                return dataset
                    ? `\`${name}\` is not a field of dataset \`${dataset.name}\`${this.elsewhere(container, name, [dataset])}`
                    : `\`${name}\` cannot be resolved: its dataset \`${container.dataset.$refText}\` is not resolved`;
            }
            const training = (model?.trainsOn ?? []).map(ref => ref.ref).filter((d): d is ast.Dataset => d !== undefined);
            if (training.length === 0) {
                return `\`${name}\` cannot be resolved: model \`${model?.name ?? '?'}\` has no resolved \`trains on\` dataset to take features from`;
            }
            const where = training.length === 1
                ? `a field of \`${training[0].name}\`, the training dataset of model \`${model?.name ?? '?'}\``
                : `a field of the training datasets of model \`${model?.name ?? '?'}\` (${list(datasetNames(model?.trainsOn), 'and')})`;
            return `\`${name}\` is not ${where}${this.elsewhere(container, name, training)}`;
        }
        if (ast.isSlice(container)) {
            const evaluation = AstUtils.getContainerOfType(container, ast.isEvaluation);
            const dataset = evaluation?.on?.ref;
            if (!dataset) {
                return evaluation?.on
                    ? `\`${name}\` cannot be resolved: the evaluation dataset \`${evaluation.on.$refText}\` is not resolved`
                    : `\`${name}\` cannot be resolved: the evaluation has no \`on\` dataset to slice`;
            }
            return `\`${name}\` is not a field of \`${dataset.name}\`, the evaluation dataset${this.elsewhere(container, name, [dataset])}`;
        }
        if (ast.isCheck(container)) {
            const dataset = AstUtils.getContainerOfType(container, ast.isDataset);
            return `\`${name}\` is not a field of dataset \`${dataset?.name ?? '?'}\` (a check applies to its own dataset's fields)`;
        }
        if (ast.isDrift(container)) {
            const dataset = container.dataset?.ref;
            return dataset
                ? `\`${name}\` is not a field of dataset \`${dataset.name}\``
                : `\`${name}\` cannot be resolved: the dataset \`${container.dataset?.$refText ?? '?'}\` is not resolved`;
        }
        return `\`${name}\` is not a declared field`;
    }

    /** " (it is a field of `other`)" when the name is a field of visible datasets other than those searched. */
    private elsewhere(container: ReferenceInfo['container'], name: string, searched: readonly ast.Dataset[]): string {
        const owners = this.visibleDatasets(container)
            .filter(dataset => !searched.includes(dataset) && (dataset.fields ?? []).some(field => field.name === name))
            .map(dataset => dataset.name);
        return owners.length > 0 ? ` (it is a field of ${list(owners, 'and')})` : '';
    }

    private hint(suggestions: readonly string[], candidates: readonly string[]): string {
        if (suggestions.length > 0) {
            return `; did you mean ${list(suggestions, 'or')}?`;
        }
        if (candidates.length > 0 && candidates.length <= MAX_LISTED) {
            return ` (declared: ${list(candidates, 'and')})`;
        }
        return '';
    }

    private visibleDocuments(container: ReferenceInfo['container']): Array<LangiumDocument<ast.Document>> {
        const document = AstUtils.getDocument(container) as LangiumDocument<ast.Document>;
        return [document, ...this.imports.importedDocuments(document)];
    }

    private visibleDeclaration(container: ReferenceInfo['container'], name: string) {
        for (const document of this.visibleDocuments(container)) {
            const found = localDeclarations(document.parseResult.value).find(node => node.name === name);
            if (found) {
                return found;
            }
        }
        return undefined;
    }

    private visibleDatasets(container: ReferenceInfo['container']): ast.Dataset[] {
        return this.visibleDocuments(container).flatMap(document => localDeclarations(document.parseResult.value).filter(ast.isDataset));
    }
}

/**
 * The declared names nearest to `name`, best first: a case-only difference, then by edit distance
 * within a tolerance that grows with the length of the name (one typo per three characters, at
 * most three) and that never replaces a whole name.
 */
export function nearestNames(name: string, candidates: readonly string[], max = MAX_SUGGESTIONS): string[] {
    const limit = Math.min(3, Math.max(1, Math.ceil(name.length / 3)));
    const scored: Array<{ candidate: string; distance: number }> = [];
    for (const candidate of new Set(candidates)) {
        if (candidate === name) {
            continue;
        }
        const distance = candidate.toLowerCase() === name.toLowerCase()
            ? 0.5
            : editDistance(name.toLowerCase(), candidate.toLowerCase());
        // A one-letter name is "one typo" away from every other one-letter name: not a suggestion.
        if (distance <= limit && distance < Math.min(name.length, candidate.length)) {
            scored.push({ candidate, distance });
        }
    }
    scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
    return scored.slice(0, max).map(s => s.candidate);
}

function datasetNames(refs: ReadonlyArray<{ ref?: ast.Dataset; $refText: string }> | undefined): string[] {
    return [...new Set((refs ?? []).map(ref => ref.ref?.name ?? ref.$refText))];
}

function withArticle(word: string): string {
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`". */
function list(names: readonly string[], conjunction: 'and' | 'or'): string {
    const quoted = names.map(n => `\`${n}\``);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
