import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkText } from '../../scripts/abuse/plans.mjs';
import { DEFAULT_SEED, generateWorkspace, sizedPlan } from '../../scripts/bench/generate.mjs';
import { planModel, type MemberModel, type PlanModel } from '../../scripts/bench/model.mjs';
import { toMlplan, toYaml, yamlSchema } from '../../scripts/bench/serialize.mjs';
import { mlplan, requireBundle } from '../cli/run.js';

/**
 * The benchmark's inputs (scripts/bench/) are plans of realistic shape: they must check clean
 * but for the findings the generator puts in on purpose, or the benchmark would time a flood of
 * diagnostics nobody writes (as happened when the v2 rules landed). In v1 mode they must stay
 * readable by a build that knows only the first version of the language, and the YAML the peer
 * comparison validates must say what the .mlplan says.
 */

/** The findings the generator sprinkles over about 2 % of its groups (BENCHMARKS.md, Inputs). */
const DELIBERATE = new Set([
    'risk-unmitigated', 'dataset-version-missing', 'past-deadline', 'success-not-above-baseline', 'slo-objective-unrealistic', 'direction-conflict',
]);

const MINUTE = 60_000;
let dir: string;

beforeAll(() => {
    requireBundle();
    dir = mkdtempSync(path.join(tmpdir(), 'mlplan-bench-inputs-'));
});

afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
});

const codes = (diagnostics: ReadonlyArray<{ code: string }>) => [...new Set(diagnostics.map(d => d.code))].sort();
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const members = (plan: PlanModel, kind: string, property: string) => plan.members.filter((m: MemberModel) => m.kind === kind && m[property] !== undefined).length;

describe('benchmark inputs, language v2 (the default)', () => {
    test('a plan of about 1,000 lines raises only the deliberate findings, and none without them', async () => {
        const sized = toMlplan(sizedPlan(DEFAULT_SEED, 'Bench1K', 1_000));
        expect(codes(await checkText(sized)).filter(code => !DELIBERATE.has(code))).toEqual([]);
        const clean = toMlplan(planModel({ seed: DEFAULT_SEED, name: 'Clean', groups: 12, findings: false }));
        expect(clean.split('\n').length).toBeGreaterThan(1_000);
        expect(codes(await checkText(clean))).toEqual([]);
    }, MINUTE);

    test('a workspace of catalogs and the plans importing them raises only the deliberate findings', async () => {
        const workspace = path.join(dir, 'workspace-v2');
        expect(generateWorkspace(workspace, DEFAULT_SEED, 60).files).toBe(60);
        const run = await mlplan(['check', '--format', 'json', workspace]);
        const files = (JSON.parse(run.stdout) as { files: Array<{ file: string; diagnostics: Array<{ code: string }> }> }).files;
        expect(files).toHaveLength(60);
        const unexpected = files.flatMap(f => f.diagnostics.filter(d => !DELIBERATE.has(d.code)).map(d => `${path.basename(f.file)} ${d.code}`));
        expect(unexpected).toEqual([]);
    }, MINUTE);

    test('the YAML of the peer comparison carries every v2 property the .mlplan has, as often', () => {
        const plan = planModel({ seed: DEFAULT_SEED, name: 'Peer', groups: 40 });
        const mlplanText = toMlplan(plan);
        const yaml = toYaml(plan);
        const expected = {
            persona: members(plan, 'persona', 'decision'),
            value: members(plan, 'objective', 'value'),
            for: members(plan, 'objective', 'personas'),
            labelsAfter: members(plan, 'dataset', 'labelDelay'),
            effort: members(plan, 'dataset', 'effort'),
            latency: members(plan, 'model', 'latency'),
            version: members(plan, 'model', 'version'),
            registry: members(plan, 'model', 'registry'),
            needs: members(plan, 'milestone', 'needs'),
            // start, deployment, serves, replicas, capacity, starts
            singletons: 6,
        };
        // Every kind of v2 property is present at all, so that the counts below compare something.
        expect(Object.values(expected).every(n => n > 0), JSON.stringify(expected)).toBe(true);
        expect({
            persona: count(mlplanText, /^ {2}persona \w+ \{$/gm),
            value: count(mlplanText, /^ {4}value \d/gm),
            for: count(mlplanText, /^ {4}for \w/gm),
            labelsAfter: count(mlplanText, /^ {4}labels after /gm),
            effort: count(mlplanText, /^ {4}labeling [\w-]+ \{ rate [\d_]+ rows\/day cost [\d.]+ USD\/row \}$/gm),
            latency: count(mlplanText, /^ {4}latency \d+ ms$/gm),
            version: count(mlplanText, /^ {4}version "\d+\.\d+\.\d+"$/gm),
            registry: count(mlplanText, /^ {4}registry "/gm),
            needs: count(mlplanText, / needs \w+ \}$/gm),
            singletons: count(mlplanText, /^ {2}(start|deployment) \S+$|^ {4}(serves|replicas|capacity) |^ {4}starts after /gm),
        }).toEqual(expected);
        expect({
            persona: count(yaml, /^ {2}- persona: \w+$/gm),
            value: count(yaml, /^ {4}value: "/gm),
            for: count(yaml, /^ {4}for: \[/gm),
            labelsAfter: count(yaml, /^ {4}labels_after: "/gm),
            effort: count(yaml, /^ {4}labeling_effort: \{rate: "[\d_]+ rows\/day", cost: "[\d.]+ USD\/row"\}$/gm),
            latency: count(yaml, /^ {4}latency: "\d+ ms"$/gm),
            version: count(yaml, /^ {4}version: "\d+\.\d+\.\d+"$/gm),
            registry: count(yaml, /^ {4}registry: "/gm),
            needs: count(yaml, /, needs: \[\w+\]\}$/gm),
            singletons: count(yaml, /^(start|deployment): |^ {2}(serves|replicas|capacity|starts): /gm),
        }).toEqual(expected);
        // The schema the YAML is validated against knows those properties.
        expect(JSON.stringify(yamlSchema())).toMatch(/"labels_after".*"latency".*"serves".*"needs"/);
    });
});

describe('benchmark inputs, language v1 (for builds from before v2)', () => {
    /** A line that only language v2 can parse. */
    const V2_LINE = /^\s*((persona|start|deployment|serves|replicas|capacity|starts|registry|for|labels after) |(latency|value) \d)|\bneeds\b|rows\/day|USD\/(row|year)/m;

    test('plans, catalogs and the schema hold nothing of v2', () => {
        const plan = sizedPlan(DEFAULT_SEED, 'Bench1K', 1_000, { syntax: 'v1' });
        const text = toMlplan(plan);
        expect(text).not.toMatch(V2_LINE);
        expect(plan.members.filter(m => m.kind === 'model' && m.version !== undefined)).toEqual([]);
        expect(plan.start).toBeUndefined();
        const workspace = path.join(dir, 'workspace-v1');
        generateWorkspace(workspace, DEFAULT_SEED, 30, { syntax: 'v1' });
        const files = readdirSync(workspace, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.mlplan'));
        expect(files).toHaveLength(30);
        expect(files.filter(f => V2_LINE.test(readFileSync(path.join(workspace, f), 'utf8')))).toEqual([]);
        expect(toYaml(plan)).not.toMatch(/^\s*(personas|labels_after|labeling_effort|serves|replicas|capacity|starts|start|deployment|needs|latency|registry):/m);
        expect(JSON.stringify(yamlSchema({ syntax: 'v1' }))).not.toMatch(/personas|labels_after|serves|rows\/day/);
    });

    test('a v1 plan still parses and links: the current build adds v2 findings to it, never an error of reading it', async () => {
        const text = toMlplan(planModel({ seed: DEFAULT_SEED, name: 'Old', groups: 3, findings: false, syntax: 'v1' }));
        const found = codes(await checkText(text));
        expect(found).not.toContain('syntax-error');
        expect(found).not.toContain('unresolved-reference');
        expect(found).toContain('model-version-missing');
    }, MINUTE);
});
