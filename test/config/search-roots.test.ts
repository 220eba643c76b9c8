import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, expect, test } from 'vitest';
import { MlPlanConfiguration } from '../../server/src/language/mlplan-config.js';
import { RULE_CODES } from '../../server/src/rules/registry.js';

// outside/mlplan.config.json turns fallback-missing off; outside/ws is the editor's workspace folder.
const outside = mkdtempSync(path.join(tmpdir(), 'mlplan-roots-'));
const workspace = path.join(outside, 'ws');
mkdirSync(path.join(workspace, 'plans'), { recursive: true });
writeFileSync(path.join(outside, 'mlplan.config.json'), '{"rules": {"fallback-missing": "off"}}');
const plan = URI.file(path.join(workspace, 'plans', 'p.mlplan'));

afterAll(() => rmSync(outside, { recursive: true, force: true }));

test('the CLI (no search roots) uses the nearest parent configuration, wherever it is', () => {
    expect(new MlPlanConfiguration(RULE_CODES).rulesFor(plan)).toEqual({ 'fallback-missing': 'off' });
});

test('in an editor, a configuration above the workspace folder never applies', () => {
    const configuration = new MlPlanConfiguration(RULE_CODES);
    configuration.setSearchRoots([workspace]);
    expect(configuration.rulesFor(plan)).toEqual({});
});

test('in an editor, the workspace root configuration applies to plans in sub-folders', () => {
    writeFileSync(path.join(workspace, 'mlplan.config.json'), '{"rules": {"risk-missing": "error"}}');
    const configuration = new MlPlanConfiguration(RULE_CODES);
    configuration.setSearchRoots([workspace]);
    expect(configuration.rulesFor(plan)).toEqual({ 'risk-missing': 'error' });
    rmSync(path.join(workspace, 'mlplan.config.json'));
});

test('a plan outside every workspace folder gets no configuration file', () => {
    const configuration = new MlPlanConfiguration(RULE_CODES);
    configuration.setSearchRoots([path.join(outside, 'elsewhere')]);
    expect(configuration.rulesFor(plan)).toEqual({});
});

test('a sub-folder whose name starts with two dots (`..drafts`) is inside the workspace folder', () => {
    writeFileSync(path.join(workspace, 'mlplan.config.json'), '{"rules": {"risk-missing": "error"}}');
    const configuration = new MlPlanConfiguration(RULE_CODES);
    configuration.setSearchRoots([workspace]);
    expect(configuration.rulesFor(URI.file(path.join(workspace, '..drafts', 'p.mlplan')))).toEqual({ 'risk-missing': 'error' });
    rmSync(path.join(workspace, 'mlplan.config.json'));
});
