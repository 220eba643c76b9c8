// What the skeletons of quick-fixes put in a plan: names of the plan's own only where they fit (an
// ML metric for `success`, the training data's fields for `features`), placeholders otherwise, and
// one action that adds every missing section of a new plan, the sections referring to each other.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-types';
import { EXAMPLE } from '../rules/completeness-support.js';
import { check, createEditorTestServices } from '../support/services.js';
import { codeOf } from '../support/diagnostics.js';
import { applyTextEdits, codeActions, editsOf, onlyEdit, roundTrip, withoutBlock } from './fix-support.js';

const services = createEditorTestServices();

/** A growth plan whose only metric is a business kpi of a few percent. */
const CTR_ONLY = `plan Growth {
  stage growth
  owner ana
  person ana
  metric ctr { kind business unit % better higher }
  objective Clicks { kpi ctr >= 4.5 % }
  dataset clicks {
    source "warehouse://clicks"
    version "2026-11"
    labels after 1 d
    fields {
      query text
      position number
      user_email text pii
      clicked boolean label
    }
  }
}
`;

describe('a model skeleton', () => {
    test("never makes a business kpi its success criterion: an ML metric is declared for it", async () => {
        const trip = await roundTrip(services, CTR_ONLY, 'model-missing', { alsoFixes: ['evaluation-missing'] });
        const inserted = trip.edits.map(e => e.newText).join('');
        expect(inserted).not.toMatch(/success ctr/);
        expect(inserted).toContain('success quality_metric >= 0.8');
        expect(inserted).toContain('metric quality_metric { kind ml better higher description "TODO: what is measured" }');
    });

    test('reads the training fields as features, leaving out the label and personal data', async () => {
        const trip = await roundTrip(services, CTR_ONLY, 'model-missing', { alsoFixes: ['evaluation-missing'] });
        const inserted = trip.edits.map(e => e.newText).join('');
        expect(inserted).toContain('    trains on clicks\n    features query, position\n');
        // The holdout it declares has the features and the label, so the evaluation can run.
        expect(inserted).toContain([
            '  dataset holdout {',
            '    source "TODO: where the data comes from"',
            '    version "TODO"',
            '    owner ana',
            '    fields {',
            '      query text',
            '      position number',
            '      clicked boolean label',
            '    }',
            '  }',
        ].join('\n'));
    });

    test('on the example: the features the holdout has too', async () => {
        const trip = await roundTrip(services, withoutBlock(EXAMPLE, 'model ChurnGBM'), 'model-missing');
        expect(onlyEdit(trip).newText).toContain('    trains on subscribers\n    features tenure_months, plan_tier, region\n');
    });

    test('over a dataset without fields, says so instead of inventing features', async () => {
        const text = CTR_ONLY.replace(/    fields \{[\s\S]*?\n    \}\n/, '');
        const trip = await roundTrip(services, text, 'model-missing', { alsoFixes: ['evaluation-missing'] });
        expect(trip.edits.map(e => e.newText).join('')).toContain('    trains on clicks\n    // TODO: features (dataset clicks declares no fields to read them from)\n');
    });
});

describe('a dataset skeleton', () => {
    test('declares a placeholder feature field', async () => {
        const trip = await roundTrip(services, 'plan Empty {\n  owner ana\n  person ana\n}\n', 'dataset-missing');
        expect(onlyEdit(trip).newText).toBe([
            '',
            '  dataset training_data {',
            '    source "TODO"',
            '    version "TODO"',
            '    owner ana',
            '    fields {',
            '      feature_1 number',
            '    }',
            '  }',
            '',
        ].join('\n'));
    });
});

describe('Add all missing sections', () => {
    async function allSections(text: string): Promise<{ action: CodeAction | undefined; actions: CodeAction[]; fixed?: string }> {
        const { document, diagnostics } = await check(services, text);
        const name = diagnostics.filter(d => codeOf(d) === 'objective-missing')[0];
        const here = diagnostics.filter(d => JSON.stringify(d.range) === JSON.stringify(name.range));
        const actions = await codeActions(services, document, here);
        const action = actions.find(a => a.title.startsWith('Add all'));
        return { action, actions, fixed: action ? applyTextEdits(text, editsOf(action, document)) : undefined };
    }

    test('a bare growth plan becomes one whose only findings are on the placeholders to write', async () => {
        const text = 'plan Launch {\n  stage growth\n}\n';
        const { action, actions, fixed } = await allSections(text);
        expect(action?.title).toBe('Add all 10 missing sections for stage growth');
        // Listed after each section's own fix, before the ignores.
        const titles = actions.map(a => a.title);
        expect(titles.indexOf(action!.title)).toBeGreaterThan(titles.findIndex(t => t.startsWith('Add') && !t.startsWith('Add all')));
        expect(titles.indexOf(action!.title)).toBeLessThan(titles.findIndex(t => t.startsWith('Ignore')));
        expect(fixed!.startsWith('plan Launch {\n  stage growth\n')).toBe(true);
        const { diagnostics } = await check(services, fixed!);
        // Everything left is on a placeholder the team must write.
        const placeholders = diagnostics.filter(d => (d.data as { placeholder?: boolean } | undefined)?.placeholder === true);
        const rest = diagnostics.filter(d => !placeholders.includes(d)).map(codeOf);
        expect(rest).toEqual([]);
        expect(placeholders.length).toBeGreaterThanOrEqual(5);
        // The sections refer to each other: one training dataset, the baseline as the fallback, the
        // rollback condition watched by an alert.
        expect(fixed).not.toContain('training_data2');
        expect(fixed).toContain('    trains on training_data\n    features feature_1\n');
        expect(fixed).toContain('    fallback SimpleBaseline\n');
        // The owner it declares owns the dataset and the risk too.
        expect(fixed).toContain('  dataset training_data {\n    source "TODO"\n    version "TODO"\n    owner owner_tbd\n');
        expect(fixed).toMatch(/risk MainRisk \{[^}]*owner owner_tbd\n/);
        expect(fixed).toContain('    rollback when error_rate > 20 %\n');
        expect(fixed).toContain('    alert error_rate > 20 %\n');
    });

    test('is not offered for a single missing section', async () => {
        const { document, diagnostics } = await check(services, withoutBlock(EXAMPLE, 'serving {'));
        const actions = await codeActions(services, document, diagnostics.filter(d => codeOf(d) === 'serving-missing'));
        expect(actions.map(a => a.title).filter(t => t.startsWith('Add all'))).toEqual([]);
    });
});

describe('guessed values are tab stops for a client that applies snippet edits', () => {
    const snippetServices = createEditorTestServices();
    beforeAll(async () => {
        await snippetServices.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } },
        });
    });
    const snippetsOf = (action: CodeAction | undefined) =>
        (action?.edit?.documentChanges?.[0] as { edits: Array<{ snippet: { value: string } }> } | undefined)?.edits.map(e => e.snippet.value);

    test("a kpi's target is selected first, then the next placeholder", async () => {
        const text = 'plan P {\n  owner a\n  person a\n  metric churn { kind business unit % better lower }\n  objective O {\n    description "Keep subscribers"\n  }\n}\n';
        const { document, diagnostics } = await check(snippetServices, text);
        const [add] = await codeActions(snippetServices, document, diagnostics.filter(d => codeOf(d) === 'kpi-missing'));
        expect(add.title).toContain('kpi churn <= 10 %');
        expect(snippetsOf(add)).toEqual(['    kpi churn <= ${1:10} %\n']);
        // The same fix as plain text, for a client without snippet edits.
        const plain = await check(services, text);
        const [plainAdd] = await codeActions(services, plain.document, plain.diagnostics.filter(d => codeOf(d) === 'kpi-missing'));
        expect(editsOf(plainAdd, plain.document).map(e => e.newText)).toEqual(['    kpi churn <= 10 %\n']);
    });

    test('adding every section: placeholders and guesses in document order', async () => {
        const text = 'plan Launch {\n  stage growth\n}\n';
        const { document, diagnostics } = await check(snippetServices, text);
        const here = diagnostics.filter(d => codeOf(d) === 'objective-missing' || codeOf(d) === 'dataset-missing');
        const actions = await codeActions(snippetServices, document, here);
        const all = actions.find(a => a.title.startsWith('Add all'));
        const [value] = snippetsOf(all) ?? [];
        expect(value).toContain('description "${2:TODO: the outcome the project is for}"\n    kpi kpi_metric >= ${3:90} %\n');
        expect(value).toContain('source "${4:TODO}"\n    version "${5:TODO}"\n');
        expect(value).not.toMatch(/[\uE000\uE001]/);
    });

    test('every section with the owner: the owner line and the declarations at one position become one snippet', async () => {
        const text = 'plan Launch {\n  stage growth\n}\n';
        const { document, diagnostics } = await check(snippetServices, text);
        const name = diagnostics.find(d => codeOf(d) === 'objective-missing')!.range;
        const actions = await codeActions(snippetServices, document, diagnostics.filter(d => JSON.stringify(d.range) === JSON.stringify(name)));
        const values = snippetsOf(actions.find(a => a.title.startsWith('Add all')));
        expect(values).toHaveLength(1);
        expect(values![0].startsWith('  owner owner_tbd\n\n  person owner_tbd { name "${1:TODO: who answers for the plan}" \\}\n')).toBe(true);
        // Expanded, it is exactly the plain-text fix.
        const plain = await check(services, text);
        const plainActions = await codeActions(services, plain.document, plain.diagnostics.filter(d => JSON.stringify(d.range) === JSON.stringify(name)));
        const plainText = applyTextEdits(text, editsOf(plainActions.find(a => a.title.startsWith('Add all'))!, plain.document));
        const expanded = values![0].replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1').replace(/\\(.)/g, '$1');
        expect(`plan Launch {\n  stage growth\n${expanded}}\n`).toBe(plainText);
    });
});
