import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../server/src/export/markdown.js';
import { CATALOG_SECTIONS, countCells, expectWellFormed, PLAN_SECTIONS } from './markdown-check.js';
import { EXAMPLES, exampleFiles, modelOfFile, modelOfText } from './support.js';

describe.each(exampleFiles())('the Markdown of %s', example => {
    test('has its sections in order, sound tables, no HTML and valid diagrams', async () => {
        const model = await modelOfFile(path.join(EXAMPLES, example));
        const markdown = renderMarkdown(model);
        await expectWellFormed(markdown, model.kind === 'catalog' ? CATALOG_SECTIONS : PLAN_SECTIONS, model.title ?? model.name);
    });
});

describe('sections the plan does not fill are shown as missing', () => {
    test('a plan with a title only', async () => {
        const model = await modelOfText('plan Bare { title "Bare plan" }');
        const markdown = renderMarkdown(model);
        await expectWellFormed(markdown, PLAN_SECTIONS, 'Bare plan');
        for (const note of [
            'No objective defined.', 'No persona defined.', 'No metric defined.', 'No dataset defined.', 'No baseline defined.', 'No model defined.',
            'No serving defined.', 'No SLO defined.', 'No rollout defined.', 'No monitoring defined.', 'No risk identified.',
            'No milestone defined.', 'No budget defined.', 'No person or team declared.',
        ]) {
            expect(markdown).toContain(`*${note}*`);
        }
        expect(markdown).toContain('- **Owner:** *not set*');
        // Warnings are listed with code, severity, line and message.
        expect(markdown).toMatch(/\| 1 \| warning \| `objective-missing` \| /);
        expect(markdown).toContain('- [ ] the plan states at least one objective (`objective-missing`)');
    });

    test('blocks without their parts', async () => {
        const markdown = renderMarkdown(await modelOfText(`plan Parts {
  model m { }
  rollout { strategy canary }
  monitoring { }
  risk r { }
  milestone later { }
}`));
        for (const note of ['No evaluation defined.', 'No stages defined.', 'No drift monitoring.', 'No alerts.']) {
            expect(markdown).toContain(`*${note}*`);
        }
        expect(markdown).toContain('*Not in the matrix (likelihood or impact not set):* `r`');
        expect(markdown).toContain('*Not on the chart (no valid due date):* `later`');
        expect(markdown).toContain('- **Rollback when:** *not set*');
        expect(markdown).not.toContain('```mermaid');
    });
});

test('figures come from model/derived.ts, formatted by model/units.ts', async () => {
    const markdown = renderMarkdown(await modelOfText(`plan Figures {
  serving { mode realtime volume 2_000_000 req/day peak 60 req/s cost 0.00004 USD/req }
  slo Availability { objective 99.9 % window 30 d }
  rollout { shadow 14 d stage 1 % for 2 d stage 10 % for 3 d stage 100 % }
  budget { serving 2_000 USD/month }
}`));
    expect(markdown).toContain('2,000,000 req/day — a mean of 23.1 req/s');
    expect(markdown).toContain('60 req/s — 2.59× the mean rate');
    expect(markdown).toContain('**2,400 USD/month** (0.00004 USD/req × 60,000,000 req/month over a 30-day month)');
    expect(markdown).toContain('**over budget: the monthly cost is 120 % of 2,000 USD/month**');
    expect(markdown).toContain('| 99.9 % | 30 d | 43.2 min of bad time per 30 d |');
    expect(markdown).toContain('19 d *(shadow period and stage durations added up)*');
});

test('the row splitter used by these tests counts escaped pipes as text', () => {
    expect(countCells('| a | b \\| c | `d \\| e` |')).toBe(3);
});

test('doc comments come along under their declaration; plain comments do not', async () => {
    const markdown = renderMarkdown(await modelOfText(`/** The plan's purpose.
 *
 * A second paragraph. */
plan Docs {
  /** Ana leads. */
  person ana { name "Ana" }
  /** Counts what matters. */
  metric m { kind ml description "Described." }
  /* not documentation */
  metric n { kind ml }
  /** Why this objective. */
  objective o { kpi m >= 1 }
  /** The training data. */
  dataset d { source "s" }
  /** The model. */
  model x { }
  /** A risk worth noting. */
  risk r { likelihood low impact low }
  /** The first step. */
  milestone a { due 2026-01-01 }
}`));
    expect(markdown).toContain("The plan's purpose.\n\nA second paragraph.");
    expect(markdown).toContain('| `m` | ml | ratio | — | Described. — Counts what matters. |');
    expect(markdown).toContain('| `n` | ml | ratio | — | — |');
    expect(markdown).not.toContain('not documentation');
    for (const [heading, doc] of [['Objective `o`', 'Why this objective.'], ['Dataset `d`', 'The training data.'], ['Model `x`', 'The model.']]) {
        expect(markdown).toContain(`### ${heading}\n\n${doc}\n`);
    }
    expect(markdown).toContain('A risk worth noting.');
    expect(markdown).toContain('The first step.');
    expect(markdown).toContain('| `ana` | person | Ana | Ana leads. |');
});

test('imported declarations the plan uses are shown with their file; unused ones are not', async () => {
    const model = await modelOfText('import "./lib/cat.mlplan"\nplan P { owner team_a objective o { kpi used >= 1 } }', {
        'lib/cat.mlplan': 'catalog C {\n  person p { name "P" }\n  team team_a { members p }\n  metric used { kind ml }\n  metric unused { kind ml }\n}',
    });
    expect(model.metrics.map(m => [m.name, m.file, m.imported])).toEqual([['used', 'lib/cat.mlplan', true]]);
    expect(model.persons.map(p => p.name)).toEqual(['p']);
    const markdown = renderMarkdown(model);
    expect(markdown).toContain('| `used` | ml | ratio | — | — | `lib/cat.mlplan` |');
    expect(markdown).toContain('- **Imports:** `lib/cat.mlplan`');
    expect(markdown).not.toContain('unused');
});
