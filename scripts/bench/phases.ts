/**
 * In-process phase profile of one build, for finding what to fix (not part of the table):
 * parse, scope computation, linking, validation (Langium's own passes vs the rules, and each
 * rule), then `ROUNDS` re-builds after a one-character edit. Bundled and run by
 * `node scripts/bench/profile.mjs FILE|DIR`.
 */
import '../../server/src/polyfill/group-by.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentState, TextDocument, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMlPlanServices } from '../../server/src/core/mlplan-core-module.js';
import { RULES } from '../../server/src/rules/registry.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);

function files(target: string): string[] {
    if (!fs.statSync(target).isDirectory()) {
        return [path.resolve(target)];
    }
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.mlplan')) found.push(path.resolve(full));
        }
    };
    walk(target);
    return found;
}

async function main(): Promise<void> {
    const target = process.argv[2];
    const { shared, MlPlan } = createMlPlanServices({ ...NodeFileSystem });
    const ruleTime = new Map<string, number>();
    for (const rule of RULES) {
        const check = rule.check;
        if (check) {
            (rule as { check: typeof check }).check = context => {
                const start = performance.now();
                try {
                    check(context);
                } finally {
                    ruleTime.set(rule.code, (ruleTime.get(rule.code) ?? 0) + performance.now() - start);
                }
            };
        }
    }
    const builder = shared.workspace.DocumentBuilder;
    const phase = new Map<string, number>();
    let last = performance.now();
    const mark = (name: string) => {
        const now = performance.now();
        phase.set(name, (phase.get(name) ?? 0) + now - last);
        last = now;
    };
    builder.onBuildPhase(DocumentState.IndexedContent, () => mark('index content'));
    builder.onBuildPhase(DocumentState.ComputedScopes, () => mark('compute scopes'));
    builder.onBuildPhase(DocumentState.Linked, () => mark('link'));
    builder.onBuildPhase(DocumentState.IndexedReferences, () => mark('index references'));
    builder.onBuildPhase(DocumentState.Validated, () => mark('validate'));

    const paths = files(target);
    const roots = fs.statSync(target).isDirectory() ? [URI.file(path.resolve(target))] : [URI.file(path.dirname(path.resolve(target)))];
    MlPlan.imports.Imports.setRoots(roots);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    last = t0;
    const docs: LangiumDocument[] = [];
    for (const file of paths) {
        const uri = URI.file(file);
        const text = fs.readFileSync(file, 'utf8');
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mlplan', 0, text));
        const doc = shared.workspace.LangiumDocumentFactory.fromTextDocument(TextDocument.create(uri.toString(), 'mlplan', 0, text), uri);
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs.push(doc);
    }
    mark('parse');
    await builder.build(docs, { validation: true });
    const total = performance.now() - t0;
    const diagnostics = docs.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
    const cpuUsed = process.cpuUsage(cpu0);
    report(`initial build of ${paths.length} file(s): ${total.toFixed(0)} ms wall, ${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(0)} ms CPU, ${diagnostics} diagnostics`, phase, ruleTime);

    // Re-builds after a one-character edit of the (first) file, as the language server does.
    const doc = docs[0];
    phase.clear();
    ruleTime.clear();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
        const text = doc.textDocument.getText();
        const at = text.indexOf('description "') + 13;
        const next = round % 2 === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}`;
        shared.workspace.TextDocuments.set(TextDocument.create(doc.uri.toString(), 'mlplan', round + 1, next));
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        last = start;
        await builder.update([doc.uri], []);
        times.push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
    report(`re-build after an edit, ${ROUNDS} rounds: median ${mid(times)} ms wall, ${mid(cpu)} ms CPU`, phase, ruleTime, ROUNDS);
    const mem = process.memoryUsage();
    console.log(`heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);
}

function report(title: string, phase: Map<string, number>, ruleTime: Map<string, number>, rounds = 1): void {
    console.log(`\n${title}`);
    for (const [name, ms] of phase) console.log(`  ${name.padEnd(18)} ${(ms / rounds).toFixed(1).padStart(8)} ms`);
    const rules = [...ruleTime].sort((a, b) => b[1] - a[1]);
    const sum = rules.reduce((n, [, ms]) => n + ms, 0);
    console.log(`  rules (sum)        ${(sum / rounds).toFixed(1).padStart(8)} ms; slowest:`);
    for (const [code, ms] of rules.slice(0, 12)) console.log(`    ${code.padEnd(30)} ${(ms / rounds).toFixed(1).padStart(8)} ms`);
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
