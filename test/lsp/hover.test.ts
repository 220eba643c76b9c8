import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, GrammarAST, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Document } from '../../server/src/generated/ast.js';
import { escapeMarkdownText as escaped } from '../../server/src/export/markdown-escape.js';
import { keywordDoc, keywordDocKeys } from '../../server/src/lsp/keyword-docs.js';
import { NAME_RULES } from '../../server/src/lsp/name-rules.js';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { check, createEditorTestServices } from '../support/services.js';
import { positionOf } from '../support/diagnostics.js';

const services = createEditorTestServices();

async function hoverAt(document: LangiumDocument<Document>, position: Position): Promise<string | undefined> {
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return hover ? (hover.contents as { value: string }).value : undefined;
}

/** The hover's Markdown, line by line, on `needle` (shifted by `shift` characters). */
async function hoverLines(document: LangiumDocument<Document>, needle: string, shift = 0): Promise<string[] | undefined> {
    return (await hoverAt(document, positionOf(document, needle, 1, shift)))?.split('\n');
}

/**
 * The hover's own content: what follows the diagnostics section, which comes first when a
 * diagnostic covers the position (the whole hover when none does).
 */
function ownContent(lines: string[] | undefined): string[] | undefined {
    const first = lines?.[0] ?? '';
    if (!lines || !(/^\*\*`[a-z-]+`\*\*: /.test(first) || /^\*\*\d+ findings here\*\*$/.test(first))) {
        return lines;
    }
    const rule = lines.indexOf('---');
    return rule < 0 ? [] : lines.slice(rule + 2);
}

const PLAN = `/** Predict which subscribers will cancel within 30 days. */
plan Churn {
  owner retention
  stage growth
  person ana { name "Ana Lima" role "ML lead" }
  person raj { name "Raj Patel" }
  team retention { members ana, raj lead ana }

  /** Monthly share of subscribers who cancel. */
  metric churn_rate { kind business unit % better lower }
  metric auc { kind ml better higher description "ROC AUC on the holdout" }
  metric latency_p99 { kind software unit ms better lower }

  persona agent { description "Retention agent calling at-risk subscribers" decision "whom to call first" }
  persona analyst { description "Churn analyst" }
  objective ReduceChurn { kpi churn_rate <= 3.5 % by 2026-12-31 priority high value 400_000 USD/year for agent }

  dataset subscribers {
    source "warehouse://analytics.subscribers"
    owner raj
    version "2026-10-01"
    refresh daily
    size 1_200_000 rows
    labeling in-house
    labels after 30 d
    consent "Subscriber terms"
    retention 365 d
    fields {
      tenure_months number
      region category sensitive
      email text pii
      churned boolean label
    }
    check missing tenure_months < 1 %
    check unique email
  }
  dataset holdout { source "warehouse://holdout" version "q3" fields { tenure_months number region category sensitive } }

  baseline TenureRule { kind heuristic expect auc = 0.64 }

  model ChurnGBM {
    trains on subscribers
    features tenure_months
    latency 40 ms
    version "2.3.0"
    registry "mlflow://models/churn"
    retrain on drift
    evaluation {
      on holdout
      success auc >= 0.78
      success latency_p99 <= 150 ms
      slice by region where auc gap <= 0.03
    }
  }
  serving { mode realtime fallback TenureRule }
  slo Latency { indicator latency_p99 <= 150 ms objective 99.9 % window 30 d }
  rollout { strategy canary stage 10 % stage 100 % rollback when latency_p99 > 300 ms }
  monitoring {
    drift subscribers.tenure_months psi > 0.2
    alert latency_p99 > 200 ms notify "#oncall"
  }
  risk ColdStart { likelihood high impact medium mitigation "Serve TenureRule" owner ana }
  milestone Prototype { due 2026-01-15 }
  milestone Launch { due 2026-03-01 after Prototype owner retention needs subscribers }
}
`;

describe('declarations', () => {
    let document: LangiumDocument<Document>;
    beforeAll(async () => ({ document } = await check(services, PLAN)));

    test('a metric: doc comment, kind, unit, direction, and every use', async () => {
        expect(await hoverLines(document, 'metric latency_p99', 7)).toEqual([
            '**metric** `latency_p99`',
            '',
            'kind: software · unit: `ms` · better: lower',
            '',
            'Used in 4 places:',
            '- success criterion of model `ChurnGBM`: `latency_p99 <= 150 ms`',
            '- indicator of slo `Latency`: `latency_p99 <= 150 ms`',
            '- alert: `latency_p99 > 200 ms`',
            '- rollback condition: `latency_p99 > 300 ms`',
        ]);
        expect(await hoverLines(document, 'metric churn_rate', 7)).toEqual([
            '**metric** `churn_rate`',
            '',
            escaped('Monthly share of subscribers who cancel.'),
            '',
            'kind: business · unit: `%` · better: lower',
            '',
            'Used in 1 place:',
            '- kpi of objective `ReduceChurn`: `churn_rate <= 3.5 %`',
        ]);
        expect(await hoverLines(document, 'metric auc', 7)).toEqual([
            '**metric** `auc`',
            '',
            'ROC AUC on the holdout',
            '',
            'kind: ml · unit: none (a ratio) · better: higher',
            '',
            'Used in 3 places:',
            '- success criterion of model `ChurnGBM`: `auc >= 0.78`',
            '- expected by baseline `TenureRule`: `auc = 0.64`',
            '- slice by `region` of model `ChurnGBM`: `auc gap <= 0.03`',
        ]);
    });

    test('a dataset: provenance, fields with types and flags, checks, models', async () => {
        expect(await hoverLines(document, 'dataset subscribers', 8)).toEqual([
            '**dataset** `subscribers`',
            '',
            `- source: ${escaped('warehouse://analytics.subscribers')}`,
            '- owner: `raj`',
            `- version: ${escaped('2026-10-01')}`,
            '- refresh: daily',
            '- size: 1,200,000 rows',
            '- labeling: in-house',
            '- labels after: 30 d',
            '- consent: Subscriber terms',
            '- retention: 365 d',
            '',
            'Fields (4):',
            '- `tenure_months` number',
            '- `region` category, **sensitive**',
            '- `email` text, **pii**',
            '- `churned` boolean, **label**',
            '',
            'Checks: `missing tenure_months < 1 %` · `unique email`',
            '',
            'Trains `ChurnGBM`',
        ]);
        expect(await hoverLines(document, 'dataset holdout', 8)).toContain('Evaluates `ChurnGBM`');
    });

    test('a field: type, flags and dataset, on its declaration and on a reference', async () => {
        expect(await hoverLines(document, 'email text')).toEqual([
            '**field** `email` of dataset `subscribers`',
            '',
            '- type: text',
            '- flags: **pii** (personal data: the dataset needs consent and retention)',
        ]);
        expect(await hoverLines(document, 'features tenure_months', 9)).toEqual([
            '**field** `tenure_months` of dataset `subscribers`',
            '',
            '- type: number',
            '- flags: none',
            '- feature of: `ChurnGBM`',
        ]);
        // `subscribers.tenure_months` in drift: the dataset part and the field part hover apart.
        expect((await hoverLines(document, 'drift subscribers', 6))?.[0]).toBe('**dataset** `subscribers`');
        expect((await hoverLines(document, 'subscribers.tenure_months', 12))?.[0]).toBe('**field** `tenure_months` of dataset `subscribers`');
    });

    test('a reference hovers as its declaration', async () => {
        const declaration = await hoverLines(document, 'person ana', 7);
        expect(declaration).toEqual(['**person** `ana` — Ana Lima', '', '- role: ML lead', '- team: `retention`']);
        expect(await hoverLines(document, 'members ana', 8)).toEqual(declaration);
        expect(await hoverLines(document, 'owner ana', 6)).toEqual(declaration);
        expect((await hoverLines(document, 'fallback TenureRule', 9))?.[0]).toBe('**baseline** `TenureRule`');
        expect((await hoverLines(document, 'after Prototype', 6))?.[0]).toBe('**milestone** `Prototype`');
    });

    test('a name that is a keyword hovers as the declaration, not the keyword', async () => {
        const team = ['**team** `retention`', '', '- members (2): `ana` (Ana Lima), `raj` (Raj Patel)', '- lead: `ana`'];
        expect(await hoverLines(document, 'team retention', 5)).toEqual(team);
        expect(await hoverLines(document, 'owner retention', 6)).toEqual(team);
        // ...while the same word as a property is the keyword.
        expect((await hoverLines(document, 'retention 365'))?.[0]).toBe('**`retention`** (keyword)');
    });

    test('a persona: its description, its decision and the objectives that serve it', async () => {
        expect(await hoverLines(document, 'persona agent', 9)).toEqual([
            '**persona** `agent`',
            '',
            'Retention agent calling at-risk subscribers',
            '',
            '- decides: whom to call first',
            '- served by objective: `ReduceChurn`',
        ]);
        // `for agent` hovers as the persona it names.
        expect(await hoverLines(document, 'for agent', 5)).toEqual(await hoverLines(document, 'persona agent', 9));
        expect(await hoverLines(document, 'persona analyst', 9)).toEqual([
            '**persona** `analyst`',
            '',
            'Churn analyst',
            '',
            '- decides: not said (no `decision`)',
            '- served by objectives: none yet (no objective names it with `for`)',
        ]);
    });

    test('the plan: doc comment, stage, owner, readiness', async () => {
        const lines = await hoverLines(document, 'plan Churn', 5);
        expect(lines?.slice(0, 3)).toEqual(['**plan** `Churn`', '', escaped('Predict which subscribers will cancel within 30 days.')]);
        expect(lines).toContain('- stage: growth');
        const { document: other } = await check(services, 'plan Q {\n  start 2026-01-05\n  deadline 2026-09-30\n  deployment replace\n}\n');
        expect(ownContent(await hoverLines(other, 'plan Q', 5))?.slice(0, 6)).toEqual([
            '**plan** `Q`', '', '- stage: mvp (no `stage` given)', '- start: 2026-01-05', '- deadline: 2026-09-30', '- deployment: replace',
        ]);
        expect(lines?.some(l => /^- readiness: \d+\/\d+$/.test(l))).toBe(true);
    });

    test('model, slo, risk, milestone and objective summaries', async () => {
        expect(await hoverLines(document, 'model ChurnGBM', 6)).toEqual([
            '**model** `ChurnGBM`',
            '',
            '- trains on: `subscribers`',
            '- features: `tenure_months`',
            '- latency: 40 ms',
            `- version: ${escaped('2.3.0')}`,
            `- registry: ${escaped('mlflow://models/churn')}`,
            '- retrain: on drift',
            '- evaluated on: `holdout`',
            '- success: `auc >= 0.78`, `latency_p99 <= 150 ms`',
            '- slices: `region` where `auc gap <= 0.03`',
        ]);
        expect(await hoverLines(document, 'slo Latency', 4)).toEqual([
            '**slo** `Latency`',
            '',
            '- indicator: `latency_p99 <= 150 ms`',
            '- objective: 99.9 %',
            '- window: 30 d',
            '- error budget: 43.2 min of bad time per 30 d',
        ]);
        expect(await hoverLines(document, 'risk ColdStart', 5)).toEqual([
            '**risk** `ColdStart`',
            '',
            '- likelihood × impact: high × medium',
            '- mitigation: Serve TenureRule',
            '- owner: `ana`',
        ]);
        expect(await hoverLines(document, 'milestone Launch', 10)).toEqual([
            '**milestone** `Launch`',
            '',
            '- due: 2026-03-01',
            '- after: `Prototype` (due 2026-01-15)',
            '- owner: `retention`',
            '',
            '**Labeling of the datasets it needs**',
            '- `subscribers`: end of labeling unknown (needs a `size`, a labeling `rate` and the plan `start`)',
        ]);
        expect(await hoverLines(document, 'objective ReduceChurn', 10)).toEqual([
            '**objective** `ReduceChurn`',
            '',
            '- priority: high',
            '- value: 400,000 USD/year',
            '- for: `agent`',
            '',
            'KPIs (1):',
            '- `churn_rate <= 3.5 %` by 2026-12-31',
        ]);
    });
});

describe('a declaration imported from a catalog', () => {
    test('hovers from the plan with its doc comment, and lists the uses in the plan', async () => {
        const { document } = await check(services, 'import "./catalog.mlplan"\nplan P {\n  objective O { kpi shared_rate <= 2 % }\n}\n', {
            files: { 'catalog.mlplan': 'catalog C {\n  /** Shared across plans. */\n  metric shared_rate { kind business unit % better lower }\n}\n' },
        });
        expect(await hoverLines(document, 'shared_rate')).toEqual([
            '**metric** `shared_rate`',
            '',
            escaped('Shared across plans.'),
            '',
            'kind: business · unit: `%` · better: lower',
            '',
            'Used in 1 place:',
            '- kpi of objective `O`: `shared_rate <= 2 %`',
        ]);
    });
});

describe('keywords', () => {
    let document: LangiumDocument<Document>;
    beforeAll(async () => ({ document } = await check(services, PLAN)));

    test('a keyword says what it means, with an example', async () => {
        expect(await hoverLines(document, 'fallback TenureRule')).toEqual([
            '**`fallback`** (keyword)',
            '',
            'What answers when the model cannot (outage, timeout, bad input): a baseline, or a sentence. Every serving needs one (`fallback-missing`).',
            '',
            'Example: `fallback TenureRule`',
        ]);
    });

    test('values are keywords too', async () => {
        expect((await hoverLines(document, 'canary'))?.slice(0, 3)).toEqual([
            '**`canary`** (keyword)',
            '',
            'Strategy: a small share of traffic first, then larger stages up to 100 %, rolling back when a condition trips.',
        ]);
        expect((await hoverLines(document, 'psi'))?.[2]).toMatch(/^Drift method: population stability index/);
        expect((await hoverLines(document, 'realtime'))?.[2]).toMatch(/^Serving mode: each request is answered as it comes/);
    });

    test('a keyword with several meanings is explained where it is used', async () => {
        const { document: other } = await check(services, 'plan P {\n  stage mvp\n  rollout { strategy shadow shadow 7 d stage 100 % }\n  budget { serving 10 USD/month }\n  serving { mode batch }\n}\n');
        expect((await hoverLines(other, 'stage mvp'))?.[2]).toMatch(/^How mature the project is/);
        expect((await hoverLines(other, 'stage 100'))?.[2]).toMatch(/^One step of the rollout/);
        expect((await hoverLines(other, 'strategy shadow', 9))?.[2]).toMatch(/^Strategy: the model runs next to the current system/);
        expect((await hoverLines(other, 'shadow 7'))?.[2]).toMatch(/^A period during which the model scores live traffic/);
        expect((await hoverLines(other, 'serving 10'))?.[2]).toMatch(/^The monthly budget for serving/);
        expect(ownContent(await hoverLines(other, 'serving {'))?.[2]).toMatch(/^How the model answers in production/);
        expect((await hoverLines(document, 'kind software'))?.[2]).toMatch(/^What the metric measures/);
        expect((await hoverLines(document, 'kind heuristic'))?.[2]).toMatch(/^Where the baseline comes from/);
        expect((await hoverLines(document, 'unit ms'))?.[0]).toBe('**`unit`** (keyword)');
        expect((await hoverLines(document, 'on holdout'))?.[2]).toMatch(/^The dataset the model is evaluated on/);
        expect((await hoverLines(document, 'on drift'))?.[2]).toMatch(/^Part of `retrain on drift`/);
    });

    test('v2 keywords are explained where they are used: `after`, `cost`, `version`, `for`, `labeling`', async () => {
        const { document: other } = await check(services, `plan P {
  start 2026-01-05
  deployment assist
  persona p { decision "d" }
  objective O { for p }
  dataset d { version "v1" labeling outsourced { rate 10 rows/h cost 0.2 USD/row } labels after 2 d }
  model M { version "1.0" }
  serving { cost 0.01 USD/req serves M }
  rollout { starts after A stage 100 % }
  milestone A { due 2026-02-01 }
  milestone B { due 2026-03-01 after A needs d }
}`);
        const meaning = async (needle: string, shift = 0) => (await hoverLines(other, needle, shift))?.[2];
        expect(await meaning('start 2026')).toMatch(/^The day work on the plan begins/);
        expect(await meaning('deployment')).toMatch(/^What the model does to the way the work is done today/);
        expect(await meaning('assist')).toMatch(/^Deployment: people keep deciding/);
        expect(await meaning('persona p')).toMatch(/^Someone who uses the predictions/);
        expect(await meaning('decision')).toMatch(/^What the persona decides/);
        expect(await meaning('for p')).toMatch(/^The personas the objective serves/);
        expect(await meaning('after 2 d')).toMatch(/^Part of `labels after`/);
        expect(await meaning('labels')).toMatch(/^`labels after` is the label delay/);
        expect(await meaning('after A stage')).toMatch(/^The rollout starts on the due date of this milestone/);
        expect(await meaning('after A needs')).toMatch(/^The milestones that must be done before this one/);
        expect(await meaning('needs')).toMatch(/^The datasets that must be labeled by the milestone's due date/);
        expect(await meaning('cost 0.2')).toMatch(/^What labeling one row costs/);
        expect(await meaning('cost 0.01')).toMatch(/^The serving cost per request/);
        expect(await meaning('rate 10')).toMatch(/^How many rows are labeled per unit of time/);
        expect(await meaning('labeling outsourced')).toMatch(/^Who produces the labels/);
        expect(await meaning('outsourced')).toMatch(/^Labeling: labels are bought from a vendor/);
        expect(await meaning('version "v1"')).toMatch(/^Which snapshot of the data is meant/);
        expect(await meaning('version "1.0"')).toMatch(/^The version of the trained model that serving runs/);
        expect(await meaning('serves')).toMatch(/^The model this serving runs/);
        expect(await meaning('starts')).toMatch(/^When the rollout begins/);
    });

    test('every keyword of the grammar that carries a meaning has an entry', () => {
        const missing: string[] = [];
        for (const keyword of AstUtils.streamAst(services.Grammar).filter(GrammarAST.isKeyword)) {
            const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
            if (NAME_RULES.has(rule) || !/^[a-z]/.test(keyword.value)) {
                continue;
            }
            if (!keywordDoc(rule, keyword.value)) {
                missing.push(`${rule}.${keyword.value}`);
            }
        }
        expect(missing).toEqual([]);
    });

    test('every entry of the table is a keyword of the grammar (in that rule, when qualified)', () => {
        const used = new Set<string>();
        for (const keyword of AstUtils.streamAst(services.Grammar).filter(GrammarAST.isKeyword)) {
            const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
            used.add(keyword.value);
            used.add(`${rule}.${keyword.value}`);
        }
        expect(keywordDocKeys().filter(key => !used.has(key))).toEqual([]);
    });
});

describe('hostile plan text is escaped', () => {
    test('HTML and links in descriptions, strings and doc comments cannot reach the hover as Markdown', async () => {
        const { document } = await check(services, `plan P {
  /** <img src=x onerror=alert(1)> [click](javascript:alert(1)) */
  metric m { description "<script>alert(1)</script> [x](javascript:alert(1))" }
  dataset d { source "[docs](https://evil.example) **bold** \`code\`" fields { f number } }
}`);
        const metric = (await hoverAt(document, positionOf(document, 'metric m', 1, 7)))!;
        expect(metric.split('\n')).toEqual([
            '**metric** `m`',
            '',
            escaped('<img src=x onerror=alert(1)> [click](javascript:alert(1))'),
            '',
            escaped('<script>alert(1)</script> [x](javascript:alert(1))'),
            '',
            'unit: none (a ratio)',
            '',
            'Not used by any kpi, success criterion, SLO, alert, rollback condition, baseline or slice.',
        ]);
        const dataset = (await hoverAt(document, positionOf(document, 'dataset d', 1, 8)))!;
        expect(dataset).toContain(`- source: ${escaped('[docs](https://evil.example) **bold** `code`')}`);
        for (const markdown of [metric, dataset]) {
            expect(markdown).not.toMatch(/<[a-z/]/i);
            // Every bracket of the plan's text is escaped, so no link can form.
            expect(markdown).not.toMatch(/(^|[^\\])\[/);
        }
        expect(escaped('<script>')).toBe('&lt;script&gt;');
    });
});

describe('nothing to show', () => {
    test('whitespace, comments, punctuation and positions outside the document give no hover', async () => {
        const { document } = await check(services, 'plan P {\n  // a comment\n  metric m { kind ml }   \n\n}\n');
        const nowhere: Array<[string, Position]> = [
            ['whitespace between words', positionOf(document, 'ml }', 1, 2)],
            ['trailing whitespace', positionOf(document, '}   ', 1, 2)],
            ['an empty line', { line: 3, character: 0 }],
            ['a comment', positionOf(document, 'a comment')],
            ['a brace', positionOf(document, '{', 2)],
            ['past the end of a line', { line: 2, character: 80 }],
            ['past the last line', { line: 40, character: 0 }],
            ['a negative position', { line: -1, character: -1 }],
        ];
        for (const [what, position] of nowhere) {
            expect(await hoverAt(document, position), what).toBeUndefined();
        }
    });

    test('an unresolved reference gives only its diagnostic note', async () => {
        const { document: broken } = await check(services, 'plan P { objective O { kpi nowhere <= 3 % } }');
        const lines = (await hoverAt(broken, positionOf(broken, 'nowhere')))?.split('\n');
        expect(lines?.slice(0, 3)).toEqual([`**\`unresolved-reference\`**: ${RULES_BY_CODE.get('unresolved-reference')!.title}.`, '', RULES_BY_CODE.get('unresolved-reference')!.why]);
        expect(lines).not.toContain('---');
    });

    test('no position of any example, whole or cut short as while typing, makes the hover throw', async () => {
        const texts = readdirSync('examples').filter(f => f.endsWith('.mlplan')).map(f => readFileSync(`examples/${f}`, 'utf8'));
        for (const full of texts) {
            for (const cut of [1, 0.8, 0.55, 0.3]) {
                const { document } = await check(services, full.slice(0, Math.floor(full.length * cut)));
                const length = document.textDocument.getText().length;
                for (let offset = 0; offset <= length; offset += cut === 1 ? 1 : 5) {
                    await hoverAt(document, document.textDocument.positionAt(offset));
                }
            }
        }
    });

    test('a document that does not parse at all does not throw', async () => {
        const { document: broken } = await check(services, 'plan { metric }} "unterminated');
        for (let character = 0; character <= broken.textDocument.getText().length; character++) {
            await hoverAt(broken, { line: 0, character });
        }
    });
});
