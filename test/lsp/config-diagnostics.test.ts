// mlplan.config.json problems as diagnostics in the file itself, and plan diagnostics and fix
// titles as plain text, as a running language server publishes them over a real connection.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CodeActionRequest, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { startInProcessServer, type InProcessServer } from './in-process-server.js';

const PLAN = readFileSync('examples/churn-prediction.mlplan', 'utf8').replace('fallback TenureRule', 'fallback TenureRul');
const MISSPELLED = '{\n  "rules": {\n    "fallback-mising": "error"\n  }\n}\n';
const MISSING_COMMA = '{\n  "rules": {\n    "fallback-missing": "error"\n    "risk-missing": "off"\n  }\n}\n';
const BAD_SEVERITY = '{ "rules": { "risk-missing": "warn" } }\n';
const FIXED = '{ "rules": { "fallback-missing": "error" } }\n';

let dir: string;
let configFile: string;
let configUri: string;
let planUri: string;
let server: InProcessServer;

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** Writes the configuration file (or deletes it) and tells the server, as the editor's file watcher does. */
async function changeConfig(text: string | undefined): Promise<number> {
    const before = server.published.length;
    if (text === undefined) {
        unlinkSync(configFile);
    } else {
        writeFileSync(configFile, text);
    }
    await server.watchedFilesChanged([{ uri: configUri, type: text === undefined ? FileChangeType.Deleted : FileChangeType.Changed }]);
    return before;
}

const withProblems = (params: { diagnostics: Diagnostic[] }) => params.diagnostics.length > 0;

beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mlplan-config-diagnostics-'));
    configFile = path.join(dir, 'mlplan.config.json');
    writeFileSync(configFile, MISSPELLED);
    writeFileSync(path.join(dir, 'churn.mlplan'), PLAN);
    configUri = pathToFileURL(configFile).href;
    planUri = pathToFileURL(path.join(dir, 'churn.mlplan')).href;
    server = await startInProcessServer(pathToFileURL(dir).href);
});

afterAll(() => {
    server?.dispose();
    rmSync(dir, { recursive: true, force: true });
});

describe('mlplan.config.json problems are diagnostics in the file', () => {
    test('a misspelled rule code is a warning on its key, naming the nearest code', async () => {
        const published = await server.diagnosticsFor(configUri);
        expect(published.diagnostics).toEqual([{
            range: range(2, 4, 2, 21),
            severity: 2,
            source: 'mlplan',
            code: 'config-unknown-rule',
            message: "unknown rule code 'fallback-mising'; did you mean 'fallback-missing'?",
        }]);
    });

    test('broken JSON is an error at the offending character; fixing the file clears it', async () => {
        let after = await changeConfig(MISSING_COMMA);
        const broken = await server.diagnosticsFor(configUri, withProblems, after);
        expect(broken.diagnostics).toEqual([{
            range: range(3, 4, 3, 5),
            severity: 1,
            source: 'mlplan',
            code: 'config-invalid-json',
            message: `not valid JSON: expected ',' or '}' after the property value, found '"'`,
        }]);
        after = await changeConfig(FIXED);
        expect((await server.diagnosticsFor(configUri, undefined, after)).diagnostics).toEqual([]);
    });

    test('an invalid severity is an error on the value', async () => {
        const after = await changeConfig(BAD_SEVERITY);
        const published = await server.diagnosticsFor(configUri, withProblems, after);
        expect(published.diagnostics).toEqual([{
            range: range(0, 29, 0, 35),
            severity: 1,
            source: 'mlplan',
            code: 'config-invalid-severity',
            message: `'"warn"' is not a severity: use error, warning, info, hint or off`,
        }]);
    });

    test('deleting the file clears its diagnostics', async () => {
        const after = await changeConfig(undefined);
        expect((await server.diagnosticsFor(configUri, undefined, after)).diagnostics).toEqual([]);
    });

    test('no message pops up for a configuration file', () => {
        expect(server.shown).toEqual([]);
    });
});

describe('published plan diagnostics and fix titles are plain text', () => {
    test('backticks become single quotes in the message; the fix found by data and range is offered with a plain title', async () => {
        const published = await server.diagnosticsFor(planUri, params => params.diagnostics.some(d => d.code === 'unresolved-reference'));
        const unresolved = published.diagnostics.find(d => d.code === 'unresolved-reference')!;
        expect(unresolved.message).toBe("'TenureRul' is not a declared baseline (a fallback is a baseline, or a quoted string describing the behaviour); did you mean 'TenureRule'?");
        expect(published.diagnostics.filter(d => typeof d.message === 'string' && d.message.includes('`'))).toEqual([]);
        // The client sends the diagnostic back as it received it, converted message included.
        const actions = await server.client.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: planUri },
            range: unresolved.range,
            context: { diagnostics: [unresolved] },
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toContain("Change 'TenureRul' to 'TenureRule'");
        expect(actions.map(a => a.title)).toContain("Ignore 'unresolved-reference' on this line");
        expect(actions.find(a => a.title === "Change 'TenureRul' to 'TenureRule'")!.edit!.changes![planUri]).toEqual([{ range: unresolved.range, newText: 'TenureRule' }]);
    });
});

describe('the mlplan.rules setting', () => {
    test('its problems are one warning message per distinct value, never twice for the same value', async () => {
        const invalid = { mlplan: { rules: { 'risk-missing': 'warn' } } };
        await server.settingsChanged(invalid);
        await server.settingsChanged(invalid);
        await server.settingsChanged({ mlplan: { rules: { 'fallback-mising': 'error' } } });
        await server.settingsChanged(invalid);
        await server.settingsChanged({ mlplan: { rules: {} } });
        // A request after the notifications: the server handled them (and sent its messages) before it answers.
        await server.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: planUri }, range: range(0, 0, 0, 0), context: { diagnostics: [] } });
        expect(server.shown.map(s => [s.type, s.message])).toEqual([
            [2, 'ML Plan: the mlplan.rules setting: rule "risk-missing" has severity "warn"; use error, warning, info, hint or off'],
            [2, 'ML Plan: the mlplan.rules setting: unknown rule code "fallback-mising" (ignored)'],
        ]);
    });
});
