// Test-only preload for the language server (`node --expose-gc --require gc-probe.cjs bin/mlplan.js
// lsp --stdio`): on SIGUSR2 it runs a full garbage collection and writes the process's memory
// figures as one JSON line to $MLPLAN_GC_PROBE; with $MLPLAN_HEAP_SNAPSHOT_DIR set it also writes a
// heap snapshot there (v8.writeHeapSnapshot) and names it in the report. It writes nothing to
// stdout (which carries the protocol) and changes nothing else in the server.
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');

const probeFile = process.env.MLPLAN_GC_PROBE;
const snapshotDir = process.env.MLPLAN_HEAP_SNAPSHOT_DIR;

if (probeFile) {
    let snapshots = 0;
    process.on('SIGUSR2', () => {
        // Two passes: the first may only queue finalizers (WeakRef / FinalizationRegistry).
        if (typeof global.gc === 'function') {
            global.gc();
            global.gc();
        }
        const usage = process.memoryUsage();
        const report = {
            gc: typeof global.gc === 'function',
            rss: usage.rss,
            heapUsed: usage.heapUsed,
            heapTotal: usage.heapTotal,
            external: usage.external,
            arrayBuffers: usage.arrayBuffers,
            // Used bytes per V8 heap space: code spaces grow as functions get optimised (not a leak).
            spaces: Object.fromEntries(v8.getHeapSpaceStatistics().map(space => [space.space_name, space.space_used_size])),
        };
        if (snapshotDir) {
            fs.mkdirSync(snapshotDir, { recursive: true });
            report.snapshot = v8.writeHeapSnapshot(path.join(snapshotDir, `server-${process.pid}-${++snapshots}.heapsnapshot`));
        }
        // Written to a temporary name and renamed, so the reader never sees half a report.
        const partial = `${probeFile}.partial`;
        fs.writeFileSync(partial, `${JSON.stringify(report)}\n`);
        fs.renameSync(partial, probeFile);
    });
}
