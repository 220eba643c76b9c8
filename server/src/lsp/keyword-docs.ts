/**
 * What every keyword of the language means, for the keyword hover. A keyword that means different
 * things in different blocks (`stage` of a plan vs a rollout stage, `serving` block vs the budget's
 * `serving` line) has one entry per grammar rule, keyed `Rule.keyword`; the plain `keyword` entry is
 * the meaning everywhere else. test/lsp/hover-keywords.test.ts checks that every keyword of the
 * grammar that carries a meaning has an entry.
 */

export interface KeywordDoc {
    /** What it means and when to use it (Markdown written here, not plan text). */
    readonly text: string;
    /** How it is written, shown as code. */
    readonly example?: string;
}

function doc(text: string, example?: string): KeywordDoc {
    return { text, example };
}

const LEVEL = 'One step of the three-step scale `low` < `medium` < `high`, used by `priority`, `likelihood` and `impact`.';
const FIELD_TYPE = 'A field type. It tells reviewers (and drift methods) what kind of values the column holds.';

const DOCS: Readonly<Record<string, KeywordDoc>> = {
    // ------------------------------------------------------------ files and the plan
    'import': doc('Makes the declarations of another `.mlplan` file (usually a catalog) visible here, as if written locally. The path is relative to this file and must stay inside the workspace.', 'import "./shared/catalog.mlplan"'),
    'plan': doc('The plan of one ML project: what it is for, its data, model, serving, rollout, monitoring, risks and budget. One plan (or one catalog) per file.', 'plan ChurnPrediction { … }'),
    'catalog': doc('A file of shared declarations (people, teams, metrics, datasets, baselines) that several plans import. A catalog has no stage and no readiness.', 'catalog Payments { … }'),
    'title': doc('A human-readable title, shown at the top of exports.', 'title "Subscriber churn prediction"'),
    'summary': doc('One sentence on what the project delivers and for whom.', 'summary "Target at-risk subscribers with retention offers"'),
    'description': doc('Free text explaining the declaration; it is copied into hovers and exports.', 'description "…"'),
    'owner': doc('The person or team accountable for this. Every plan needs an owner (`owner-missing`).', 'owner ana'),
    'Plan.stage': doc('How mature the project is: `mvp`, `growth` or `maturity`. The stage decides which completeness rules apply (a plan without `stage` is at `mvp`).', 'stage growth'),
    'start': doc('The day work on the plan begins. It is the clock of the plan\'s schedule: labeling is counted from it, and months of serving from it when the rollout has no `starts`.', 'start 2026-01-05'),
    'deadline': doc('The date the whole plan must be delivered by. Milestones and kpi dates later than it are `past-deadline`.', 'deadline 2026-09-30'),
    'deployment': doc('What the model does to the way the work is done today: `new` (nothing is replaced), `assist` (people decide, helped by the model) or `replace` (the model takes over). A replacement must be compared with what it replaces on live traffic (`replace-without-comparison`).', 'deployment replace'),
    'regulations': doc('The regulations the project falls under, as names or strings. When present, a `pii` field without consent or retention becomes an error.', 'regulations GDPR, CCPA, "PCI-DSS"'),

    // ------------------------------------------------------------ people
    'person': doc('Someone who owns or is responsible for part of the plan; referenced by `owner`, `members` and `lead`.', 'person ana { name "Ana Lima" role "ML lead" }'),
    'team': doc('A group of people that can own things together.', 'team retention { members ana, raj lead ana }'),
    'name': doc('The full name shown for a person or team (the identifier after `person`/`team` is how the plan refers to it).', 'name "Ana Lima"'),
    'role': doc('What the person does on the project.', 'role "Data engineer"'),
    'email': doc('How to reach the person.', 'email "ana@example.com"'),
    'members': doc('The people in the team, comma-separated.', 'members ana, raj'),
    'lead': doc('The person who leads the team.', 'lead ana'),

    // ------------------------------------------------------------ metrics and objectives
    'metric': doc('Something measured: a business KPI, a model-quality figure or a software figure. Kpis, success criteria, SLOs, alerts, rollback conditions and baselines all refer to metrics.', 'metric auc { kind ml better higher }'),
    'Metric.kind': doc('What the metric measures: `business` (the outcome the project exists for), `ml` (model quality) or `software` (latency, errors). A latency SLO needs a time-valued `software` metric.', 'kind software'),
    'unit': doc('The unit of the metric\'s values (`%`, `ms`, …); without it the metric is a plain ratio. Every bound on the metric must use a compatible unit (`unit-mismatch`).', 'unit ms'),
    'better': doc('Which direction is an improvement: `higher` or `lower`. Used to check that bounds point the right way and that success beats the baseline.', 'better lower'),
    'objective': doc('A goal of the project in business terms, measured by one or more kpis.', 'objective ReduceChurn { kpi churn_rate <= 3.5 % by 2026-12-31 }'),
    'Slo.objective': doc('The share of the window in which the indicator must hold, below 100 %. What is left is the error budget: 99.5 % over 28 d allows 3.4 h of bad time.', 'objective 99.5 %'),
    'kpi': doc('A target on a metric that says when the objective is met, optionally by a date. Repeatable.', 'kpi churn_rate <= 3.5 % by 2026-12-31'),
    'Kpi.by': doc('The date by which the kpi should be reached; it must not be after the plan deadline.', 'by 2026-12-31'),
    'priority': doc('How much the objective matters relative to others: `low`, `medium` or `high`.', 'priority high'),
    'stakeholder': doc('Someone outside the team who cares about the objective. Repeatable.', 'stakeholder "Head of Retention"'),
    'value': doc('What the objective is worth per year once its kpis are met, as money per year (or per month). Its sum over the objectives is set against the yearly serving cost (`cost-exceeds-value`).', 'value 400_000 USD/year'),
    'Objective.for': doc('The personas the objective serves, comma-separated: who gains when it is met.', 'for retention_agent'),
    'persona': doc('Someone who uses the predictions, and the decision they take from one. Objectives name the personas they serve with `for`. Expected from `growth` (`persona-missing`).', 'persona retention_agent { description "…" decision "…" }'),
    'decision': doc('What the persona decides from a prediction: the action the model changes.', 'decision "whom to call first and which offer to make"'),

    // ------------------------------------------------------------ data
    'dataset': doc('Data the project uses: where it comes from, who owns it, which version, its fields and how personal data is handled.', 'dataset subscribers { source "warehouse://…" fields { … } }'),
    'source': doc('Where the data comes from (a table, bucket or URL). Provenance is required for every dataset (`dataset-source-missing`).', 'source "warehouse://analytics.subscribers"'),
    'version': doc('Which snapshot of the data is meant, so results can be reproduced (required from `growth`).', 'version "2026-10-01"'),
    'refresh': doc('How often the data is updated: `once`, `hourly`, `daily`, `weekly` or `monthly`.', 'refresh daily'),
    'size': doc('How many rows the dataset has.', 'size 1_200_000 rows'),
    'Dataset.labeling': doc('Who produces the labels: `in-house`, `outsourced`, `crowdsourced`, `programmatic` or `none`, optionally followed by `{ rate … cost … }`: how many rows are labeled per day and what a row costs. From those and the `size`, the plan knows how long labeling takes and what it costs.', 'labeling in-house { rate 2_000 rows/day cost 0.05 USD/row }'),
    'rate': doc('How many rows are labeled per unit of time (`rows/day`, `rows/h`, …). With the `size`, it gives how long labeling takes from the plan `start`; a milestone that `needs` the dataset must not be due earlier (`labeling-too-slow`).', 'rate 2_000 rows/day'),
    'LabelingEffort.cost': doc('What labeling one row costs (`USD/row`). Times the `size`, it is the dataset\'s labeling cost, which must fit the budget\'s `labeling` line (`labeling-over-budget`).', 'cost 0.05 USD/row'),
    'labels': doc('`labels after` is the label delay: how long after an event its ground truth is known (a churn is known 30 days later). A rollback condition on model quality cannot be judged sooner (`rollback-unobservable`). Expected from `growth` for a dataset a model trains on that has a `label` field.', 'labels after 30 d'),
    'Dataset.after': doc('Part of `labels after`: the label delay follows.', 'labels after 30 d'),
    'consent': doc('The legal basis on which personal data was collected. Required when a field is `pii`.', 'consent "Subscriber terms, section 4.2"'),
    'retention': doc('How long the data is kept. Required when a field is `pii`.', 'retention 365 d'),
    'fields': doc('The columns of the dataset: a name, a type and optional flags `pii`, `sensitive`, `label`.', 'fields { email text pii  churned boolean label }'),
    'pii': doc('Flags a field holding personal data: the dataset then needs `consent` and `retention` (an error when the plan lists `regulations`).', 'email text pii'),
    'sensitive': doc('Flags a protected attribute (region, age band, language, …): any evaluation on this dataset must `slice by` it to check fairness.', 'region category sensitive'),
    'label': doc('Flags the field the model learns to predict. A label must never be a feature (`label-as-feature`).', 'churned boolean label'),
    'check': doc('A data-quality check on a field of this dataset: `missing FIELD < 1 %`, `unique FIELD` or `range FIELD from MIN to MAX`. Repeatable.', 'check missing tenure_months < 1 %'),
    'missing': doc('Check kind: the share of missing values in the field must stay within the bound.', 'check missing tenure_months < 1 %'),
    'unique': doc('Check kind: no two rows have the same value in the field.', 'check unique email'),
    'range': doc('Check kind: every value of the field lies between two numbers.', 'check range tenure_months from 0 to 600'),
    'from': doc('The lower end of a `range` check.', 'from 0 to 600'),
    'to': doc('The upper end of a `range` check.', 'from 0 to 600'),

    // ------------------------------------------------------------ baselines
    'baseline': doc('What the model must beat: a heuristic, the current system, human performance or a simple model. Also the natural `fallback` when serving fails.', 'baseline TenureRule { kind heuristic expect auc = 0.64 }'),
    'Baseline.kind': doc('Where the baseline comes from: `heuristic`, `human`, `previous-system`, `literature` or `simple-model`.', 'kind heuristic'),
    'expect': doc('The value the baseline achieves (or is expected to) on a metric. Success criteria on that metric must do better (`success-not-above-baseline`). Repeatable.', 'expect auc = 0.64'),

    // ------------------------------------------------------------ model
    'model': doc('The model to build: algorithm, training data, features, compute, explanation, retraining and evaluation.', 'model ChurnGBM { trains on subscribers … }'),
    'algorithm': doc('The learning method, in words.', 'algorithm "LightGBM gradient-boosted trees"'),
    'trains': doc('`trains on` lists the datasets the model is trained on, comma-separated. The evaluation dataset must not be one of them (`train-test-overlap`).', 'trains on subscribers'),
    'Model.on': doc('Part of `trains on`: the training datasets follow.', 'trains on subscribers, events'),
    'features': doc('The input fields of the model, taken from its training datasets; qualify with `dataset.` when a name exists in several of them. A field flagged `label` cannot be a feature.', 'features tenure_months, plan_tier'),
    'compute': doc('The hardware it runs on: `cpu`, `gpu` or `tpu`.', 'compute gpu'),
    'latency': doc('How long the model takes to answer one request on its compute. It must leave room within every latency SLO bound (`inference-over-slo`).', 'latency 40 ms'),
    'Model.version': doc('The version of the trained model that serving runs, so that a prediction can be traced to the model that made it (expected from `growth`).', 'version "2.3.0"'),
    'registry': doc('Where the trained versions of the model are kept.', 'registry "mlflow://models/churn-gbm"'),
    'Budget.compute': doc('Money set aside for compute outside training and serving.', 'compute 5_000 USD'),
    'explain': doc('How the model\'s decisions are explained to users or reviewers.', 'explain "SHAP values for every score"'),
    'retrain': doc('When the model is retrained: on a schedule (`every 30 d`) or when drift is detected (`on drift`, which needs a `drift` line in monitoring). Required from `maturity`.', 'retrain every 30 d'),
    'every': doc('Retrain on a fixed schedule, every given duration.', 'retrain every 30 d'),
    'Retrain.on': doc('Part of `retrain on drift`: retrain when monitoring detects drift.', 'retrain on drift'),
    'Retrain.drift': doc('`retrain on drift`: retraining is triggered by drift alerts, so monitoring must have a `drift` line (`retrain-on-drift-unmonitored`).', 'retrain on drift'),
    'evaluation': doc('How the model is judged before launch: the held-out dataset, the success criteria and the fairness slices.', 'evaluation { on holdout success auc >= 0.78 }'),
    'Evaluation.on': doc('The dataset the model is evaluated on; it must not be a training dataset.', 'on holdout_2026q3'),
    'success': doc('A criterion the model must meet to ship, as a bound on a metric. It must point the metric\'s better way and beat every baseline. Repeatable.', 'success auc >= 0.78'),
    'slice': doc('Report a metric per group of a field of the evaluation dataset, optionally bounding the gap between groups. Every `sensitive` field needs one.', 'slice by region where auc gap <= 0.03'),
    'Slice.by': doc('The field of the evaluation dataset whose groups are compared.', 'slice by region'),
    'where': doc('The metric compared across the slice\'s groups, and its bound.', 'where auc gap <= 0.03'),
    'gap': doc('Bound the difference of the metric between the best and the worst group, rather than each group\'s value.', 'where auc gap <= 0.03'),

    // ------------------------------------------------------------ serving
    'serving': doc('How the model answers in production: mode, target, load, cost per request and the fallback.', 'serving { mode realtime volume 2_000_000 req/day … }'),
    'Budget.serving': doc('The monthly budget for serving. The serving cost × volume over a 30-day month must fit in it (`budget-exceeded`).', 'serving 2_500 USD/month'),
    'mode': doc('How predictions are requested: `realtime` (one request at a time, latency matters), `batch` (scheduled jobs) or `streaming` (events as they arrive).', 'mode realtime'),
    'target': doc('Where the model runs: `cloud`, `edge`, `on-prem` or `browser`.', 'target cloud'),
    'volume': doc('The expected traffic, as a rate. The mean rate it implies is the floor for `peak` and the base of the monthly cost.', 'volume 2_000_000 req/day'),
    'peak': doc('The highest request rate to provision for; it cannot be below the mean implied by `volume`.', 'peak 60 req/s'),
    'cost': doc('The serving cost per request (or per month). Times the volume over 30 days, it must fit the budget\'s `serving` line.', 'cost 0.00004 USD/req'),
    'serves': doc('The model this serving runs. It may be left out when the plan has one model, which is then the served model.', 'serves ChurnGBM'),
    'replicas': doc('How many copies of the model serve traffic side by side, as a plain count. Times the `capacity` of one, it must reach the `peak` (`capacity-below-peak`).', 'replicas 3'),
    'capacity': doc('The sustained throughput of one replica, as a request rate.', 'capacity 40 req/s'),
    'fallback': doc('What answers when the model cannot (outage, timeout, bad input): a baseline, or a sentence. Every serving needs one (`fallback-missing`).', 'fallback TenureRule'),

    // ------------------------------------------------------------ slo
    'slo': doc('A service-level objective: an indicator that must hold for a share of a time window. A realtime serving needs a latency SLO.', 'slo ScoringLatency { indicator latency_p99 <= 150 ms objective 99.5 % window 28 d }'),
    'indicator': doc('The bound on a metric that defines a good event for the SLO.', 'indicator latency_p99 <= 150 ms'),
    'window': doc('The rolling period over which the SLO objective is measured.', 'window 28 d'),

    // ------------------------------------------------------------ rollout
    'rollout': doc('How the model reaches users: the strategy, an optional shadow period, the traffic stages and when to roll back.', 'rollout { strategy canary stage 5 % for 2 d stage 100 % }'),
    'strategy': doc('The release strategy: `shadow`, `canary`, `blue-green`, `ab-test` or `big-bang`. Canary, blue-green and A/B tests need a `rollback when`.', 'strategy canary'),
    'starts': doc('When the rollout begins: a date (`starts 2026-03-01`) or the due date of a milestone (`starts after Prototype`). With the shadow period and the stage durations it gives the rollout\'s end, which must not be after the `deadline` (`rollout-past-deadline`).', 'starts after Prototype'),
    'RolloutStart.after': doc('The rollout starts on the due date of this milestone.', 'starts after Prototype'),
    'Rollout.shadow': doc('A period during which the model scores live traffic without its answers being used, before any stage.', 'shadow 14 d'),
    'RolloutStage.stage': doc('One step of the rollout: the share of traffic sent to the new model, optionally for a duration. Shares must strictly increase and (for canary and A/B) end at 100 %.', 'stage 10 % for 3 d'),
    'RolloutStage.for': doc('How long a rollout stage lasts before the next one.', 'stage 10 % for 3 d'),
    'rollback': doc('`rollback when` names the conditions that send traffic back to the previous system. Each metric in it should have an `alert`.', 'rollback when latency_p99 > 300 ms or error_rate > 1 %'),
    'when': doc('Introduces the rollback conditions.', 'rollback when error_rate > 1 %'),
    'or': doc('Roll back when either condition holds.', 'latency_p99 > 300 ms or error_rate > 1 %'),
    'and': doc('Roll back only when both conditions hold.', 'latency_p99 > 300 ms and error_rate > 1 %'),

    // ------------------------------------------------------------ monitoring
    'monitoring': doc('What is watched in production: input and output drift, alerts, a dashboard and prediction logs.', 'monitoring { drift predictions ks > 0.1 alert … }'),
    'Drift.drift': doc('Watch a distribution for change: a field of a dataset (`dataset.field`) or the model\'s outputs (`predictions`), with a method and a threshold. Required from `growth`.', 'drift subscribers.tenure_months psi > 0.2'),
    'Drift.predictions': doc('Watch the distribution of the model\'s outputs (output drift) rather than an input field.', 'drift predictions ks > 0.1'),
    'alert': doc('Notify someone when a metric crosses a bound; `notify` says where. Repeatable.', 'alert latency_p99 > 200 ms notify "#oncall"'),
    'notify': doc('Where the alert goes: a channel, a pager, an address.', 'notify "#churn-oncall"'),
    'dashboard': doc('Where the live figures can be seen.', 'dashboard "https://grafana.example/d/churn"'),
    'log': doc('What is logged for later analysis (`predictions` or `inputs`), optionally how long it is kept.', 'log predictions for 30 d'),
    'Monitoring.for': doc('How long the logs are kept.', 'log predictions for 30 d'),

    // ------------------------------------------------------------ delivery
    'risk': doc('Something that could go wrong, with its likelihood, impact and mitigation. A high-impact risk needs a mitigation.', 'risk ColdStart { likelihood high impact medium mitigation "…" }'),
    'likelihood': doc('How probable the risk is: `low`, `medium` or `high`.', 'likelihood high'),
    'impact': doc('How bad it would be: `low`, `medium` or `high`. `high` requires a `mitigation`.', 'impact high'),
    'mitigation': doc('How the risk is prevented or contained.', 'mitigation "Serve TenureRule for tenure under 1 month"'),
    'milestone': doc('A dated step of the project, possibly after other milestones.', 'milestone Shadow { due 2026-03-01 after Prototype }'),
    'due': doc('The date the milestone is due; it must come after every milestone it follows and not after the plan deadline.', 'due 2026-03-01'),
    'deliverable': doc('What the milestone produces. Repeatable.', 'deliverable "Offline AUC report"'),
    'after': doc('The milestones that must be done before this one (no cycles, due dates in order).', 'after Prototype'),
    'needs': doc('The datasets that must be labeled by the milestone\'s due date, comma-separated. Labeling that ends later, counted from the plan `start`, is `labeling-too-slow`.', 'needs subscribers'),
    'budget': doc('The money available: a total and lines for serving (per month), labeling, training and compute.', 'budget { total 150_000 USD serving 2_500 USD/month }'),
    'total': doc('The whole budget of the project. The one-off lines (`labeling`, `training`, `compute`) plus the monthly `serving` line times the months of serving must fit in it (`budget-items-exceed-total`).', 'total 150_000 USD'),
    'Budget.labeling': doc('Money for producing labels. The datasets\' labeling cost (`size` × labeling `cost` per row) must fit in it (`labeling-over-budget`).', 'labeling 10_000 USD'),
    'training': doc('Money for training runs.', 'training 20_000 USD'),

    // ------------------------------------------------------------ values
    'mvp': doc('Stage: a first version to learn from. The basic completeness rules apply.'),
    'growth': doc('Stage: the project is scaling. Adds model, data version, serving, rollout, monitoring, drift and risk requirements.'),
    'maturity': doc('Stage: a long-lived production system. Adds retraining, budget and milestones.'),
    'new': doc('Deployment: the model does something nobody did before; nothing is replaced.'),
    'assist': doc('Deployment: people keep deciding, with the model\'s predictions as help.'),
    'replace': doc('Deployment: the model takes over a decision people or another system make today, so it must be compared with them on live traffic.'),
    'low': doc(LEVEL),
    'medium': doc(LEVEL),
    'high': doc(LEVEL),
    'higher': doc('Bigger values are better (accuracy, recall, AUC): bounds should be `>=` or `>`.'),
    'lower': doc('Smaller values are better (latency, error rate, churn): bounds should be `<=` or `<`.'),
    'business': doc('Metric kind: an outcome the project exists for (churn, revenue, handling time).'),
    'ml': doc('Metric kind: the quality of the model\'s predictions (AUC, F1, recall).'),
    'software': doc('Metric kind: how the service behaves (latency, error rate, throughput).'),
    'once': doc('Refresh: the data is a one-off snapshot.'),
    'hourly': doc('Refresh: new data every hour.'),
    'daily': doc('Refresh: new data every day.'),
    'weekly': doc('Refresh: new data every week.'),
    'monthly': doc('Refresh: new data every month.'),
    'in-house': doc('Labeling: labels are produced by the team\'s own people.'),
    'outsourced': doc('Labeling: labels are bought from a vendor.'),
    'crowdsourced': doc('Labeling: labels come from a crowd-work platform; plan for quality control.'),
    'programmatic': doc('Labeling: labels are derived by rules or from later events (e.g. chargebacks).'),
    'none': doc('Labeling: the data has no labels.'),
    'number': doc(`${FIELD_TYPE} Numeric values.`),
    'category': doc(`${FIELD_TYPE} One of a set of values.`),
    'text': doc(`${FIELD_TYPE} Free text.`),
    'boolean': doc(`${FIELD_TYPE} True or false.`),
    'date': doc(`${FIELD_TYPE} Calendar dates.`),
    'image': doc(`${FIELD_TYPE} Images.`),
    'embedding': doc(`${FIELD_TYPE} Vectors produced by another model.`),
    'heuristic': doc('Baseline kind: a hand-written rule.'),
    'human': doc('Baseline kind: how well people do the task today.'),
    'previous-system': doc('Baseline kind: the system the model replaces.'),
    'literature': doc('Baseline kind: a published result on a comparable task.'),
    'simple-model': doc('Baseline kind: a simple model such as a logistic regression.'),
    'cpu': doc('Compute: ordinary processors.'),
    'gpu': doc('Compute: graphics processors, for large or deep models.'),
    'tpu': doc('Compute: tensor processing units.'),
    'realtime': doc('Serving mode: each request is answered as it comes, so latency matters and a latency SLO is required.'),
    'batch': doc('Serving mode: predictions are computed in scheduled jobs.'),
    'streaming': doc('Serving mode: predictions are made on events from a stream.'),
    'cloud': doc('Serving target: a cloud service.'),
    'edge': doc('Serving target: on devices near the user.'),
    'on-prem': doc('Serving target: the organisation\'s own servers.'),
    'browser': doc('Serving target: in the user\'s browser.'),
    'Strategy.shadow': doc('Strategy: the model runs next to the current system on live traffic, but its answers are not used until it is trusted.'),
    'canary': doc('Strategy: a small share of traffic first, then larger stages up to 100 %, rolling back when a condition trips.'),
    'blue-green': doc('Strategy: a full second environment; traffic switches at once and can switch back.'),
    'ab-test': doc('Strategy: traffic is split between old and new to measure the difference; may stop at 50 %.'),
    'big-bang': doc('Strategy: all traffic switches at once, with no stages.'),
    'psi': doc('Drift method: population stability index; above 0.2 is commonly read as a significant shift.'),
    'ks': doc('Drift method: Kolmogorov–Smirnov statistic, the largest distance between two cumulative distributions.'),
    'kl': doc('Drift method: Kullback–Leibler divergence of the live distribution from the reference.'),
    'js': doc('Drift method: Jensen–Shannon distance, a symmetric, bounded form of KL divergence.'),
    'chi2': doc('Drift method: chi-squared test, for categorical fields.'),
    'wasserstein': doc('Drift method: Wasserstein (earth mover\'s) distance, in the field\'s own units.'),
    'LogTarget.predictions': doc('Log the model\'s outputs.'),
    'inputs': doc('Log the model\'s inputs.'),
};

/** The documentation of `keyword` as used in grammar rule `rule`, if it has one. */
export function keywordDoc(rule: string, keyword: string): KeywordDoc | undefined {
    return DOCS[`${rule}.${keyword}`] ?? DOCS[keyword];
}

/** Every key of the table (`keyword` or `Rule.keyword`), for the test that keeps it in step with the grammar. */
export function keywordDocKeys(): string[] {
    return Object.keys(DOCS);
}
