import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules/registry.js';
import type { Severity } from '../model/rule-settings.js';
import { countFindings, totalCounts, type FileResult } from './results.js';
import { HOMEPAGE, VERSION } from './version.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0, one run. The rule metadata comes from the rule registry (id = code, title, why,
 * default level), so code-scanning tools can show why a rule matters. Result regions are 1-based;
 * `endColumn` is exclusive, as LSP's end character is. Relative paths are resolved against
 * `%SRCROOT%`, the directory the check ran in.
 */
export function formatSarif(results: readonly FileResult[], summary: boolean, cwd: string = process.cwd()): string {
    const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
    const sarifResults = results.flatMap(result => result.findings.map(finding => {
        const index = ruleIndex.get(finding.code);
        return {
            ruleId: finding.code,
            ...(index === undefined ? {} : { ruleIndex: index }),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [{
                physicalLocation: {
                    artifactLocation: artifactLocation(result.file),
                    region: {
                        startLine: finding.range.start.line + 1,
                        startColumn: finding.range.start.character + 1,
                        endLine: finding.range.end.line + 1,
                        endColumn: finding.range.end.character + 1,
                    },
                },
            }],
        };
    }));
    const run = {
        tool: {
            driver: {
                name: 'mlplan',
                version: VERSION,
                semanticVersion: VERSION,
                ...(HOMEPAGE ? { informationUri: HOMEPAGE } : {}),
                rules: RULES.map(rule => ({
                    id: rule.code,
                    name: rule.code,
                    shortDescription: { text: rule.title },
                    fullDescription: { text: rule.why },
                    help: { text: rule.why },
                    defaultConfiguration: { level: LEVEL[rule.severity] },
                    properties: { category: rule.category, ...(rule.stage ? { stage: rule.stage } : {}) },
                })),
            },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        ...(summary ? { properties: summaryProperties(results) } : {}),
    };
    return `${JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
    if (path.isAbsolute(file)) {
        return { uri: pathToFileURL(file).href };
    }
    const relative = file.split(path.sep).join('/').split('/').filter(part => part !== '.' && part !== '');
    return { uri: relative.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function directoryUri(directory: string): string {
    const href = pathToFileURL(directory).href;
    return href.endsWith('/') ? href : `${href}/`;
}

function summaryProperties(results: readonly FileResult[]): Record<string, unknown> {
    return {
        summary: {
            files: results.map(result => ({
                file: result.file,
                kind: result.kind,
                stage: result.stage ?? null,
                satisfied: result.readiness.satisfied,
                applicable: result.readiness.applicable,
                blockers: result.readiness.blockers,
                ...countFindings(result.findings),
            })),
            total: { files: results.length, ...totalCounts(results) },
        },
    };
}
