// `npm run abuse`: the language server under abuse at full size, with figures printed.
//   rapid edits       10,000 didChange edits, hovers and completions cancelled in flight
//   positions         every request kind at positions outside the document
//   unknown documents never-opened and non-file URIs, closes without opens, versions backwards
//   huge plan         a generated 10 MB plan opened, hovered while building, edited twice
//   binary            64 KB of random bytes named .mlplan, on disk and opened
//   memory            10,000 edits; VmRSS (idle, and after a forced GC) after 100 and at the end
// Options: --quick (the sizes `npm test` uses), --only NAME[,NAME], --heap-snapshots DIR (write
// V8 heap snapshots at each memory sample), --json (print the figures as JSON too).
// Exit status 1 when any scenario saw a problem. Needs `npm run build` (npm run abuse does it).
import { performance } from 'node:perf_hooks';
import { binaryFiles, hugePlan, memoryGrowth, outOfRange, rapidEdits, unknownDocuments } from './scenarios.mjs';

const argv = process.argv.slice(2);
const option = name => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
};
const quick = argv.includes('--quick');
const only = option('--only')?.split(',');
const snapshotDir = option('--heap-snapshots');

const mb = kb => (kb === undefined ? '?' : `${(kb / 1024).toFixed(1)} MB`);
const pct = ratio => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
const s = seconds => `${seconds.toFixed(2)} s`;

const SCENARIOS = {
    'rapid-edits': {
        run: () => rapidEdits({ count: quick ? 1_000 : 10_000 }),
        print: r => [
            `${r.edits} edits sent in ${s(r.sendSeconds)}; final diagnostics after ${s(r.settleSeconds)}: ${r.editsPerSecond.toFixed(0)} edits/s`,
            `${r.requests} hover/completion requests: ${Object.entries(r.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}`,
            `${r.publishes} diagnostics notifications; final diagnostics = \`mlplan check\` of the final text (${r.finalDiagnostics.length} findings)`,
            `RSS at the end ${mb(r.rssKb)}`,
        ],
    },
    positions: {
        run: () => outOfRange(),
        print: r => [
            `${r.answers.length} requests at hostile positions: ${r.answers.length - r.errors.length} results, ${r.errors.length} errors`,
            ...r.errors.map(e => `  error: ${e.method}${e.where}: ${e.error?.code} ${e.error?.message}`),
        ],
    },
    'unknown-documents': {
        run: () => unknownDocuments(),
        print: r => {
            const tally = {};
            for (const a of r.answers) tally[a.kind] = (tally[a.kind] ?? 0) + 1;
            return [`${r.answers.length} requests for unknown documents: ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ')}`,
                `diagnostics published for: ${r.published.map(u => u.replace(/^.*\//, '')).join(', ')}`];
        },
    },
    'huge-plan': {
        run: () => hugePlan({ bytes: quick ? 1_000_000 : 10_000_000, timeoutMs: 15 * 60_000 }),
        print: r => [
            `${(r.bytes / 1e6).toFixed(1)} MB, ${r.lines} lines, ${r.diagnostics} diagnostics`,
            `open → diagnostics ${s(r.openSeconds)}; a hover sent right after didOpen answered after ${s(r.earlyHover.seconds)} (${r.earlyHover.kind})`,
            `edit → diagnostics ${r.editSeconds.map(s).join(', ')}; hover afterwards ${(r.hoverSeconds * 1000).toFixed(0)} ms; document symbols ${s(r.symbolsSeconds)}`,
            `RSS after open ${mb(r.rssAfterOpenKb)}, at the end ${mb(r.rssKb)}, peak ${mb(r.peakRssKb)}`,
        ],
    },
    binary: {
        run: () => binaryFiles({ size: quick ? 16 * 1024 : 64 * 1024 }),
        print: r => [
            ...Object.entries(r.results).map(([file, v]) => `${file}: ${v.diagnostics} diagnostics (${v.codes.join(', ')}), ${v.errors} request errors`),
            `phases: ${Object.entries(r.phases).map(([k, v]) => `${k} ${s(v)}`).join(', ')}`,
        ],
    },
    memory: {
        run: () => memoryGrowth({ count: quick ? 2_000 : 10_000, early: 100, sampleEvery: quick ? 1_000 : 2_000, snapshotDir }),
        print: r => {
            const first = r.samples[0];
            const last = r.samples[r.samples.length - 1];
            return [
                `${r.edits} edits in ${s(r.seconds)} (${r.editsPerSecond.toFixed(0)} edits/s, bursts of 20 with a hover each)`,
                ...r.samples.map(x => `after ${String(x.edits).padStart(5)} edits: RSS idle ${mb(x.idleRssKb)}, after GC ${mb(x.gcRssKb)}; heap used ${mb(x.heapUsedKb)} (code ${mb(x.codeKb)}, data ${mb(x.dataHeapKb)}), heap reserved ${mb(x.heapTotalKb)}${x.snapshot ? `; ${x.snapshot}` : ''}`),
                `growth ${first.edits} → ${last.edits} edits: RSS idle ${pct(r.growth.idle)}, RSS after GC ${pct(r.growth.gc)}, heap used ${pct(r.growth.heap)}, heap data ${pct(last.dataHeapKb / first.dataHeapKb - 1)}`,
                `within 20 % of the RSS after ${first.edits} edits: idle ${r.growth.idle <= 0.2 ? 'yes' : 'NO'}, after GC ${r.growth.gc <= 0.2 ? 'yes' : 'NO'}`
                    + `; of the warmed-up RSS (after ${r.samples[1]?.edits} edits): ${last.gcRssKb / r.samples[1].gcRssKb - 1 <= 0.2 ? 'yes' : 'NO'} (${pct(last.gcRssKb / r.samples[1].gcRssKb - 1)} after GC)`,
            ];
        },
    },
};

const figures = {};
let failed = false;
for (const [name, scenario] of Object.entries(SCENARIOS)) {
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    process.stdout.write(`== ${name}\n`);
    try {
        const result = await scenario.run();
        figures[name] = result;
        for (const line of scenario.print(result)) process.stdout.write(`   ${line}\n`);
        for (const problem of result.problems) process.stdout.write(`   PROBLEM: ${problem}\n`);
        failed ||= result.problems.length > 0;
    } catch (error) {
        failed = true;
        process.stdout.write(`   FAILED: ${error.stack ?? error}\n`);
    }
    process.stdout.write(`   (${s((performance.now() - started) / 1000)})\n`);
}
if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures, (key, value) => (key === 'answers' ? undefined : value), 2)}\n`);
}
process.exitCode = failed ? 1 : 0;
