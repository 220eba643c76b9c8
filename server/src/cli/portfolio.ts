/**
 * `mlplan portfolio [--format text|markdown|json] DIR...` (LANGUAGE.md section 5): every plan under
 * the directories, loaded and checked as `check` does (imports resolved, the nearest
 * mlplan.config.json applied), one ranked row per plan (export/portfolio.ts); catalogs are left out.
 * A report, not a gate: exit 0 whatever the plans say (`check` is the gate); 2 for a usage error
 * or an input that cannot be read, with one line on stderr, before anything is printed.
 */
import { buildPortfolio, portfolioRow, PORTFOLIO_FORMATS, renderPortfolio, type PortfolioFormat } from '../export/portfolio.js';
import { choice, parseOptions } from './args.js';
import type { Output } from './check.js';
import { CliError, oneLine } from './errors.js';
import { loadWorkspace } from './load.js';
import { collectInputs } from './workspace.js';

export interface PortfolioOptions {
    readonly format: PortfolioFormat;
    readonly paths: readonly string[];
}

/** `portfolio [--format text|markdown|json] DIR...`; undefined for `--help`. */
export function parsePortfolioArgs(args: readonly string[]): PortfolioOptions | undefined {
    const parsed = parseOptions('portfolio', args, { '--format': 'value' });
    if (parsed.help) {
        return undefined;
    }
    const format = choice(parsed, '--format', PORTFOLIO_FORMATS, 'text');
    if (parsed.positionals.length === 0) {
        throw new CliError('portfolio needs at least one DIR (see mlplan --help)');
    }
    return { format, paths: parsed.positionals };
}

export async function runPortfolio(options: PortfolioOptions, out: Output): Promise<number> {
    const inputs = collectInputs(options.paths);
    const { services, documents, problems, warnings } = await loadWorkspace(inputs, undefined);
    if (problems.length > 0) {
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more configuration problem${problems.length > 2 ? 's' : ''})` : '';
        throw new CliError(`${oneLine(problems[0])}${more}`);
    }
    for (const warning of warnings) {
        out.stderr(`mlplan: warning: ${oneLine(warning)}\n`);
    }
    const rows = inputs.targets.map((target, i) => {
        const facts = services.facts.PlanFacts.of(documents[i]);
        if (!facts.plan && !facts.catalog) {
            out.stderr(`mlplan: warning: ${target.display}: neither a plan nor a catalog, left out\n`);
        }
        return portfolioRow(target.display, facts);
    });
    out.stdout(renderPortfolio(buildPortfolio(rows), options.format));
    return 0;
}
