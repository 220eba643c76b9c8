/**
 * The mlplan command line (LANGUAGE.md section 5), bundled to out/cli.cjs and loaded by
 * bin/mlplan.js. Every failure ends as one `mlplan: ` line on stderr and exit status 2; the stack
 * is shown only when MLPLAN_DEBUG is set.
 */
import { hasHeapCeiling, serverNodeArgs } from '../lsp/server-options.js';
import { parseCheckArgs, parseExportArgs, parseOptions, USAGE } from './args.js';
import type { Output } from './check.js';
import { CliError, oneLine } from './errors.js';
import { VERSION } from './version.js';

// Each command loads its own modules when it runs (the bundle wraps them to run on first use):
// a pre-commit hook's `check` pays neither for the export renderers, the rule examples of
// `explain`, the formatter, the templates nor the language server. test/cli/startup.test.ts.

type Command = (args: readonly string[], out: Output) => Promise<number | 'serving'>;

const COMMANDS: Readonly<Record<string, Command>> = {
    check: async (args, out) => {
        const options = parseCheckArgs(args);
        if (!options) {
            out.stdout(USAGE);
            return 0;
        }
        const { runCheck } = await import('./check.js');
        return runCheck(options, out);
    },
    export: async (args, out) => {
        const options = parseExportArgs(args);
        if (!options) {
            out.stdout(USAGE);
            return 0;
        }
        const { runExport } = await import('./export.js');
        return runExport(options, out);
    },
    init: async (args, out) => {
        const { parseInitArgs, runInit } = await import('./init.js');
        const options = parseInitArgs(args);
        if (!options) {
            out.stdout(USAGE);
            return 0;
        }
        return runInit(options, out);
    },
    fmt: async (args, out) => {
        const { parseFmtArgs, runFmt } = await import('./fmt.js');
        const options = parseFmtArgs(args);
        if (!options) {
            out.stdout(USAGE);
            return 0;
        }
        return runFmt(options, out);
    },
    fix: async (args, out) => {
        const { parseFixArgs, runFix } = await import('./fix.js');
        const options = parseFixArgs(args);
        if (!options) {
            out.stdout(USAGE);
            return 0;
        }
        return runFix(options, out);
    },
    explain: async (args, out) => {
        const { runExplain } = await import('./explain.js');
        return runExplain(args, out, USAGE);
    },
    portfolio: async (args, out) => {
        const { parsePortfolioArgs, runPortfolio } = await import('./portfolio.js');
        const options = parsePortfolioArgs(args);
        if (!options) {
            out.stdout(USAGE);
            return 0;
        }
        return runPortfolio(options, out);
    },
    lsp: async (args, out) => {
        // `--clientProcessId` is what LSP clients add; vscode-languageserver reads it from argv itself.
        const parsed = parseOptions('lsp', args, { '--stdio': 'flag', '--clientProcessId': 'value' });
        if (parsed.help) {
            out.stdout(USAGE);
            return 0;
        }
        if (parsed.positionals.length > 0) {
            throw new CliError(`unexpected argument ${parsed.positionals[0]} for lsp`);
        }
        if (!parsed.options.has('--stdio')) {
            throw new CliError('lsp needs --stdio (the only transport offered)');
        }
        if (!hasHeapCeiling(process.execArgv, process.env.NODE_OPTIONS)) {
            // Node options cannot be set once V8 runs: the server runs in a child process with them.
            return relaunchWith(serverNodeArgs());
        }
        // Loaded on demand: `check` should not pay for the LSP connection's start-up.
        const { startMlPlanServer } = await import('../lsp/start-server.js');
        startMlPlanServer();
        return 'serving';
    },
};

/**
 * Runs this very command again in a child Node process with `nodeArgs` added, sharing stdin,
 * stdout and stderr (the editor talks to the child), passing termination signals on, and
 * resolving with the child's exit status.
 */
async function relaunchWith(nodeArgs: readonly string[]): Promise<number> {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [...nodeArgs, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        process.on(signal, () => child.kill(signal));
    }
    return new Promise(resolve => {
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
        child.on('error', () => resolve(1));
    });
}

export async function run(argv: readonly string[], out: Output): Promise<number | 'serving'> {
    const [command, ...rest] = argv;
    if (command === undefined) {
        out.stderr(`mlplan: a command is needed\n${USAGE}`);
        return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
        out.stdout(USAGE);
        return 0;
    }
    if (command === '--version' || command === '-v') {
        out.stdout(`${VERSION}\n`);
        return 0;
    }
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) {
        throw new CliError(command.startsWith('-')
            ? `unknown option ${command} (see mlplan --help)`
            : `unknown command "${command}"; use ${Object.keys(COMMANDS).join(', ')} (see mlplan --help)`);
    }
    return handler(rest, out);
}

function report(error: unknown): number {
    if (error instanceof CliError) {
        process.stderr.write(`mlplan: ${oneLine(error)}\n`);
    } else {
        process.stderr.write(`mlplan: internal error: ${oneLine(error)}${process.env.MLPLAN_DEBUG ? '' : ' (set MLPLAN_DEBUG=1 for details)'}\n`);
        if (process.env.MLPLAN_DEBUG && error instanceof Error && error.stack) {
            process.stderr.write(`${error.stack}\n`);
        }
    }
    return 2;
}

function main(): void {
    // A closed pipe (`mlplan check … | head`) is not an error worth a stack trace.
    process.stdout.on('error', error => {
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
            process.exit(process.exitCode ?? 0);
        }
    });
    process.on('uncaughtException', error => process.exit(report(error)));
    process.on('unhandledRejection', error => process.exit(report(error)));
    const out: Output = {
        stdout: text => { process.stdout.write(text); },
        stderr: text => { process.stderr.write(text); },
    };
    run(process.argv.slice(2), out).then(
        status => {
            if (status !== 'serving') {
                process.exitCode = status;
            }
        },
        error => {
            process.exitCode = report(error);
        }
    );
}

main();
