// `npm run bench`: reproducible performance measurements of mlplan (see BENCHMARKS.md).
//
//   node scripts/bench/run.mjs [--out DIR] [--seed N] [--syntax v1|v2] [--bin PATH] [--quick] [--no-peer] [--update-doc]
//
//   --out DIR      where the generated inputs go (default $TMPDIR/mlplan-bench; rewritten each run)
//   --seed N       generator seed (default in generate.mjs); the same seed gives the same files
//   --syntax V     the language version of the generated plans: v2 (default) uses all of it and checks
//                  clean but for the generator's deliberate findings; v1 writes only what the first
//                  version has, byte for byte the inputs of builds before v2, so that such a build
//                  (`--bin`, which cannot parse v2) and the current one are measured on the same files
//   --bin PATH     the mlplan launcher to measure (default bin/mlplan.js of this checkout)
//   --quick        fewer repetitions (for a quick look, not for BENCHMARKS.md)
//   --no-peer      skip the yaml-language-server comparison
//   --update-doc   rewrite the results section of BENCHMARKS.md with this run's table
//   --only PARTS   comma-separated subset of cli,lsp,peer (for investigating; the table shows — for the rest)
//   --sizes SIZES  comma-separated subset of 1k,10k,100k for the LSP sessions (same purpose)
//   --node-arg A   pass A to node when starting mlplan (repeatable), e.g. --node-arg --max-semi-space-size=32
//
// Measures the CLI as whole processes, the language server over a real stdio LSP connection, and
// yaml-language-server on the same plans written as YAML; prints a table with PASS/MISS per target
// and writes results.json next to the inputs. Every process has a time limit; only stdio is used.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, generateAll } from './generate.mjs';
import { lspSession, median, percentile } from './lsp-bench.mjs';
import { serverNodeArgs } from '../server-node-args.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const flag = name => argv.includes(name);
const value = (name, fallback) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : fallback);

const OUT = path.resolve(value('--out', path.join(os.tmpdir(), 'mlplan-bench')));
const SEED = Number(value('--seed', String(DEFAULT_SEED)));
const SYNTAX = value('--syntax', 'v2');
const BIN = path.resolve(value('--bin', path.join(ROOT, 'bin', 'mlplan.js')));
const QUICK = flag('--quick');
const ONLY = new Set(value('--only', 'cli,lsp,peer').split(','));
const PEER = !flag('--no-peer') && ONLY.has('peer');
const SIZES = value('--sizes', '1k,10k,100k').split(',');
const NODE_ARGS = argv.flatMap((arg, i) => (arg === '--node-arg' && argv[i + 1] ? [argv[i + 1]] : []));
const MLPLAN = [...NODE_ARGS, BIN];
// The server's Node options (scripts/server-node-args.mjs): given here, `mlplan lsp` does not re-run
// itself in a child process, so the measured process is the server, with the options the editor's server gets.
const SERVER_NODE_ARGS = serverNodeArgs();
const YAML_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

const REPS = {
    startup: QUICK ? 5 : 11,
    // Fresh servers per size: one open is one sample of a noisy machine (±50 ms at 10k here).
    cold: { '1k': QUICK ? 3 : 5, '10k': QUICK ? 3 : 7, '100k': QUICK ? 1 : 3 },
    check: { '1k': QUICK ? 2 : 5, '10k': QUICK ? 2 : 5, '100k': QUICK ? 1 : 3 },
    workspace: QUICK ? 1 : 3,
    edits: { '1k': QUICK ? 10 : 20, '10k': QUICK ? 20 : 50, '100k': QUICK ? 4 : 10 },
    wholeEdits: { '1k': QUICK ? 4 : 10, '10k': QUICK ? 4 : 10, '100k': QUICK ? 2 : 4 },
    requests: { '1k': QUICK ? 10 : 20, '10k': QUICK ? 20 : 50, '100k': QUICK ? 5 : 20 },
};

const log = message => process.stderr.write(`bench: ${message}\n`);

/** Runs a process to completion; resolves with wall time and exit code. Killed after `timeoutMs`. */
function timed(command, args, timeoutMs = 300_000) {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-4_000); });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', reject);
        child.on('exit', (code, signal) => {
            clearTimeout(timer);
            const ms = performance.now() - start;
            if (signal || code === 2 || code === null) reject(new Error(`${path.basename(command)} ${args.join(' ')}: ${signal ?? `exit ${code}`} ${stderr.trim()}`));
            else resolve({ ms, code });
        });
    });
}

async function repeat(times, run) {
    const samples = [];
    for (let i = 0; i < times; i++) samples.push((await run()).ms);
    return { median: median(samples), min: Math.min(...samples), samples };
}

function machine() {
    const load = os.loadavg();
    return {
        date: new Date().toISOString(),
        nproc: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        node: process.version,
        os: `${os.type()} ${os.release()}`,
        loadavg: load.map(l => +l.toFixed(2)),
        mlplan: (() => { try { return execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', timeout: 20_000 }).trim(); } catch { return '?'; } })(),
        yamlLanguageServer: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version,
        commit: (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', timeout: 5_000 }).trim(); } catch { return '?'; } })(),
    };
}

function mlplanConfiguration(item) {
    return item.section === 'mlplan' ? { rules: {} } : null;
}

function yamlConfiguration(schemaUri) {
    return item => {
        switch (item.section) {
            case 'yaml':
                return {
                    schemas: { [schemaUri]: ['*.yaml'] },
                    // Never reach out to the network: no schema store, no Kubernetes CRD store.
                    schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
                    validate: true, hover: true, completion: true, format: { enable: false }, maxItemsComputed: 5000,
                };
            case 'http':
                return { proxy: '', proxyStrictSSL: false };
            default:
                return null;
        }
    };
}

/** `count` sessions, each opening the plan in a fresh server: the median open and CPU time, the highest peak RSS. */
async function coldOpens(server, count) {
    const sessions = [];
    for (let i = 0; i < count; i++) {
        sessions.push(await lspSession({ ...server, cold: true }));
    }
    return {
        openMs: median(sessions.map(s => s.openMs)),
        openCpuMs: median(sessions.map(s => s.openCpuMs)),
        openMainOnCpuMs: median(sessions.map(s => s.openMainOnCpuMs).filter(ms => ms !== undefined)),
        openMainWaitingMs: median(sessions.map(s => s.openMainWaitingMs).filter(ms => ms !== undefined)),
        peakRssMb: Math.max(...sessions.map(s => s.peakRssMb ?? 0)),
        samples: sessions.map(s => Math.round(s.openMs)),
    };
}

async function main() {
    const started = performance.now();
    log(`generating inputs in ${OUT} (seed ${SEED}, ${SYNTAX} syntax)`);
    const manifest = generateAll(OUT, SEED, { syntax: SYNTAX });
    const results = { machine: machine(), manifest, nodeArgs: NODE_ARGS, cli: {}, lsp: {}, peer: {} };
    log(`machine: ${results.machine.nproc} cores, load ${results.machine.loadavg.join(' ')}`);

    // ---------------------------------------------------------------- CLI, as whole processes
    const node = process.execPath;
    await timed(node, [...MLPLAN, '--version']); // warm the file cache
    if (ONLY.has('cli')) await measureCli(results, manifest, node);

    // ---------------------------------------------------------------- language servers over stdio
    const rootDir = path.join(OUT, 'lsp-root');
    fs.mkdirSync(rootDir, { recursive: true });
    for (const size of ONLY.has('lsp') ? SIZES : []) {
        log(`mlplan lsp --stdio, ${size}`);
        const server = { command: node, args: [...SERVER_NODE_ARGS, ...MLPLAN, 'lsp', '--stdio'], rootDir, file: manifest.plans[size].file, languageId: 'mlplan', seed: SEED, configuration: mlplanConfiguration };
        const cold = await coldOpens(server, REPS.cold[size]);
        results.lsp[size] = {
            ...await lspSession({ ...server, warmup: manifest.small.file, edits: REPS.edits[size], wholeEdits: REPS.wholeEdits[size], requests: REPS.requests[size] }),
            coldOpenMs: cold.openMs, coldOpenCpuMs: cold.openCpuMs, coldPeakRssMb: cold.peakRssMb, coldOpens: cold.samples,
            coldOpenMainOnCpuMs: cold.openMainOnCpuMs, coldOpenMainWaitingMs: cold.openMainWaitingMs,
        };
    }
    if (PEER) {
        const schemaUri = pathToFileURL(manifest.schema).href;
        for (const size of SIZES) {
            log(`yaml-language-server --stdio, ${size}`);
            const server = { command: node, args: [YAML_SERVER, '--stdio'], rootDir, file: manifest.plans[size].yaml, languageId: 'yaml', seed: SEED, configuration: yamlConfiguration(schemaUri) };
            const cold = await coldOpens(server, REPS.cold[size]);
            results.peer[size] = {
                ...await lspSession({
                    ...server, warmup: manifest.small.yaml, edits: REPS.edits[size], requests: 0,
                    sanity: { uri: pathToFileURL(path.join(rootDir, 'sanity.yaml')).href, text: 'plan: P\nstage: someday\n' },
                }),
                coldOpenMs: cold.openMs, coldOpenCpuMs: cold.openCpuMs, coldOpens: cold.samples,
            };
        }
    }
    results.elapsedS = +((performance.now() - started) / 1000).toFixed(0);
    results.machine.loadavgAfter = os.loadavg().map(l => +l.toFixed(2));
    fs.writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const markdown = renderTables(results);
    process.stdout.write(`${markdown}\n`);
    log(`done in ${results.elapsedS} s; raw results in ${path.join(OUT, 'results.json')}`);
    if (flag('--update-doc')) {
        if (QUICK || ONLY.size < 3 || SIZES.length < 3 || NODE_ARGS.length > 0 || SYNTAX !== 'v2') throw new Error('--update-doc needs a full, plain run (no --quick, --only, --sizes, --node-arg or --syntax v1)');
        updateDoc(markdown, results);
        log('BENCHMARKS.md updated');
    }
}

async function measureCli(results, manifest, node) {
    log('CLI start-up (small plan)');
    results.cli.startup = await repeat(REPS.startup, () => timed(node, [...MLPLAN, 'check', manifest.small.file]));
    for (const size of ['1k', '10k', '100k']) {
        log(`CLI check ${size}`);
        results.cli[size] = await repeat(REPS.check[size], () => timed(node, [...MLPLAN, 'check', manifest.plans[size].file]));
    }
    log('CLI check of the 1,000-file workspace');
    results.cli.workspace = await repeat(REPS.workspace, () => timed(node, [...MLPLAN, 'check', manifest.workspace.dir]));
}

// ---------------------------------------------------------------------------------- reporting

const ms = v => (v === undefined || Number.isNaN(v) ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = v => (v === undefined || Number.isNaN(v) ? '—' : `${Math.round(v)} MB`);
const ratio = v => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`);
const verdict = (v, limit) => (v === undefined || Number.isNaN(v) ? '—' : v < limit ? '**PASS**' : '**MISS**');

/** The YAML server validates 200 ms after a change (its fixed `validationDelayMs`): its compute time is the rest. */
const YAML_DEBOUNCE_MS = 200;

export function renderTables(r) {
    const { cli, lsp, peer, manifest } = r;
    const lines = [];
    const m = r.machine;
    const flags = r.nodeArgs?.length ? ` (node ${r.nodeArgs.join(' ')})` : '';
    lines.push(`Run of ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; mlplan ${m.mlplan}${flags} (commit ${m.commit}, plus the working tree), yaml-language-server ${m.yamlLanguageServer}; load average ${m.loadavg.join(' / ')} before, ${(m.loadavgAfter ?? []).join(' / ')} after; seed ${manifest.seed}${manifest.syntax && manifest.syntax !== 'v2' ? `, ${manifest.syntax} syntax` : ''}; ${r.elapsedS} s in all.`);
    lines.push('');
    lines.push('Inputs: ' + ['1k', '10k', '100k'].map(s => `plan-${s} ${manifest.plans[s].lines.toLocaleString('en-US')} lines (YAML ${manifest.plans[s].yamlLines.toLocaleString('en-US')})`).join(', ') +
        `; workspace ${manifest.workspace.files.toLocaleString('en-US')} files, ${manifest.workspace.lines.toLocaleString('en-US')} lines; small plan ${manifest.small.lines} lines.`);
    lines.push('');
    lines.push('| measurement | 1k | 10k | 100k |');
    lines.push('| --- | ---: | ---: | ---: |');
    const row = (label, f) => lines.push(`| ${label} | ${['1k', '10k', '100k'].map(s => f(s)).join(' | ')} |`);
    row('CLI `check FILE` (whole process, median)', s => ms(cli[s]?.median));
    row('LSP open → diagnostics, fresh server (first document; median of the fresh servers below)', s => ms(lsp[s]?.coldOpenMs));
    row('fresh servers: each one\'s open → diagnostics', s => (lsp[s]?.coldOpens ? lsp[s].coldOpens.join(', ') : '—'));
    row('LSP open → diagnostics, running server (a small plan open before)', s => ms(lsp[s]?.openMs));
    row('LSP server CPU time for the open, fresh / running server', s => (lsp[s] ? `${ms(lsp[s].coldOpenCpuMs)} / ${ms(lsp[s].openCpuMs)}` : '—'));
    row('its main thread during the fresh open: on a CPU / waiting for one (median)', s => (lsp[s] ? `${ms(lsp[s].coldOpenMainOnCpuMs)} / ${ms(lsp[s].coldOpenMainWaitingMs)}` : '—'));
    row('LSP edit → diagnostics, median', s => ms(median(lsp[s]?.edits ?? [])));
    row('LSP edit → diagnostics, p95', s => ms(percentile(lsp[s]?.edits ?? [], 95)));
    row('LSP edits measured (sync kind)', s => (lsp[s] ? `${lsp[s].edits.length} (${lsp[s].sync})` : '—'));
    row('LSP edit → diagnostics, median, in the plan\'s own title (whole re-parse)', s => ms(median(lsp[s]?.wholeEdits ?? [])));
    row('LSP hover, p95', s => ms(percentile(lsp[s]?.hovers ?? [], 95)));
    row('LSP hover, median', s => ms(median(lsp[s]?.hovers ?? [])));
    row('LSP completion, p95', s => ms(percentile(lsp[s]?.completions ?? [], 95)));
    row('LSP completion, median', s => ms(median(lsp[s]?.completions ?? [])));
    row('LSP server peak RSS (VmHWM)', s => mb(lsp[s]?.peakRssMb));
    row('diagnostics published on open', s => (lsp[s] ? String(lsp[s].diagnostics) : '—'));
    if (Object.keys(peer).length > 0) {
        row('yaml-language-server open → diagnostics, fresh server (median)', s => ms(peer[s]?.coldOpenMs));
        row('yaml-language-server open → diagnostics, running server', s => ms(peer[s]?.openMs));
        row('yaml-language-server edit → diagnostics, median', s => ms(median(peer[s]?.edits ?? [])));
        row(`yaml-language-server edit, median less its ${YAML_DEBOUNCE_MS} ms debounce`, s => ms(peer[s] && median(peer[s].edits) - YAML_DEBOUNCE_MS));
        row('yaml-language-server peak RSS', s => mb(peer[s]?.peakRssMb));
        row('ratio ours/theirs, open (fresh server)', s => ratio(lsp[s]?.coldOpenMs / peer[s]?.coldOpenMs));
        row('ratio ours/theirs, open (running server)', s => ratio(lsp[s]?.openMs / peer[s]?.openMs));
        row('ratio ours/theirs, edit median', s => ratio(median(lsp[s]?.edits ?? []) / median(peer[s]?.edits ?? [])));
        row(`ratio ours/theirs, edit median, their debounce excluded`, s => ratio(median(lsp[s]?.edits ?? []) / (median(peer[s]?.edits ?? []) - YAML_DEBOUNCE_MS)));
    }
    lines.push('');
    lines.push(`| other measurement | value |`);
    lines.push('| --- | ---: |');
    lines.push(`| CLI start-up, \`check\` of the small plan (median of ${cli.startup?.samples.length ?? 0}) | ${ms(cli.startup?.median)} |`);
    lines.push(`| CLI \`check DIR\` of the 1,000-file workspace (median of ${cli.workspace?.samples.length ?? 0}) | ${ms(cli.workspace?.median)} |`);
    const scaleOpen = lsp['100k']?.coldOpenMs / lsp['10k']?.coldOpenMs;
    const scaleRunning = lsp['100k']?.openMs / lsp['10k']?.openMs;
    const scaleCli = cli['100k']?.median / cli['10k']?.median;
    lines.push(`| scaling time(100k)/time(10k), LSP open → diagnostics (fresh server; running server) | ${ratio(scaleOpen)}; ${ratio(scaleRunning)} |`);
    lines.push(`| scaling time(100k)/time(10k), CLI \`check\` | ${ratio(scaleCli)} |`);
    if (peer['10k']?.sanityDiagnostics) {
        lines.push(`| yaml-language-server schema check in effect (sanity document) | ${peer['10k'].sanityDiagnostics.length} diagnostic(s) |`);
    }
    lines.push('');
    lines.push('| target (2 cores) | measured | verdict |');
    lines.push('| --- | ---: | --- |');
    const target = (label, v, limit, unit = ms) => lines.push(`| ${label} | ${unit(v)} | ${verdict(v, limit)} |`);
    target('10k open → diagnostics < 300 ms (fresh server)', lsp['10k']?.coldOpenMs, 300);
    target('10k edit → diagnostics median < 80 ms', median(lsp['10k']?.edits ?? []), 80);
    target('10k hover p95 < 30 ms', percentile(lsp['10k']?.hovers ?? [], 95), 30);
    target('10k completion p95 < 30 ms', percentile(lsp['10k']?.completions ?? [], 95), 30);
    target('10k server peak RSS < 250 MB', lsp['10k']?.peakRssMb, 250, mb);
    target('time(100k)/time(10k) < 12, LSP open → diagnostics (fresh server)', scaleOpen, 12, ratio);
    target('time(100k)/time(10k) < 12, CLI check', scaleCli, 12, ratio);
    target('`check` of the 1,000-file workspace < 10 s', cli.workspace?.median, 10_000);
    target('CLI start-up on a small plan < 400 ms', cli.startup?.median, 400);
    return lines.join('\n');
}

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

function updateDoc(markdown) {
    const file = path.join(ROOT, 'BENCHMARKS.md');
    const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`BENCHMARKS.md has no ${BEGIN} … ${END} section`);
    fs.writeFileSync(file, `${doc.slice(0, start + BEGIN.length)}\n${markdown}\n${doc.slice(end)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    // A hard ceiling for the whole run, whatever happens to a child process.
    const ceiling = setTimeout(() => {
        log('giving up after 40 minutes');
        process.exit(3);
    }, 40 * 60_000);
    ceiling.unref();
    main().catch(error => {
        log(`failed: ${error.stack ?? error}`);
        process.exit(1);
    });
}
