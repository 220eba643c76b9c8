/**
 * One-line descriptions of the values completion proposes: keyword values of each enumeration
 * rule of the grammar and the few keyword choices inside other rules (keyed by rule name, then
 * value), field flags, and units.
 */

export const ENUM_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Stage: {
        mvp: 'first version: objective, data, baseline and evaluation must be stated',
        growth: 'in production: also model, serving, rollout, monitoring and risks',
        maturity: 'established: also retraining, budget and milestones',
    },
    Deployment: {
        new: 'the model does something nobody did before; nothing is replaced',
        assist: 'people keep deciding, helped by the predictions',
        replace: 'the model takes over a decision made today by people or another system',
    },
    Level: {
        low: 'low (priority, likelihood or impact)',
        medium: 'medium (priority, likelihood or impact)',
        high: 'high (priority, likelihood or impact)',
    },
    Direction: {
        higher: 'higher values are better (accuracy, recall, AUC)',
        lower: 'lower values are better (latency, error rate, churn)',
    },
    MetricKind: {
        business: 'what the organisation cares about (revenue, churn, cost)',
        ml: 'model quality measured offline (AUC, recall, MAPE)',
        software: 'how the running system behaves (latency, errors)',
    },
    Refresh: {
        once: 'a fixed snapshot, never refreshed',
        hourly: 'refreshed every hour',
        daily: 'refreshed every day',
        weekly: 'refreshed every week',
        monthly: 'refreshed every month',
    },
    Labeling: {
        'in-house': 'labelled by the team or colleagues',
        outsourced: 'labelled by a vendor',
        crowdsourced: 'labelled by a crowd platform',
        programmatic: 'labels derived from rules or later outcomes',
        none: 'no labels (unsupervised, or labels come with the data)',
    },
    FieldType: {
        number: 'numeric value',
        category: 'one of a set of values',
        text: 'free text',
        boolean: 'true or false',
        date: 'calendar date or timestamp',
        image: 'image',
        embedding: 'vector embedding',
    },
    BaselineKind: {
        heuristic: 'a hand-written rule',
        human: 'human performance on the task',
        'previous-system': 'the system in production today',
        literature: 'a published result',
        'simple-model': 'a simple model (logistic regression, last value…)',
    },
    Compute: {
        cpu: 'CPU',
        gpu: 'GPU',
        tpu: 'TPU',
    },
    ServingMode: {
        realtime: 'one prediction per request, synchronously',
        batch: 'predictions computed in scheduled batches',
        streaming: 'predictions on an event stream',
    },
    ServingTarget: {
        cloud: 'served from a cloud or data-centre service',
        edge: 'runs on devices at the edge',
        'on-prem': 'runs on the organisation’s own servers',
        browser: 'runs in the user’s browser',
    },
    Strategy: {
        shadow: 'run beside the current system without acting on predictions',
        canary: 'route a growing share of traffic in stages',
        'blue-green': 'switch all traffic at once, keeping the old version ready',
        'ab-test': 'split traffic to compare against the current system',
        'big-bang': 'replace the current system in one step',
    },
    DriftMethod: {
        psi: 'population stability index',
        ks: 'Kolmogorov–Smirnov statistic',
        kl: 'Kullback–Leibler divergence',
        js: 'Jensen–Shannon distance',
        chi2: 'chi-squared test statistic (categories)',
        wasserstein: 'Wasserstein (earth mover’s) distance',
    },
    Check: {
        missing: 'share of missing values: check missing FIELD < 1 %',
        unique: 'values are unique: check unique FIELD',
        range: 'values lie in a range: check range FIELD from MIN to MAX',
    },
    Retrain: {
        every: 'retrain on a schedule: retrain every 30 d',
        on: 'retrain when monitoring detects drift: retrain on drift',
    },
    RolloutStart: {
        after: 'start on a milestone’s due date: starts after MILESTONE',
    },
    Drift: {
        predictions: 'drift of the model’s outputs',
    },
    LogTarget: {
        predictions: 'log the model’s outputs',
        inputs: 'log the model’s inputs',
    },
};

/** The flags a field may carry (`email text pii`). */
export const FIELD_FLAGS: Readonly<Record<string, string>> = {
    pii: 'personal data: needs consent and retention',
    sensitive: 'protected attribute: evaluation must slice by it',
    label: 'the target the model learns: never a feature',
};

/** What each comparator says, for the completion detail. */
export const COMPARATOR_NAMES: Readonly<Record<string, string>> = {
    '<=': 'at most',
    '>=': 'at least',
    '<': 'below',
    '>': 'above',
    '=': 'equal to',
};

/** What each unit is, for the completion detail. */
export const UNIT_NAMES: Readonly<Record<string, string>> = {
    ms: 'milliseconds',
    s: 'seconds',
    min: 'minutes',
    h: 'hours',
    d: 'days',
    w: 'weeks',
    '%': 'percent',
    'req/s': 'requests per second',
    'req/min': 'requests per minute',
    'req/h': 'requests per hour',
    'req/day': 'requests per day',
    'req/d': 'requests per day',
    rows: 'rows',
    'rows/s': 'rows per second',
    'rows/min': 'rows per minute',
    'rows/h': 'rows per hour',
    'rows/day': 'rows per day',
    'rows/d': 'rows per day',
    USD: 'US dollars',
    EUR: 'euros',
    GBP: 'pounds sterling',
    'USD/month': 'US dollars per month',
    'EUR/month': 'euros per month',
    'GBP/month': 'pounds sterling per month',
    'USD/req': 'US dollars per request',
    'EUR/req': 'euros per request',
    'GBP/req': 'pounds sterling per request',
    'USD/row': 'US dollars per row',
    'EUR/row': 'euros per row',
    'GBP/row': 'pounds sterling per row',
    'USD/year': 'US dollars per year',
    'EUR/year': 'euros per year',
    'GBP/year': 'pounds sterling per year',
};
