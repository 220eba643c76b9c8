import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import * as ast from '../../server/src/generated/ast.js';
import { check, createTestServices } from '../support/services.js';
import { locatedWithMessage, withCode } from '../support/diagnostics.js';

const services = createTestServices();

async function parse(text: string) {
    const result = await check(services, text);
    const syntax = withCode(result.diagnostics, 'syntax-error');
    return { ...result, syntax, plan: result.document.parseResult.value.plan };
}

function quantities(node: ast.Plan | undefined): Array<[number, string | undefined]> {
    return node ? AstUtils.streamAst(node).filter(ast.isQuantity).map(q => [q.value, q.unit] as [number, string | undefined]).toArray() : [];
}

describe('comments', () => {
    test('line and block comments are ignored anywhere', async () => {
        const { syntax, plan } = await parse(`// leading
plan /* inline */ P { // trailing
  /* multi
     line */ title "t" // after
}`);
        expect(syntax).toEqual([]);
        expect(plan?.title).toBe('t');
    });

    test('a /** doc */ comment directly above a declaration is its documentation', async () => {
        const { plan } = await parse(`plan P {
  /** Area under the ROC curve on the holdout. */
  metric auc { kind ml }
}`);
        const metric = plan?.members.find(ast.isMetric);
        expect(services.documentation.CommentProvider.getComment(metric!)).toBe('/** Area under the ROC curve on the holdout. */');
    });
});

describe('strings', () => {
    test('\\" and \\\\ are the escapes', async () => {
        const { syntax, plan } = await parse('plan P { title "say \\"hi\\" and \\\\ done" }');
        expect(syntax).toEqual([]);
        expect(plan?.title).toBe('say "hi" and \\ done');
    });

    test('any other backslash sequence is one syntax error on that sequence', async () => {
        const { syntax } = await parse('plan P { title "a\\nb" }');
        expect(syntax.map(locatedWithMessage)).toEqual([
            'syntax-error@1:18-1:20 invalid escape `\\n` in a string: only \\" and \\\\ are escapes',
        ]);
    });

    test('a string must close on its line: one error on the whole string, which still parses', async () => {
        const { syntax, plan } = await parse('plan P { title "abc\n}');
        expect(syntax.map(locatedWithMessage)).toEqual([
            'syntax-error@1:16-1:20 unterminated string: a string must close with `"` on the same line',
        ]);
        expect(plan?.title).toBe('abc');
    });
});

describe('numbers and quantities', () => {
    test('underscores group digits; negatives and decimals', async () => {
        const { syntax, plan } = await parse(`plan P {
  serving { volume 2_000_000 req/day cost 0.00004 USD/req }
  dataset d { check range x from -40 to 1_000.5 fields { x number } }
}`);
        expect(syntax).toEqual([]);
        expect(quantities(plan)).toEqual([[2_000_000, 'req/day'], [0.00004, 'USD/req']]);
        const check = plan?.members.find(ast.isDataset)?.checks[0];
        expect([check?.min, check?.max]).toEqual([-40, 1000.5]);
    });

    test('a unit may follow with or without a space', async () => {
        const { syntax, plan } = await parse('plan P { slo S { indicator lat <= 150ms objective 99.5% window 28 d } metric lat { unit ms } }');
        expect(syntax).toEqual([]);
        expect(quantities(plan)).toEqual([[150, 'ms'], [99.5, '%'], [28, 'd']]);
    });

    test('compound units: req/s, USD/month', async () => {
        const { plan } = await parse('plan P { serving { peak 60 req/s } budget { serving 2_500 EUR/month } }');
        expect(quantities(plan)).toEqual([[60, 'req/s'], [2500, 'EUR/month']]);
    });

    test('a plain number has no unit', async () => {
        const { plan } = await parse('plan P { baseline B { expect auc = 0.64 } metric auc { kind ml } }');
        expect(quantities(plan)).toEqual([[0.64, undefined]]);
    });
});

describe('dates', () => {
    test('ISO calendar dates', async () => {
        const { syntax, plan } = await parse('plan P { deadline 2026-09-30 milestone M { due 2026-01-15 } }');
        expect(syntax).toEqual([]);
        expect(plan?.deadline).toBe('2026-09-30');
    });

    test('a date that is not in ISO form is a syntax error', async () => {
        const { syntax } = await parse('plan P { deadline 2026-9-30 }');
        expect(syntax.map(locatedWithMessage)).toEqual([
            'syntax-error@1:19-1:23 expected a date (YYYY-MM-DD), found `2026`',
        ]);
    });
});

describe('syntax messages are one readable line', () => {
    test.each([
        ['plan P { stage = }', 'expected `mvp`, `growth` or `maturity`, found `=`'],
        ['plan P { person }', 'expected a name, found `}`'],
        ['plan P { serving { mode realtime }', 'expected `}`, found the end of the file'],
        ['plan P { @ }', 'unexpected character `@`'],
        ['foo', 'unexpected `foo`: a file holds imports, then one `plan` or `catalog` block'],
    ])('%s', async (text, message) => {
        const { syntax } = await parse(text);
        expect(syntax[0]?.message).toBe(message);
        expect(syntax.every(d => typeof d.message === 'string' && !d.message.includes('\n'))).toBe(true);
    });
});

describe('files', () => {
    test('an empty file is a valid (empty) document', async () => {
        const { diagnostics } = await parse('');
        expect(diagnostics).toEqual([]);
    });

    test('a catalog holds shared declarations', async () => {
        const { syntax, document } = await parse('catalog Shared { person ana metric auc { kind ml } dataset d { source "s" } baseline B { kind human } team t { members ana } }');
        expect(syntax).toEqual([]);
        expect(document.parseResult.value.catalog?.members).toHaveLength(5);
    });

    test('a catalog cannot hold a model', async () => {
        const { syntax } = await parse('catalog Shared { model M { } }');
        expect(syntax.length).toBeGreaterThan(0);
    });
});

describe('doc comments and ignore directives', () => {
    test('a doc comment still documents its declaration across mlplan-ignore lines', async () => {
        const { plan } = await parse(`/** The plan. */
// mlplan-ignore owner-missing -- owned by the steering group
plan P {
  /** Area under the curve. */
  // mlplan-ignore unit-mismatch
  // mlplan-ignore direction-conflict -- two directives
  metric auc { kind ml }
  // an ordinary comment hides nothing either way
  metric f1 { kind ml }
}`);
        const comments = services.documentation.CommentProvider;
        expect(comments.getComment(plan!)).toBe('/** The plan. */');
        const [auc, f1] = plan!.members.filter(ast.isMetric);
        expect(comments.getComment(auc)).toBe('/** Area under the curve. */');
        expect(comments.getComment(f1)).toBeUndefined();
    });
});
