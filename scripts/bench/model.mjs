// The benchmark's plan generator, as data: a seeded, reproducible model of a realistic ML plan
// (every construct of LANGUAGE.md section 3, with references between them, mostly valid and with
// a sprinkling of findings), which serialize.mjs writes both as .mlplan and as YAML. Generating
// a model first guarantees that the peer comparison runs on equal content.
//
// `syntax` picks the language version. 'v2' (the default) adds what version 2 of the language
// lets a plan say and its rules expect (personas, objective values, label delays and labeling
// effort, model versions and latencies, the served model and its capacity, the rollout's start,
// the plan's start and deployment), with figures that agree with each other, so that only the
// deliberate findings remain. 'v1' writes exactly what the generator wrote before v2 (the same
// seed gives the same bytes): the input an older build, which cannot parse v2, is compared on.

/** mulberry32: a tiny, well-known, seedable PRNG; the same seed gives the same plans everywhere. */
export function rng(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
        pick: list => list[Math.floor(next() * list.length)],
        chance: p => next() < p,
    };
}

const FIRST = ['Ana', 'Raj', 'Lena', 'Tomas', 'Priya', 'Kofi', 'Mei', 'Jonas', 'Sofia', 'Omar', 'Ines', 'Yuki', 'Chidi', 'Marta', 'Ivan', 'Leila'];
const LAST = ['Lima', 'Patel', 'Okafor', 'Berg', 'Nair', 'Mensah', 'Chen', 'Keller', 'Rossi', 'Haddad', 'Silva', 'Tanaka', 'Eze', 'Nowak', 'Petrov', 'Amini'];
const ROLES = ['ML lead', 'Data engineer', 'ML engineer', 'Product manager', 'Data scientist', 'SRE', 'Analyst'];
const DOMAINS = ['churn', 'fraud', 'demand', 'triage', 'ranking', 'pricing', 'credit', 'routing', 'forecast', 'search', 'ads', 'support'];
const ALGORITHMS = ['LightGBM gradient-boosted trees', 'XGBoost with target encoding', 'Logistic regression with splines', 'Two-tower neural network', 'Temporal fusion transformer', 'Random forest', 'Fine-tuned DistilBERT'];
const FIELD_TYPES = ['number', 'number', 'number', 'category', 'category', 'text', 'boolean', 'date', 'embedding'];
const LEVELS = ['low', 'medium', 'high'];
const REFRESH = ['hourly', 'daily', 'daily', 'weekly', 'monthly'];
const LABELING = ['in-house', 'outsourced', 'crowdsourced', 'programmatic', 'none'];
const BASELINE_KINDS = ['heuristic', 'human', 'previous-system', 'literature', 'simple-model'];
const DRIFT_METHODS = ['psi', 'ks', 'kl', 'js', 'chi2', 'wasserstein'];
/**
 * Who acts on each domain's predictions, and how long after an event its ground truth is known:
 * the persona and the label delay (in days) of a group, so that both read as one project.
 */
const USERS = {
    churn: { persona: 'retention_agent', description: 'Retention agent calling at-risk subscribers', decision: 'whom to call first and which offer to make', labelDays: 30 },
    fraud: { persona: 'fraud_analyst', description: 'Analyst reviewing payments flagged as suspicious', decision: 'which payments to hold for a manual review', labelDays: 45 },
    demand: { persona: 'supply_planner', description: 'Planner ordering stock for each store', decision: 'how much of each product to order for next week', labelDays: 7 },
    triage: { persona: 'support_agent', description: 'Support agent working through the ticket queue', decision: 'which ticket to answer first', labelDays: 2 },
    ranking: { persona: 'merchandiser', description: 'Merchandiser curating the home page', decision: 'which products to pin above the ranked list', labelDays: 1 },
    pricing: { persona: 'pricing_manager', description: 'Pricing manager approving price changes', decision: 'which suggested prices to accept', labelDays: 14 },
    credit: { persona: 'underwriter', description: 'Underwriter reviewing loan applications', decision: 'whether to approve, refer or decline an application', labelDays: 90 },
    routing: { persona: 'dispatcher', description: 'Dispatcher assigning jobs to drivers', decision: 'which driver takes which job', labelDays: 1 },
    forecast: { persona: 'finance_analyst', description: 'Finance analyst preparing the monthly forecast', decision: 'which forecasts to adjust before sign-off', labelDays: 30 },
    search: { persona: 'catalogue_editor', description: 'Editor tuning search for the catalogue', decision: 'which queries need synonyms or pinned results', labelDays: 1 },
    ads: { persona: 'campaign_manager', description: 'Campaign manager setting bids', decision: 'which campaigns to raise or cut', labelDays: 3 },
    support: { persona: 'team_lead', description: 'Support team lead planning shifts', decision: 'how many agents to staff each hour', labelDays: 7 },
};
/** Labeling done by people, which has a rate and a price per row; the others have neither. */
const HUMAN_LABELING = ['in-house', 'outsourced', 'crowdsourced'];
/** The refresh period in days (LANGUAGE.md 4.3), which retraining should not outpace. */
const REFRESH_DAYS = { hourly: 1 / 24, daily: 1, weekly: 7, monthly: 30 };
/** Inference times of the models (ms): below every success and slo latency bound a plan sets. */
const LATENCIES = [5, 8, 12, 20, 30, 45];
const WORDS = ['tenure', 'spend', 'visits', 'tier', 'device', 'channel', 'basket', 'latency', 'clicks', 'age_band', 'country', 'segment', 'score', 'velocity', 'balance', 'returns', 'sessions'];

/** Days since 2026-01-01 as an ISO date (UTC, so no time zone shifts the result). */
export function isoDate(days) {
    const d = new Date(Date.UTC(2026, 0, 1) + days * 86_400_000);
    return d.toISOString().slice(0, 10);
}

function fmt(n) {
    // `2_000_000`-style grouping for large integers, as plans are written.
    return Number.isInteger(n) && Math.abs(n) >= 10_000 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(n);
}
export const q = (value, unit) => ({ value: fmt(Number(value.toFixed(6))), unit });

/** The deadline of generated plans: late enough for every milestone chain (see `milestoneBase`). */
const DEADLINE_DAYS = 900;
/** Milestone chains restart every this many groups, so dates stay before the deadline however long the plan. */
const CHAIN_PERIOD = 200;
/** Days from a group's first day to its shadow milestone: at the first group, all its labeling may take. */
const SHADOW_DAYS = 40;

/**
 * One "group" of declarations: a slice of a real project (people, metrics, an objective, training
 * and holdout data, a baseline, a model with its evaluation, an slo, a risk, milestones) plus its
 * lines in the plan's singleton blocks (drift and alert lines in monitoring). `shared` names
 * declarations provided by an imported catalog instead of declared here.
 */
function group(r, i, shared, findings, v2) {
    const members = [];
    const p = `g${i}`;
    const dom = r.pick(DOMAINS);
    const user = USERS[dom];
    // People and a team (from the catalog when there is one).
    let owner = shared?.team;
    let people = shared?.people;
    if (!shared) {
        people = [`${p}_${r.pick(FIRST).toLowerCase()}`, `${p}_${r.pick(FIRST).toLowerCase()}2`];
        people.forEach((name, k) => members.push({
            kind: 'person', name, displayName: `${r.pick(FIRST)} ${r.pick(LAST)}`, role: ROLES[(i + k) % ROLES.length],
        }));
        owner = `${p}_team`;
        members.push({ kind: 'team', name: owner, members: people, lead: people[0] });
    }
    // Metrics: one business, one ML, two software.
    const m = shared?.metrics ?? { biz: `${p}_${dom}_rate`, ml: `${p}_auc`, lat: `${p}_latency_p99`, err: `${p}_error_rate` };
    if (!shared?.metrics) {
        members.push(
            { kind: 'metric', name: m.biz, metricKind: 'business', unit: '%', better: 'lower', doc: r.chance(0.2) ? `Share of ${dom} cases per month.` : undefined },
            { kind: 'metric', name: m.ml, metricKind: 'ml', better: 'higher', description: 'ROC AUC on the holdout' },
            { kind: 'metric', name: m.lat, metricKind: 'software', unit: 'ms', better: 'lower' },
            { kind: 'metric', name: m.err, metricKind: 'software', unit: '%', better: 'lower' },
        );
    }
    // v2: who acts on the predictions.
    const persona = `${p}_${user.persona}`;
    if (v2) members.push({ kind: 'persona', name: persona, description: user.description, decision: user.decision });
    const groupDay = (i % CHAIN_PERIOD) * 3;
    // An objective with kpis (v2: what meeting them is worth a year, and for whom).
    const directionConflict = findings && r.chance(0.01);
    members.push({
        kind: 'objective', name: `${p}_Reduce${cap(dom)}`,
        description: `Cut ${dom} losses in segment ${i} without hurting good customers`,
        kpis: [
            { metric: m.biz, op: directionConflict ? '>=' : '<=', value: q(r.int(2, 9) / 2, '%'), by: isoDate(groupDay + 200) },
            { metric: m.ml, op: '>=', value: q(0.7 + r.int(0, 10) / 100, undefined) },
        ],
        priority: r.pick(LEVELS),
        stakeholders: [`Head of ${cap(dom)}`, ...(r.chance(0.3) ? ['Chief Risk Officer'] : [])],
        // Worth more than the plan's serving costs a year (cost-exceeds-value), even alone.
        value: v2 ? q(r.int(5, 80) * 10_000, 'USD/year') : undefined,
        personas: v2 ? [persona] : undefined,
    });
    // Training data and a holdout with the same schema.
    const fieldCount = r.int(5, 9);
    const fields = [];
    const used = new Set();
    for (let k = 0; fields.length < fieldCount && k < 50; k++) {
        const name = r.pick(WORDS) + (k > 12 ? `_${k}` : '');
        if (used.has(name)) continue;
        used.add(name);
        fields.push({ name, type: r.pick(FIELD_TYPES), flags: [] });
    }
    fields[0].type = 'number';
    fields.push({ name: 'region', type: 'category', flags: ['sensitive'] });
    fields.push({ name: 'email', type: 'text', flags: ['pii'] });
    fields.push({ name: 'outcome', type: 'boolean', flags: ['label'] });
    const train = shared?.dataset ?? `${p}_${dom}_events`;
    const trainFields = shared?.datasetFields ?? fields.map(f => f.name);
    const fieldType = name => shared?.fieldTypes?.[name] ?? fields.find(f => f.name === name)?.type;
    let refresh = shared?.datasetRefresh;
    let labeled;
    if (!shared?.dataset) {
        const dataset = {
            kind: 'dataset', name: train, doc: r.chance(0.2) ? `Events of segment ${i}, labelled after ${v2 ? days(user.labelDays) : '30 days'}.` : undefined,
            source: `warehouse://analytics.${dom}_events_${i}`, owner: people[1], version: isoDate(groupDay),
            refresh: r.pick(REFRESH), size: q(r.int(10, 900) * 10_000, 'rows'), labeling: r.pick(LABELING),
            consent: 'Customer terms, section 4.2', retention: q(r.pick([180, 365, 540]), 'd'),
            fields,
            checks: [
                { kind: 'missing', field: fields[0].name, op: '<', value: q(1, '%') },
                { kind: 'unique', field: 'email' },
                { kind: 'range', field: fields[0].name, min: '0', max: fmt(r.int(100, 100_000)) },
            ],
        };
        refresh = dataset.refresh;
        if (v2) {
            dataset.labelDelay = q(user.labelDays, 'd');
            labeled = labelingEffort(r, dataset);
        }
        members.push(dataset);
    }
    const holdout = `${p}_holdout`;
    const versionMissing = findings && r.chance(0.02);
    const holdoutDataset = {
        kind: 'dataset', name: holdout, source: `warehouse://analytics.${dom}_holdout_${i}`, owner: people[1],
        version: versionMissing ? undefined : 'q3', consent: 'Customer terms, section 4.2', retention: q(365, 'd'),
        fields: [{ name: 'region', type: 'category', flags: ['sensitive'] }, { name: 'email', type: 'text', flags: ['pii'] },
            { name: 'outcome', type: 'boolean', flags: ['label'] }, { name: 'score_date', type: 'date', flags: [] }],
        checks: [{ kind: 'missing', field: 'outcome', op: '<', value: q(0.5, '%') }],
    };
    members.push(holdoutDataset);
    // A baseline that the model must beat.
    const baseline = `${p}_Baseline`;
    const expectAuc = 0.6 + r.int(0, 8) / 100;
    const baselineKind = r.pick(BASELINE_KINDS);
    members.push({
        kind: 'baseline', name: baseline, baselineKind,
        description: `The rule of thumb the ${dom} team uses today`, expects: [{ metric: m.ml, value: q(expectAuc, undefined) }],
    });
    // The model.
    const notAbove = findings && r.chance(0.02);
    const features = trainFields.filter(f => f !== 'outcome' && f !== 'email').slice(0, r.int(2, 5));
    if (v2) {
        // The holdout is scored as production will be: it carries every feature of the model.
        const extra = features.filter(f => !holdoutDataset.fields.some(h => h.name === f));
        holdoutDataset.fields.unshift(...extra.map(name => ({ name, type: fieldType(name), flags: [] })));
    }
    const model = {
        kind: 'model', name: `${p}_${cap(dom)}Model`, doc: r.chance(0.2) ? `Scores segment ${i} nightly and on request.` : undefined,
        algorithm: r.pick(ALGORITHMS), owner: people[0], trainsOn: [train], features,
        compute: r.pick(['cpu', 'gpu']), explain: 'SHAP values for every score',
        retrain: r.chance(0.1) ? { onDrift: true } : { every: q(v2 ? retrainDays(r, refresh) : r.pick([7, 14, 30]), 'd') },
        evaluation: {
            on: holdout,
            successes: [
                { metric: m.ml, op: '>=', value: q(notAbove ? expectAuc - 0.05 : 0.75 + r.int(0, 15) / 100, undefined) },
                // v2: no looser than any slo on the metric (those bound it at 100 ms or more).
                { metric: m.lat, op: '<=', value: q(r.pick(v2 ? [50, 75, 100] : [50, 100, 150, 200]), 'ms') },
            ],
            slices: [{ field: 'region', metric: m.ml, gap: true, op: '<=', value: q(0.03, undefined) }],
        },
    };
    if (v2) {
        model.latency = q(r.pick(LATENCIES), 'ms');
        model.version = `${r.int(1, 4)}.${r.int(0, 12)}.${r.int(0, 9)}`;
        model.registry = r.chance(0.7) ? `mlflow://models/${p}-${dom}` : undefined;
    }
    members.push(model);
    // An slo.
    const unrealistic = findings && r.chance(0.01);
    members.push({
        kind: 'slo', name: `${p}_Latency`, indicator: { metric: m.lat, op: '<=', value: q(r.pick([100, 150, 250]), 'ms') },
        objective: q(unrealistic ? 100 : r.pick([99, 99.5, 99.9]), '%'), window: q(28, 'd'),
    });
    // A risk; a few high-impact ones lack a mitigation, and some of those are knowingly accepted.
    const unmitigated = findings && r.chance(0.03);
    members.push({
        kind: 'risk', name: `${p}_${cap(r.pick(WORDS))}Risk`,
        ignore: unmitigated && r.chance(0.5) ? 'risk-unmitigated -- accepted at the steering committee' : undefined,
        description: `Upstream changes to ${dom} data may shift the score distribution`,
        likelihood: r.pick(LEVELS), impact: unmitigated ? 'high' : r.pick(LEVELS),
        mitigation: unmitigated ? undefined : 'Monitor input drift daily; fall back to the baseline',
        owner: people[0],
    });
    // Milestones: a chain inside the group, linked to the previous group's first milestone.
    // v2: the launch has an owner, and a dataset labeled by people is needed labeled by the shadow run.
    const late = findings && r.chance(0.02);
    const prevFirst = i % CHAIN_PERIOD !== 0 && i > 0 ? `g${i - 1}_Prototype` : undefined;
    members.push(
        { kind: 'milestone', name: `${p}_Prototype`, due: isoDate(groupDay + 10), deliverables: ['Offline report'], owner: people[0], after: prevFirst ? [prevFirst] : [] },
        { kind: 'milestone', name: `${p}_Shadow`, due: isoDate(groupDay + SHADOW_DAYS), after: [`${p}_Prototype`], owner: people[0], needs: labeled ? [train] : undefined },
        { kind: 'milestone', name: `${p}_Launch`, due: isoDate(late ? DEADLINE_DAYS + 30 : groupDay + 80), after: [`${p}_Shadow`], deliverables: ['Full traffic', 'Runbook'], owner: v2 ? owner : undefined },
    );
    const monitoring = {
        drifts: [{ dataset: train, field: features[0] ?? trainFields[0], method: r.pick(DRIFT_METHODS), op: '>', threshold: q(0.2, undefined) }],
        alerts: [
            { metric: m.lat, op: '>', value: q(300, 'ms'), notify: `#${dom}-oncall` },
            { metric: m.err, op: '>', value: q(1, '%') },
        ],
    };
    return {
        members, monitoring, metrics: m, baseline, model, prototype: `${p}_Prototype`, previousSystem: baselineKind === 'previous-system', labelingCost: labeled?.cost ?? 0,
    };
}

/**
 * v2: the labeling effort of a dataset labeled by people, for some of those of at most 3 million
 * rows: a rate that labels it within 14 to 35 days of the plan's start (before the group's shadow
 * milestone, which `needs` it) and a price per row. Returns `{ cost }` (USD), or undefined for a
 * dataset left without one.
 */
function labelingEffort(r, dataset) {
    const rows = Number(dataset.size.value.replace(/_/g, ''));
    if (!HUMAN_LABELING.includes(dataset.labeling) || rows > 3_000_000 || !r.chance(0.6)) return undefined;
    const days = r.int(14, 35);
    const perRow = r.pick([0.002, 0.005, 0.01, 0.02]);
    dataset.effort = { rate: q(Math.ceil(rows / days / 1_000) * 1_000, 'rows/day'), cost: q(perRow, 'USD/row') };
    return { cost: rows * perRow };
}

/** v2: a retraining period no shorter than the refresh period of the training data. */
function retrainDays(r, refresh) {
    const period = REFRESH_DAYS[refresh] ?? 1;
    return r.pick([7, 14, 30, 60, 90].filter(days => days >= period).slice(0, 3));
}

function days(n) {
    return n === 1 ? '1 day' : `${n} days`;
}

function cap(word) {
    return word.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());
}

/**
 * A plan of `groups` groups. `shared` (optional) names what an imported catalog provides;
 * `findings` (default true) sprinkles the plan with the warnings real plans have; `syntax` is
 * 'v2' (default) or 'v1' (see the top of this file).
 */
export function planModel({ seed, name, groups, imports = [], shared, findings = true, syntax = 'v2' }) {
    const v2 = syntaxIsV2(syntax);
    const r = rng(seed);
    const members = [];
    const drifts = [{ predictions: true, method: 'ks', op: '>', threshold: q(0.1, undefined) }];
    const alerts = [];
    let first;
    let previousSystem = shared !== undefined; // a team catalog's baseline is the system in place
    let labelingCost = 0;
    for (let i = 0; i < groups; i++) {
        const g = group(r, i, shared, findings, v2);
        first ??= g;
        previousSystem ||= g.previousSystem;
        labelingCost += g.labelingCost;
        members.push(...g.members);
        drifts.push(...g.monitoring.drifts);
        alerts.push(...g.monitoring.alerts);
    }
    const owner = shared?.team ?? 'g0_team';
    // v2: the labeling line pays for the labeling the datasets price (with a tenth to spare), and
    // the total grows by as much, so that the items still fit in it over the months of serving.
    const labeling = v2 ? Math.max(10_000, Math.ceil((labelingCost * 1.1) / 5_000) * 5_000) : 10_000;
    const serving = {
        kind: 'serving', mode: 'realtime', target: 'cloud', volume: q(2_000_000, 'req/day'), peak: q(60, 'req/s'),
        cost: q(0.00004, 'USD/req'), compute: 'cpu', fallback: { baseline: first.baseline },
    };
    const rollout = {
        kind: 'rollout', strategy: 'canary', shadow: q(14, 'd'),
        stages: [{ traffic: q(1, '%'), duration: q(2, 'd') }, { traffic: q(10, '%'), duration: q(3, 'd') }, { traffic: q(100, '%') }],
        rollback: {
            conditions: [{ metric: first.metrics.lat, op: '>', value: q(300, 'ms') }, { metric: first.metrics.err, op: '>', value: q(1, '%') }],
            connectives: ['or'],
        },
    };
    if (v2) {
        // The first group's model runs in production, on the compute it was built for, with room
        // above the peak; the rollout begins once its prototype is due.
        Object.assign(serving, { serves: first.model.name, compute: first.model.compute, replicas: q(3, undefined), capacity: q(40, 'req/s') });
        rollout.starts = { after: first.prototype };
    }
    members.push(
        serving,
        rollout,
        { kind: 'monitoring', drifts, alerts, dashboard: `https://grafana.example/d/${name.toLowerCase()}`, log: 'predictions', logRetention: q(30, 'd') },
        { kind: 'budget', total: q(140_000 + labeling + 1_000 * groups, 'USD'), serving: q(2_500, 'USD/month'), labeling: q(labeling, 'USD'), training: q(20_000, 'USD') },
    );
    return {
        kind: 'plan', name, imports,
        doc: `${name}: generated by scripts/bench (seed ${seed}, ${groups} groups).`,
        title: `${name} plan`, summary: 'A generated plan for measuring mlplan', owner, stage: 'maturity',
        // v2: the clock of the schedules; the model replaces a system when one is named as a baseline
        // (and the rollout's shadow period compares them), else it assists the people deciding today.
        start: v2 ? isoDate(0) : undefined,
        deadline: isoDate(DEADLINE_DAYS),
        deployment: v2 ? (previousSystem ? 'replace' : 'assist') : undefined,
        regulations: ['GDPR', 'CCPA', 'PCI-DSS'],
        members,
    };
}

function syntaxIsV2(syntax) {
    if (syntax !== 'v1' && syntax !== 'v2') throw new Error(`syntax must be 'v1' or 'v2', not ${JSON.stringify(syntax)}`);
    return syntax === 'v2';
}

/**
 * A catalog shared by a team's plans: people, a team, metrics, a training dataset and a baseline.
 * Returns the model and the `shared` names its importers use.
 */
export function catalogModel({ seed, name, prefix, imports = [], common, syntax = 'v2' }) {
    const v2 = syntaxIsV2(syntax);
    const r = rng(seed);
    const people = [`${prefix}_lead`, `${prefix}_eng`, `${prefix}_data`];
    const members = people.map((p, k) => ({ kind: 'person', name: p, displayName: `${r.pick(FIRST)} ${r.pick(LAST)}`, role: ROLES[k] }));
    const team = `${prefix}_team`;
    members.push({ kind: 'team', name: team, members: people, lead: people[0] });
    const metrics = common?.metrics ?? { biz: `${prefix}_loss_rate`, ml: `${prefix}_auc`, lat: `${prefix}_latency_p99`, err: `${prefix}_error_rate` };
    if (!common) {
        members.push(
            { kind: 'metric', name: metrics.biz, metricKind: 'business', unit: '%', better: 'lower' },
            { kind: 'metric', name: metrics.ml, metricKind: 'ml', better: 'higher' },
            { kind: 'metric', name: metrics.lat, metricKind: 'software', unit: 'ms', better: 'lower' },
            { kind: 'metric', name: metrics.err, metricKind: 'software', unit: '%', better: 'lower' },
        );
    }
    const fields = [
        { name: 'amount', type: 'number', flags: [] }, { name: 'channel', type: 'category', flags: [] },
        { name: 'country', type: 'category', flags: [] }, { name: 'region', type: 'category', flags: ['sensitive'] },
        { name: 'email', type: 'text', flags: ['pii'] }, { name: 'outcome', type: 'boolean', flags: ['label'] },
    ];
    const datasetFields = fields.map(f => f.name);
    const dataset = `${prefix}_events`;
    members.push({
        kind: 'dataset', name: dataset, source: `lake://${prefix}/events`, owner: people[2], version: '2026-09', refresh: 'daily',
        size: q(48_000_000, 'rows'), labeling: 'programmatic', consent: 'Customer agreement, clause 12', retention: q(540, 'd'),
        fields,
        checks: [{ kind: 'missing', field: 'amount', op: '<', value: q(0.1, '%') }, { kind: 'unique', field: 'email' }],
        // v2: labeled by rules once an event's outcome is recorded, a week after it.
        labelDelay: v2 ? q(7, 'd') : undefined,
    });
    members.push({ kind: 'baseline', name: `${prefix}_Rules`, baselineKind: 'previous-system', description: 'The hand-written rules', expects: [{ metric: metrics.ml, value: q(0.62, undefined) }] });
    return {
        model: { kind: 'catalog', name, imports, title: `${name} catalog`, members },
        shared: {
            people, team, metrics, dataset, datasetFields, datasetRefresh: 'daily',
            fieldTypes: Object.fromEntries(fields.map(f => [f.name, f.type])),
        },
    };
}

/** The catalog every team catalog imports: company-wide metrics. */
export function commonModel() {
    const metrics = { biz: 'loss_rate', ml: 'auc', lat: 'latency_p99', err: 'error_rate' };
    return {
        model: {
            kind: 'catalog', name: 'Common', imports: [], title: 'Company-wide metrics',
            members: [
                { kind: 'metric', name: metrics.biz, metricKind: 'business', unit: '%', better: 'lower', description: 'Losses as a share of volume' },
                { kind: 'metric', name: metrics.ml, metricKind: 'ml', better: 'higher', description: 'ROC AUC on the holdout' },
                { kind: 'metric', name: metrics.lat, metricKind: 'software', unit: 'ms', better: 'lower' },
                { kind: 'metric', name: metrics.err, metricKind: 'software', unit: '%', better: 'lower' },
            ],
        },
        metrics,
    };
}
