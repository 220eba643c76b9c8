// Generates the benchmark inputs, seeded and reproducible:
//   plan-1k / plan-10k / plan-100k   .mlplan and equal-content .yaml (+ mlplan-plan.schema.json)
//   small.mlplan / small.yaml         a ~150-line plan: CLI start-up, and the document that a
//                                     language server has open before the measured one
//   workspace/                        1,000 .mlplan files: team catalogs importing a common one,
//                                     plans importing their team's catalog, and standalone plans
// Usage: node scripts/bench/generate.mjs [--out DIR] [--seed N] [--syntax v1|v2]
// Default DIR: $TMPDIR/mlplan-bench. Prints a JSON manifest (paths and line counts).
// --syntax v1 writes plans in the language's first version only, byte for byte as before v2 (for
// comparing a build that cannot parse v2 with the current one); v2, the default, uses all of it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogModel, commonModel, planModel, rng } from './model.mjs';
import { toMlplan, toYaml, yamlSchema } from './serialize.mjs';

export const DEFAULT_SEED = 20261123;
export const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
export const WORKSPACE_FILES = 1_000;
/** The language version generated plans are written in: 'v2' (default) or 'v1' (see model.mjs). */
export const SYNTAXES = ['v1', 'v2'];

const lineCount = text => text.split('\n').length - 1;

/**
 * The plan of about `target` lines: groups are counted from a probe, then the plan is generated
 * once. A v2 group says more than a v1 one, so a v2 plan of the same size has fewer groups.
 */
export function sizedPlan(seed, name, target, { syntax = 'v2' } = {}) {
    const probe = lineCount(toMlplan(planModel({ seed, name, groups: 20, syntax })));
    const base = lineCount(toMlplan(planModel({ seed, name, groups: 1, syntax })));
    const perGroup = (probe - base) / 19;
    const groups = Math.max(1, Math.round((target - base) / perGroup) + 1);
    return planModel({ seed, name, groups, syntax });
}

function write(file, text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
}

/**
 * The 1,000-file workspace: `shared/common.mlplan`; 20 team folders, each with a catalog that
 * imports the common one; plans of 1 to 3 groups (about 100 to 300 lines), 70 % of them importing
 * their team's catalog. Returns the number of files and lines written.
 */
export function generateWorkspace(dir, seed, files = WORKSPACE_FILES, { syntax = 'v2' } = {}) {
    fs.rmSync(dir, { recursive: true, force: true });
    const r = rng(seed);
    const common = commonModel();
    let lines = 0;
    let written = 0;
    const put = (rel, text) => {
        write(path.join(dir, rel), text);
        lines += lineCount(text);
        written++;
    };
    put('shared/common.mlplan', toMlplan(common.model));
    const teams = 20;
    const catalogs = [];
    for (let t = 0; t < teams; t++) {
        const prefix = `t${String(t).padStart(2, '0')}`;
        const catalog = catalogModel({ seed: seed + t, name: `Team${t}`, prefix, imports: ['../shared/common.mlplan'], common, syntax });
        put(`team-${prefix}/catalog.mlplan`, toMlplan(catalog.model));
        catalogs.push({ prefix, shared: catalog.shared });
    }
    for (let k = 0; written < files; k++) {
        const team = catalogs[k % teams];
        const imports = r.chance(0.7);
        const plan = planModel({
            seed: seed + 1000 + k, name: `Plan${k}`, groups: r.int(1, 3),
            imports: imports ? ['./catalog.mlplan'] : [], shared: imports ? team.shared : undefined, syntax,
        });
        put(`team-${team.prefix}/plan-${String(k).padStart(4, '0')}.mlplan`, toMlplan(plan));
    }
    return { files: written, lines };
}

/** Writes every input; returns the manifest. */
export function generateAll(out, seed = DEFAULT_SEED, { syntax = 'v2' } = {}) {
    if (!SYNTAXES.includes(syntax)) throw new Error(`syntax must be one of ${SYNTAXES.join(', ')}, not ${JSON.stringify(syntax)}`);
    fs.mkdirSync(out, { recursive: true });
    const manifest = { seed, syntax, out, plans: {}, workspace: undefined, small: undefined, schema: path.join(out, 'mlplan-plan.schema.json') };
    write(manifest.schema, `${JSON.stringify(yamlSchema({ syntax }), null, 2)}\n`);
    for (const [label, target] of Object.entries(SIZES)) {
        const model = sizedPlan(seed, `Bench${label.toUpperCase()}`, target, { syntax });
        const mlplan = toMlplan(model);
        const yaml = toYaml(model);
        const dir = path.join(out, `plan-${label}`);
        const file = path.join(dir, `plan-${label}.mlplan`);
        const yamlFile = path.join(out, `yaml-${label}`, `plan-${label}.yaml`);
        write(file, mlplan);
        write(yamlFile, yaml);
        manifest.plans[label] = { file, lines: lineCount(mlplan), yaml: yamlFile, yamlLines: lineCount(yaml) };
    }
    const smallModel = planModel({ seed, name: 'Small', groups: 1, findings: false, syntax });
    const small = toMlplan(smallModel);
    manifest.small = { file: path.join(out, 'small', 'small.mlplan'), lines: lineCount(small), yaml: path.join(out, 'yaml-small', 'small.yaml') };
    write(manifest.small.file, small);
    write(manifest.small.yaml, toYaml(smallModel));
    const wsDir = path.join(out, 'workspace');
    manifest.workspace = { dir: wsDir, ...generateWorkspace(wsDir, seed, WORKSPACE_FILES, { syntax }) };
    return manifest;
}

function argValue(flag, fallback) {
    const at = process.argv.indexOf(flag);
    return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const out = path.resolve(argValue('--out', path.join(os.tmpdir(), 'mlplan-bench')));
    const seed = Number(argValue('--seed', String(DEFAULT_SEED)));
    console.log(JSON.stringify(generateAll(out, seed, { syntax: argValue('--syntax', 'v2') }), null, 2));
}
