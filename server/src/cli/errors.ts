/**
 * A problem with the command line or its inputs (unknown option, missing file, unusable
 * configuration). The CLI prints its message as one `mlplan: ` line and exits with status 2.
 */
export class CliError extends Error {}

/** The first line of an error's message: what the user sees is never more than one line. */
export function oneLine(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.split(/\r?\n/)[0]?.trim() || 'unknown error';
}
