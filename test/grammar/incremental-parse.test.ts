import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { URI, type LangiumDocument, type ParseResult } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { Rng } from '../../scripts/fuzz/prng.js';
import type { Document } from '../../server/src/generated/ast.js';
import { reparseMember } from '../../server/src/lsp/mlplan-incremental-parse.js';
import { check, createEditorTestServices } from '../support/services.js';
import { located } from '../support/diagnostics.js';
import { snapshot } from '../support/tree-snapshot.js';

const services = createEditorTestServices();
const parser = services.parser.LangiumParser;

function plans(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? plans(path) : name.endsWith('.mlplan') ? [path] : [];
    });
}

const EXAMPLES = plans(join(__dirname, '../../examples')).map(path => ({ name: path.slice(path.indexOf('examples')), text: readFileSync(path, 'utf8') }));

/** A small random edit of `text`: the kinds of change typing makes, and some it rarely does. */
function edit(text: string, rng: Rng): string {
    const at = rng.int(text.length + 1);
    const lines = text.split('\n');
    const strings = [...text.matchAll(/"[^"\n]*"/g)].map(m => (m.index ?? 0) + 1 + rng.int(m[0].length - 1));
    if (strings.length > 0 && rng.chance(0.3)) {
        // Typing inside a string: what most keystrokes in a plan's descriptions are.
        const inside = rng.pick(strings);
        return text.slice(0, inside) + rng.pick(['x', ' ', 'é', '😀', '\\n']) + text.slice(inside);
    }
    switch (rng.int(6)) {
        case 0: return text.slice(0, at) + rng.pick(['x', '7', ' ', '\n', '_', '.', '"', '{', '}', '/', '-', 'é', '\r\n']) + text.slice(at);
        case 1: return text.slice(0, at) + text.slice(at + rng.range(1, 4));
        case 2: return text.slice(0, at) + '\n' + rng.pick(lines) + '\n' + text.slice(at);
        case 3: {
            const word = /[A-Za-z_][A-Za-z0-9_]*/g;
            const words = [...text.matchAll(word)];
            const target = rng.pick(words);
            const start = target.index ?? 0;
            return text.slice(0, start) + rng.pick(words)[0] + text.slice(start + target[0].length);
        }
        case 4: return text.slice(0, at) + rng.pick(['\n  // note\n', ' /* c */ ', '\n  metric extra { kind ml }\n', '} metric split {', 'title "t"']) + text.slice(at);
        default: {
            const line = rng.int(lines.length);
            lines.splice(line, 1);
            return lines.join('\n');
        }
    }
}

describe('re-parsing the member an edit falls in', () => {
    for (const example of EXAMPLES) {
        test(`gives the tree a full parse gives, over 150 chained edits of ${example.name}`, () => {
            const rng = new Rng(`incremental ${example.name}`);
            let text = example.text;
            let previous: ParseResult<Document> = parser.parse<Document>(text);
            let spliced = 0;
            let broken = 0;
            for (let step = 0; step < 150; step++) {
                const next = edit(text, rng);
                const incremental = reparseMember(parser, previous, next);
                const full = parser.parse<Document>(next);
                if (incremental) {
                    spliced++;
                    expect(snapshot(incremental.value), `step ${step}`).toBe(snapshot(full.value));
                }
                previous = incremental ?? full;
                text = next;
                // Edits that break the syntax switch the incremental path off: start again from the example now and then.
                broken = full.parserErrors.length + full.lexerErrors.length > 0 ? broken + 1 : 0;
                if (broken > 3) {
                    text = example.text;
                    previous = parser.parse<Document>(text);
                    broken = 0;
                }
            }
            // Most random edits break the syntax or fall outside a member; enough must take the fast path for this to test it.
            expect(spliced).toBeGreaterThan(20);
        });
    }

    test('takes the fast path for typing inside a member, and only there', () => {
        const text = 'plan P {\n  title "T"\n  metric m { kind ml description "d" }\n  metric n { kind ml }\n}\n';
        const insertedAt = (needle: string, insert: string) => {
            const i = text.indexOf(needle);
            return text.slice(0, i) + insert + text.slice(i);
        };
        const spliced = (next: string) => reparseMember(parser, parser.parse<Document>(text), next) !== undefined;
        expect(spliced(insertedAt('d" }\n  metric n', 'x'))).toBe(true); // inside a member
        expect(spliced(insertedAt('ml description', 'ml } metric o { kind '))).toBe(true); // one member becomes two
        expect(spliced(insertedAt('"T"', 'x'))).toBe(false); // a plan property
        expect(spliced(insertedAt('  metric n', '\n'))).toBe(false); // between members
        expect(spliced(insertedAt('metric m', 'x'))).toBe(false); // the member's first character
        expect(spliced(insertedAt(' description "d" }', ' }'))).toBe(false); // parses as more than members (a stray `}`)
        expect(spliced(insertedAt('d" }\n  metric n', '"'))).toBe(false); // a lexer error
        expect(spliced(insertedAt('description "d"', '} title "x" metric o { '))).toBe(false); // a plan property between members
        expect(spliced(insertedAt('d" }\n  metric n', 'x" }'))).toBe(false); // a syntax error
    });

    test('moves the positions after the edit: same line and later lines', () => {
        const text = 'plan P {\n  metric m { kind ml } metric n { kind ml }\n  metric o { kind ml }\n}\n';
        const previous = parser.parse<Document>(text);
        const next = text.replace('kind ml }', 'kind\n   ml }');
        const incremental = reparseMember(parser, previous, next)!;
        const [, n, o] = incremental.value.plan!.members;
        expect(n.$cstNode!.range).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 28 } });
        expect(o.$cstNode!.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 22 } });
        expect(n.$cstNode!.text).toBe('metric n { kind ml }');
        expect(incremental.value.$cstNode!.range.end).toEqual({ line: 4, character: 1 });
    });
});

describe('an open document edited in the language server', () => {
    const uri = 'file:///workspace/open.mlplan';
    const plan = readFileSync(join(__dirname, '../../examples/fraud-detection.mlplan'), 'utf8');

    async function open(lsp: typeof services, text: string, files: Record<string, string> = {}): Promise<{ document: LangiumDocument<Document>; change: (next: string) => Promise<void> }> {
        for (const [path, content] of Object.entries(files)) {
            lsp.shared.workspace.LangiumDocuments.addDocument(lsp.shared.workspace.LangiumDocumentFactory.fromString<Document>(content, URI.parse(`file:///workspace/${path}`)));
        }
        let textDocument = TextDocument.create(uri, 'mlplan', 1, text);
        lsp.shared.workspace.TextDocuments.set(textDocument);
        const document = lsp.shared.workspace.LangiumDocumentFactory.fromTextDocument<Document>(textDocument, URI.parse(uri));
        lsp.shared.workspace.LangiumDocuments.addDocument(document);
        await lsp.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return {
            document,
            change: async next => {
                textDocument = TextDocument.update(textDocument, [{ text: next }], textDocument.version + 1);
                lsp.shared.workspace.TextDocuments.set(textDocument);
                await lsp.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
            },
        };
    }

    test('gets after each edit the diagnostics a fresh build of its text gets', async () => {
        const lsp = createEditorTestServices();
        const fresh = createEditorTestServices();
        const files = Object.fromEntries(plans(join(__dirname, '../../examples/shared')).map(path => [`shared/${path.split('/').pop()}`, readFileSync(path, 'utf8')]));
        const { document, change } = await open(lsp, plan, files);
        const rng = new Rng('lsp edits');
        let text = document.textDocument.getText();
        const parsed: boolean[] = [];
        for (let step = 0; step < 40; step++) {
            // Typing inside a description, or after a name that refers to a declaration (which then
            // no longer resolves, or resolves again): the fast path, as while typing in a member.
            const inString = [...text.matchAll(/description "/g)].map(m => (m.index ?? 0) + m[0].length);
            const afterName = [...text.matchAll(/\b(?:on|kpi|after|lead) +[a-z_][a-z0-9_]*/g)].map(m => (m.index ?? 0) + m[0].length);
            const at = rng.pick(step % 2 === 0 ? inString : afterName);
            const typed = step % 2 === 0 ? rng.pick(['x', 'é', 'longer words ']) : 'x';
            text = text.slice(0, at) + typed + text.slice(at);
            const before = document.parseResult;
            await change(text);
            parsed.push(document.parseResult.value === before.value);
            const expected = await check(fresh, text, { path: 'open.mlplan', files });
            expect(document.diagnostics?.map(located), `step ${step}`).toEqual(expected.diagnostics.map(located));
            expect(document.diagnostics?.map(d => d.message)).toEqual(expected.diagnostics.map(d => d.message));
        }
        expect(parsed.filter(Boolean).length).toBeGreaterThan(30);
        expect(document.diagnostics?.filter(d => d.code === 'unresolved-reference').length).toBeGreaterThan(5);
    });

    test('finds a declaration at its new position after lines are added above it', async () => {
        const lsp = createEditorTestServices();
        const text = 'plan P {\n  metric m { kind ml }\n  objective o {\n    kpi m >= 1%\n  }\n}\n';
        const { document, change } = await open(lsp, text);
        const before = document.parseResult.value;
        await change(text.replace('kind ml', 'kind ml\n\n\n    description "d"'));
        expect(document.parseResult.value).toBe(before); // spliced, not re-parsed
        const definitions = await lsp.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri }, position: { line: 6, character: 8 },
        });
        expect(definitions?.map(d => d.targetSelectionRange)).toEqual([{ start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }]);
        await change(document.textDocument.getText().replace('metric m', '\n\nmetric m'));
        const after = await lsp.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri }, position: { line: 8, character: 8 },
        });
        expect(after?.map(d => d.targetSelectionRange)).toEqual([{ start: { line: 3, character: 7 }, end: { line: 3, character: 8 } }]);
    });
});
