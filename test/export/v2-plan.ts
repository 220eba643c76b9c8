/**
 * A plan that uses every v2 construct (LANGUAGE.md section 3), with figures chosen so that each
 * derived figure of the export is a round number that can be checked by hand:
 * - serving: 2,592,000 req/day = 30 req/s mean, peak 60 req/s; 3 replicas × 40 req/s = 120 req/s,
 *   2× the peak; 0.00001 USD/req × 946,080,000 req/year = 9,460.8 USD/year;
 * - value: 300,000 + 100,000 = 400,000 USD/year, 42.28× the serving cost;
 * - labeling: 1,200,000 rows at 20,000 rows/day = 60 d from the start 2026-01-05 → 2026-03-06;
 *   × 0.05 USD/row = 60,000 USD;
 * - rollout: starts after Prototype (due 2026-01-15), 14 d shadow → 2026-01-29, stage 1 % for 2 d
 *   (30 × 0.01 × 172,800 s = 51,840 requests) → 2026-01-31, stage 10 % for 3 d → 2026-02-03;
 * - budget: 150,000 USD total; serving 2,500 USD/month × 9 months (2026-01-15 to 2026-09-30) =
 *   22,500 USD, + 10,000 USD labeling = 32,500 USD.
 */
export const V2_PLAN = `plan ChurnPrediction {
  title "Subscriber churn prediction"
  owner ana
  stage growth
  start 2026-01-05
  deadline 2026-09-30
  deployment replace

  person ana { name "Ana Lima" role "ML lead" }

  metric churn_rate  { kind business unit % better lower }
  metric auc         { kind ml better higher }
  metric latency_p99 { kind software unit ms better lower }
  metric error_rate  { kind software unit % better lower }

  /** Works the morning call list. */
  persona retention_agent {
    description "Retention agent calling at-risk subscribers"
    decision "whom to call first and which offer to make"
  }
  persona analyst { description "Analyst" }

  objective ReduceChurn {
    kpi churn_rate <= 3.5 % by 2026-12-31
    value 300_000 USD/year
    for retention_agent
  }
  objective KeepRevenue {
    kpi churn_rate <= 4 %
    value 100_000 USD/year
    for retention_agent, nobody
  }

  dataset subscribers {
    source "warehouse://analytics.subscribers"
    version "2026-10-01"
    refresh daily
    size 1_200_000 rows
    labeling in-house { rate 20_000 rows/day cost 0.05 USD/row }
    labels after 30 d
    fields { tenure_months number churned boolean label }
  }

  model ChurnGBM {
    trains on subscribers
    features tenure_months
    compute cpu
    latency 40 ms
    version "2.3.0"
    registry "mlflow://models/churn-gbm"
  }

  serving {
    mode realtime
    volume 2_592_000 req/day
    peak 60 req/s
    cost 0.00001 USD/req
    compute cpu
    serves ChurnGBM
    replicas 3
    capacity 40 req/s
  }

  rollout {
    strategy canary
    starts after Prototype
    shadow 14 d
    stage 1 % for 2 d
    stage 10 % for 3 d
    stage 100 %
  }

  milestone Prototype { due 2026-01-15 owner ana }
  milestone Labeled   { due 2026-03-01 needs subscribers owner ana }

  budget {
    total 150_000 USD
    serving 2_500 USD/month
    labeling 10_000 USD
  }
}
`;
