// The abuse scenarios, shared by test/robustness/lsp-abuse.test.ts (bounded sizes, assertions)
// and scripts/abuse/run.mjs (full sizes, printed figures). Each starts its own server in a fresh
// temporary workspace folder, drives it over stdio, and returns what it measured and every
// problem it saw (`problems`: strings; empty when the server behaved). Each stops its server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
    CONTENT_MODIFIED, gcProbeOptions, LspConnection, REQUEST_CANCELLED, SERVER_CANCELLED, sleep,
} from './lsp-connection.mjs';
import {
    BASE_PLAN, bigPlan, checkText, editScript, HOVER_ANCHOR, normalizeDiagnostics, positionAt, randomBytes, rng,
} from './plans.mjs';

/** A fresh folder to serve as the workspace; `files` (relative path → content) are written into it. */
export function tempWorkspace(files = {}) {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mlplan-abuse-')));
    for (const [relative, content] of Object.entries(files)) {
        const file = path.join(dir, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return dir;
}

const uriOf = file => pathToFileURL(file).href;

/** Starts a server on `dir` as its workspace folder; the connection is ready for documents. */
async function startServer(dir, options = {}) {
    const connection = new LspConnection({ cwd: dir, ...options });
    await connection.initialize(uriOf(dir));
    return connection;
}

/** Ends the server and removes the workspace, whatever happened. */
async function finish(connection, dir) {
    await connection?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
}

/** Classifies an answer: a result, or an error that a well-behaved server may send. */
function classify(answer) {
    if (!answer.error) return 'result';
    switch (answer.error.code) {
        case REQUEST_CANCELLED: return 'cancelled';
        case CONTENT_MODIFIED: return 'content-modified';
        case SERVER_CANCELLED: return 'server-cancelled';
        default: return 'error';
    }
}

/** True when `error` is a JSON-RPC error object as the specification defines it. */
function isProperError(error) {
    return typeof error === 'object' && error !== null && Number.isInteger(error.code) && typeof error.message === 'string';
}

const hoverText = result => {
    const contents = result?.contents;
    if (!contents) return '';
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map(c => (typeof c === 'string' ? c : c.value)).join('\n');
    return contents.value ?? '';
};

/** The hover at the anchor figure of the edit script's plan, which must explain the mean rate. */
async function anchorHover(connection, uri, text) {
    const at = text.indexOf(HOVER_ANCHOR.text);
    if (at < 0) return { ok: false, text: `anchor \`${HOVER_ANCHOR.text}\` missing from the final text` };
    let answer;
    try {
        answer = await connection.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, at + HOVER_ANCHOR.column) }, 60_000);
    } catch (error) {
        return { ok: false, text: error.message };
    }
    const value = hoverText(answer.result);
    return { ok: HOVER_ANCHOR.expect.test(value), text: answer.error ? `error ${answer.error.code}: ${answer.error.message}` : value };
}

/**
 * Waits until the diagnostics published for `uri` are `expected` (normalized), and returns when
 * they were published; or reports what was published last.
 */
async function awaitDiagnostics(connection, uri, expected, timeoutMs) {
    const same = diagnostics => JSON.stringify(normalizeDiagnostics(diagnostics)) === JSON.stringify(expected);
    try {
        await connection.diagnosticsFor(uri, same, timeoutMs);
        return { match: true, at: connection.lastPublishAt.get(uri), actual: expected };
    } catch {
        return { match: false, at: connection.lastPublishAt.get(uri), actual: normalizeDiagnostics(connection.diagnostics.get(uri) ?? []) };
    }
}

/**
 * `count` rapid `didChange` edits (incremental ranges, now and then the whole text), with hover
 * and completion requests interleaved, most of them cancelled with `$/cancelRequest` while in
 * flight. Then: every request must have been answered (a result, or a cancellation error), the
 * server must still run, a hover on the final text must be right, and the final diagnostics must
 * be those of `mlplan check` on the final text.
 */
export async function rapidEdits({ count = 1_000, seed = 20261123, requestEvery = 3, cancelRatio = 0.6, maxTypedLines = 40 } = {}) {
    const dir = tempWorkspace();
    const file = path.join(dir, 'typed.mlplan');
    const uri = uriOf(file);
    const problems = [];
    const r = rng(seed + 1);
    let connection;
    try {
        connection = await startServer(dir);
        connection.open(uri, BASE_PLAN);
        await connection.diagnosticsFor(uri);
        const edits = editScript(count, seed, { maxTypedLines });
        // The server may work through the backlog for a while: up to 30 ms an edit is allowed for.
        const settleTimeout = Math.max(60_000, count * 30);
        const requests = [];
        const cancelLater = [];
        const started = performance.now();
        let version = 1;
        for (const [i, edit] of edits.entries()) {
            connection.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [edit.change] });
            // Requests cancelled on the previous edit are cancelled now: after another change arrived.
            cancelLater.splice(0).forEach(id => connection.cancel(id));
            if (i % requestEvery === 0) {
                const method = r.chance(0.5) ? 'textDocument/hover' : 'textDocument/completion';
                const position = positionAt(edit.text, r.int(0, edit.text.length));
                const sent = connection.send(method, { textDocument: { uri }, position }, settleTimeout + 60_000);
                const cancelled = r.chance(cancelRatio);
                if (cancelled) {
                    if (r.chance(0.5)) connection.cancel(sent.id);
                    else cancelLater.push(sent.id);
                }
                requests.push({ method, cancelled, answer: sent.answer });
            }
            // Let the answers be read now and then, as an editor's event loop would.
            if (i % 25 === 24) await new Promise(resolve => setImmediate(resolve));
        }
        cancelLater.splice(0).forEach(id => connection.cancel(id));
        const sentAt = performance.now();
        const finalText = edits[edits.length - 1].text;
        const expected = normalizeDiagnostics(await checkText(finalText));
        let settled = await awaitDiagnostics(connection, uri, expected, settleTimeout);
        if (settled.match) {
            // An intermediate version may have had the same findings: the server is done only when
            // it has been quiet for a while, and what it published last is what counts.
            await idle(connection, uri, 1_000);
            const last = normalizeDiagnostics(connection.diagnostics.get(uri) ?? []);
            settled = { match: JSON.stringify(last) === JSON.stringify(expected), at: connection.lastPublishAt.get(uri), actual: last };
        }
        if (!settled.match) {
            problems.push(`final diagnostics differ from \`mlplan check\` of the final text:\n  server: ${JSON.stringify(settled.actual)}\n  check:  ${JSON.stringify(expected)}`);
        }
        const outcomes = { result: 0, cancelled: 0, 'content-modified': 0, 'server-cancelled': 0, error: 0 };
        for (const request of requests) {
            try {
                const answer = await request.answer;
                const kind = classify(answer);
                outcomes[kind]++;
                if (kind === 'error') problems.push(`${request.method} answered ${JSON.stringify(answer.error)}`);
                if (answer.error && !isProperError(answer.error)) problems.push(`${request.method}: malformed error ${JSON.stringify(answer.error)}`);
            } catch (error) {
                problems.push(`${request.method}${request.cancelled ? ' (cancelled)' : ''}: ${error.message}`);
            }
        }
        const hover = await anchorHover(connection, uri, finalText);
        if (!hover.ok) problems.push(`final hover is wrong: ${hover.text}`);
        if (!connection.alive) problems.push(`server exited: ${connection.stderr}`);
        if (connection.errorLogs.length > 0) problems.push(`server logged errors: ${connection.errorLogs.slice(0, 5).join(' | ')}`);
        const settleSeconds = ((settled.at ?? performance.now()) - started) / 1000;
        return {
            problems,
            edits: edits.length,
            sendSeconds: (sentAt - started) / 1000,
            settleSeconds,
            editsPerSecond: edits.length / settleSeconds,
            requests: requests.length,
            outcomes,
            publishes: connection.publishCount.get(uri) ?? 0,
            finalDiagnostics: expected,
            hover: hover.text,
            rssKb: connection.rssKb(),
        };
    } finally {
        await finish(connection, dir);
    }
}

/** Positions no client should send, and a few it might. */
export function hostilePositions(text) {
    const lines = text.split('\n');
    return [
        { line: -1, character: -1 },
        { line: 0, character: -100 },
        { line: -2147483648, character: 0 },
        { line: lines.length, character: 0 },
        { line: lines.length + 10, character: 5 },
        { line: 0, character: 1_000_000 },
        { line: lines.length - 1, character: 2147483647 },
        { line: 2147483647, character: 2147483647 },
        { line: 1e15, character: 1e15 },
        { line: 1.5, character: 2.25 },
    ];
}

/**
 * Every request kind the server offers, for `uri`, at each of `positions` (ranges: from the
 * position to the start of the document, i.e. also reversed). Returns one entry per request:
 * what it answered, and `problems` for any request not answered or answered with a malformed
 * error, and for a server that exited.
 */
export async function requestsEverywhere(connection, uri, positions) {
    const problems = [];
    const answers = [];
    const doc = { textDocument: { uri } };
    const rangeTo = position => ({ start: position, end: { line: 0, character: 0 } });
    const formatting = { tabSize: 2, insertSpaces: true };
    const calls = [];
    for (const position of positions) {
        calls.push(
            ['textDocument/hover', { ...doc, position }],
            ['textDocument/completion', { ...doc, position, context: { triggerKind: 2, triggerCharacter: '.' } }],
            ['textDocument/definition', { ...doc, position }],
            ['textDocument/references', { ...doc, position, context: { includeDeclaration: true } }],
            ['textDocument/documentHighlight', { ...doc, position }],
            ['textDocument/prepareRename', { ...doc, position }],
            ['textDocument/rename', { ...doc, position, newName: 'renamed' }],
            ['textDocument/codeAction', {
                ...doc, range: rangeTo(position),
                context: {
                    diagnostics: [
                        { range: { start: position, end: position }, message: 'x', code: 'unresolved-reference', source: 'mlplan' },
                        { range: { start: position, end: position }, message: 'y', code: 'fallback-missing', data: { code: 'fallback-missing' } },
                    ],
                },
            }],
            ['textDocument/rangeFormatting', { ...doc, range: rangeTo(position), options: formatting }],
            ['textDocument/semanticTokens/range', { ...doc, range: rangeTo(position) }],
        );
    }
    calls.push(
        ['textDocument/formatting', { ...doc, options: formatting }],
        ['textDocument/formatting', { ...doc, options: { tabSize: -1, insertSpaces: false } }],
        ['textDocument/formatting', { ...doc, options: { tabSize: 2147483647, insertSpaces: true } }],
        ['textDocument/semanticTokens/full', doc],
        ['textDocument/foldingRange', doc],
        ['textDocument/codeLens', doc],
        ['textDocument/documentSymbol', doc],
        ['workspace/symbol', { query: '' }],
        ['workspace/executeCommand', { command: 'mlplan.export', arguments: [uri, 'html'] }],
        ['workspace/executeCommand', { command: 'mlplan.export', arguments: [uri, 'no-such-format'] }],
        ['workspace/executeCommand', { command: 'mlplan.readinessReport', arguments: [uri] }],
        ['workspace/executeCommand', { command: 'mlplan.readinessReport', arguments: [42, null] }],
        ['workspace/executeCommand', { command: 'mlplan.noSuchCommand', arguments: [] }],
    );
    // All in flight at once, as a busy editor sends them.
    const sent = calls.map(([method, params]) => ({ method, params, answer: connection.send(method, params, 60_000).answer }));
    for (const { method, params, answer } of sent) {
        const where = params.position ? ` at ${JSON.stringify(params.position)}` : params.range ? ` for ${JSON.stringify(params.range)}` : '';
        try {
            const value = await answer;
            answers.push({ method, where, kind: classify(value), error: value.error });
            if (value.error && !isProperError(value.error)) problems.push(`${method}${where}: malformed error ${JSON.stringify(value.error)}`);
        } catch (error) {
            problems.push(`${method}${where}: ${error.message}`);
        }
    }
    if (!connection.alive) problems.push(`server exited: ${connection.stderr}`);
    return { answers, problems };
}

/** Requests at hostile positions in an open plan, then a normal hover that must still be right. */
export async function outOfRange() {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'plan.mlplan'));
    let connection;
    try {
        connection = await startServer(dir);
        connection.open(uri, BASE_PLAN);
        await connection.diagnosticsFor(uri);
        const { answers, problems } = await requestsEverywhere(connection, uri, hostilePositions(BASE_PLAN));
        const hover = await anchorHover(connection, uri, BASE_PLAN);
        if (!hover.ok) problems.push(`hover after the abuse is wrong: ${hover.text}`);
        if (connection.errorLogs.length > 0) problems.push(`server logged errors: ${connection.errorLogs.slice(0, 5).join(' | ')}`);
        return { answers, problems, errors: answers.filter(a => a.kind !== 'result') };
    } finally {
        await finish(connection, dir);
    }
}

/**
 * Documents the server never saw, or saw out of order: requests for never-opened and non-file
 * URIs, `didClose` of a document never opened, `didChange` of a document never opened, and
 * `didChange` whose version goes backwards. Afterwards the server must still answer for a real
 * document, whose diagnostics must follow the last change sent. (Files outside the workspace
 * folder are test/security's concern.)
 */
export async function unknownDocuments() {
    const dir = tempWorkspace({ 'present.mlplan': BASE_PLAN });
    const uri = uriOf(path.join(dir, 'open.mlplan'));
    const problems = [];
    let connection;
    try {
        connection = await startServer(dir);
        connection.open(uri, BASE_PLAN);
        await connection.diagnosticsFor(uri);
        const strangers = [
            uriOf(path.join(dir, 'never-opened.mlplan')),
            uriOf(path.join(dir, 'present.mlplan')),
            uriOf(path.join(dir, 'not-a-plan.txt')),
            'untitled:Untitled-1',
            'http://example.com/plan.mlplan',
            'https://example.com/a/b/../../plan.mlplan?x=1#y',
            'vscode-notebook-cell:/x.mlplan#cell',
            'file:///',
            'file:///dev/zero',
            'not a uri at all',
            '',
        ];
        const answers = [];
        for (const stranger of strangers) {
            connection.notify('textDocument/didClose', { textDocument: { uri: stranger } });
            connection.notify('textDocument/didChange', { textDocument: { uri: stranger, version: 7 }, contentChanges: [{ text: 'plan X {}' }] });
            connection.notify('textDocument/didChange', {
                textDocument: { uri: stranger, version: 8 },
                contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }],
            });
            const result = await requestsEverywhere(connection, stranger, [{ line: 0, character: 0 }, { line: 3, character: 4 }]);
            problems.push(...result.problems.map(p => `${JSON.stringify(stranger)}: ${p}`));
            answers.push(...result.answers.map(a => ({ uri: stranger, ...a })));
        }
        // Versions going backwards, then forwards again; the last change sent wins.
        const backwards = [
            { version: 10, text: BASE_PLAN.replace('owner ana', 'owner v10') },
            { version: 3, text: BASE_PLAN.replace('owner ana', 'owner v3') },
            { version: -5, text: BASE_PLAN.replace('owner ana', 'owner vminus5') },
            { version: 3, text: BASE_PLAN.replace('owner ana', 'owner again3') },
        ];
        for (const change of backwards) {
            connection.notify('textDocument/didChange', { textDocument: { uri, version: change.version }, contentChanges: [{ text: change.text }] });
        }
        const lastText = backwards[backwards.length - 1].text;
        const expected = normalizeDiagnostics(await checkText(lastText));
        const settled = await awaitDiagnostics(connection, uri, expected, 30_000);
        if (!settled.match) {
            problems.push(`after versions going backwards the diagnostics do not follow the last change:\n  server: ${JSON.stringify(settled.actual)}\n  check:  ${JSON.stringify(expected)}`);
        }
        // A document closed twice, then reopened.
        connection.notify('textDocument/didClose', { textDocument: { uri } });
        connection.notify('textDocument/didClose', { textDocument: { uri } });
        connection.open(uri, BASE_PLAN, 1);
        const reopened = await awaitDiagnostics(connection, uri, normalizeDiagnostics(await checkText(BASE_PLAN)), 30_000);
        if (!reopened.match) problems.push(`after close, close and reopen the diagnostics are not those of the reopened text: ${JSON.stringify(reopened.actual)}`);
        const hover = await anchorHover(connection, uri, BASE_PLAN);
        if (!hover.ok) problems.push(`hover after the abuse is wrong: ${hover.text}`);
        if (!connection.alive) problems.push(`server exited: ${connection.stderr}`);
        return { answers, problems, published: [...connection.diagnostics.keys()] };
    } finally {
        await finish(connection, dir);
    }
}

/**
 * A valid plan of `bytes` bytes opened, hovered while it builds, and edited: the times from
 * `didOpen` and from the edit to their diagnostics, and the server's memory.
 */
export async function hugePlan({ bytes = 10_000_000, timeoutMs = 600_000 } = {}) {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'huge.mlplan'));
    const problems = [];
    let connection;
    try {
        const text = bigPlan(bytes);
        const lines = text.split('\n').length - 1;
        connection = await startServer(dir);
        const openedAt = performance.now();
        connection.open(uri, text);
        // A hover sent while the first build runs.
        const early = connection.send('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 10 } }, timeoutMs).answer
            .then(answer => ({ answer, at: performance.now() }));
        const diagnostics = await connection.diagnosticsFor(uri, () => true, timeoutMs);
        const openSeconds = (performance.now() - openedAt) / 1000;
        const earlyHover = await early;
        const rssAfterOpenKb = connection.rssKb();
        if (diagnostics.some(d => d.code === 'syntax-error')) problems.push('the generated plan has syntax errors');
        // An edit in the middle: a new declaration, then its removal.
        const middle = Math.floor(lines / 2);
        const edits = [
            { range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: '  metric inserted_midway { kind ml better higher }\n' },
            { range: { start: { line: middle, character: 0 }, end: { line: middle + 1, character: 0 } }, text: '' },
        ];
        const editSeconds = [];
        let version = 1;
        for (const change of edits) {
            const before = connection.publishCount.get(uri) ?? 0;
            const editedAt = performance.now();
            connection.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
            await connection.publishedBeyond(uri, before, timeoutMs);
            editSeconds.push((performance.now() - editedAt) / 1000);
        }
        const hoverAt = performance.now();
        const hover = await connection.request('textDocument/hover', { textDocument: { uri }, position: { line: middle, character: 4 } }, timeoutMs);
        const hoverSeconds = (performance.now() - hoverAt) / 1000;
        const symbolsAt = performance.now();
        const symbols = await connection.request('textDocument/documentSymbol', { textDocument: { uri } }, timeoutMs);
        const symbolsSeconds = (performance.now() - symbolsAt) / 1000;
        if (hover.error) problems.push(`hover on the huge plan: ${hover.error.message}`);
        if (symbols.error) problems.push(`symbols of the huge plan: ${symbols.error.message}`);
        if (!connection.alive) problems.push(`server exited: ${connection.stderr}`);
        return {
            problems,
            bytes: Buffer.byteLength(text),
            lines,
            diagnostics: diagnostics.length,
            openSeconds,
            earlyHover: { seconds: (earlyHover.at - openedAt) / 1000, kind: classify(earlyHover.answer) },
            editSeconds,
            hoverSeconds,
            symbolsSeconds,
            rssAfterOpenKb,
            rssKb: connection.rssKb(),
            peakRssKb: connection.peakRssKb(),
        };
    } finally {
        await finish(connection, dir);
    }
}

/**
 * Random bytes (NUL included, invalid UTF-8) named `.mlplan`: one file on disk in the workspace
 * folder, loaded by the server itself at start-up, and one opened by the client. Both must get
 * syntax errors, every request on them must be answered, and the server must keep running.
 */
export async function binaryFiles({ size = 64 * 1024 } = {}) {
    const bytes = randomBytes(size);
    const dir = tempWorkspace({ 'on-disk.mlplan': bytes });
    const onDisk = uriOf(path.join(dir, 'on-disk.mlplan'));
    const opened = uriOf(path.join(dir, 'opened.mlplan'));
    const problems = [];
    let connection;
    try {
        const phases = {};
        let phaseStart = performance.now();
        const phase = name => {
            phases[name] = (performance.now() - phaseStart) / 1000;
            phaseStart = performance.now();
        };
        connection = await startServer(dir);
        const text = bytes.toString('utf8');
        connection.open(opened, text);
        const results = {};
        for (const uri of [onDisk, opened]) {
            const diagnostics = await connection.diagnosticsFor(uri, () => true, 60_000).catch(error => {
                problems.push(`${uri}: ${error.message}`);
                return [];
            });
            const codes = [...new Set(diagnostics.map(d => d.code))].sort();
            if (!codes.includes('syntax-error')) problems.push(`${path.basename(uri)}: no syntax-error among ${JSON.stringify(codes)}`);
            const some = hostilePositions(text).slice(3, 6).concat([positionAt(text, Math.floor(text.length / 2)), { line: 0, character: 0 }]);
            const result = await requestsEverywhere(connection, uri, some);
            problems.push(...result.problems.map(p => `${path.basename(uri)}: ${p}`));
            results[path.basename(uri)] = { diagnostics: diagnostics.length, codes, errors: result.answers.filter(a => a.kind === 'error').length };
            phase(path.basename(uri));
        }
        // Edits that stay binary.
        let version = 1;
        let current = text;
        for (let i = 0; i < 20; i++) {
            const insert = randomBytes(64, i).toString('latin1');
            const at = (i * 997) % current.length;
            connection.notify('textDocument/didChange', { textDocument: { uri: opened, version: ++version }, contentChanges: [{ range: { start: positionAt(current, at), end: positionAt(current, at) }, text: insert }] });
            current = current.slice(0, at) + insert + current.slice(at);
        }
        const expected = normalizeDiagnostics(await checkText(current));
        phase('check');
        const settled = await awaitDiagnostics(connection, opened, expected, 60_000);
        phase('edits');
        if (!settled.match) problems.push('after binary edits the diagnostics differ from `mlplan check` of the same text');
        if (!connection.alive) problems.push(`server exited: ${connection.stderr}`);
        return { problems, results, phases };
    } finally {
        await finish(connection, dir);
    }
}

/**
 * Memory under a long editing session: `count` edits of a plan whose size stays bounded (typed
 * lines are deleted again), in bursts as a fast typist sends them, with hovers. The server's
 * VmRSS is read after `early` edits and at the end, each time after a short idle (nothing forced)
 * and again after a full garbage collection (the test-only gc-probe preload); also every
 * `sampleEvery` edits (a multiple of `burst`). Set `snapshotDir` to also write a heap snapshot at
 * each sample (compare two in Chrome DevTools' Memory tab, "Comparison" view).
 */
export async function memoryGrowth({ count = 2_000, early = 100, seed = 99, burst = 20, snapshotDir, sampleEvery } = {}) {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'long-session.mlplan'));
    const probeFile = path.join(dir, '.gc-probe.json');
    const problems = [];
    let connection;
    try {
        connection = await startServer(dir, gcProbeOptions(probeFile, snapshotDir));
        connection.open(uri, BASE_PLAN);
        await connection.diagnosticsFor(uri);
        const edits = editScript(count, seed, { maxTypedLines: 12 });
        const r = rng(seed);
        const samples = [];
        let version = 1;
        const started = performance.now();
        const sample = async label => {
            // Let the last build finish: no new diagnostics for a moment.
            await idle(connection, uri, 300);
            const idleRssKb = connection.rssKb();
            const probe = await connection.probeMemory(probeFile);
            samples.push({ label, edits: version - 1, idleRssKb, gcRssKb: Math.round(probe.rss / 1024), heapUsedKb: Math.round(probe.heapUsed / 1024), heapTotalKb: Math.round(probe.heapTotal / 1024), codeKb: Math.round(((probe.spaces.code_space ?? 0) + (probe.spaces.code_large_object_space ?? 0)) / 1024), dataHeapKb: Math.round((probe.heapUsed - (probe.spaces.code_space ?? 0) - (probe.spaces.code_large_object_space ?? 0)) / 1024), externalKb: Math.round(probe.external / 1024), snapshot: probe.snapshot });
        };
        for (let i = 0; i < edits.length; i += burst) {
            const before = connection.publishCount.get(uri) ?? 0;
            for (const edit of edits.slice(i, i + burst)) {
                connection.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [edit.change] });
            }
            const text = edits[Math.min(i + burst, edits.length) - 1].text;
            const hover = connection.send('textDocument/hover', { textDocument: { uri }, position: positionAt(text, r.int(0, text.length)) }, 60_000);
            if (r.chance(0.5)) connection.cancel(hover.id);
            const answer = await hover.answer;
            if (classify(answer) === 'error') problems.push(`hover answered ${JSON.stringify(answer.error)}`);
            await connection.publishedBeyond(uri, before, 60_000).catch(() => problems.push(`no diagnostics after edit ${version - 1}`));
            if (version - 1 === early || (i < early && i + burst > early)) await sample('early');
            else if (sampleEvery && (version - 1) % sampleEvery === 0 && version - 1 < count) await sample(`after ${version - 1}`);
        }
        const seconds = (performance.now() - started) / 1000;
        await sample('end');
        if (!connection.alive) problems.push(`server exited: ${connection.stderr}`);
        const first = samples[0];
        const last = samples[samples.length - 1];
        return {
            problems,
            edits: count,
            seconds,
            editsPerSecond: count / seconds,
            samples,
            growth: { idle: last.idleRssKb / first.idleRssKb - 1, gc: last.gcRssKb / first.gcRssKb - 1, heap: last.heapUsedKb / first.heapUsedKb - 1 },
        };
    } finally {
        await finish(connection, dir);
    }
}

/** Resolves once no diagnostics for `uri` arrived for `quietMs`. */
async function idle(connection, uri, quietMs) {
    for (;;) {
        const last = connection.lastPublishAt.get(uri) ?? 0;
        const wait = last + quietMs - performance.now();
        if (wait <= 0) return;
        await sleep(wait);
    }
}
