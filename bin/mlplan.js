#!/usr/bin/env node
// The mlplan command line: a thin launcher for the bundled CLI (built by `npm run build`).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli.cjs', import.meta.url));
if (!existsSync(bundle)) {
    process.stderr.write('mlplan: the CLI is not built yet; run `npm install` (or `npm run build`) in the mlplan folder\n');
    process.exit(2);
}
createRequire(import.meta.url)(bundle);
