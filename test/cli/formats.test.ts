import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULES } from '../../server/src/rules/registry.js';
import { lines, mlplan, removeTree, requireBundle, tempTree } from './run.js';
import { linesWithCodes, WARNINGS_ONLY, WITH_ERRORS } from './plans.js';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

interface JsonPosition { line: number; character: number }
interface JsonDiagnostic { code: string; severity: string; message: string; range: { start: JsonPosition; end: JsonPosition } }
interface JsonFile { file: string; readiness: { satisfied: number; applicable: number; stage?: string | null; blockers: number }; diagnostics: JsonDiagnostic[]; counts?: Record<string, number> }
interface JsonReport { files: JsonFile[]; summary?: Record<string, number> }

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({
        'errors.mlplan': WITH_ERRORS,
        'quiet.mlplan': WARNINGS_ONLY,
        'lib/catalog.mlplan': 'catalog Shared {\n  person ana { name "Ana" }\n}\n',
    });
});

afterAll(() => removeTree(dir));

describe('--format json', () => {
    test('one JSON document in the documented shape, 0-based positions', async () => {
        const text = await mlplan(['check', 'errors.mlplan', 'quiet.mlplan'], { cwd: dir });
        const run = await mlplan(['check', '--format', 'json', 'errors.mlplan', 'quiet.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(Object.keys(report)).toEqual(['files']);
        expect(report.files.map(f => f.file)).toEqual(['errors.mlplan', 'quiet.mlplan']);
        for (const file of report.files) {
            expect(file.readiness).toMatchObject({ satisfied: expect.any(Number), applicable: expect.any(Number) });
            expect(file.readiness.satisfied).toBeLessThanOrEqual(file.readiness.applicable);
            expect(file.readiness.blockers).toBe(file.diagnostics.filter(d => d.severity === 'error').length);
            for (const d of file.diagnostics) {
                expect(Object.keys(d).sort()).toEqual(['code', 'message', 'range', 'severity']);
                expect(['error', 'warning', 'info', 'hint']).toContain(d.severity);
                expect(d.message).not.toMatch(/\n/);
                for (const position of [d.range.start, d.range.end]) {
                    expect(Number.isInteger(position.line) && position.line >= 0).toBe(true);
                    expect(Number.isInteger(position.character) && position.character >= 0).toBe(true);
                }
            }
        }
        const peak = report.files[0].diagnostics.find(d => d.code === 'peak-below-average')!;
        expect(peak).toEqual({
            code: 'peak-below-average',
            severity: 'error',
            message: 'peak 10 req/s is below the mean 23.1 req/s implied by 2,000,000 req/day',
            range: { start: { line: 5, character: 9 }, end: { line: 5, character: 17 } },
        });
        // The same diagnostics as the text format, shifted by one.
        const fromJson = report.files.flatMap(f => f.diagnostics.map(d =>
            `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`));
        expect(fromJson).toEqual(lines(text.stdout));
    });

    test('a catalog has readiness 0 of 0', async () => {
        const run = await mlplan(['check', '--format', 'json', 'lib/catalog.mlplan'], { cwd: dir });
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files[0].readiness).toMatchObject({ satisfied: 0, applicable: 0 });
    });

    test('--summary adds per-file counts and a summary object', async () => {
        const run = await mlplan(['check', '--format', 'json', '--summary', 'errors.mlplan', 'quiet.mlplan'], { cwd: dir });
        const report = JSON.parse(run.stdout) as JsonReport;
        for (const file of report.files) {
            const bySeverity = (s: string) => file.diagnostics.filter(d => d.severity === s).length;
            expect(file.counts).toEqual({ error: bySeverity('error'), warning: bySeverity('warning'), info: bySeverity('info'), hint: bySeverity('hint') });
        }
        const all = report.files.flatMap(f => f.diagnostics);
        expect(report.summary).toEqual({
            files: 2,
            error: all.filter(d => d.severity === 'error').length,
            warning: all.filter(d => d.severity === 'warning').length,
            info: all.filter(d => d.severity === 'info').length,
            hint: all.filter(d => d.severity === 'hint').length,
        });
    });
});

describe('--format sarif', () => {
    interface SarifRule { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }
    interface SarifResult {
        ruleId: string; level: string; message: { text: string };
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    }

    test('SARIF 2.1.0 with every registry rule and 1-based regions', async () => {
        const run = await mlplan(['check', '--format', 'sarif', 'errors.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        const sarif = JSON.parse(run.stdout) as { $schema: string; version: string; runs: Array<{ tool: { driver: { name: string; version: string; rules: SarifRule[] } }; results: SarifResult[] }> };
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
        expect(sarif.runs).toHaveLength(1);
        const { driver } = sarif.runs[0].tool;
        expect(driver.name).toBe('mlplan');
        expect(driver.version).toBe(VERSION);
        expect(driver.rules.map(r => r.id)).toEqual(RULES.map(r => r.code));
        for (const rule of driver.rules) {
            const source = RULES.find(r => r.code === rule.id)!;
            expect(rule.shortDescription.text).toBe(source.title);
            expect(rule.fullDescription.text).toBe(source.why);
            expect(rule.help.text).toBe(source.why);
            expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note', hint: 'note' }[source.severity]);
        }
        const results = sarif.runs[0].results;
        const peak = results.find(r => r.ruleId === 'peak-below-average')!;
        expect(peak.level).toBe('error');
        expect(peak.message.text).toBe('peak 10 req/s is below the mean 23.1 req/s implied by 2,000,000 req/day');
        expect(peak.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'errors.mlplan', uriBaseId: '%SRCROOT%' });
        expect(peak.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 10, endLine: 6, endColumn: 18 });
        const fallback = results.find(r => r.ruleId === 'fallback-missing')!;
        expect(fallback.level).toBe('warning');
        expect(fallback.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 3 });
        for (const result of results) {
            expect(['error', 'warning', 'note']).toContain(result.level);
            expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
            expect(result.locations[0].physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
        }
    });

    test('an absolute path becomes a file: URI', async () => {
        const run = await mlplan(['check', '--format', 'sarif', path.join(dir, 'quiet.mlplan')]);
        const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
        const uris = new Set(sarif.runs[0].results.map(r => r.locations[0].physicalLocation.artifactLocation.uri));
        expect([...uris]).toEqual([`file://${path.join(dir, 'quiet.mlplan').split(path.sep).join('/')}`]);
    });
});

describe('--summary (text)', () => {
    test('one line per file with readiness, stage and counts, then a total line, after the diagnostics', async () => {
        const json = JSON.parse((await mlplan(['check', '--format', 'json', 'errors.mlplan', 'quiet.mlplan', 'lib'], { cwd: dir })).stdout) as JsonReport;
        const run = await mlplan(['check', '--summary', 'errors.mlplan', 'quiet.mlplan', 'lib'], { cwd: dir });
        expect(run.code).toBe(1);
        const output = lines(run.stdout);
        const diagnosticCount = json.files.reduce((n, f) => n + f.diagnostics.length, 0);
        expect(output).toHaveLength(diagnosticCount + 3 + 1);
        expect(linesWithCodes(output.slice(0, diagnosticCount).join('\n'))).toHaveLength(3);
        const count = (f: JsonFile, s: string) => f.diagnostics.filter(d => d.severity === s).length;
        const counts = (f: JsonFile) => {
            const e = count(f, 'error'), w = count(f, 'warning'), i = count(f, 'info'), h = count(f, 'hint');
            return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info, ${h} hint${h === 1 ? '' : 's'}`;
        };
        const [errors, quiet, catalog] = [json.files.find(f => f.file === 'errors.mlplan')!, json.files.find(f => f.file === 'quiet.mlplan')!, json.files.find(f => f.file === path.join('lib', 'catalog.mlplan'))!];
        expect(output.slice(diagnosticCount)).toEqual([
            `errors.mlplan: readiness ${errors.readiness.satisfied}/${errors.readiness.applicable} at stage mvp, blocked by 2 errors; ${counts(errors)}`,
            `${path.join('lib', 'catalog.mlplan')}: catalog, no readiness; 0 errors, 0 warnings, 0 info, 0 hints`,
            `quiet.mlplan: readiness ${quiet.readiness.satisfied}/${quiet.readiness.applicable} at stage mvp; ${counts(quiet)}`,
            expect.stringMatching(/^total: 3 files, \d+ errors?, \d+ warnings?, \d+ info, \d+ hints?$/),
        ]);
        expect(catalog.diagnostics).toEqual([]);
        expect(output.at(-1)).toContain(`total: 3 files, ${count(errors, 'error') + count(quiet, 'error')} error`);
    });
});
