import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range } from 'vscode-languageserver-types';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();
const TWO_SPACES: FormattingOptions = { tabSize: 2, insertSpaces: true };

/** Formats `text` (whole document, or `range`) and returns the result and whether the parse was clean. */
async function format(text: string, options: FormattingOptions = TWO_SPACES, range?: Range): Promise<{ output: string; edits: number; syntaxErrors: number }> {
    const { document } = await check(services, text);
    const formatter = services.lsp.Formatter!;
    const textDocument = { uri: document.uri.toString() };
    const edits = await (range
        ? formatter.formatDocumentRange(document, { textDocument, options, range })
        : formatter.formatDocument(document, { textDocument, options }));
    const syntaxErrors = document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length;
    return { output: TextDocument.applyEdits(document.textDocument, edits), edits: edits.length, syntaxErrors };
}

interface Lexed {
    /** Every non-comment token, as written. */
    readonly tokens: string[];
    /** Every comment, each line trimmed (re-indenting a block comment moves its lines). */
    readonly comments: string[];
    /** Tokens and comments in document order (comments as `#` + trimmed text). */
    readonly sequence: string[];
    /** For each comment: does it share its line with the token before it (a trailing comment)? */
    readonly trailing: boolean[];
}

function lex(text: string): Lexed {
    const result = services.parser.Lexer.tokenize(text);
    const comments = result.hidden.filter(t => t.image.startsWith('//') || t.image.startsWith('/*'));
    const all = [...result.tokens.map(t => ({ t, comment: false })), ...comments.map(t => ({ t, comment: true }))]
        .sort((a, b) => a.t.startOffset - b.t.startOffset);
    const normalise = (image: string) => image.split('\n').map(line => line.trim()).join('\n');
    const trailing: boolean[] = [];
    all.forEach((entry, i) => {
        if (entry.comment) {
            const previous = all[i - 1]?.t;
            trailing.push(previous !== undefined && !text.slice(previous.startOffset + previous.image.length, entry.t.startOffset).includes('\n'));
        }
    });
    return {
        tokens: result.tokens.map(t => t.image),
        comments: comments.map(t => normalise(t.image)),
        sequence: all.map(e => (e.comment ? `#${normalise(e.t.image)}` : e.t.image)),
        trailing,
    };
}

/** Formatting keeps every token and comment, in order, and every trailing comment on its line; twice changes nothing. */
async function expectSafeAndIdempotent(text: string, options: FormattingOptions = TWO_SPACES): Promise<string> {
    const first = await format(text, options);
    expect(first.syntaxErrors, 'the input parses').toBe(0);
    const before = lex(text);
    const after = lex(first.output);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.comments).toEqual(before.comments);
    expect(after.sequence).toEqual(before.sequence);
    expect(after.trailing).toEqual(before.trailing);
    const second = await format(first.output, options);
    expect(second.syntaxErrors).toBe(0);
    expect(second.output).toBe(first.output);
    expect(second.edits).toBe(0);
    return first.output;
}

function exampleFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? exampleFiles(path) : name.endsWith('.mlplan') ? [path] : [];
    });
}

const EXAMPLES = exampleFiles(join(__dirname, '../../examples'));

/** A deterministic pseudo-random generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** The same tokens and comments with the whitespace between them replaced at random (a line comment still ends its line). */
function scramble(text: string, seed: number): string {
    const next = random(seed);
    const result = services.parser.Lexer.tokenize(text);
    const tokens = [...result.tokens, ...result.hidden.filter(t => t.image.startsWith('/'))].sort((a, b) => a.startOffset - b.startOffset);
    const gaps = [' ', '   ', '\n', '\n\n\n', '\n      ', '\t', ' \n  \n '];
    let out = '';
    tokens.forEach((token, i) => {
        const previous = tokens[i - 1];
        if (previous) {
            const gap = gaps[Math.floor(next() * gaps.length)];
            out += previous.image.startsWith('//') && !gap.includes('\n') ? '\n' : gap;
        }
        out += token.image;
    });
    return `${out}\n`;
}

describe('examples', () => {
    test('there are examples to format', () => {
        expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
    });

    test.each(EXAMPLES.map(path => [path.slice(path.indexOf('examples')), path]))('%s: keeps every token and comment, idempotent', async (_name, path) => {
        await expectSafeAndIdempotent(readFileSync(path, 'utf8'));
    });

    test.each(EXAMPLES.map(path => [path.slice(path.indexOf('examples')), path]))('%s: also with tabs and with 4 spaces', async (_name, path) => {
        const text = readFileSync(path, 'utf8');
        const tabs = await expectSafeAndIdempotent(text, { tabSize: 4, insertSpaces: false });
        expect(tabs).toMatch(/\n\t\ttitle|\n\ttitle/);
        await expectSafeAndIdempotent(text, { tabSize: 4, insertSpaces: true });
    });

    test.each(EXAMPLES.map(path => [path.slice(path.indexOf('examples')), path]))('%s: with its whitespace scrambled, formats back safely', async (_name, path) => {
        const text = readFileSync(path, 'utf8');
        for (const seed of [1, 2, 3]) {
            await expectSafeAndIdempotent(scramble(text, seed));
        }
    });

    test('every example is already formatted, its runs of one-line declarations aligned as the formatter aligns them', async () => {
        for (const name of ['churn-prediction', 'fraud-detection', 'support-triage', 'demand-forecast', 'invoice-coding']) {
            const text = readFileSync(join(__dirname, `../../examples/${name}.mlplan`), 'utf8');
            expect((await format(text)).edits, name).toBe(0);
        }
        const churn = readFileSync(join(__dirname, '../../examples/churn-prediction.mlplan'), 'utf8');
        expect(churn).toContain('  metric churn_rate  { kind business unit % better lower }\n  metric auc         {');
    });

    test('one-line declarations of one kind on consecutive lines align their braces; a blank line, a comment line or another kind ends the run', async () => {
        const text = 'plan P {\n  metric a { kind ml }\n  metric long_name { kind ml } // trailing\n  metric bb { kind ml }\n  person x { name "X" }\n\n  metric c { kind ml }\n  // note\n  metric dddd { kind ml }\n  metric e {\n    kind ml\n  }\n}\n';
        const output = (await format(text)).output;
        expect(output).toBe('plan P {\n  metric a         { kind ml }\n  metric long_name { kind ml } // trailing\n  metric bb        { kind ml }\n  person x { name "X" }\n\n  metric c { kind ml }\n  // note\n  metric dddd { kind ml }\n  metric e {\n    kind ml\n  }\n}\n');
        expect(await expectSafeAndIdempotent(text)).toBe(output);
    });

    test('two declarations written on one line are split and aligned in one pass', async () => {
        const text = 'plan P {\n  metric a { kind ml } metric abc { kind ml }\n}\n';
        const output = (await format(text)).output;
        expect(output).toBe('plan P {\n  metric a   { kind ml }\n  metric abc { kind ml }\n}\n');
        expect((await format(output)).edits).toBe(0);
    });
});

const MESSY = `import   "./shared/catalog.mlplan"


/** Predict churn. */
plan   Churn{ title "Churn"   owner ana // the lead
stage growth
deadline 2026-12-31
  regulations GDPR ,CCPA,"PCI-DSS"



   person ana { name "Ana"   role "Lead" }
      /**
       * Latency at the 99th percentile.
       */
   metric latency_p99{kind software unit ms
     better lower
   }
   metric auc { kind ml better higher }
   dataset subscribers {fields{tenure number
   region category   sensitive} check missing tenure<1%
   /* block
      comment */ check unique region
   }
   model M { trains on subscribers features subscribers . tenure ,region evaluation { on subscribers success auc >= 0.7 } }
   serving {
     volume 2_000_000   req / day
     peak 60req/s

     fallback "rules" }
   slo S {


     indicator latency_p99 <= 150ms


   }
}
`;

const FORMATTED = `import "./shared/catalog.mlplan"

/** Predict churn. */
plan Churn {
  title "Churn"
  owner ana // the lead
  stage growth
  deadline 2026-12-31
  regulations GDPR, CCPA, "PCI-DSS"

  person ana { name "Ana" role "Lead" }
  /**
   * Latency at the 99th percentile.
   */
  metric latency_p99 {
    kind software
    unit ms
    better lower
  }
  metric auc { kind ml better higher }
  dataset subscribers {
    fields {
      tenure number
      region category sensitive
    }
    check missing tenure < 1 %
    /* block
       comment */ check unique region
  }
  model M { trains on subscribers features subscribers.tenure, region evaluation { on subscribers success auc >= 0.7 } }
  serving {
    volume 2_000_000 req/day
    peak 60 req/s

    fallback "rules"
  }
  slo S {
    indicator latency_p99 <= 150 ms
  }
}
`;

describe('layout', () => {
    test('a messy plan gives exactly the expected text', async () => {
        await expectFormatting(services)({ before: MESSY, after: FORMATTED, options: TWO_SPACES, disposeAfterCheck: true });
        await expectSafeAndIdempotent(MESSY);
    });

    test('indentation follows the editor options', async () => {
        const text = 'plan P {\nmetric m {\nkind ml\n}\n}\n';
        expect((await format(text, { tabSize: 4, insertSpaces: true })).output).toBe('plan P {\n    metric m {\n        kind ml\n    }\n}\n');
        expect((await format(text, { tabSize: 4, insertSpaces: false })).output).toBe('plan P {\n\tmetric m {\n\t\tkind ml\n\t}\n}\n');
    });

    test('an absurd tabSize is clamped: at most 16 spaces a level, and 2 when it makes no sense', async () => {
        const text = 'plan P {\nmetric m {\nkind ml\n}\n}\n';
        const indented = (width: number) => `plan P {\n${' '.repeat(width)}metric m {\n${' '.repeat(2 * width)}kind ml\n${' '.repeat(width)}}\n}\n`;
        for (const tabSize of [2 ** 31 - 1, 1e9, Number.MAX_VALUE, Infinity, 17]) {
            expect((await format(text, { tabSize, insertSpaces: true })).output, `tabSize ${tabSize}`).toBe(indented(16));
        }
        for (const tabSize of [0, -1, -(2 ** 31), Number.NaN, -Infinity]) {
            expect((await format(text, { tabSize, insertSpaces: true })).output, `tabSize ${tabSize}`).toBe(indented(2));
        }
        expect((await format(text, { tabSize: 3.7, insertSpaces: true })).output).toBe(indented(3));
        expect((await format(text, { tabSize: 16, insertSpaces: true })).output).toBe(indented(16));
        // With tabs the width does not matter.
        expect((await format(text, { tabSize: 2 ** 31 - 1, insertSpaces: false })).output).toBe('plan P {\n\tmetric m {\n\t\tkind ml\n\t}\n}\n');
    });

    test('one-line blocks stay on one line, with single spaces', async () => {
        const text = 'plan P {\n  person ana {name "Ana"   role "Lead"}\n  metric m {  kind ml }\n  team t { members ana }\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  person ana { name "Ana" role "Lead" }\n  metric m { kind ml }\n  team t { members ana }\n}\n');
    });

    test('a whole plan on one line stays on one line', async () => {
        const text = 'plan P { title "x"  stage mvp }\n';
        expect((await format(text)).output).toBe('plan P { title "x" stage mvp }\n');
    });

    test('a block opened on the declaration line and closed on another is laid out one property per line', async () => {
        const text = 'plan P {\n  rollout { strategy canary stage 1 % for 2 d stage 100 %\n  rollback when latency > 300 ms or errors > 1 % }\n}\n';
        expect((await format(text)).output).toBe(
            'plan P {\n  rollout {\n    strategy canary\n    stage 1 % for 2 d\n    stage 100 %\n    rollback when latency > 300 ms or errors > 1 %\n  }\n}\n');
    });

    test('a property split over lines is joined; `{` moves up to its declaration', async () => {
        const text = 'plan P\n{\n  regulations GDPR,\n    CCPA\n  objective O\n  {\n    kpi m\n      <= 3 %\n      by 2026-01-01\n  }\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  regulations GDPR, CCPA\n  objective O {\n    kpi m <= 3 % by 2026-01-01\n  }\n}\n');
    });

    test('at most one blank line is kept between items, none after `{` or before `}`', async () => {
        const text = 'plan P {\n\n\n  title "x"\n\n\n\n  stage mvp\n\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  title "x"\n\n  stage mvp\n}\n');
    });

    test('leading whitespace and extra trailing lines are removed', async () => {
        expect((await format('\n\n  plan P { }\n\n\n')).output).toBe('plan P { }\n');
        expect((await format('plan P { }')).output).toBe('plan P { }');
        expect((await format('plan P { }', { ...TWO_SPACES, insertFinalNewline: true })).output).toBe('plan P { }\n');
    });

    test('Windows line endings are kept', async () => {
        const text = 'plan P {\r\ntitle "x"\r\n    stage mvp\r\n}\r\n';
        expect((await format(text)).output).toBe('plan P {\r\n  title "x"\r\n  stage mvp\r\n}\r\n');
    });
});

const MESSY_V2 = `plan P {
start 2026-01-05   deployment   replace
persona agent{description "A"   decision "B"}
persona lead { description "L" }
objective O { value 400_000 USD / year for agent ,lead // who gains
}
dataset subs { size 1_200_000 rows
labeling in-house {rate 2_000 rows/day
  cost 0.05 USD/row   // per row
  /* agreed with the vendor */ }
labels   after 30 d
}
dataset other { labeling outsourced {  rate 10 rows/h cost 1 EUR/row } }
model M { latency 40ms version "1" registry "r" }
serving { serves M replicas 3 capacity 40 req/s }
rollout {
  starts   after   Proto // the prototype's due date
  stage 1 % for 2 d }
milestone Proto { due 2026-01-15 }
milestone L { due 2026-02-01 needs subs ,other
}
}
`;

const FORMATTED_V2 = `plan P {
  start 2026-01-05
  deployment replace
  persona agent { description "A" decision "B" }
  persona lead  { description "L" }
  objective O {
    value 400_000 USD/year
    for agent, lead // who gains
  }
  dataset subs {
    size 1_200_000 rows
    labeling in-house {
      rate 2_000 rows/day
      cost 0.05 USD/row   // per row
      /* agreed with the vendor */
    }
    labels after 30 d
  }
  dataset other { labeling outsourced { rate 10 rows/h cost 1 EUR/row } }
  model M { latency 40 ms version "1" registry "r" }
  serving { serves M replicas 3 capacity 40 req/s }
  rollout {
    starts after Proto // the prototype's due date
    stage 1 % for 2 d
  }
  milestone Proto { due 2026-01-15 }
  milestone L {
    due 2026-02-01
    needs subs, other
  }
}
`;

describe('v2 constructs', () => {
    test('the labeling block, `starts after`, `for a, b` and `needs a, b` are laid out like the rest, comments kept', async () => {
        expect((await format(MESSY_V2)).output).toBe(FORMATTED_V2);
        expect(await expectSafeAndIdempotent(MESSY_V2)).toBe(FORMATTED_V2);
        expect((await format(FORMATTED_V2)).edits).toBe(0);
    });

    test('with tabs, the labeling block is one level deeper than its dataset', async () => {
        const text = 'plan P {\ndataset d {\nlabeling in-house {\nrate 10 rows/day\n}\n}\n}\n';
        expect((await format(text, { tabSize: 4, insertSpaces: false })).output)
            .toBe('plan P {\n\tdataset d {\n\t\tlabeling in-house {\n\t\t\trate 10 rows/day\n\t\t}\n\t}\n}\n');
    });
});

describe('comments', () => {
    test('a trailing comment stays on its line, with the spacing its author chose', async () => {
        const text = 'plan P {\n  stage   mvp      // early\n  owner ana// lead\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  stage mvp      // early\n  owner ana // lead\n}\n');
    });

    test('a comment on its own line is indented with the block, also before `}`', async () => {
        const text = 'plan P {\n// first\n  title "x"\n        // last\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  // first\n  title "x"\n  // last\n}\n');
    });

    test('a block comment moves with its first line: continuation lines shift by as much', async () => {
        const text = 'plan P {\n   /* block\n      comment */ title "x"\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  /* block\n     comment */ title "x"\n}\n');
    });

    test('a doc comment stays directly above its declaration, its lines re-indented together', async () => {
        const text = 'plan P {\n/**\n * The metric.\n */\nmetric m { kind ml }\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  /**\n   * The metric.\n   */\n  metric m { kind ml }\n}\n');
    });

    test('a comment inside a property keeps the property readable', async () => {
        const text = 'plan P {\n  rollout {\n    rollback when a > 1 ms // slow\n    or b > 2 %\n  }\n}\n';
        expect((await format(text)).output).toBe('plan P {\n  rollout {\n    rollback when a > 1 ms // slow\n      or b > 2 %\n  }\n}\n');
        await expectSafeAndIdempotent(text);
    });

    test('a block comment inside a one-line block stays in place', async () => {
        const text = 'plan P {\n  metric m { kind ml /* offline */ better higher }\n}\n';
        expect((await format(text)).output).toBe(text);
    });

    test('comments before the plan and at the end of the file are kept', async () => {
        const text = '// header\n\n/** The plan. */\nplan P {\n  title "x"\n}\n// footer\n';
        expect((await format(text)).output).toBe(text);
    });
});

describe('ranges and broken input', () => {
    test('range formatting changes only the lines asked for', async () => {
        const text = 'plan P {\ntitle "x"\nstage   mvp\ndeadline    2026-01-01\n}\n';
        const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } };
        expect((await format(text, TWO_SPACES, range)).output).toBe('plan P {\ntitle "x"\n  stage mvp\ndeadline    2026-01-01\n}\n');
    });

    test('a document with a syntax error is left alone', async () => {
        const text = 'plan P {\ntitle "x"\n   stage   mvp\n  metric {\n}\n';
        const result = await format(text);
        expect(result.syntaxErrors).toBeGreaterThan(0);
        expect(result.edits).toBe(0);
    });
});
