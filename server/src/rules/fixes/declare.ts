/**
 * "Declare …" fixes of `unresolved-reference`: a reference to a name that nothing declares gets one
 * fix per kind of declaration its position accepts (`owner ana`: a person or a team), each adding a
 * skeleton of that kind under the name written. The skeletons follow skeletons.ts: they parse, refer
 * only to names that resolve and satisfy the completeness rules that would fire on them at once.
 * A name declared as something else gets none (a second declaration would be a duplicate name), nor
 * do field references (a field belongs to a dataset's `fields` block, not to the plan).
 */
import type { AstNode, ReferenceInfo } from 'langium';
import * as ast from '../../generated/ast.js';
import { forEachReference } from '../../model/ast-walk.js';
import { dayNumber, formatDay, parseDate } from '../../model/dates.js';
import { isTolerated, lookupUnit } from '../../model/units.js';
import type { Fix, FixContext } from '../rule.js';
import { datasetLines } from './choices.js';
import type { EditBuilder } from './edit-helpers.js';
import { milestoneLines, modelLines, personaLines } from './skeletons.js';

/** A name a declaration can take as written (keywords aside, which `Name` also accepts). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The kinds a reference of each type can be declared as, in the order they are offered. */
const KINDS: Readonly<Record<string, readonly DeclarationKind[]>> = {
    [ast.Person.$type]: ['person'],
    [ast.Team.$type]: ['team'],
    Party: ['person', 'team'],
    [ast.Metric.$type]: ['metric'],
    [ast.Baseline.$type]: ['baseline'],
    [ast.Dataset.$type]: ['dataset'],
    [ast.Milestone.$type]: ['milestone'],
    [ast.Persona.$type]: ['persona'],
    [ast.Model.$type]: ['model'],
};

type DeclarationKind = 'person' | 'team' | 'metric' | 'baseline' | 'dataset' | 'milestone' | 'persona' | 'model';

/** What a catalog may declare (everything else belongs to a plan). */
const CATALOG_KINDS = new Set<DeclarationKind>(['person', 'team', 'metric', 'dataset', 'baseline']);

/** One "Declare <kind> `name`" fix per kind the unresolved reference at the diagnostic accepts. */
export function declareFixes(context: FixContext): Fix[] {
    const { doc, diagnostic, facts } = context;
    const reference = referenceAt(context);
    const name = reference?.reference.$refText;
    if (!reference || !name || !IDENTIFIER.test(name) || doc.textOf(diagnostic.range) !== name || doc.declaredNames().has(name)) {
        return [];
    }
    let type: string;
    try {
        type = ast.reflection.getReferenceType(reference);
    } catch {
        return [];
    }
    const kinds = KINDS[type] ?? [];
    return kinds
        .filter(kind => facts.plan !== undefined || (facts.catalog !== undefined && CATALOG_KINDS.has(kind)))
        .flatMap(kind => {
            const edits = context.edits();
            declareKind(kind, name, reference, edits, context);
            return edits.result(`Declare ${kind} \`${name}\``);
        });
}

/** The reference whose name starts where the diagnostic does. */
function referenceAt(context: FixContext): ReferenceInfo | undefined {
    const { doc, diagnostic } = context;
    const offset = doc.offsetAt(diagnostic.range.start);
    const innermost = doc.nodeAt(diagnostic.range.start, (_node): _node is AstNode => true);
    for (let node: AstNode | undefined = innermost; node; node = node.$container) {
        let found: ReferenceInfo | undefined;
        forEachReference(node, info => {
            if (!found && info.reference.$refNode?.offset === offset) {
                found = info;
            }
        });
        if (found) {
            return found;
        }
    }
    return undefined;
}

function declareKind(kind: DeclarationKind, name: string, reference: ReferenceInfo, edits: EditBuilder, context: FixContext): void {
    const { facts } = context;
    switch (kind) {
        case 'person':
            edits.declare([`person ${name} { name "TODO: full name" }`]);
            return;
        case 'team':
            edits.declare([`team ${name} { name "TODO: team name" }`]);
            return;
        case 'metric':
            declareMetric(name, reference.container, edits, context);
            return;
        case 'baseline':
            edits.declare([`baseline ${edits.uniqueName(name)} {`, '  kind heuristic', '  description "TODO: the rule or system the model must beat"', '}']);
            return;
        case 'dataset':
            edits.declare(datasetLines(edits.uniqueName(name), facts, edits));
            return;
        case 'milestone':
            edits.declare(milestoneDeclaration(name, reference.container, edits, context));
            return;
        case 'persona':
            edits.declare(personaLines(edits, name));
            return;
        case 'model':
            edits.declare(modelLines(facts, edits, name));
            return;
    }
}

/**
 * A milestone for `container` to come after. After another milestone, it is due the day before it
 * (milestone-order); a rollout that starts after it starts on the latest due date of the plan's
 * other milestones (the plan deadline would leave no time to roll out); else milestoneLines chooses.
 */
function milestoneDeclaration(name: string, container: AstNode, edits: EditBuilder, context: FixContext): string[] {
    const lines = milestoneLines(context.facts, edits, undefined, name);
    let day: number | undefined;
    if (ast.isMilestone(container)) {
        const due = parseDate(container.due);
        day = due ? dayNumber(due) - 1 : undefined;
    } else if (ast.isRolloutStart(container)) {
        const days = context.facts.local.filter(ast.isMilestone).map(m => parseDate(m.due)).filter(d => d !== undefined).map(dayNumber);
        day = days.length > 0 ? Math.max(...days) : undefined;
    }
    if (day === undefined) {
        return lines;
    }
    const due = formatDay(day);
    return lines.map(line => (/^ {2}due /.test(line) ? `  due ${due}` : line));
}

/** Bounds that state the good outcome (their operator points the way the metric improves). */
const TARGETS = new Set<string>([ast.Kpi.$type, ast.Success.$type, ast.Indicator.$type, ast.Slice.$type]);
/** Bounds that state the bad outcome. */
const ALARMS = new Set<string>([ast.Alert.$type, ast.RollbackCondition.$type]);

/**
 * A metric for the bound (or expectation, or slice) that names it: its unit the bound's, its kind
 * from the position (`business` for a kpi, `ml` for success, `software` for an indicator, alert or
 * rollback condition in time or a rate), its direction from the operator. Placed right after the
 * plan's last metric, else at the end of the plan.
 */
function declareMetric(name: string, container: AstNode, edits: EditBuilder, context: FixContext): void {
    const bound = container as Partial<{ op: string; value: ast.Quantity; gap: boolean }>;
    const written = bound.value?.unit;
    const unit = written !== undefined && lookupUnit(written) && !isTolerated(written) ? lookupUnit(written) : undefined;
    const kind = metricKind(container.$type, unit?.dimension);
    const better = metricDirection(container.$type, bound.op, bound.gap === true);
    const line = `metric ${name} {${kind ? ` kind ${kind}` : ''}${unit && unit.symbol !== '' ? ` unit ${unit.symbol}` : ''}${better ? ` better ${better}` : ''} description "TODO: what is measured" }`;
    const owner = context.facts.plan ?? context.facts.catalog;
    const metrics = (owner?.members ?? []).filter(ast.isMetric);
    const last = metrics[metrics.length - 1];
    if (last) {
        edits.addAfter(last, [line]);
    } else {
        edits.declare([line]);
    }
}

function metricKind(position: string, dimension: string | undefined): string | undefined {
    switch (position) {
        case ast.Kpi.$type:
            return 'business';
        case ast.Success.$type:
        case ast.Expect.$type:
        case ast.Slice.$type:
            return 'ml';
        case ast.Indicator.$type:
        case ast.Alert.$type:
        case ast.RollbackCondition.$type:
            return dimension === 'time' || dimension === 'rate' ? 'software' : undefined;
        default:
            return undefined;
    }
}

function metricDirection(position: string, op: string | undefined, gap: boolean): 'higher' | 'lower' | undefined {
    const up = op === '>=' || op === '>';
    const down = op === '<=' || op === '<';
    if ((!up && !down) || gap) {
        return undefined;
    }
    if (TARGETS.has(position)) {
        return up ? 'higher' : 'lower';
    }
    if (ALARMS.has(position)) {
        return up ? 'lower' : 'higher';
    }
    return undefined;
}

