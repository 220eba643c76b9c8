import { blockedText } from '../../rules/readiness.js';
import type { Block, Section } from '../document.js';
import { code, strong } from '../document.js';
import type { PlanExport, ReadinessExport } from '../export-model.js';
import { missing } from './common.js';

/** Every completeness rule that applies at the plan's stage, met or not. */
export function readinessBlocks(readiness: ReadinessExport): Block[] {
    if (readiness.applicable === 0) {
        return [missing('No completeness rule applies (a catalog, or every rule is turned off).')];
    }
    const blocked = blockedText(readiness.blockers);
    return [
        {
            kind: 'paragraph',
            // A plan with errors is never shown as simply complete (LANGUAGE.md 4.1, v2).
            text: [strong(`Readiness ${readiness.satisfied}/${readiness.applicable}${blocked ? `, ${blocked}` : ''}`), ' at stage ', code(readiness.stage ?? 'mvp'), '.'],
        },
        {
            kind: 'checklist',
            items: readiness.items.map(item => ({ met: item.met, text: [item.title, ' (', code(item.code), ')'] })),
        },
    ];
}

export function readinessSection(model: PlanExport): Section {
    return { id: 'readiness', title: 'Readiness checklist', blocks: readinessBlocks(model.readiness) };
}

/** The diagnostics still open in the file, by line. */
export function diagnosticsSection(model: PlanExport): Section {
    return {
        id: 'open-diagnostics',
        title: 'Open diagnostics',
        blocks: model.diagnostics.length === 0
            ? [missing('No open diagnostics.')]
            : [{
                kind: 'table',
                headers: ['Line', 'Severity', 'Code', 'Message'],
                rows: model.diagnostics.map(d => [[String(d.line)], [d.severity], [code(d.code)], [{ message: d.message }]]),
            }],
    };
}
