import type { PlanFacts } from '../model/plan-facts.js';
import { readinessOf } from '../rules/readiness.js';
import type { CheckOptions } from './args.js';
import { CliError, oneLine } from './errors.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatGithub } from './format-github.js';
import { formatText } from './format-text.js';
import { compareFindings, toFinding, type FileResult } from './results.js';
import { loadWorkspace } from './load.js';
import { collectInputs, type Target } from './workspace.js';

export interface Output {
    stdout(text: string): void;
    stderr(text: string): void;
}

const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub } as const;

/**
 * `mlplan check`: builds the files with the language server's own services and prints their
 * diagnostics. Returns the exit status: 1 when a checked file has an error-severity diagnostic,
 * else 0. Input and configuration problems throw CliError (exit 2) before anything is printed.
 */
export async function runCheck(options: CheckOptions, out: Output): Promise<number> {
    const inputs = collectInputs(options.paths);
    const { services, documents, problems, warnings } = await loadWorkspace(inputs, options.config);
    if (problems.length > 0) {
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more configuration problem${problems.length > 2 ? 's' : ''})` : '';
        throw new CliError(`${oneLine(problems[0])}${more}`);
    }
    for (const warning of warnings) {
        out.stderr(`mlplan: warning: ${oneLine(warning)}\n`);
    }
    const results = inputs.targets.map((target, i) => fileResult(target, services.facts.PlanFacts.of(documents[i])));
    out.stdout(FORMATTERS[options.format](results, options.summary));
    return results.some(result => result.findings.some(f => f.severity === 'error')) ? 1 : 0;
}

export function fileResult(target: Target, facts: PlanFacts): FileResult {
    const diagnostics = facts.document.diagnostics ?? [];
    return {
        file: target.display,
        kind: facts.plan ? 'plan' : facts.catalog ? 'catalog' : 'empty',
        stage: facts.plan ? facts.stage : undefined,
        readiness: readinessOf(facts, diagnostics),
        findings: diagnostics.map(toFinding).sort(compareFindings),
    };
}
