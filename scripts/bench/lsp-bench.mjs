// Language-server measurements over a real stdio connection: open → diagnostics, one-character
// edits → diagnostics, hover and completion latency, peak RSS. The same session script drives
// mlplan's server and yaml-language-server (peer comparison), so both are measured alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { rng } from './model.mjs';

export const median = xs => percentile(xs, 50);
/** Nearest-rank percentile. */
export function percentile(xs, p) {
    if (xs.length === 0) return undefined;
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Positions where a one-character edit keeps the document meaning the same: just inside a
 * `description` string (both in .mlplan and YAML). Picked at random (seeded) over the whole file.
 */
export function editPositions(text, count, seed) {
    const lines = text.split('\n');
    const candidates = [];
    lines.forEach((line, i) => {
        const at = line.search(/description:? "/);
        if (at >= 0) candidates.push({ line: i, character: line.indexOf('"', at) + 2 });
    });
    const r = rng(seed);
    return Array.from({ length: count }, () => candidates[Math.floor(r.next() * candidates.length)]);
}

/** `after MILESTONE` (in a milestone or `starts after`), not a dataset's `labels after 30 d`. */
const AFTER_REFERENCE = /(?<!labels )\bafter (\w+)/;

/** Hover targets in a .mlplan text: references and declaration names, spread over the file. */
export function hoverPositions(text, count, seed) {
    const patterns = [
        /\bowner (\w+)/, /\btrains on (\w+)/, /\bkpi (\w+)/, /\bsuccess (\w+)/, AFTER_REFERENCE, /\bindicator (\w+)/,
        /^\s+on (\w+)/, /\bexpect (\w+)/, /\bdataset (\w+) \{/, /\bmodel (\w+) \{/, /\bmetric (\w+) \{/, /\b(serving) \{/, /\b(retrain) every/,
    ];
    return positions(text, count, seed, patterns, match => match.index + match[0].length - match[1].length + Math.floor(match[1].length / 2));
}

/**
 * Completion positions: right after a reference keyword (`owner `, `trains on `, `kpi `), inside a
 * name already typed (a prefix), and at the start of a property line (block keywords).
 */
export function completionPositions(text, count, seed) {
    const patterns = [/\bowner (\w+)/, /\btrains on (\w+)/, /\bkpi (\w+)/, AFTER_REFERENCE, /^(\s+)(?:source|algorithm|likelihood|indicator)\b/];
    const r = rng(seed + 1);
    return positions(text, count, seed, patterns, match => {
        const start = match.index + match[0].length - match[1].length;
        if (/^\s+$/.test(match[1])) return match.index + match[1].length; // start of a property line
        return r.chance(0.5) ? start : start + Math.min(3, match[1].length); // empty prefix or a 3-letter prefix
    });
}

function positions(text, count, seed, patterns, column) {
    const lines = text.split('\n');
    const found = [];
    lines.forEach((line, i) => {
        for (const pattern of patterns) {
            const match = pattern.exec(line);
            if (match) {
                found.push({ line: i, character: column(match) });
                break;
            }
        }
    });
    const r = rng(seed);
    return Array.from({ length: count }, () => found[Math.floor(r.next() * found.length)]);
}

/**
 * One session against a server, over stdio. Two kinds:
 * - `cold: true`: the measured document is the first one the fresh process sees (the lexer and
 *   parser are built and the JIT is cold); only the open is measured.
 * - otherwise: `warmup` (a small plan) is opened first, as in an editor where the server already
 *   runs; then the measured document is opened, edited `edits` times (one character each), asked
 *   for `requests` hovers and as many completions (mlplan only), and the peak RSS is read.
 * Returns timings in ms.
 *
 * @param {{ command: string, args: string[], rootDir: string, file: string, languageId: string,
 *           cold?: boolean, warmup?: string, edits?: number, requests?: number, seed: number,
 *           configuration?: Function, settleMs?: number, sanity?: {text: string, uri: string},
 *           timeoutMs?: number }} o
 */
export async function lspSession(o) {
    const timeoutMs = o.timeoutMs ?? 120_000;
    const client = new LspClient(o.command, o.args, { cwd: o.rootDir, configuration: o.configuration });
    const result = { diagnostics: undefined, edits: [], hovers: [], completions: [] };
    const open = async (uri, text) => {
        const wait = client.waitFor('textDocument/publishDiagnostics', p => p.uri === uri, timeoutMs);
        const cpuBefore = client.cpuMs();
        const mainBefore = client.mainThreadMs();
        const start = performance.now();
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: o.languageId, version: 1, text } });
        const opened = await wait;
        const mainAfter = client.mainThreadMs();
        return {
            ms: opened.at - start,
            cpuMs: client.cpuMs() - cpuBefore,
            // The main thread alone: its time on a CPU, and its time runnable but waiting for one.
            mainOnCpuMs: mainBefore && mainAfter ? mainAfter.onCpu - mainBefore.onCpu : undefined,
            mainWaitingMs: mainBefore && mainAfter ? mainAfter.waiting - mainBefore.waiting : undefined,
            diagnostics: opened.params.diagnostics.length,
        };
    };
    try {
        const capabilities = await client.initialize(pathToFileURL(o.rootDir).href);
        const sync = typeof capabilities.textDocumentSync === 'number' ? capabilities.textDocumentSync : capabilities.textDocumentSync?.change;
        result.sync = sync === 2 ? 'incremental' : 'full';
        // Let the server finish its own start-up (configuration pull, workspace scan) first.
        await sleep(o.settleMs ?? 500);
        if (o.sanity) {
            // A deliberately invalid document: proves the server validates (e.g. the schema is in effect).
            const wait = client.waitFor('textDocument/publishDiagnostics', p => p.uri === o.sanity.uri && p.diagnostics.length > 0, 30_000);
            client.notify('textDocument/didOpen', { textDocument: { uri: o.sanity.uri, languageId: o.languageId, version: 1, text: o.sanity.text } });
            result.sanityDiagnostics = (await wait).params.diagnostics.map(d => d.message);
        }
        if (o.warmup) {
            result.warmupMs = (await open(pathToFileURL(o.warmup).href, fs.readFileSync(o.warmup, 'utf8'))).ms;
        }
        let text = fs.readFileSync(o.file, 'utf8');
        const uri = pathToFileURL(o.file).href;
        const opened = await open(uri, text);
        result.openMs = opened.ms;
        result.openCpuMs = opened.cpuMs;
        result.openMainOnCpuMs = opened.mainOnCpuMs;
        result.openMainWaitingMs = opened.mainWaitingMs;
        result.diagnostics = opened.diagnostics;
        if (o.cold) {
            result.peakRssMb = client.peakRssMb();
            return result;
        }

        // One-character edits: insert an `x` at `pos` (or remove it again), timed to the new diagnostics.
        let version = 1;
        const typeAt = async (pos, insert) => {
            const lines = text.split('\n');
            const line = lines[pos.line];
            lines[pos.line] = insert ? `${line.slice(0, pos.character)}x${line.slice(pos.character)}` : `${line.slice(0, pos.character)}${line.slice(pos.character + 1)}`;
            text = lines.join('\n');
            const change = result.sync === 'incremental'
                ? { range: { start: pos, end: insert ? pos : { line: pos.line, character: pos.character + 1 } }, text: insert ? 'x' : '' }
                : { text };
            const wait = client.waitFor('textDocument/publishDiagnostics', p => p.uri === uri, timeoutMs);
            const start = performance.now();
            client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
            return (await wait).at - start;
        };
        // Inside description strings, over the file.
        const at = editPositions(text, Math.ceil((o.edits ?? 0) / 2), o.seed);
        for (let k = 0; k < (o.edits ?? 0); k++) {
            result.edits.push(await typeAt(at[Math.floor(k / 2)], k % 2 === 0));
        }
        // In the plan's own `title`, outside every member: the server then re-parses the whole
        // text (mlplan only; yaml-language-server always does).
        const title = text.split('\n').findIndex(line => /^\s*title "/.test(line));
        for (let k = 0; k < (o.wholeEdits ?? 0) && title >= 0; k++) {
            const pos = { line: title, character: text.split('\n')[title].indexOf('"') + 2 };
            (result.wholeEdits ??= []).push(await typeAt(pos, k % 2 === 0));
        }

        for (const position of (o.requests ?? 0) > 0 ? hoverPositions(text, o.requests, o.seed) : []) {
            const start = performance.now();
            const answer = await client.request('textDocument/hover', { textDocument: { uri }, position }, timeoutMs);
            result.hovers.push(answer.at - start);
            result.hoverAnswered = (result.hoverAnswered ?? 0) + (answer.result ? 1 : 0);
        }
        for (const position of (o.requests ?? 0) > 0 ? completionPositions(text, o.requests, o.seed) : []) {
            const start = performance.now();
            const answer = await client.request('textDocument/completion', { textDocument: { uri }, position }, timeoutMs);
            result.completions.push(answer.at - start);
            const items = Array.isArray(answer.result) ? answer.result : answer.result?.items ?? [];
            result.completionItems = (result.completionItems ?? 0) + items.length;
        }
        result.peakRssMb = client.peakRssMb();
        return result;
    } finally {
        await client.stop();
    }
}
