// Phase profile of a build (where the time goes: parse, link, Langium's validation, each rule),
// plus re-builds after a one-character edit. For finding what to fix; `npm run bench` is the table.
// Usage: node scripts/bench/profile.mjs FILE|DIR [--cpu-prof]
//   --cpu-prof writes a V8 CPU profile of the run (unminified bundle) into $TMPDIR/mlplan-bench-prof.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const target = process.argv[2];
if (!target) {
    console.error('usage: node scripts/bench/profile.mjs FILE|DIR [--cpu-prof]');
    process.exit(2);
}
const outdir = path.join(os.tmpdir(), 'mlplan-bench-prof');
fs.mkdirSync(outdir, { recursive: true });
await build({
    absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: false,
    mainFields: ['module', 'main'], logLevel: 'warning',
    entryPoints: { phases: 'scripts/bench/phases.ts' }, outdir, outExtension: { '.js': '.cjs' },
});
const args = process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${outdir}`] : [];
const run = spawnSync(process.execPath, [...args, path.join(outdir, 'phases.cjs'), path.resolve(target)], { stdio: 'inherit', timeout: 300_000 });
if (args.length > 0) console.log(`CPU profile in ${outdir}`);
process.exit(run.status ?? 1);
