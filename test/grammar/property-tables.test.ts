// The tables that say what each property of the language holds (model/property-units.ts) and
// which properties may be written more than once (model/grammar-properties.ts), held against
// the grammar itself: a property added to grammar/mlplan.langium that none of them knows fails here.
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { MlPlanGrammar } from '../../server/src/generated/grammar.js';
import { blockTypes, propertiesOf } from '../../server/src/model/grammar-properties.js';
import { DATE_PROPERTIES, METRIC_BOUNDS, PROPERTY_UNITS } from '../../server/src/model/property-units.js';

const grammar = MlPlanGrammar();
const parserRules = grammar.rules.filter(GrammarAST.isParserRule);

/** `Type.property` for every assignment whose value is a call of `terminal`, fragments expanded into the rules that call them. */
function assignedFrom(terminal: string): string[] {
    const found = new Set<string>();
    const callersOf = (fragment: GrammarAST.ParserRule) => parserRules.filter(rule =>
        AstUtils.streamAllContents(rule).some(node => GrammarAST.isRuleCall(node) && node.rule.ref === fragment));
    for (const rule of parserRules) {
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isAssignment(node) && GrammarAST.isRuleCall(node.terminal) && node.terminal.rule.ref?.name === terminal) {
                const owners = rule.fragment ? callersOf(rule) : [rule];
                owners.forEach(owner => found.add(`${owner.name}.${node.feature}`));
            }
        }
    }
    return [...found].sort();
}

describe('model/property-units.ts against the grammar', () => {
    test('every quantity of the grammar takes its unit from its property or from its metric, and nothing else is listed', () => {
        const listed = [
            ...Object.entries(PROPERTY_UNITS).flatMap(([type, properties]) => Object.keys(properties).map(property => `${type}.${property}`)),
            ...Object.keys(METRIC_BOUNDS).map(type => `${type}.value`),
        ].sort();
        expect(listed).toEqual(assignedFrom('Quantity'));
    });

    test('every date of the grammar is checked by invalid-date', () => {
        const listed = Object.entries(DATE_PROPERTIES).flatMap(([type, properties]) => properties.map(property => `${type}.${property}`)).sort();
        expect(listed).toEqual(assignedFrom('DATE'));
    });
});

describe('model/grammar-properties.ts', () => {
    test('the repeatable properties are those LANGUAGE.md marks repeatable, and no other', () => {
        // Written with a keyword of the block itself (`stakeholder "…"`), or as a rule of their own
        // (`kpi …` is a Kpi): both may appear any number of times.
        const ownKeywords = blockTypes().flatMap(type => propertiesOf(type)!.repeatable);
        const calledRules = parserRules.flatMap(rule => {
            const loop = AstUtils.streamAllContents(rule).find(node => GrammarAST.isAlternatives(node) && node.cardinality === '*') as GrammarAST.Alternatives | undefined;
            return (loop?.elements ?? [])
                .filter((alternative): alternative is GrammarAST.Assignment => GrammarAST.isAssignment(alternative) && alternative.operator === '+=')
                .map(assignment => (assignment.terminal as GrammarAST.RuleCall).rule.ref)
                .filter((called): called is GrammarAST.ParserRule => GrammarAST.isParserRule(called))
                .map(called => AstUtils.streamAllContents(called).find(GrammarAST.isKeyword)?.value)
                .filter((keyword): keyword is string => keyword !== undefined && /^[a-z]/.test(keyword));
        });
        expect([...new Set([...ownKeywords, ...calledRules])].sort()).toEqual(
            ['alert', 'check', 'deliverable', 'drift', 'expect', 'kpi', 'slice', 'stage', 'stakeholder', 'success']);
    });

    test('lists written in one go are single-valued: members, trains on, features, after, regulations, fields', () => {
        expect(propertiesOf('Team')?.singleValued).toEqual(['name', 'members', 'lead']);
        expect(propertiesOf('Model')?.singleValued).toEqual(expect.arrayContaining(['trains', 'features']));
        expect(propertiesOf('Milestone')).toEqual({ singleValued: ['due', 'description', 'owner', 'after', 'needs'], repeatable: ['deliverable'] });
        expect(propertiesOf('Plan')?.singleValued).toContain('regulations');
        expect(propertiesOf('Dataset')?.singleValued).toContain('fields');
        expect(propertiesOf('Objective')).toEqual({ singleValued: ['description', 'priority', 'value', 'for'], repeatable: ['stakeholder'] });
    });

    test('every block with properties is known, and nothing that has none', () => {
        expect([...blockTypes()].sort()).toEqual([
            'Baseline', 'Budget', 'Catalog', 'Dataset', 'Evaluation', 'LabelingEffort', 'Metric', 'Milestone', 'Model',
            'Monitoring', 'Objective', 'Person', 'Persona', 'Plan', 'Risk', 'Rollout', 'Serving', 'Slo', 'Team',
        ]);
    });
});
