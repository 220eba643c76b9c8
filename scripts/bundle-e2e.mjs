// Bundles the extension-host tests (test/e2e/suite/, entry index.ts) into out/e2e/index.cjs, the
// module VS Code loads as --extensionTestsPath. `vscode` is provided by the extension host.
// Not minified, so that a stack trace from a failing test stays readable.
// Type checking is `npm run typecheck` (tsconfig.json includes test/**).
import { build } from 'esbuild';

await build({
    entryPoints: { index: 'test/e2e/suite/index.ts' },
    outdir: 'out/e2e',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    external: ['vscode'],
});
