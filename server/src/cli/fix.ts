/**
 * `mlplan fix [--only CODE[,CODE]] [--dry-run] [--config FILE] FILE|DIR...`: applies the editor's
 * quick-fixes (rules/fixes/fixer.ts) where one is mechanical, re-checks, prints what remains as
 * `check` prints it, and exits as `check` would.
 *
 * Which fixes: per diagnostic its preferred fix (the one the editor marks `isPreferred`), and for
 * a plan missing several sections at once the editor's "Add all missing sections" fix, which
 * writes them so that they refer to one another. Never an "Ignore …" comment, and never a fix
 * with an edit that replaces or deletes anything but whitespace: what the user wrote stays (so
 * `duplicate-reference`'s deletion and the renaming fixes of `unresolved-reference` are left to
 * the editor). Fixes are applied in rounds: fixes whose edits neither overlap nor touch, then a
 * re-check of the new text, until nothing applies (at most MAX_ROUNDS). A fix that inserts a
 * placeholder (`"TODO: …"`) is applied, and the summary says how many placeholders are left to
 * fill in. A file with syntax errors is not touched.
 */
import * as fs from 'node:fs';
import { DocumentState, TextDocument, type LangiumDocument } from 'langium';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Document } from '../generated/ast.js';
import { nearestNames } from '../language/mlplan-linker.js';
import { PlanTextDocuments } from '../language/plan-text-documents.js';
import { isPlaceholder } from '../model/placeholder.js';
import { allSectionsFix, createFixer } from '../rules/fixes/fixer.js';
import type { Fix } from '../rules/fixes/fix.js';
import { RULE_CODES } from '../rules/registry.js';
import { diagnosticCode } from '../rules/run-rules.js';
import { parseOptions } from './args.js';
import { writeFileAtomic } from './atomic-write.js';
import { fileResult, type Output } from './check.js';
import { CliError, oneLine } from './errors.js';
import { syntaxErrorAt } from './fmt.js';
import { formatText } from './format-text.js';
import { loadWorkspace } from './load.js';
import { unifiedDiff } from './unified-diff.js';
import { gatherInputs, type Inputs, type Target } from './workspace.js';

export interface FixOptions {
    /** Only these codes are fixed; undefined for all. */
    readonly only?: ReadonlySet<string>;
    readonly dryRun: boolean;
    readonly config?: string;
    readonly paths: readonly string[];
}

/** `fix [--only CODE[,CODE]] [--dry-run] [--config FILE] FILE|DIR...`; undefined for `--help`. */
export function parseFixArgs(args: readonly string[]): FixOptions | undefined {
    const parsed = parseOptions('fix', args, { '--only': 'value', '--dry-run': 'flag', '--config': 'value' });
    if (parsed.help) {
        return undefined;
    }
    const onlyValue = parsed.options.get('--only');
    let only: Set<string> | undefined;
    if (typeof onlyValue === 'string') {
        only = new Set(onlyValue.split(',').map(code => code.trim()).filter(code => code.length > 0));
        if (only.size === 0) {
            throw new CliError('option --only needs at least one CODE');
        }
        for (const code of only) {
            if (!RULE_CODES.has(code)) {
                const near = nearestNames(code, [...RULE_CODES]);
                throw new CliError(`unknown code "${code}" for --only${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ' (the rule table in the README lists every code)'}`);
            }
        }
    }
    if (parsed.positionals.length === 0) {
        throw new CliError('fix needs at least one FILE or DIR (see mlplan --help)');
    }
    const config = parsed.options.get('--config');
    return {
        only,
        dryRun: parsed.options.get('--dry-run') === true,
        config: typeof config === 'string' ? config : undefined,
        paths: parsed.positionals,
    };
}

/** Rounds of fix-and-recheck: a fix's result may show findings (or fixes) that were not there before. */
const MAX_ROUNDS = 10;

interface FileState {
    readonly target: Target;
    readonly document: LangiumDocument<Document>;
    readonly original: string;
    text: string;
    version: number;
    /** The codes of the fixes applied, in order, with repeats. */
    readonly applied: string[];
    /** Code and message of every diagnostic a fix was applied for: one that comes back is not fixed twice. */
    readonly attempted: Set<string>;
    /** Syntax errors: nothing is applied to this file. */
    readonly broken: boolean;
    /** A round's fixes made the text unreadable (never expected): that round is undone and fixing stops. */
    stopped: boolean;
}

export async function runFix(options: FixOptions, out: Output): Promise<number> {
    const { inputs: collected, problems } = gatherInputs(options.paths);
    const failures = [...problems];
    if (collected.targets.length === 0) {
        failures.forEach(failure => out.stderr(`mlplan: ${failure}\n`));
        return 2;
    }
    const inputs: Inputs = collected;
    const { services, documents, problems: configProblems, warnings } = await loadWorkspace(inputs, options.config);
    if (configProblems.length > 0) {
        throw new CliError(oneLine(configProblems[0]));
    }
    for (const warning of warnings) {
        out.stderr(`mlplan: warning: ${oneLine(warning)}\n`);
    }
    const states: FileState[] = inputs.targets.map((target, i) => {
        const text = documents[i].textDocument.getText();
        return {
            target, document: documents[i], original: text, text, version: 0,
            applied: [], attempted: new Set(), stopped: false, broken: syntaxErrorAt(documents[i]) !== undefined,
        };
    });
    const texts = services.shared.workspace.TextDocuments;
    if (!(texts instanceof PlanTextDocuments)) {
        throw new Error('the core services hold no plan texts');
    }
    const builder = services.shared.workspace.DocumentBuilder;
    // A changed document is rebuilt with every validation check, as `check` builds it.
    builder.updateBuildOptions = { validation: true };
    for (let round = 0; round < MAX_ROUNDS; round++) {
        const changed: Array<{ state: FileState; before: string; applied: number }> = [];
        for (const state of states) {
            if (state.broken || state.stopped) {
                continue;
            }
            const next = fixOnce(state, services.facts.PlanFacts.of(state.document), options.only);
            if (next !== undefined) {
                changed.push({ state, before: state.text, applied: state.applied.length });
                state.text = next;
                texts.set(TextDocument.create(state.target.uri.toString(), services.LanguageMetaData.languageId, ++state.version, next));
            }
        }
        if (changed.length === 0) {
            break;
        }
        await builder.update(changed.map(c => c.state.target.uri), []);
        const undone = changed.filter(c => c.state.document.state < DocumentState.Validated || syntaxErrorAt(c.state.document));
        for (const { state, before, applied } of undone) {
            state.stopped = true;
            state.text = before;
            state.applied.length = applied;
            texts.set(TextDocument.create(state.target.uri.toString(), services.LanguageMetaData.languageId, ++state.version, before));
        }
        if (undone.length > 0) {
            await builder.update(undone.map(c => c.state.target.uri), []);
        }
    }
    const unwritten: FileState[] = [];
    for (const state of states) {
        if (state.broken) {
            const at = syntaxErrorAt(state.document)!;
            out.stderr(`mlplan: ${state.target.display}:${at.line}:${at.column}: syntax error, no fix applied\n`);
            continue;
        }
        if (state.text === state.original) {
            continue;
        }
        if (options.dryRun) {
            out.stdout(unifiedDiff(state.original, state.text, `a/${state.target.display}`, `b/${state.target.display}`));
            continue;
        }
        try {
            // Written only if the file still holds what was read: a change made meanwhile is not lost.
            if (fs.readFileSync(state.target.uri.fsPath, 'utf8') !== state.original) {
                throw new CliError(`${state.target.display}: changed while being fixed, left unchanged`);
            }
            writeFileAtomic(state.target.uri.fsPath, state.text, state.target.display);
        } catch (error) {
            failures.push(oneLine(error));
            unwritten.push(state);
        }
    }
    if (unwritten.length > 0) {
        // What remains is reported for the text the file still holds.
        for (const state of unwritten) {
            state.applied.length = 0;
            state.text = state.original;
            texts.set(TextDocument.create(state.target.uri.toString(), services.LanguageMetaData.languageId, ++state.version, state.original));
        }
        await builder.update(unwritten.map(state => state.target.uri), []);
    }
    const results = states.map(state => fileResult(state.target, services.facts.PlanFacts.of(state.document)));
    out.stdout(formatText(results, false));
    for (const state of states) {
        if (state.applied.length > 0) {
            out.stdout(`${state.target.display}: ${describeApplied(state, options.dryRun)}\n`);
        }
    }
    failures.forEach(failure => out.stderr(`mlplan: ${failure}\n`));
    if (failures.length > 0) {
        return 2;
    }
    const errors = results.some(result => result.findings.some(f => f.severity === 'error'));
    return errors || states.some(state => state.broken) ? 1 : 0;
}

/**
 * One round on one file: the applicable fixes whose edits do not overlap, applied to its text.
 * Returns the new text, or undefined when nothing applies.
 */
function fixOnce(state: FileState, facts: Parameters<typeof createFixer>[0], only: ReadonlySet<string> | undefined): string | undefined {
    const text = state.text;
    const textDocument = TextDocument.create('file:///fix', 'mlplan', 0, text);
    const diagnostics = (state.document.diagnostics ?? [])
        .filter(d => {
            const code = diagnosticCode(d);
            return code !== undefined && (only === undefined || only.has(code)) && !state.attempted.has(keyOf(d));
        })
        .sort((a, b) => textDocument.offsetAt(a.range.start) - textDocument.offsetAt(b.range.start));
    const chosen: Array<{ fix: Fix; diagnostics: Diagnostic[]; ranges: Array<[number, number]> }> = [];
    const taken: Array<[number, number]> = [];
    const tryTake = (fix: Fix, fixed: Diagnostic[]) => {
        const ranges = fix.edits.map(edit => [textDocument.offsetAt(edit.range.start), textDocument.offsetAt(edit.range.end)] as [number, number]);
        const keepsUserText = ranges.every(([start, end]) => !/\S/.test(text.slice(start, end)));
        // Edits that touch are left to the next round, which sees the result of the first.
        const free = ranges.every(([start, end]) => taken.every(([s, e]) => Math.max(start, s) > Math.min(end, e)));
        if (keepsUserText && free && ranges.length > 0) {
            chosen.push({ fix, diagnostics: fixed, ranges });
            taken.push(...ranges);
            return true;
        }
        return false;
    };
    const onError = () => undefined;
    const all = allSectionsFix(facts, text, diagnostics, onError);
    // The other fixes wait for the next round: they reuse what the new sections declare
    // (a serving fallback names the new baseline rather than a placeholder).
    const sectionsOnly = all !== undefined && tryTake(all.fix, all.diagnostics);
    const fixesOf = createFixer(facts, text, onError, { ignore: false });
    for (const diagnostic of sectionsOnly ? [] : diagnostics) {
        const preferred = fixesOf(diagnostic).find(fix => fix.isPreferred);
        if (preferred) {
            tryTake(preferred, [diagnostic]);
        }
    }
    if (chosen.length === 0) {
        return undefined;
    }
    const edits: TextEdit[] = chosen.flatMap(c => c.fix.edits);
    const next = TextDocument.applyEdits(textDocument, edits);
    if (next === text) {
        return undefined;
    }
    for (const c of chosen) {
        for (const diagnostic of c.diagnostics) {
            state.attempted.add(keyOf(diagnostic));
            state.applied.push(diagnosticCode(diagnostic)!);
        }
    }
    return next;
}

function keyOf(diagnostic: Diagnostic): string {
    return `${diagnosticCode(diagnostic)}\u0000${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value}`;
}

/** The quoted strings of a text that are placeholders (`"TODO: …"`, `""`). */
function placeholdersIn(text: string): number {
    let count = 0;
    for (const match of text.matchAll(/"((?:[^"\\\r\n]|\\.)*)"/g)) {
        if (isPlaceholder(match[1])) {
            count++;
        }
    }
    return count;
}

function describeApplied(state: FileState, dryRun: boolean): string {
    const counts = new Map<string, number>();
    for (const code of state.applied) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const list = [...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
    const n = state.applied.length;
    // Placeholders the fixes wrote: each is a value only the team knows, and still a finding.
    const added = placeholdersIn(state.text) - placeholdersIn(state.original);
    const placeholders = added > 0 ? `; ${added} placeholder${added === 1 ? '' : 's'} ("TODO") left to fill in` : '';
    return `${dryRun ? 'would fix' : 'fixed'} ${n} finding${n === 1 ? '' : 's'} (${list})${placeholders}`;
}
