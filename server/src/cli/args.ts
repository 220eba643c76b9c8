import { CliError } from './errors.js';

export const USAGE = `Usage:
  mlplan check [--format text|json|sarif|github] [--summary] [--config FILE] FILE|DIR...
  mlplan export FILE [--format markdown|json|html] [-o OUT]
  mlplan init [--stage mvp|growth|maturity] [--name NAME] FILE
  mlplan fmt [--check] FILE|DIR...
  mlplan fix [--only CODE[,CODE]] [--dry-run] [--config FILE] FILE|DIR...
  mlplan explain CODE
  mlplan portfolio [--format text|markdown|json] DIR...
  mlplan lsp --stdio
  mlplan --version | --help

Commands:
  check   review plans: every .mlplan file under each DIR (recursively, skipping
          node_modules and dot-folders) and every FILE given; prints one line per
          diagnostic as file:line:col severity code message
  export  write a plan as Markdown, JSON or HTML
  init    write a new plan from the template (never over an existing file)
  fmt     format plans in place, as the editor does
  fix     apply the editor's mechanical quick-fixes, then print what remains
  explain what a rule checks, why it matters, a plan that triggers it, the fix
          (the page docs/rules/CODE.md, in the terminal)
  portfolio  every plan under each DIR, one row each (stage, readiness, findings,
          yearly value and cost, value ÷ cost, highest risk, deadline), ranked
          by value ÷ cost; status 0 whatever the plans say
  lsp     run the language server over stdio, for any LSP editor

Options of check:
  --format text|json|sarif|github
                            output format (default text); github prints
                            GitHub Actions workflow commands (annotations)
  --summary                 add readiness and counts per file, and a total
  --config FILE             use this mlplan.config.json instead of the nearest one

Options of export:
  --format markdown|json|html  output format (default markdown, or from the
                               extension of OUT: .md, .json, .html/.htm)
  -o, --output OUT             write to OUT instead of stdout
  --config FILE                use this mlplan.config.json instead of the nearest one
  A plan with syntax errors is not exported (status 1); other diagnostics are
  listed in the export.

Options of init:
  --stage mvp|growth|maturity  the plan's stage (default mvp)
  --name NAME                  the plan's name (default: from the file name)

Options of portfolio:
  --format text|markdown|json  output format (default text)

Options of fmt:
  --check   change nothing; print the files that would change (status 1 if any)

Options of fix:
  --only CODE[,CODE]  fix only these codes
  --dry-run           print a unified diff instead of writing
  --config FILE       use this mlplan.config.json instead of the nearest one
  fmt and fix leave a file with syntax errors untouched (status 1) and write a
  file only when its content changes, atomically.

Exit status: 0 no error, 1 at least one error-severity diagnostic,
2 usage error or unreadable input.
`;

/** How an option is written: a flag (`--summary`) or an option with a value (`--format json`, `--format=json`). */
export type OptionKind = 'flag' | 'value';

export interface ParsedOptions {
    /** Options given, by their canonical name; flags are `true`. A repeated value option keeps the last value. */
    readonly options: ReadonlyMap<string, string | true>;
    /** Everything that is not an option, in order; after `--` every argument is one. */
    readonly positionals: readonly string[];
    readonly help: boolean;
}

/**
 * Splits a command's arguments into options and positionals. Options may appear anywhere
 * (`check examples --summary`); `spec` maps every accepted spelling to its kind, and `aliases`
 * maps short spellings to canonical names (`-o` → `--output`). Throws CliError on anything else.
 */
export function parseOptions(
    command: string,
    args: readonly string[],
    spec: Readonly<Record<string, OptionKind>>,
    aliases: Readonly<Record<string, string>> = {}
): ParsedOptions {
    const options = new Map<string, string | true>();
    const positionals: string[] = [];
    let help = false;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            positionals.push(...args.slice(i + 1));
            break;
        }
        if (arg === '-' || !arg.startsWith('-')) {
            positionals.push(arg);
            continue;
        }
        if (arg === '--help' || arg === '-h') {
            help = true;
            continue;
        }
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const written = eq > 0 ? arg.slice(0, eq) : arg;
        const name = aliases[written] ?? written;
        const kind = spec[name];
        if (!kind) {
            throw new CliError(`unknown option ${written} for ${command} (see mlplan --help)`);
        }
        if (kind === 'flag') {
            if (eq > 0) {
                throw new CliError(`option ${written} takes no value`);
            }
            options.set(name, true);
            continue;
        }
        let value: string | undefined;
        if (eq > 0) {
            value = arg.slice(eq + 1);
        } else if (i + 1 < args.length) {
            value = args[++i];
        }
        if (value === undefined || value === '') {
            throw new CliError(`option ${written} needs a value`);
        }
        options.set(name, value);
    }
    return { options, positionals, help };
}

/** The value of a `choice` option, checked against the allowed values. */
export function choice<T extends string>(parsed: ParsedOptions, name: string, allowed: readonly T[], fallback: T): T {
    const value = parsed.options.get(name);
    if (value === undefined || value === true) {
        return fallback;
    }
    if (!(allowed as readonly string[]).includes(value)) {
        throw new CliError(`unknown ${name.replace(/^-+/, '')} "${value}"; use ${allowed.join(', ')}`);
    }
    return value as T;
}

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = typeof CHECK_FORMATS[number];

export interface CheckOptions {
    readonly format: CheckFormat;
    readonly summary: boolean;
    readonly config?: string;
    readonly paths: readonly string[];
}

/** `check [--format text|json|sarif|github] [--summary] [--config FILE] FILE|DIR...`; undefined for `--help`. */
export function parseCheckArgs(args: readonly string[]): CheckOptions | undefined {
    const parsed = parseOptions('check', args, { '--format': 'value', '--summary': 'flag', '--config': 'value' });
    if (parsed.help) {
        return undefined;
    }
    const format = choice(parsed, '--format', CHECK_FORMATS, 'text');
    if (parsed.positionals.length === 0) {
        throw new CliError('check needs at least one FILE or DIR (see mlplan --help)');
    }
    const config = parsed.options.get('--config');
    return {
        format,
        summary: parsed.options.get('--summary') === true,
        config: typeof config === 'string' ? config : undefined,
        paths: parsed.positionals,
    };
}

export const EXPORT_FORMATS = ['markdown', 'json', 'html'] as const;
export type ExportFormatOption = typeof EXPORT_FORMATS[number];

export interface ExportOptions {
    readonly format: ExportFormatOption;
    /** Where to write; undefined (or `-`) for stdout. */
    readonly output?: string;
    readonly config?: string;
    readonly file: string;
}

const FORMAT_OF_EXTENSION: Readonly<Record<string, ExportFormatOption>> = {
    '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.html': 'html', '.htm': 'html',
};

/** `export FILE [--format markdown|json|html] [-o OUT] [--config FILE]`; undefined for `--help`. */
export function parseExportArgs(args: readonly string[]): ExportOptions | undefined {
    const parsed = parseOptions('export', args, { '--format': 'value', '--output': 'value', '--config': 'value' }, { '-o': '--output' });
    if (parsed.help) {
        return undefined;
    }
    const output = parsed.options.get('--output');
    const outputPath = typeof output === 'string' && output !== '-' ? output : undefined;
    const extension = outputPath ? /\.[^./\\]+$/.exec(outputPath)?.[0].toLowerCase() : undefined;
    const inferred = extension ? FORMAT_OF_EXTENSION[extension] : undefined;
    const format = choice(parsed, '--format', EXPORT_FORMATS, inferred ?? 'markdown');
    if (parsed.positionals.length === 0) {
        throw new CliError('export needs a FILE (see mlplan --help)');
    }
    if (parsed.positionals.length > 1) {
        throw new CliError(`export takes one FILE, not ${parsed.positionals.length} (unexpected ${parsed.positionals[1]})`);
    }
    const config = parsed.options.get('--config');
    return {
        format,
        output: outputPath,
        config: typeof config === 'string' ? config : undefined,
        file: parsed.positionals[0],
    };
}
