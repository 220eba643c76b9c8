/**
 * `mlplan explain CODE` (LANGUAGE.md section 5, v2): a rule's documentation in the terminal. The
 * text comes from rules/rule-docs.ts, which also renders the rule's page in docs/rules/; what the
 * example raises and what its quick-fix writes are computed here, on the core's services, the same
 * way for both.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMlPlanServices } from '../core/mlplan-core-module.js';
import type { Document } from '../generated/ast.js';
import { nearestNames } from '../language/mlplan-linker.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import { createFixer } from '../rules/fixes/fixer.js';
import { RULES, RULES_BY_CODE } from '../rules/registry.js';
import { applyEdits, EXAMPLE_FILE, ruleDoc, ruleText, type ExampleFinding, type ExampleOutcome, type RuleDoc } from '../rules/rule-docs.js';
import { RULE_EXAMPLES, type RuleExample } from '../rules/rule-examples.js';
import { parseOptions } from './args.js';
import type { Output } from './check.js';
import { CliError } from './errors.js';
import { toFinding } from './results.js';

const ROOT = 'file:///example';

export interface CheckedText {
    readonly document: LangiumDocument<Document>;
    readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks `text` as `plan.mlplan` in an in-memory workspace holding `files` too (path → text), with
 * the core's services (nothing is read from disk). Reuses `services` when given.
 */
export async function checkExampleText(
    text: string, files: Readonly<Record<string, string>> = {}, services: MlPlanServices = exampleServices(),
): Promise<CheckedText> {
    const documents = services.shared.workspace.LangiumDocuments;
    for (const doc of [...documents.all]) {
        documents.deleteDocument(doc.uri);
    }
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const document = factory.fromString<Document>(text, URI.parse(`${ROOT}/${EXAMPLE_FILE}`));
    documents.addDocument(document);
    const extra = Object.entries(files).map(([path, content]) => {
        const doc = factory.fromString<Document>(content, URI.parse(`${ROOT}/${path}`));
        documents.addDocument(doc);
        return doc;
    });
    await services.shared.workspace.DocumentBuilder.build([document, ...extra], { validation: true });
    return { document, diagnostics: document.diagnostics ?? [] };
}

/** The core's services with the example's folder as the one root imports may read. */
export function exampleServices(): MlPlanServices {
    const services = createMlPlanServices(EmptyFileSystem).MlPlan;
    services.imports.Imports.setRoots([URI.parse(ROOT)]);
    return services;
}

/** What a rule's example raises (its own code only) and the text its preferred quick-fix gives. */
export async function exampleOutcome(code: string, example: RuleExample, services: MlPlanServices = exampleServices()): Promise<ExampleOutcome> {
    const { document, diagnostics } = await checkExampleText(example.plan, example.files, services);
    const own = diagnostics.map(d => ({ diagnostic: d, finding: toFinding(d) })).filter(d => d.finding.code === code);
    own.sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.character - b.finding.range.start.character);
    const findings: ExampleFinding[] = own.map(({ finding }) => ({
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        severity: finding.severity,
        message: finding.message,
    }));
    const first = own[0]?.diagnostic;
    const rule = RULES_BY_CODE.get(code);
    if (!first || !rule?.fix) {
        return { findings };
    }
    const facts = services.facts.PlanFacts.of(document);
    const fixes = createFixer(facts, example.plan, () => undefined, { ignore: false })(first);
    const fix = fixes.find(f => f.isPreferred) ?? fixes[0];
    return fix ? { findings, fixed: { title: fix.title, text: applyEdits(example.plan, fix.edits) } } : { findings };
}

/** The documentation of a registered rule code, with its example's outcome computed. */
export async function explainRule(code: string, services?: MlPlanServices): Promise<RuleDoc> {
    const rule = RULES_BY_CODE.get(code);
    const example = RULE_EXAMPLES[code];
    if (!rule || !example) {
        throw new CliError(unknownCodeMessage(code));
    }
    return ruleDoc(rule, example, await exampleOutcome(code, example, services));
}

/** "unknown rule code "fallback-mising"; did you mean fallback-missing?" */
export function unknownCodeMessage(code: string): string {
    const codes = RULES.map(rule => rule.code);
    let near = nearestNames(code, codes);
    if (near.length === 0) {
        // A partial code (`fallback`) is not a typo of a whole one: offer the codes that contain it.
        const lower = code.toLowerCase();
        near = lower.length >= 3 ? codes.filter(c => c.includes(lower)).slice(0, 3) : [];
    }
    return near.length > 0
        ? `unknown rule code "${code}"; did you mean ${near.join(', ')}? (see docs/rules/README.md)`
        : `unknown rule code "${code}"; no rule has a code like it (the codes are listed in docs/rules/README.md)`;
}

/** `mlplan explain CODE`: exit 0 with the rule's text; unknown code or no code: CliError (exit 2). */
export async function runExplain(args: readonly string[], out: Output, usage: string): Promise<number> {
    const parsed = parseOptions('explain', args, {});
    if (parsed.help) {
        out.stdout(usage);
        return 0;
    }
    if (parsed.positionals.length === 0) {
        throw new CliError('explain needs a rule CODE, e.g. mlplan explain fallback-missing (see mlplan --help)');
    }
    if (parsed.positionals.length > 1) {
        throw new CliError(`explain takes one CODE, not ${parsed.positionals.length} (unexpected ${parsed.positionals[1]})`);
    }
    const doc = await explainRule(parsed.positionals[0]);
    out.stdout(ruleText(doc));
    return 0;
}
