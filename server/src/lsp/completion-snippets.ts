/**
 * Snippets for whole blocks, keyed by the grammar rule and keyword that start the block
 * (`Dataset:dataset`, `Model:evaluation`). The completion provider proposes a snippet exactly where
 * the grammar allows its keyword, so a snippet never appears where its block cannot go. Tab stops
 * follow LANGUAGE.md's shapes; choices list the keyword values; `\t` is re-indented by the editor.
 */

export interface BlockSnippet {
    /** Shown next to the label. */
    readonly detail: string;
    /** LSP snippet syntax. */
    readonly body: string;
}

const comparators = '${%N|<=,>=,<,>,=|}';

/** `${N|<=,>=,…|}` with the tab stop number filled in. */
function comparator(n: number): string {
    return comparators.replace('%N', String(n));
}

export const BLOCK_SNIPPETS: Readonly<Record<string, BlockSnippet>> = {
    'Import:import': {
        detail: 'import a catalog',
        body: 'import "${1:./catalog.mlplan}"',
    },
    'Plan:plan': {
        detail: 'plan with title, owner and stage',
        body: [
            'plan ${1:Name} {',
            '\ttitle "${2:Title}"',
            '\towner ${3:owner}',
            '\tstage ${4|mvp,growth,maturity|}',
            '\tdeadline ${5:2026-12-31}',
            '\t$0',
            '}',
        ].join('\n'),
    },
    'Catalog:catalog': {
        detail: 'catalog of shared declarations',
        body: ['catalog ${1:Name} {', '\ttitle "${2:Title}"', '\t$0', '}'].join('\n'),
    },
    'Person:person': {
        detail: 'person with name and role',
        body: 'person ${1:id} { name "${2:Full Name}" role "${3:Role}" }',
    },
    'Team:team': {
        detail: 'team with members',
        body: 'team ${1:id} { members ${2:person} }',
    },
    'Metric:metric': {
        detail: 'metric with kind, unit and direction',
        body: 'metric ${1:name} { kind ${2|business,ml,software|} unit ${3:%} better ${4|lower,higher|} }',
    },
    'Persona:persona': {
        detail: 'persona with description and decision',
        body: [
            'persona ${1:name} {',
            '\tdescription "${2:Who uses the predictions}"',
            '\tdecision "${3:What they decide from a prediction}"',
            '}',
        ].join('\n'),
    },
    'Objective:objective': {
        detail: 'objective with a kpi',
        body: [
            'objective ${1:Name} {',
            '\tdescription "${2:What the project must achieve}"',
            `\tkpi \${3:metric} ${comparator(4)} \${5:value}`,
            '\tpriority ${6|high,medium,low|}',
            '}',
        ].join('\n'),
    },
    'Dataset:dataset': {
        detail: 'dataset with source, version and fields',
        body: [
            'dataset ${1:name} {',
            '\tsource "${2:warehouse://schema.table}"',
            '\tversion "${3:v1}"',
            '\tfields {',
            '\t\t${4:field} ${5|number,category,text,boolean,date,image,embedding|}',
            '\t}',
            '}',
        ].join('\n'),
    },
    'Dataset:labeling': {
        detail: 'labeling with its rate and cost per row',
        body: [
            'labeling ${1|in-house,outsourced,crowdsourced,programmatic|} {',
            '\trate ${2:2_000} ${3|rows/day,rows/h,rows/min,rows/s|}',
            '\tcost ${4:0.05} ${5|USD,EUR,GBP|}/row',
            '}',
        ].join('\n'),
    },
    'Dataset:fields': {
        detail: 'fields block',
        body: ['fields {', '\t${1:field} ${2|number,category,text,boolean,date,image,embedding|}', '}'].join('\n'),
    },
    'Baseline:baseline': {
        detail: 'baseline with its expected value',
        body: [
            'baseline ${1:Name} {',
            '\tkind ${2|heuristic,human,previous-system,literature,simple-model|}',
            '\tdescription "${3:What the baseline does}"',
            '\texpect ${4:metric} = ${5:value}',
            '}',
        ].join('\n'),
    },
    'Model:model': {
        detail: 'model with training data and evaluation',
        body: [
            'model ${1:Name} {',
            '\talgorithm "${2:Algorithm}"',
            '\ttrains on ${3:dataset}',
            '\tfeatures ${4:field}',
            '\tevaluation {',
            '\t\ton ${5:holdout}',
            `\t\tsuccess \${6:metric} ${comparator(7)} \${8:value}`,
            '\t}',
            '}',
        ].join('\n'),
    },
    'Model:evaluation': {
        detail: 'evaluation block',
        body: [
            'evaluation {',
            '\ton ${1:holdout}',
            `\tsuccess \${2:metric} ${comparator(3)} \${4:value}`,
            '}',
        ].join('\n'),
    },
    'Serving:serving': {
        detail: 'serving block',
        body: [
            'serving {',
            '\tmode ${1|realtime,batch,streaming|}',
            '\ttarget ${2|cloud,edge,on-prem,browser|}',
            '\tvolume ${3:1_000_000} ${4|req/day,req/h,req/min,req/s|}',
            '\tpeak ${5:50} req/s',
            '\tfallback ${6:baseline}',
            '}',
        ].join('\n'),
    },
    'Slo:slo': {
        detail: 'service-level objective',
        body: [
            'slo ${1:Name} {',
            '\tindicator ${2:metric} <= ${3:150 ms}',
            '\tobjective ${4:99.5} %',
            '\twindow ${5:28} d',
            '}',
        ].join('\n'),
    },
    'Rollout:rollout': {
        detail: 'canary rollout with rollback',
        body: [
            'rollout {',
            '\tstrategy ${1|canary,shadow,blue-green,ab-test,big-bang|}',
            '\tstage ${2:5} % for ${3:2} d',
            '\tstage ${4:25} % for ${5:3} d',
            '\tstage 100 %',
            '\trollback when ${6:metric} > ${7:value}',
            '}',
        ].join('\n'),
    },
    'Monitoring:monitoring': {
        detail: 'monitoring with drift and alerts',
        body: [
            'monitoring {',
            '\tdrift ${1:predictions} ${2|psi,ks,kl,js,chi2,wasserstein|} > ${3:0.2}',
            '\talert ${4:metric} > ${5:value} notify "${6:#oncall}"',
            '\tdashboard "${7:https://}"',
            '}',
        ].join('\n'),
    },
    'Risk:risk': {
        detail: 'risk with mitigation',
        body: [
            'risk ${1:Name} {',
            '\tdescription "${2:What could go wrong}"',
            '\tlikelihood ${3|low,medium,high|}',
            '\timpact ${4|low,medium,high|}',
            '\tmitigation "${5:What we do about it}"',
            '}',
        ].join('\n'),
    },
    'Milestone:milestone': {
        detail: 'milestone with due date',
        body: 'milestone ${1:Name} { due ${2:2026-12-31} deliverable "${3:Deliverable}" }',
    },
    'Budget:budget': {
        detail: 'budget block',
        body: [
            'budget {',
            '\ttotal ${1:100_000} ${2|USD,EUR,GBP|}',
            '\tserving ${3:2_000} ${2}/month',
            '}',
        ].join('\n'),
    },
    'Kpi:kpi': {
        detail: 'kpi bound with date',
        body: `kpi \${1:metric} ${comparator(2)} \${3:value} by \${4:2026-12-31}`,
    },
    'Success:success': {
        detail: 'success criterion',
        body: `success \${1:metric} ${comparator(2)} \${3:value}`,
    },
};

/** A field line inside `fields { … }`. */
export const FIELD_SNIPPET: BlockSnippet = {
    detail: 'field with type',
    body: '${1:name} ${2|number,category,text,boolean,date,image,embedding|}',
};
