/** The language server's Node options for a machine with `cores` cores (see server-node-args.mjs). */
export function serverNodeArgs(cores?: number): string[];
