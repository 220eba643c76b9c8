/**
 * For every rule code: a short, realistic plan that raises it, and how its finding is fixed.
 * `rule-docs.ts` renders these (with the registry's title and why) as the rule's page in
 * docs/rules/ and as `mlplan explain CODE`; test/docs/rule-pages.test.ts fails when a code has no
 * example here or when an example stops raising its code.
 */

export interface RuleExample {
    /** A plan (the file the reader would check) that raises the rule's code at least once. */
    readonly plan: string;
    /** Other files, by path relative to the plan, that the plan imports. */
    readonly files?: Readonly<Record<string, string>>;
    /** One line: what the quick-fix does, or why there is none and what the author does instead. */
    readonly fix: string;
    /** When the rule reports at another severity than its default, and why (shown next to the default). */
    readonly severityNote?: string;
}

const NO_FIX = 'No quick-fix: only the team can decide';

export const RULE_EXAMPLES: Readonly<Record<string, RuleExample>> = {
    // ------------------------------------------------------------------ completeness
    'objective-missing': {
        plan: `plan InvoiceCoding {
  owner ana
  person ana { name "Ana Lima" }
}
`,
        fix: 'The quick-fix inserts an objective skeleton with a kpi line; you write what the project is for and the target.',
    },
    'kpi-missing': {
        plan: `plan InvoiceCoding {
  objective FasterBooking {
    description "Book supplier invoices without manual coding"
  }
}
`,
        fix: 'The quick-fix inserts a kpi line (declaring a metric when the plan has none); you set the target and its date.',
    },
    'owner-missing': {
        plan: `plan InvoiceCoding {
  person ana { name "Ana Lima" role "ML lead" }
}
`,
        fix: 'The quick-fix inserts `owner` with the first person or team the plan declares (a placeholder when there is none).',
    },
    'dataset-missing': {
        plan: `plan InvoiceCoding {
  owner ana
  person ana { name "Ana Lima" }
}
`,
        fix: 'The quick-fix inserts a dataset skeleton; you fill in its source and fields.',
    },
    'dataset-source-missing': {
        plan: `plan InvoiceCoding {
  dataset invoices {
    size 400_000 rows
  }
}
`,
        fix: 'The quick-fix inserts `source "TODO"` with the placeholder selected: write where the data comes from.',
    },
    'baseline-missing': {
        plan: `plan InvoiceCoding {
  metric accuracy { kind ml better higher }
  model Coder { evaluation { success accuracy >= 0.9 } }
}
`,
        fix: 'The quick-fix inserts a baseline skeleton; say what the model must beat and its expected score.',
    },
    'evaluation-missing': {
        plan: `plan InvoiceCoding {
  model Coder {
    algorithm "Gradient-boosted trees"
  }
}
`,
        fix: 'The quick-fix inserts an evaluation skeleton (`on` a dataset, one `success` line); you set the threshold.',
    },
    'fairness-missing': {
        plan: `plan LoanScoring {
  metric auc { kind ml better higher }
  dataset holdout {
    source "warehouse://loans_holdout"
    fields { income number  age_band category sensitive  defaulted boolean label }
  }
  model Scorer {
    evaluation {
      on holdout
      success auc >= 0.8
    }
  }
}
`,
        fix: 'The quick-fix inserts `slice by FIELD` for the sensitive field into the evaluation; you may add a `where` bound on the gap.',
    },
    'pii-policy-missing': {
        plan: `plan Churn {
  dataset subscribers {
    source "warehouse://subscribers"
    fields { email text pii  churned boolean label }
  }
}
`,
        severityNote: 'error when the plan lists `regulations`',
        fix: 'The quick-fix inserts the missing `consent` (a placeholder) and `retention` (a guessed 365 d); legal or the data owner supplies the real ones.',
    },
    'fallback-missing': {
        plan: `plan Churn {
  baseline TenureRule { kind heuristic }
  serving {
    mode realtime
    volume 2_000_000 req/day
  }
}
`,
        fix: 'The quick-fix inserts `fallback` with the first baseline (a string placeholder when there is none).',
    },
    'latency-slo-missing': {
        plan: `plan Churn {
  serving {
    mode realtime
    fallback "keep the current offer"
  }
}
`,
        fix: 'The quick-fix inserts an slo skeleton on a latency metric (declaring the metric if needed).',
    },
    'rollback-missing': {
        plan: `plan Churn {
  rollout {
    strategy canary
    stage 5 % for 2 d
    stage 100 %
  }
}
`,
        fix: 'The quick-fix inserts a `rollback when` line on a software metric; adjust its threshold.',
    },
    'model-missing': {
        plan: `plan Churn {
  stage growth
}
`,
        fix: 'The quick-fix inserts a model skeleton that trains on a declared dataset.',
    },
    'dataset-version-missing': {
        plan: `plan Churn {
  stage growth
  dataset subscribers {
    source "warehouse://subscribers"
  }
}
`,
        fix: 'The quick-fix inserts `version "TODO"` with the placeholder selected: write the snapshot or tag you trained on.',
    },
    'serving-missing': {
        plan: `plan Churn {
  stage growth
}
`,
        fix: 'The quick-fix inserts a serving skeleton that falls back on a declared baseline.',
    },
    'rollout-missing': {
        plan: `plan Churn {
  stage growth
}
`,
        fix: 'The quick-fix inserts a canary rollout skeleton with a rollback condition.',
    },
    'monitoring-missing': {
        plan: `plan Churn {
  stage growth
}
`,
        fix: 'The quick-fix inserts a monitoring skeleton with a drift line and an alert.',
    },
    'drift-monitoring-missing': {
        plan: `plan Churn {
  stage growth
  monitoring {
    dashboard "https://grafana.example/d/churn"
  }
}
`,
        fix: 'The quick-fix inserts `drift predictions psi > 0.2`; prefer a drift line on an input field you know shifts.',
    },
    'risk-missing': {
        plan: `plan Churn {
  stage growth
}
`,
        fix: 'The quick-fix inserts a risk skeleton; you describe the risk, its likelihood, impact and mitigation.',
    },
    'retraining-missing': {
        plan: `plan Churn {
  stage maturity
  model ChurnGBM {
    algorithm "LightGBM"
  }
}
`,
        fix: 'The quick-fix inserts `retrain every 30 d`; change the period or write `retrain on drift`.',
    },
    'budget-missing': {
        plan: `plan Churn {
  stage maturity
}
`,
        fix: 'The quick-fix inserts a budget skeleton with a total; you set the amounts.',
    },
    'milestone-missing': {
        plan: `plan Churn {
  stage maturity
}
`,
        fix: 'The quick-fix inserts a milestone skeleton with a due date and deliverable.',
    },
    'business-kpi-missing': {
        plan: `plan Churn {
  metric auc { kind ml better higher }
  objective BetterModel {
    kpi auc >= 0.8
  }
}
`,
        fix: 'The quick-fix inserts a kpi line on the first business metric (declaring one when there is none); you set its target.',
    },
    'persona-missing': {
        plan: `plan Churn {
  stage growth
}
`,
        fix: 'The quick-fix inserts a persona skeleton: say who uses the predictions and what they decide.',
    },
    'model-version-missing': {
        plan: `plan Churn {
  stage growth
  model ChurnGBM {
    algorithm "LightGBM"
  }
}
`,
        fix: 'The quick-fix inserts `version "TODO"` with the placeholder selected.',
    },
    'milestone-owner-missing': {
        plan: `plan Churn {
  stage growth
  owner ana
  person ana { name "Ana Lima" }
  milestone Prototype { due 2026-03-01 }
}
`,
        fix: "The quick-fix inserts `owner` with the plan's owner (a placeholder when the plan has none).",
    },
    'label-delay-missing': {
        plan: `plan Churn {
  stage growth
  dataset subscribers {
    source "warehouse://subscribers"
    fields { tenure number  churned boolean label }
  }
  model ChurnGBM {
    trains on subscribers
    features tenure
  }
}
`,
        fix: `${NO_FIX} how late the labels arrive: add \`labels after DURATION\` to the dataset.`,
    },

    // ------------------------------------------------------------------ source
    'syntax-error': {
        plan: `plan Churn {
  serving {
    mode realtime
    peak 60 req/s
  
}
`,
        fix: 'No quick-fix: correct the text at the position shown (here, close the `serving` block with `}`).',
    },
    'unresolved-reference': {
        plan: `plan Churn {
  owner anna
  person ana { name "Ana Lima" }
}
`,
        fix: 'The quick-fix replaces the name with the nearest declared one, or declares what the name refers to.',
    },
    'unused-ignore': {
        plan: `// mlplan-ignore budget-missing -- finance tracks the budget
plan Churn {
  stage growth
}
`,
        fix: `No quick-fix (a fix never deletes what you wrote): remove the comment, or the code it names, yourself.`,
    },

    // ------------------------------------------------------------------ consistency: structure
    'ambiguous-reference': {
        plan: `plan Churn {
  dataset accounts { source "crm://accounts" fields { region category  tenure number } }
  dataset usage { source "warehouse://usage" fields { region category  minutes number } }
  model ChurnGBM {
    trains on accounts, usage
    features region, minutes
  }
}
`,
        fix: 'The quick-fix qualifies the field with one of the datasets that has it (`accounts.region`).',
    },
    'duplicate-name': {
        plan: `plan Churn {
  metric auc { kind ml better higher }
  metric auc { kind ml better higher description "ROC AUC" }
}
`,
        fix: `${NO_FIX} which declaration to keep: rename or merge one of them.`,
    },
    'duplicate-property': {
        plan: `plan Churn {
  serving {
    mode realtime
    peak 60 req/s
    peak 80 req/s
  }
}
`,
        fix: `${NO_FIX} which value holds: delete the other line.`,
    },
    'duplicate-block': {
        plan: `plan Churn {
  serving { mode realtime }
  serving { mode batch }
}
`,
        fix: `${NO_FIX} which block describes the plan: merge the two.`,
    },
    'duplicate-reference': {
        plan: `plan Churn {
  dataset subscribers { source "warehouse://subscribers" fields { tenure number  churned boolean label } }
  model ChurnGBM {
    trains on subscribers
    features tenure, tenure
  }
}
`,
        fix: 'The quick-fix removes the repeated entry (and its comma); nothing the list said is lost.',
    },
    'train-test-overlap': {
        plan: `plan Churn {
  metric auc { kind ml better higher }
  dataset subscribers { source "warehouse://subscribers" fields { tenure number  churned boolean label } }
  model ChurnGBM {
    trains on subscribers
    evaluation {
      on subscribers
      success auc >= 0.78
    }
  }
}
`,
        fix: `${NO_FIX} which data to hold out: evaluate on a separate dataset (a later period, other customers).`,
    },
    'label-as-feature': {
        plan: `plan Churn {
  dataset subscribers { source "warehouse://subscribers" fields { tenure number  churned boolean label } }
  model ChurnGBM {
    trains on subscribers
    features tenure, churned
  }
}
`,
        fix: `${NO_FIX} whether the field is the label or an input: remove it from \`features\` or drop its \`label\` flag.`,
    },
    'milestone-order': {
        plan: `plan Churn {
  milestone Prototype { due 2026-03-01 }
  milestone Pilot { due 2026-02-15 after Prototype }
}
`,
        fix: `${NO_FIX} which date is right: move one of the due dates.`,
    },
    'milestone-cycle': {
        plan: `plan Churn {
  milestone Prototype { due 2026-03-01 after Pilot }
  milestone Pilot { due 2026-04-01 after Prototype }
}
`,
        fix: `${NO_FIX} which milestone comes first: remove one of the \`after\` links.`,
    },
    'past-deadline': {
        plan: `plan Churn {
  deadline 2026-06-30
  milestone Launch { due 2026-08-01 }
}
`,
        fix: `${NO_FIX} whether the deadline or the date moves.`,
    },
    'rollback-unmonitored': {
        plan: `plan Churn {
  metric error_rate { kind software unit % better lower }
  rollout {
    strategy canary
    stage 10 %
    stage 100 %
    rollback when error_rate > 1 %
  }
  monitoring {
    drift predictions psi > 0.2
  }
}
`,
        fix: 'The quick-fix inserts an `alert` on the metric into monitoring, at the rollback threshold.',
    },
    'retrain-on-drift-unmonitored': {
        plan: `plan Churn {
  model ChurnGBM {
    retrain on drift
  }
  monitoring {
    dashboard "https://grafana.example/d/churn"
  }
}
`,
        fix: 'The quick-fix inserts a drift line into monitoring (a monitoring block when there is none).',
    },
    'risk-unmitigated': {
        plan: `plan Churn {
  risk ColdStart {
    description "New subscribers have no usage history"
    likelihood high
    impact high
  }
}
`,
        fix: 'The quick-fix inserts `mitigation "TODO"` with the placeholder selected: say what limits the damage.',
    },
    'served-model-unspecified': {
        plan: `plan Churn {
  model ChurnGBM { algorithm "LightGBM" }
  model ChurnLogit { algorithm "Logistic regression" }
  serving {
    mode realtime
  }
}
`,
        fix: 'One quick-fix per declared model, each inserting `serves` with it; the first model is preferred.',
    },
    'import-unresolved': {
        plan: `import "./shared/catalog.mlplan"

plan Churn {
  owner ana
}
`,
        fix: `${NO_FIX} the path: point the import at a file inside the workspace.`,
    },
    'import-cycle': {
        plan: `import "./catalog.mlplan"

plan Churn {
  owner ana
}
`,
        files: {
            'catalog.mlplan': `import "./plan.mlplan"

catalog Shared {
  person ana { name "Ana Lima" }
}
`,
        },
        fix: `${NO_FIX} which file depends on which: remove one of the imports, or move the shared declarations into a catalog both import.`,
    },

    // ------------------------------------------------------------------ consistency: values
    'unknown-unit': {
        plan: `plan Churn {
  model ChurnGBM {
    retrain every 30 days
  }
}
`,
        fix: 'The quick-fix replaces the word with the nearest unit (`d`).',
    },
    'invalid-date': {
        plan: `plan Churn {
  deadline 2026-02-30
}
`,
        fix: `${NO_FIX} which day was meant: write a date that exists.`,
    },
    'unit-mismatch': {
        plan: `plan Churn {
  serving {
    mode batch
    volume 10_000 req/day
    cost 0.001 USD/req
  }
  budget {
    serving 500 EUR/month
  }
}
`,
        fix: 'When the plan counts in another currency, the quick-fix changes the unit to it; for a unit of the wrong kind (`peak 60 ms`), write the unit the property takes.',
    },
    'percent-out-of-range': {
        plan: `plan Churn {
  rollout {
    strategy canary
    stage 10 % for 2 d
    stage 50 for 2 d
    stage 100 %
  }
}
`,
        fix: 'When the value is a plain number between 0 and 100, the quick-fix adds the `%` it lacks; otherwise write a share between 0 and 100 %.',
    },
    'non-positive-value': {
        plan: `plan Churn {
  serving {
    mode realtime
    replicas 0
    capacity 40 req/s
  }
}
`,
        fix: `${NO_FIX} the figure: write a value above zero (a fractional count such as \`replicas 2.5\` has a quick-fix that rounds it up).`,
    },
    'slo-objective-unrealistic': {
        plan: `plan Churn {
  metric latency_p99 { kind software unit ms better lower }
  slo ScoringLatency {
    indicator latency_p99 <= 150 ms
    objective 100 %
    window 28 d
  }
}
`,
        fix: `${NO_FIX} how much failure is acceptable: write an objective below 100 %, such as 99.9 %, and treat what it leaves as the error budget.`,
    },
    'rollout-stages-not-increasing': {
        plan: `plan Churn {
  rollout {
    strategy canary
    stage 10 % for 2 d
    stage 5 % for 2 d
    stage 100 %
  }
}
`,
        fix: 'The quick-fix reorders the stages by traffic, keeping each stage\'s duration with it.',
    },
    'rollout-incomplete': {
        plan: `plan Churn {
  rollout {
    strategy canary
    stage 5 % for 2 d
    stage 50 % for 3 d
  }
}
`,
        fix: 'The quick-fix appends `stage 100 %` after the last stage.',
    },
    'peak-below-average': {
        plan: `plan Churn {
  serving {
    mode realtime
    volume 2_000_000 req/day
    peak 10 req/s
  }
}
`,
        fix: 'The quick-fix raises the peak to the mean the volume implies; if the volume is what is wrong, correct it instead.',
    },
    'budget-exceeded': {
        plan: `plan Churn {
  serving {
    mode realtime
    volume 2_000_000 req/day
    cost 0.0001 USD/req
  }
  budget {
    serving 2_000 USD/month
  }
}
`,
        fix: `${NO_FIX} whether to cut the cost or raise the budget.`,
    },
    'success-not-above-baseline': {
        plan: `plan Churn {
  metric auc { kind ml better higher }
  baseline TenureRule {
    kind heuristic
    expect auc = 0.72
  }
  model ChurnGBM {
    evaluation {
      success auc >= 0.70
    }
  }
}
`,
        fix: `${NO_FIX} how much better the model must be: raise the success threshold above the baseline.`,
    },
    'direction-conflict': {
        plan: `plan Churn {
  metric latency_p99 { kind software unit ms better lower }
  model ChurnGBM {
    evaluation {
      success latency_p99 >= 150 ms
    }
  }
}
`,
        fix: 'The quick-fix turns the comparison round (`<=` for a metric where lower is better).',
    },

    // ------------------------------------------------------------------ cross-checks
    'compute-target-mismatch': {
        plan: `plan ImageTagging {
  model Tagger {
    compute gpu
  }
  serving {
    mode realtime
    compute cpu
  }
}
`,
        fix: 'The quick-fix serves on the hardware the model is built for; the other way out, a cpu build of the model, is the team\'s call.',
    },
    'capacity-below-peak': {
        plan: `plan Churn {
  serving {
    mode realtime
    peak 500 req/s
    replicas 2
    capacity 100 req/s
  }
}
`,
        fix: 'The quick-fix raises `replicas` to the smallest count that absorbs the peak.',
    },
    'inference-over-slo': {
        plan: `plan Churn {
  metric latency_p99 { kind software unit ms better lower }
  model ChurnGBM {
    latency 180 ms
  }
  serving {
    mode realtime
  }
  slo ScoringLatency {
    indicator latency_p99 <= 150 ms
    objective 99.5 %
  }
}
`,
        fix: `${NO_FIX} whether the model gets faster hardware, a lighter model, or a looser SLO.`,
    },
    'success-looser-than-slo': {
        plan: `plan Churn {
  metric latency_p99 { kind software unit ms better lower }
  model ChurnGBM {
    evaluation {
      success latency_p99 <= 300 ms
    }
  }
  slo ScoringLatency {
    indicator latency_p99 <= 150 ms
    objective 99.5 %
  }
}
`,
        fix: "The quick-fix tightens the success bound to the SLO's (`<= 150 ms`).",
    },
    'rollout-stage-underpowered': {
        plan: `plan Churn {
  metric error_rate { kind software unit % better lower }
  serving {
    mode realtime
    volume 100_000 req/day
  }
  rollout {
    strategy canary
    stage 1 % for 1 h
    stage 100 %
    rollback when error_rate > 1 %
  }
}
`,
        fix: 'The quick-fix lengthens the stage to the shortest duration that sees enough traffic.',
    },
    'rollback-unobservable': {
        plan: `plan Churn {
  metric churn_rate { kind business unit % better lower }
  dataset subscribers {
    source "warehouse://subscribers"
    labels after 30 d
    fields { tenure number  churned boolean label }
  }
  model ChurnGBM { trains on subscribers features tenure }
  rollout {
    strategy canary
    stage 10 % for 3 d
    stage 100 %
    rollback when churn_rate > 4 %
  }
}
`,
        fix: `${NO_FIX} a condition that can be known in time: roll back on a software metric or a proxy, or make the stages longer than the label delay.`,
    },
    'alert-after-rollback': {
        plan: `plan Churn {
  metric error_rate { kind software unit % better lower }
  rollout {
    strategy canary
    stage 10 %
    stage 100 %
    rollback when error_rate > 1 %
  }
  monitoring {
    alert error_rate > 5 % notify "#churn-oncall"
  }
}
`,
        fix: "The quick-fix sets the alert's threshold to the rollback threshold (`> 1 %`).",
    },
    'rollout-past-deadline': {
        plan: `plan Churn {
  deadline 2026-06-30
  rollout {
    strategy canary
    starts 2026-06-15
    stage 5 % for 21 d
    stage 100 %
  }
}
`,
        fix: `${NO_FIX} whether the rollout starts earlier, runs shorter, or the deadline moves.`,
    },
    'kpi-before-rollout': {
        plan: `plan Churn {
  metric churn_rate { kind business unit % better lower }
  objective ReduceChurn {
    kpi churn_rate <= 3.5 % by 2026-05-01
  }
  rollout {
    strategy canary
    starts 2026-04-20
    stage 10 % for 7 d
    stage 50 % for 7 d
    stage 100 %
  }
}
`,
        fix: `${NO_FIX} whether the kpi date moves after the rollout end, or the rollout starts earlier.`,
    },
    'budget-items-exceed-total': {
        plan: `plan Churn {
  start 2026-01-01
  deadline 2026-12-31
  budget {
    total 50_000 USD
    training 20_000 USD
    serving 3_000 USD/month
  }
}
`,
        fix: 'The quick-fix raises `total` to the sum of the budget lines; if a line is what is wrong, lower it instead.',
    },
    'labeling-over-budget': {
        plan: `plan InvoiceCoding {
  dataset invoices {
    source "erp://invoices"
    size 200_000 rows
    labeling outsourced { rate 5_000 rows/day  cost 0.10 USD/row }
  }
  budget {
    labeling 10_000 USD
  }
}
`,
        fix: 'The quick-fix raises the `labeling` line to what labeling costs; labeling fewer rows or paying less per row are the other ways out.',
    },
    'labeling-too-slow': {
        plan: `plan InvoiceCoding {
  start 2026-01-05
  dataset invoices {
    source "erp://invoices"
    size 200_000 rows
    labeling in-house { rate 2_000 rows/day }
  }
  milestone Prototype {
    due 2026-02-01
    needs invoices
  }
}
`,
        fix: `${NO_FIX} whether to label faster, label fewer rows, or move the milestone.`,
    },
    'cost-exceeds-value': {
        plan: `plan Churn {
  objective ReduceChurn {
    value 20_000 USD/year
  }
  serving {
    mode realtime
    volume 2_000_000 req/day
    cost 0.0001 USD/req
  }
}
`,
        fix: `${NO_FIX} whether the project is worth it: a cheaper way to serve, or a case for more value.`,
    },
    'pii-as-feature': {
        plan: `plan Churn {
  dataset subscribers {
    source "warehouse://subscribers"
    consent "Terms 4.2"
    retention 365 d
    fields { email text pii  tenure number  churned boolean label }
  }
  model ChurnGBM {
    trains on subscribers
    features tenure, email
  }
}
`,
        severityNote: 'error when the plan lists `regulations`',
        fix: `${NO_FIX} whether the model may use personal data: drop the feature, or use a derived field that is not personal.`,
    },
    'log-retention-exceeds-consent': {
        plan: `plan Churn {
  dataset subscribers {
    source "warehouse://subscribers"
    consent "Terms 4.2"
    retention 90 d
    fields { email text pii  tenure number  churned boolean label }
  }
  model ChurnGBM { trains on subscribers features tenure }
  monitoring {
    log inputs for 365 d
  }
}
`,
        fix: `${NO_FIX} whether to keep logs shorter or log only predictions (\`log predictions\`).`,
    },
    'retrain-faster-than-refresh': {
        plan: `plan Churn {
  dataset subscribers {
    source "warehouse://subscribers"
    refresh monthly
  }
  model ChurnGBM {
    trains on subscribers
    retrain every 7 d
  }
}
`,
        fix: `${NO_FIX} whether to retrain less often or refresh the data more often.`,
    },
    'evaluation-missing-label': {
        plan: `plan Churn {
  metric auc { kind ml better higher }
  dataset subscribers { source "warehouse://subscribers" fields { tenure number  churned boolean label } }
  dataset recent { source "warehouse://subscribers_q3" fields { tenure number } }
  model ChurnGBM {
    trains on subscribers
    features tenure
    evaluation {
      on recent
      success auc >= 0.78
    }
  }
}
`,
        fix: `${NO_FIX} where the ground truth comes from: add the label field to the evaluation dataset, or evaluate on one that has it.`,
    },
    'evaluation-missing-feature': {
        plan: `plan Churn {
  metric auc { kind ml better higher }
  dataset subscribers { source "warehouse://subscribers" fields { tenure number  plan_tier category  churned boolean label } }
  dataset recent { source "warehouse://subscribers_q3" fields { tenure number  churned boolean label } }
  model ChurnGBM {
    trains on subscribers
    features tenure, plan_tier
    evaluation {
      on recent
      success auc >= 0.78
    }
  }
}
`,
        fix: 'The quick-fix adds the missing fields, with the types they have in the training data, to the evaluation dataset.',
    },
    'replace-without-comparison': {
        plan: `plan InvoiceCoding {
  deployment replace
  baseline RulesEngine { kind previous-system }
  rollout {
    strategy canary
    stage 10 % for 7 d
    stage 100 %
  }
}
`,
        fix: 'The quick-fix adds a `shadow` period to the rollout (and a `previous-system` baseline when there is none).',
    },
    'big-bang-rollout': {
        plan: `plan Churn {
  stage growth
  rollout {
    strategy big-bang
  }
}
`,
        fix: 'The quick-fix adds a `shadow` period to the rollout; set it to what you can afford.',
    },
};
