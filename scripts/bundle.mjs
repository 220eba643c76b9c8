// Bundles the CLI (which also hosts the language server for `mlplan lsp --stdio`) into one
// CommonJS file: one file loads much faster than Langium's hundreds of ES modules, and CommonJS
// is what VS Code's extension host loads. Type checking is `npm run typecheck`, not this script.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: true,
    logLevel: 'warning',
    // Langium and vscode-languageserver ship ESM and CJS; prefer the module entry points.
    mainFields: ['module', 'main'],
};

await Promise.all([
    // The CLI: every command and `lsp --stdio`. One file (what the npm tarball ships), in which
    // each command's modules are wrapped to run on its first `import()` (see cli/main.ts), which
    // becomes a plain `require` of the wrapped module: nothing is loaded from outside the file.
    build({
        ...common,
        entryPoints: { cli: 'server/src/cli/main.ts' },
        outdir: 'out',
        outExtension: { '.js': '.cjs' },
        supported: { 'dynamic-import': false },
    }),
    // The language server process the VS Code extension starts over IPC.
    build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' } }),
    // The extension itself; `vscode` is provided by the extension host.
    build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, external: ['vscode'] }),
]);

if (watch) {
    console.log('watch mode is not supported; re-run npm run bundle');
}
