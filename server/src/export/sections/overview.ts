import { blockedText } from '../../rules/readiness.js';
import type { Block, Rich } from '../document.js';
import { code, em, strong } from '../document.js';
import type { PlanExport } from '../export-model.js';
import { docBlocks, fact, partyRich, plural } from './common.js';

/** The title of the document: the plan's title, else its name. */
export function documentTitle(model: PlanExport): string {
    return model.title ?? (model.name || model.file);
}

/** Under the title: summary, documentation, description, and the plan's key facts. */
export function leadBlocks(model: PlanExport): Block[] {
    const blocks: Block[] = [];
    if (model.summary) {
        blocks.push({ kind: 'paragraph', text: [strong(model.summary)] });
    }
    blocks.push(...docBlocks(model));
    if (model.description) {
        blocks.push({ kind: 'paragraph', text: [model.description] });
    }
    if (model.kind === 'catalog') {
        blocks.push({
            kind: 'facts',
            items: [
                fact('Catalog', [code(model.name), ' in ', code(model.file), ': shared declarations that plans import']),
                ...importFacts(model),
            ],
        });
        return blocks;
    }
    blocks.push({
        kind: 'facts',
        items: [
            fact('Plan', [code(model.name), ' in ', code(model.file)]),
            fact('Owner', model.owner ? partyRich(model.owner, model) : null),
            fact('Stage', model.stageDeclared ? model.stage : [model.stage ?? 'mvp', ' ', em('(not declared; plans start at mvp)')]),
            ...(model.start ? [fact('Start', model.start)] : []),
            fact('Deadline', model.deadline),
            ...(model.deployment ? [fact('Deployment', deploymentRich(model.deployment))] : []),
            fact('Regulations', model.regulations.length > 0 ? model.regulations.join(', ') : [em('none listed')]),
            ...importFacts(model),
            ...valueFacts(model),
            fact('Readiness', readinessLine(model)),
            fact('Open diagnostics', diagnosticsLine(model)),
        ],
    });
    return blocks;
}

function importFacts(model: PlanExport): Array<{ label: string; value: Rich }> {
    if (model.imports.length === 0) {
        return [];
    }
    const value: Rich = model.imports.flatMap((imp, i) => [
        ...(i > 0 ? [', '] : []),
        code(imp.file ?? imp.path),
        ...(imp.resolved ? [] : [' ', em('(unresolved)')]),
    ]);
    return [fact('Imports', value)];
}

export function readinessLine(model: PlanExport): Rich {
    const r = model.readiness;
    // Errors block a plan whatever its score: a plan with one is never presented as ready.
    const words = blockedText(r.blockers);
    const blocked: Rich = words ? [', ', strong(words)] : [];
    if (r.applicable === 0) {
        return [em('no completeness rule applies'), ...blocked];
    }
    const verdict = r.satisfied === r.applicable ? 'every one met' : `${plural(r.applicable - r.satisfied, 'rule')} not met`;
    return [strong(`${r.satisfied}/${r.applicable}`), ` completeness rules for stage ${r.stage} (${verdict})`, ...blocked];
}

const DEPLOYMENT_WORDS: Record<string, string> = {
    new: 'the model does something nobody does today',
    assist: 'the model helps people who keep the decision',
    replace: "the model takes over today's process",
};

function deploymentRich(deployment: string): Rich {
    const words = DEPLOYMENT_WORDS[deployment];
    return words ? [code(deployment), ` — ${words}`] : [code(deployment)];
}

/**
 * What the plan is worth against what serving it costs, a year (the portfolio's ranking figure):
 * shown when the plan states either side.
 */
function valueFacts(model: PlanExport): Array<{ label: string; value: Rich }> {
    const { yearlyValue: value, yearlyCost: cost, valueToCost: ratio } = model.derived;
    if (!value && !cost) {
        return [];
    }
    if (!value) {
        return [fact('Value vs cost', [`${cost!.text} of serving cost; `, em('no objective states its yearly value')])];
    }
    if (!cost) {
        return [fact('Value vs cost', [`${value.text} of value; `, em('the yearly serving cost is not known')])];
    }
    const both = `${value.text} of value against ${cost.text} of serving cost`;
    if (!ratio) {
        const why = value.unit !== cost.unit ? 'different currencies, not compared' : 'no ratio to a zero cost';
        return [fact('Value vs cost', [both, ' ', em(`(${why})`)])];
    }
    // Strictly below 1 exactly when the cost exceeds the value (cost-exceeds-value's comparison).
    const verdict: Rich = ratio.value < 1 ? [' — ', strong('serving costs more than the value')] : [];
    return [fact('Value vs cost', [`${both}: value ÷ cost = ${ratio.text}`, ...verdict])];
}

export function diagnosticsLine(model: PlanExport): Rich {
    const c = model.counts;
    if (model.diagnostics.length === 0) {
        return ['none'];
    }
    const parts = [
        c.error > 0 ? plural(c.error, 'error') : '',
        c.warning > 0 ? plural(c.warning, 'warning') : '',
        c.info > 0 ? `${c.info} info` : '',
        c.hint > 0 ? plural(c.hint, 'hint') : '',
    ].filter(p => p.length > 0);
    return [parts.join(', '), ' (listed at the end)'];
}
