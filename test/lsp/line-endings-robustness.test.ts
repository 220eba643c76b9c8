/**
 * Old Mac line endings (a lone `\r`) are line breaks for LSP and for the lexer. Found by the fuzzer
 * (npm run fuzz): the formatter took them for spaces and pulled the next line into a `//` comment,
 * and quick-fixes computed positions on `\n` only, so their edits pointed outside the document.
 */
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

function tokensAndComments(text: string): string[] {
    const lexed = services.parser.Lexer.tokenize(text);
    return [...lexed.tokens, ...lexed.hidden.filter(t => t.image.startsWith('/'))]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(t => t.image.split(/\r\n|\r|\n/).map(line => line.trim()).join('\n'));
}

async function format(text: string): Promise<string> {
    const { document } = await check(services, text);
    const edits = await services.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: 2, insertSpaces: true },
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

const PLAN = `/** The plan.
 * Second line. */
plan Churn { // the plan
  owner ana // a person
  stage growth
  person ana { name "Ana" }
  metric auc {
      kind ml
    /* a block
       comment */
      better higher
  }
}
`;

describe('formatting a file with lone CR line endings', () => {
    test('keeps a line comment from swallowing the next line (the fuzzer\'s reproducer)', async () => {
        const text = 'plan n{stage growth//\r}';
        const formatted = await format(text);
        expect(tokensAndComments(formatted)).toEqual(tokensAndComments(text));
        expect(formatted).toBe('plan n {\r  stage growth //\r}');
    });

    test.each([['\r'], ['\r\n'], ['\n']])('keeps every token and comment with %j, idempotently, in the file\'s line ending', async eol => {
        const text = PLAN.replace(/\n/g, eol);
        const formatted = await format(text);
        expect(tokensAndComments(formatted)).toEqual(tokensAndComments(text));
        expect(formatted.split(eol).length).toBe(formatted.split(/\r\n|\r|\n/).length);
        expect(await format(formatted)).toBe(formatted);
    });
});

function applies(text: string, edits: readonly TextEdit[]): string {
    const lines = text.split(/\r\n|\r|\n/);
    for (const edit of edits) {
        for (const position of [edit.range.start, edit.range.end]) {
            expect(position.line, `${JSON.stringify(edit)} is past the last line`).toBeLessThan(lines.length);
            expect(position.character, `${JSON.stringify(edit)} is past the end of its line`).toBeLessThanOrEqual(lines[position.line].length);
        }
    }
    return TextDocument.applyEdits(TextDocument.create('file:///x.mlplan', 'mlplan', 0, text), [...edits]);
}

describe('quick-fixes in a file with lone CR line endings', () => {
    test('edit the lines the editor sees, and the result parses', async () => {
        const text = 'plan P {\r  stage growth\r  model f {\r    retrain on drift\r  }\r  rollout {\r    strategy canary\r    stage 10 %\r  }\r}\r';
        const { document, diagnostics } = await check(services, text);
        expect(diagnostics.length).toBeGreaterThan(3);
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostics[0].range,
            context: { diagnostics },
        }) ?? []) as CodeAction[];
        expect(actions.length).toBeGreaterThan(3);
        for (const action of actions) {
            const fixed = applies(text, action.edit?.changes?.[document.uri.toString()] ?? []);
            expect(fixed.includes('\n'), `"${action.title}" mixes in \\n line breaks`).toBe(false);
            const parsed = services.parser.LangiumParser.parse(fixed);
            expect([...parsed.lexerErrors, ...parsed.parserErrors].map(e => e.message), `"${action.title}":\n${fixed}`).toEqual([]);
        }
    });
});
