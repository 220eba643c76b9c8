import * as fs from 'node:fs';
import { buildExportModel, exportInputOf, exportRefusal, renderExport } from '../export/index.js';
import type { ExportOptions } from './args.js';
import type { Output } from './check.js';
import { CliError, oneLine } from './errors.js';
import { loadWorkspace } from './load.js';
import { collectInputs } from './workspace.js';

/**
 * `mlplan export FILE`: builds the file and its imports with the language server's own services
 * and writes the plan as Markdown, JSON or HTML. A file the parser cannot read is refused (status
 * 1, nothing written); any other diagnostic is listed in the export, which succeeds (status 0).
 * Input, output and configuration problems are CliErrors (status 2).
 */
export async function runExport(options: ExportOptions, out: Output): Promise<number> {
    if (isDirectory(options.file)) {
        throw new CliError(`${options.file}: is a directory; export takes one FILE`);
    }
    const { services, documents: [document], problems, warnings } = await loadWorkspace(collectInputs([options.file]), options.config);
    if (problems.length > 0) {
        throw new CliError(oneLine(problems[0]));
    }
    for (const warning of warnings) {
        out.stderr(`mlplan: warning: ${oneLine(warning)}\n`);
    }

    const refusal = exportRefusal(document);
    if (refusal) {
        out.stderr(`mlplan: ${options.file}: not exported: ${refusal}\n`);
        return 1;
    }
    const model = buildExportModel(exportInputOf(services, document));
    const text = renderExport(model, options.format);
    if (options.output === undefined) {
        out.stdout(text);
    } else {
        write(options.output, text);
    }
    const { error, warning } = model.counts;
    if (error + warning > 0) {
        const counts = [error > 0 ? `${error} error${error === 1 ? '' : 's'}` : '', warning > 0 ? `${warning} warning${warning === 1 ? '' : 's'}` : '']
            .filter(c => c.length > 0).join(' and ');
        out.stderr(`mlplan: ${options.file}: exported with ${counts}, listed under "Open diagnostics"\n`);
    }
    return 0;
}


function isDirectory(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false; // collectInputs reports a missing file in its own words.
    }
}

function write(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'its folder does not exist'
            : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
            : code === 'EISDIR' ? 'is a directory'
            : `cannot be written (${code ?? 'unknown error'})`;
        throw new CliError(`${file}: ${reason}`);
    }
}
