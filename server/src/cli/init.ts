/**
 * `mlplan init [--stage mvp|growth|maturity] [--name NAME] FILE`: writes the plan template the
 * editor's "New Plan from Template" writes (templates/plan-template.ts), which checks clean at its
 * stage. It never overwrites: an existing FILE is a CliError (exit 2) and is left as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Stage } from '../generated/ast.js';
import { planNameFrom, planTemplate, TEMPLATE_STAGES } from '../templates/plan-template.js';
import { choice, parseOptions } from './args.js';
import type { Output } from './check.js';
import { CliError } from './errors.js';

export interface InitOptions {
    readonly stage: Stage;
    readonly name: string;
    readonly file: string;
}

/** `init [--stage …] [--name NAME] FILE`; undefined for `--help`. */
export function parseInitArgs(args: readonly string[]): InitOptions | undefined {
    const parsed = parseOptions('init', args, { '--stage': 'value', '--name': 'value' });
    if (parsed.help) {
        return undefined;
    }
    const stage = choice(parsed, '--stage', TEMPLATE_STAGES, 'mvp');
    if (parsed.positionals.length === 0) {
        throw new CliError('init needs a FILE to write (see mlplan --help)');
    }
    if (parsed.positionals.length > 1) {
        throw new CliError(`init takes one FILE, not ${parsed.positionals.length} (unexpected ${parsed.positionals[1]})`);
    }
    const file = parsed.positionals[0];
    const name = parsed.options.get('--name');
    return { stage, file, name: typeof name === 'string' ? name : nameFromFile(file) };
}

/** `churn-model.mlplan` → `ChurnModel`, as the editor names a plan from the text the user typed. */
function nameFromFile(file: string): string {
    const base = path.basename(file);
    const dot = base.lastIndexOf('.');
    return planNameFrom(dot > 0 ? base.slice(0, dot) : base);
}

export function runInit(options: InitOptions, out: Output): number {
    const text = planTemplate(options.stage, options.name);
    try {
        // `wx`: created here or not at all, so a file that appears meanwhile is not overwritten either.
        fs.writeFileSync(options.file, text, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        switch (code) {
            case 'EEXIST':
                throw new CliError(`${options.file}: already exists; init never overwrites a file`);
            case 'ENOENT':
            case 'ENOTDIR':
                throw new CliError(`${options.file}: its directory does not exist`);
            case 'EACCES':
            case 'EPERM':
            case 'EROFS':
                throw new CliError(`${options.file}: cannot be written (permission denied)`);
            case 'EISDIR':
                throw new CliError(`${options.file}: is a directory`);
            default:
                throw new CliError(`${options.file}: cannot be written (${code ?? 'unknown error'})`);
        }
    }
    out.stdout(`${options.file}: new plan ${planNameFrom(options.name)} at stage ${options.stage}\n`);
    return 0;
}
