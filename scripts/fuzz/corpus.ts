/**
 * The fuzzer's seed inputs: the bundled examples, the end-to-end fixture and the "New Plan from
 * Template" skeletons. Each input is a main file plus the files it imports (transitively), under
 * their paths relative to the example directory, so that relative imports resolve in memory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { planTemplate, TEMPLATE_STAGES } from '../../server/src/templates/plan-template.js';

export interface SeedInput {
    /** A short name for reports: `examples/churn-prediction.mlplan`, `template:growth`. */
    readonly name: string;
    /** The main file's path inside the in-memory workspace (`fraud-detection.mlplan`). */
    readonly path: string;
    readonly text: string;
    /** Imported files, path (relative to the workspace) → text. */
    readonly files: Readonly<Record<string, string>>;
}

function mlplanFiles(dir: string): string[] {
    return readdirSync(dir).sort().flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? mlplanFiles(path) : name.endsWith('.mlplan') ? [path] : [];
    });
}

const IMPORT = /^\s*import\s+"([^"]*)"/gm;

/** The files `path` imports, transitively, that exist under `base` (relative posix paths). */
function importsOf(base: string, path: string, seen = new Set<string>()): Record<string, string> {
    const files: Record<string, string> = {};
    const text = readFileSync(join(base, path), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
        const target = posix.normalize(posix.join(posix.dirname(path), match[1]));
        if (seen.has(target) || target.startsWith('..')) {
            continue;
        }
        seen.add(target);
        try {
            files[target] = readFileSync(join(base, target), 'utf8');
        } catch {
            continue;
        }
        Object.assign(files, importsOf(base, target, seen));
    }
    return files;
}

/**
 * The template's dates are computed from today; the fuzzer must give the same mutants on every
 * day, so they are mapped, in order, onto fixed dates a month apart.
 */
function fixedDates(text: string): string {
    const dates = [...new Set(text.match(/\d{4}-\d{2}-\d{2}/g) ?? [])].sort();
    return text.replace(/\d{4}-\d{2}-\d{2}/g, date => {
        const month = dates.indexOf(date);
        return `2031-${String((month % 12) + 1).padStart(2, '0')}-15`;
    });
}

/** Every seed input, in a fixed order. `root` is the repository root. */
export function loadCorpus(root: string): SeedInput[] {
    const inputs: SeedInput[] = [];
    for (const dir of ['examples', 'test/e2e/fixture']) {
        const base = join(root, dir);
        for (const file of mlplanFiles(base)) {
            const path = relative(base, file).split(/[\\/]/).join('/');
            inputs.push({ name: `${dir}/${path}`, path, text: readFileSync(file, 'utf8'), files: importsOf(base, path) });
        }
    }
    for (const stage of TEMPLATE_STAGES) {
        inputs.push({ name: `template:${stage}`, path: `new-${stage}.mlplan`, text: fixedDates(planTemplate(stage, `New ${stage} plan`)), files: {} });
    }
    return inputs;
}

/** The repository root, from a file inside it (the bundle lives in out/fuzz/, the sources in scripts/fuzz/). */
export function repositoryRoot(from: string): string {
    let dir = from;
    for (let i = 0; i < 6; i++) {
        try {
            if (statSync(join(dir, 'package.json')).isFile() && statSync(join(dir, 'examples')).isDirectory()) {
                return dir;
            }
        } catch {
            // keep looking
        }
        dir = dirname(dir);
    }
    return process.cwd();
}
