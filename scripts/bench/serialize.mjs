// Writes a plan model (model.mjs) as .mlplan text and as the equivalent YAML document, and the
// JSON Schema that yaml-language-server validates that YAML against. Both writers write what the
// model holds, so a v1 model (no v2 properties) comes out in v1 syntax; the schema of the v2
// properties is added for a v2 plan only, so that a v1 run writes the very bytes it always did.

const str = s => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const quantity = v => (v.unit ? `${v.value} ${v.unit}` : v.value);
const bound = b => `${b.metric} ${b.op} ${quantity(b.value)}`;

// ------------------------------------------------------------------------------------- .mlplan

function mlplanMember(m, ind) {
    const i2 = ind + '  ';
    const i3 = i2 + '  ';
    const out = [];
    if (m.doc) out.push(`${ind}/** ${m.doc} */`);
    if (m.ignore) out.push(`${ind}// mlplan-ignore ${m.ignore}`);
    const block = (head, lines) => { out.push(`${ind}${head} {`, ...lines.filter(Boolean).map(l => i2 + l), `${ind}}`); };
    switch (m.kind) {
        case 'person':
            out.push(`${ind}person ${m.name} { name ${str(m.displayName)} role ${str(m.role)} }`);
            break;
        case 'team':
            out.push(`${ind}team ${m.name} { members ${m.members.join(', ')} lead ${m.lead} }`);
            break;
        case 'metric':
            out.push(`${ind}metric ${m.name} { kind ${m.metricKind}${m.unit ? ` unit ${m.unit}` : ''} better ${m.better}${m.description ? ` description ${str(m.description)}` : ''} }`);
            break;
        case 'persona':
            block(`persona ${m.name}`, [`description ${str(m.description)}`, `decision ${str(m.decision)}`]);
            break;
        case 'objective':
            block(`objective ${m.name}`, [
                `description ${str(m.description)}`,
                ...m.kpis.map(k => `kpi ${bound(k)}${k.by ? ` by ${k.by}` : ''}`),
                `priority ${m.priority}`,
                ...m.stakeholders.map(s => `stakeholder ${str(s)}`),
                m.value && `value ${quantity(m.value)}`,
                m.personas && `for ${m.personas.join(', ')}`,
            ]);
            break;
        case 'dataset': {
            out.push(`${ind}dataset ${m.name} {`);
            const lines = [
                `source ${str(m.source)}`, m.owner && `owner ${m.owner}`, m.version && `version ${str(m.version)}`,
                m.refresh && `refresh ${m.refresh}`, m.size && `size ${quantity(m.size)}`,
                m.labeling && `labeling ${m.labeling}${m.effort ? ` { rate ${quantity(m.effort.rate)} cost ${quantity(m.effort.cost)} }` : ''}`,
                m.labelDelay && `labels after ${quantity(m.labelDelay)}`,
                m.consent && `consent ${str(m.consent)}`, m.retention && `retention ${quantity(m.retention)}`,
            ].filter(Boolean);
            out.push(...lines.map(l => i2 + l), `${i2}fields {`);
            out.push(...m.fields.map(f => `${i3}${f.name} ${f.type}${f.flags.map(x => ` ${x}`).join('')}`), `${i2}}`);
            out.push(...m.checks.map(c => `${i2}check ${c.kind} ${c.field}${c.kind === 'missing' ? ` ${c.op} ${quantity(c.value)}` : c.kind === 'range' ? ` from ${c.min} to ${c.max}` : ''}`));
            out.push(`${ind}}`);
            break;
        }
        case 'baseline':
            block(`baseline ${m.name}`, [`kind ${m.baselineKind}`, `description ${str(m.description)}`, ...m.expects.map(e => `expect ${e.metric} = ${quantity(e.value)}`)]);
            break;
        case 'model': {
            out.push(`${ind}model ${m.name} {`);
            out.push(...[
                `algorithm ${str(m.algorithm)}`, `owner ${m.owner}`, `trains on ${m.trainsOn.join(', ')}`,
                `features ${m.features.join(', ')}`, `compute ${m.compute}`, m.latency && `latency ${quantity(m.latency)}`,
                m.version && `version ${str(m.version)}`, m.registry && `registry ${str(m.registry)}`, `explain ${str(m.explain)}`,
                m.retrain.onDrift ? 'retrain on drift' : `retrain every ${quantity(m.retrain.every)}`,
                'evaluation {',
            ].filter(Boolean).map(l => i2 + l));
            const e = m.evaluation;
            out.push(`${i3}on ${e.on}`, ...e.successes.map(s => `${i3}success ${bound(s)}`),
                ...e.slices.map(s => `${i3}slice by ${s.field} where ${s.metric}${s.gap ? ' gap' : ''} ${s.op} ${quantity(s.value)}`));
            out.push(`${i2}}`, `${ind}}`);
            break;
        }
        case 'serving':
            block('serving', [`mode ${m.mode}`, `target ${m.target}`, `volume ${quantity(m.volume)}`, `peak ${quantity(m.peak)}`,
                `cost ${quantity(m.cost)}`, `compute ${m.compute}`, m.serves && `serves ${m.serves}`,
                m.replicas && `replicas ${quantity(m.replicas)}`, m.capacity && `capacity ${quantity(m.capacity)}`,
                `fallback ${m.fallback.baseline ?? str(m.fallback.text)}`]);
            break;
        case 'slo':
            block(`slo ${m.name}`, [`indicator ${bound(m.indicator)}`, `objective ${quantity(m.objective)}`, `window ${quantity(m.window)}`]);
            break;
        case 'rollout':
            block('rollout', [`strategy ${m.strategy}`, m.starts && `starts ${m.starts.after ? `after ${m.starts.after}` : m.starts.date}`,
                `shadow ${quantity(m.shadow)}`,
                ...m.stages.map(s => `stage ${quantity(s.traffic)}${s.duration ? ` for ${quantity(s.duration)}` : ''}`),
                `rollback when ${m.rollback.conditions.map((c, k) => (k > 0 ? `${m.rollback.connectives[k - 1]} ` : '') + bound(c)).join(' ')}`]);
            break;
        case 'monitoring':
            block('monitoring', [
                ...m.drifts.map(d => `drift ${d.predictions ? 'predictions' : `${d.dataset}.${d.field}`} ${d.method} ${d.op} ${quantity(d.threshold)}`),
                ...m.alerts.map(a => `alert ${bound(a)}${a.notify ? ` notify ${str(a.notify)}` : ''}`),
                `dashboard ${str(m.dashboard)}`, `log ${m.log} for ${quantity(m.logRetention)}`,
            ]);
            break;
        case 'risk':
            block(`risk ${m.name}`, [`description ${str(m.description)}`, `likelihood ${m.likelihood}`, `impact ${m.impact}`,
                m.mitigation && `mitigation ${str(m.mitigation)}`, `owner ${m.owner}`]);
            break;
        case 'milestone': {
            const parts = [`due ${m.due}`, ...(m.deliverables ?? []).map(d => `deliverable ${str(d)}`), m.owner && `owner ${m.owner}`,
                m.after.length > 0 && `after ${m.after.join(', ')}`, m.needs && `needs ${m.needs.join(', ')}`].filter(Boolean);
            out.push(`${ind}milestone ${m.name} { ${parts.join(' ')} }`);
            break;
        }
        case 'budget':
            block('budget', ['total', 'serving', 'labeling', 'training'].filter(k => m[k]).map(k => `${k} ${quantity(m[k])}`));
            break;
        default:
            throw new Error(`unknown member kind ${m.kind}`);
    }
    return out;
}

/** The model as .mlplan text. Blank lines separate declarations, as people write them. */
export function toMlplan(plan) {
    const out = [];
    for (const imp of plan.imports) out.push(`import ${str(imp)}`);
    if (plan.imports.length > 0) out.push('');
    if (plan.doc) out.push(`/** ${plan.doc} */`);
    out.push(`${plan.kind} ${plan.name} {`, `  title ${str(plan.title)}`);
    if (plan.kind === 'plan') {
        out.push(...[`summary ${str(plan.summary)}`, `owner ${plan.owner}`, `stage ${plan.stage}`, plan.start && `start ${plan.start}`,
            `deadline ${plan.deadline}`, plan.deployment && `deployment ${plan.deployment}`,
            `regulations ${plan.regulations.map(r => (/^[A-Za-z_]\w*$/.test(r) ? r : str(r))).join(', ')}`].filter(Boolean).map(l => `  ${l}`));
    }
    let previous;
    for (const m of plan.members) {
        // One-liners of one kind (people, metrics, milestones) stay together; blocks get a blank line.
        const oneLiner = ['person', 'team', 'metric', 'milestone'].includes(m.kind);
        if (!(oneLiner && previous === m.kind)) out.push('');
        out.push(...mlplanMember(m, '  '));
        previous = m.kind;
    }
    out.push('}', '');
    return out.join('\n');
}

// ---------------------------------------------------------------------------------------- YAML

const y = s => JSON.stringify(String(s)); // a JSON string is a valid YAML double-quoted scalar
const yq = v => y(quantity(v));
const flow = obj => `{${Object.entries(obj).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join(', ')}}`;
const yBound = b => flow({ metric: b.metric, op: y(b.op), value: yq(b.value) });

const YAML_LIST = {
    person: 'people', team: 'teams', metric: 'metrics', persona: 'personas', objective: 'objectives', dataset: 'datasets', baseline: 'baselines',
    model: 'models', slo: 'slos', risk: 'risks', milestone: 'milestones',
};

function yamlItem(m) {
    // Lines of one list item, relative to the list's indentation ("- " then "  ").
    const lines = [];
    const item = (first, rest) => { lines.push(`- ${first}`, ...rest.filter(Boolean).map(l => `  ${l}`)); };
    const comments = [m.doc && `# ${m.doc}`, m.ignore && `# mlplan-ignore ${m.ignore}`].filter(Boolean);
    switch (m.kind) {
        case 'person': lines.push(`- ${flow({ person: m.name, name: y(m.displayName), role: y(m.role) })}`); break;
        case 'team': lines.push(`- ${flow({ team: m.name, members: m.members, lead: m.lead })}`); break;
        case 'metric': lines.push(`- ${flow({ metric: m.name, kind: m.metricKind, unit: m.unit && y(m.unit), better: m.better, description: m.description && y(m.description) })}`); break;
        case 'persona':
            item(`persona: ${m.name}`, [`description: ${y(m.description)}`, `decision: ${y(m.decision)}`]);
            break;
        case 'objective':
            item(`objective: ${m.name}`, [`description: ${y(m.description)}`, 'kpis:',
                ...m.kpis.map(k => `  - ${flow({ metric: k.metric, op: y(k.op), value: yq(k.value), by: k.by && y(k.by) })}`),
                `priority: ${m.priority}`, `stakeholders: [${m.stakeholders.map(y).join(', ')}]`,
                m.value && `value: ${yq(m.value)}`, m.personas && `for: [${m.personas.join(', ')}]`]);
            break;
        case 'dataset':
            item(`dataset: ${m.name}`, [
                `source: ${y(m.source)}`, m.owner && `owner: ${m.owner}`, m.version && `version: ${y(m.version)}`, m.refresh && `refresh: ${m.refresh}`,
                m.size && `size: ${yq(m.size)}`, m.labeling && `labeling: ${m.labeling}`,
                m.effort && `labeling_effort: ${flow({ rate: yq(m.effort.rate), cost: yq(m.effort.cost) })}`,
                m.labelDelay && `labels_after: ${yq(m.labelDelay)}`, m.consent && `consent: ${y(m.consent)}`,
                m.retention && `retention: ${yq(m.retention)}`, 'fields:',
                ...m.fields.map(f => `  - ${flow({ name: f.name, type: f.type, flags: f.flags.length > 0 ? f.flags : undefined })}`),
                'checks:',
                ...m.checks.map(c => `  - ${c.kind === 'missing' ? flow({ missing: c.field, op: y(c.op), value: yq(c.value) }) : c.kind === 'unique' ? flow({ unique: c.field }) : flow({ range: c.field, from: c.min.replace(/_/g, ''), to: c.max.replace(/_/g, '') })}`),
            ]);
            break;
        case 'baseline':
            item(`baseline: ${m.name}`, [`kind: ${m.baselineKind}`, `description: ${y(m.description)}`, 'expects:',
                ...m.expects.map(e => `  - ${flow({ metric: e.metric, value: yq(e.value) })}`)]);
            break;
        case 'model': {
            const e = m.evaluation;
            item(`model: ${m.name}`, [`algorithm: ${y(m.algorithm)}`, `owner: ${m.owner}`, `trains_on: [${m.trainsOn.join(', ')}]`,
                `features: [${m.features.join(', ')}]`, `compute: ${m.compute}`, m.latency && `latency: ${yq(m.latency)}`,
                m.version && `version: ${y(m.version)}`, m.registry && `registry: ${y(m.registry)}`, `explain: ${y(m.explain)}`,
                m.retrain.onDrift ? 'retrain: {on: drift}' : `retrain: {every: ${yq(m.retrain.every)}}`,
                'evaluation:', `  on: ${e.on}`, '  success:', ...e.successes.map(s => `    - ${yBound(s)}`),
                '  slices:', ...e.slices.map(s => `    - ${flow({ by: s.field, metric: s.metric, gap: s.gap ? 'true' : undefined, op: y(s.op), value: yq(s.value) })}`)]);
            break;
        }
        case 'slo':
            item(`slo: ${m.name}`, [`indicator: ${yBound(m.indicator)}`, `objective: ${yq(m.objective)}`, `window: ${yq(m.window)}`]);
            break;
        case 'risk':
            item(`risk: ${m.name}`, [`description: ${y(m.description)}`, `likelihood: ${m.likelihood}`, `impact: ${m.impact}`,
                m.mitigation && `mitigation: ${y(m.mitigation)}`, `owner: ${m.owner}`]);
            break;
        case 'milestone':
            lines.push(`- ${flow({ milestone: m.name, due: y(m.due), deliverables: m.deliverables?.map(y), owner: m.owner, after: m.after.length > 0 ? m.after : undefined, needs: m.needs })}`);
            break;
        default:
            throw new Error(`not a list member: ${m.kind}`);
    }
    return [...comments, ...lines];
}

function yamlSingleton(m) {
    switch (m.kind) {
        case 'serving':
            return ['serving:', `  mode: ${m.mode}`, `  target: ${m.target}`, `  volume: ${yq(m.volume)}`, `  peak: ${yq(m.peak)}`,
                `  cost: ${yq(m.cost)}`, `  compute: ${m.compute}`, m.serves && `  serves: ${m.serves}`,
                // A count is a plain number, as the schema types it; every other quantity is a string.
                m.replicas && `  replicas: ${m.replicas.value.replace(/_/g, '')}`, m.capacity && `  capacity: ${yq(m.capacity)}`,
                `  fallback: ${m.fallback.baseline ?? y(m.fallback.text)}`].filter(Boolean);
        case 'rollout':
            return ['rollout:', `  strategy: ${m.strategy}`,
                ...(m.starts ? [`  starts: ${m.starts.after ? flow({ after: m.starts.after }) : y(m.starts.date)}`] : []),
                `  shadow: ${yq(m.shadow)}`, '  stages:',
                ...m.stages.map(s => `    - ${flow({ traffic: yq(s.traffic), for: s.duration && yq(s.duration) })}`),
                '  rollback:', `    when: ${m.rollback.connectives[0] ?? 'or'}`, '    conditions:',
                ...m.rollback.conditions.map(c => `      - ${yBound(c)}`)];
        case 'monitoring':
            return ['monitoring:', '  drifts:',
                ...m.drifts.map(d => `    - ${d.predictions ? flow({ predictions: 'true', method: d.method, op: y(d.op), threshold: yq(d.threshold) }) : flow({ dataset: d.dataset, field: d.field, method: d.method, op: y(d.op), threshold: yq(d.threshold) })}`),
                '  alerts:', ...m.alerts.map(a => `    - ${flow({ metric: a.metric, op: y(a.op), value: yq(a.value), notify: a.notify && y(a.notify) })}`),
                `  dashboard: ${y(m.dashboard)}`, `  log: {target: ${m.log}, for: ${yq(m.logRetention)}}`];
        case 'budget':
            return ['budget:', ...['total', 'serving', 'labeling', 'training'].filter(k => m[k]).map(k => `  ${k}: ${yq(m[k])}`)];
        default:
            throw new Error(`not a singleton: ${m.kind}`);
    }
}

/** The same plan as a YAML document (lists per declaration kind, singletons as maps). */
export function toYaml(plan) {
    const out = [];
    if (plan.doc) out.push(`# ${plan.doc}`);
    out.push(`${plan.kind}: ${plan.name}`, `title: ${y(plan.title)}`);
    if (plan.kind === 'plan') {
        out.push(...[`summary: ${y(plan.summary)}`, `owner: ${plan.owner}`, `stage: ${plan.stage}`, plan.start && `start: ${y(plan.start)}`,
            `deadline: ${y(plan.deadline)}`, plan.deployment && `deployment: ${plan.deployment}`,
            `regulations: [${plan.regulations.map(y).join(', ')}]`].filter(Boolean));
    }
    const lists = new Map();
    const singletons = [];
    for (const m of plan.members) {
        const list = YAML_LIST[m.kind];
        if (list) {
            if (!lists.has(list)) lists.set(list, []);
            lists.get(list).push(m);
        } else {
            singletons.push(m);
        }
    }
    for (const [list, members] of lists) {
        out.push('', `${list}:`, ...members.flatMap(yamlItem).map(l => `  ${l}`));
    }
    for (const m of singletons) out.push('', ...yamlSingleton(m));
    out.push('');
    return out.join('\n');
}

// ----------------------------------------------------------------------------------- the schema

const NAME = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };
const NAMES = { type: 'array', items: NAME, minItems: 1 };
const STRING = { type: 'string' };
const DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
const V1_UNITS = 'ms|s|min|h|d|w|%|rows|req/s|req/min|req/h|req/day|req/d|USD|EUR|GBP|USD/month|EUR/month|GBP/month|USD/req|EUR/req|GBP/req';
/** The units v2 adds (LANGUAGE.md 1): row rates, money per row and per year. */
const V2_UNITS = 'rows/s|rows/min|rows/h|rows/day|rows/d|USD/year|EUR/year|GBP/year|USD/row|EUR/row|GBP/row';
const OP = { enum: ['<', '<=', '>', '>=', '='] };
const enumOf = (...values) => ({ enum: values });
const obj = (properties, required = []) => ({ type: 'object', additionalProperties: false, properties, required });
const listOf = items => ({ type: 'array', items });
const LEVEL = enumOf('low', 'medium', 'high');

/**
 * JSON Schema (draft-07) of the YAML form: structure, enums and value shapes (not references).
 * `syntax` 'v1' leaves out what v2 added (as the schema was before it), 'v2' (default) has it all.
 */
export function yamlSchema({ syntax = 'v2' } = {}) {
    const v2 = syntax === 'v2';
    const unit = `(${V1_UNITS}${v2 ? `|${V2_UNITS}` : ''})`;
    const QUANTITY = { type: 'string', pattern: `^-?[0-9][0-9_]*(\\.[0-9][0-9_]*)? ?${unit}?$` };
    const BOUND = obj({ metric: NAME, op: OP, value: QUANTITY }, ['metric', 'op', 'value']);
    /** The v2 properties of one kind of item, or none for a v1 schema. */
    const since2 = properties => (v2 ? properties : {});
    const members = {
        people: listOf(obj({ person: NAME, name: STRING, role: STRING, email: STRING }, ['person'])),
        teams: listOf(obj({ team: NAME, name: STRING, members: NAMES, lead: NAME }, ['team'])),
        metrics: listOf(obj({ metric: NAME, kind: enumOf('business', 'ml', 'software'), unit: { type: 'string', pattern: `^${unit}$` }, better: enumOf('higher', 'lower'), description: STRING }, ['metric'])),
        datasets: listOf(obj({
            dataset: NAME, source: STRING, description: STRING, owner: NAME, version: STRING,
            refresh: enumOf('once', 'hourly', 'daily', 'weekly', 'monthly'), size: QUANTITY,
            labeling: enumOf('in-house', 'outsourced', 'crowdsourced', 'programmatic', 'none'),
            ...since2({ labeling_effort: obj({ rate: QUANTITY, cost: QUANTITY }), labels_after: QUANTITY }),
            consent: STRING, retention: QUANTITY,
            fields: listOf(obj({ name: NAME, type: enumOf('number', 'category', 'text', 'boolean', 'date', 'image', 'embedding'), flags: listOf(enumOf('pii', 'sensitive', 'label')) }, ['name', 'type'])),
            checks: listOf({
                oneOf: [
                    obj({ missing: NAME, op: OP, value: QUANTITY }, ['missing', 'op', 'value']),
                    obj({ unique: NAME }, ['unique']),
                    obj({ range: NAME, from: { type: 'number' }, to: { type: 'number' } }, ['range', 'from', 'to']),
                ],
            }),
        }, ['dataset'])),
        baselines: listOf(obj({
            baseline: NAME, kind: enumOf('heuristic', 'human', 'previous-system', 'literature', 'simple-model'), description: STRING,
            expects: listOf(obj({ metric: NAME, value: QUANTITY }, ['metric', 'value'])),
        }, ['baseline'])),
    };
    const planOnly = {
        ...since2({ personas: listOf(obj({ persona: NAME, description: STRING, decision: STRING }, ['persona'])) }),
        objectives: listOf(obj({
            objective: NAME, description: STRING, kpis: listOf(obj({ ...BOUND.properties, by: DATE }, ['metric', 'op', 'value'])), priority: LEVEL, stakeholders: listOf(STRING),
            ...since2({ value: QUANTITY, for: NAMES }),
        }, ['objective'])),
        models: listOf(obj({
            model: NAME, algorithm: STRING, description: STRING, owner: NAME, trains_on: NAMES, features: listOf({ type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$' }),
            compute: enumOf('cpu', 'gpu', 'tpu'), ...since2({ latency: QUANTITY, version: STRING, registry: STRING }), explain: STRING,
            retrain: { oneOf: [obj({ every: QUANTITY }, ['every']), obj({ on: enumOf('drift') }, ['on'])] },
            evaluation: obj({ on: NAME, success: listOf(BOUND), slices: listOf(obj({ by: NAME, metric: NAME, gap: { type: 'boolean' }, op: OP, value: QUANTITY }, ['by'])) }),
        }, ['model'])),
        serving: obj({
            mode: enumOf('realtime', 'batch', 'streaming'), target: enumOf('cloud', 'edge', 'on-prem', 'browser'),
            volume: QUANTITY, peak: QUANTITY, cost: QUANTITY, compute: enumOf('cpu', 'gpu', 'tpu'),
            ...since2({ serves: NAME, replicas: { type: 'integer', minimum: 1 }, capacity: QUANTITY }), fallback: STRING,
        }),
        slos: listOf(obj({ slo: NAME, indicator: BOUND, objective: QUANTITY, window: QUANTITY, description: STRING }, ['slo'])),
        rollout: obj({
            strategy: enumOf('shadow', 'canary', 'blue-green', 'ab-test', 'big-bang'),
            ...since2({ starts: { oneOf: [DATE, obj({ after: NAME }, ['after'])] } }), shadow: QUANTITY,
            stages: listOf(obj({ traffic: QUANTITY, for: QUANTITY }, ['traffic'])),
            rollback: obj({ when: enumOf('or', 'and'), conditions: listOf(BOUND) }, ['conditions']),
        }),
        monitoring: obj({
            drifts: listOf({
                oneOf: [
                    obj({ dataset: NAME, field: NAME, method: enumOf('psi', 'ks', 'kl', 'js', 'chi2', 'wasserstein'), op: OP, threshold: QUANTITY }, ['dataset', 'field', 'method', 'op', 'threshold']),
                    obj({ predictions: { const: true }, method: enumOf('psi', 'ks', 'kl', 'js', 'chi2', 'wasserstein'), op: OP, threshold: QUANTITY }, ['predictions', 'method', 'op', 'threshold']),
                ],
            }),
            alerts: listOf(obj({ ...BOUND.properties, notify: STRING }, ['metric', 'op', 'value'])),
            dashboard: STRING,
            log: obj({ target: enumOf('predictions', 'inputs'), for: QUANTITY }, ['target']),
        }),
        risks: listOf(obj({ risk: NAME, description: STRING, likelihood: LEVEL, impact: LEVEL, mitigation: STRING, owner: NAME }, ['risk'])),
        milestones: listOf(obj({ milestone: NAME, due: DATE, description: STRING, deliverables: listOf(STRING), owner: NAME, after: NAMES, ...since2({ needs: NAMES }) }, ['milestone'])),
        budget: obj({ total: QUANTITY, serving: QUANTITY, labeling: QUANTITY, training: QUANTITY, compute: QUANTITY }),
    };
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'ML plan (YAML form, for the mlplan benchmark peer comparison)',
        oneOf: [
            obj({
                plan: NAME, title: STRING, summary: STRING, description: STRING, owner: NAME,
                stage: enumOf('mvp', 'growth', 'maturity'), ...since2({ start: DATE }), deadline: DATE,
                ...since2({ deployment: enumOf('new', 'assist', 'replace') }), regulations: listOf(STRING), imports: listOf(STRING),
                ...members, ...planOnly,
            }, ['plan']),
            obj({ catalog: NAME, title: STRING, description: STRING, imports: listOf(STRING), ...members }, ['catalog']),
        ],
    };
}
