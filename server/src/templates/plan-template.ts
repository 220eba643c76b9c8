/**
 * The skeleton behind "ML Plan: New Plan from Template". It contains exactly what a plan at the
 * chosen stage must say, with `TODO` placeholders where only the team can fill in the facts, and
 * it checks clean at that stage (test/templates pins that). A placeholder satisfies no rule
 * (model/placeholder.ts), so every value a rule reads (a source, a version) is a realistic example
 * to overwrite instead. Pure text: the extension imports it without starting the language server.
 */
import type { Stage } from '../generated/ast.js';

export const TEMPLATE_STAGES: readonly Stage[] = ['mvp', 'growth', 'maturity'];

/** A plan name from free text: `Churn prediction 2` → `ChurnPrediction2`. */
export function planNameFrom(text: string): string {
    const words = text.match(/[A-Za-z0-9]+/g) ?? [];
    const name = words.map(w => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    return /^[A-Za-z_]/.test(name) ? name : `Plan${name}`;
}

export function planTemplate(stage: Stage, name = 'NewPlan'): string {
    const growth = stage !== 'mvp';
    const maturity = stage === 'maturity';
    const lines: string[] = [];
    const add = (...more: string[]) => lines.push(...more);

    add(
        `/** TODO: one sentence on the decision this model supports. */`,
        `plan ${planNameFrom(name)} {`,
        `  title "TODO: project title"`,
        `  summary "TODO: what changes for users when this ships"`,
        `  owner ml_team`,
        `  stage ${stage}`,
    );
    if (maturity) {
        add(`  deadline ${isoDateFromToday(365)}`);
    }
    add(
        ``,
        `  person lead { name "TODO: name" role "ML lead" }`,
        `  team ml_team { members lead }`,
        ``,
        `  metric business_kpi { kind business unit % better higher description "TODO: the number the business tracks" }`,
        `  metric quality      { kind ml better higher description "TODO: offline model metric, e.g. ROC AUC" }`,
    );
    if (growth) {
        add(
            `  metric latency_p99  { kind software unit ms better lower }`,
            `  metric error_rate   { kind software unit % better lower }`,
        );
    }
    if (growth) {
        add(
            ``,
            `  persona end_user {`,
            `    description "TODO: who acts on the predictions"`,
            `    decision "TODO: what they decide from a prediction"`,
            `  }`,
        );
    }
    add(
        ``,
        `  objective Primary {`,
        `    description "TODO: the outcome this project exists for"`,
        `    kpi business_kpi >= 10 %`,
        `    priority high`,
        `  }`,
        ``,
        `  dataset training_data {`,
        `    source "warehouse://analytics.events"`,
        ...(growth ? [`    version "2026-01-snapshot"`, `    labels after 30 d`] : []),
        `    fields {`,
        `      feature_a number`,
        `      feature_b category`,
        `      outcome boolean label`,
        `    }`,
        `  }`,
        ``,
        `  dataset holdout {`,
        `    source "warehouse://analytics.events_holdout"`,
        ...(growth ? [`    version "2026-01-snapshot"`] : []),
        `    fields {`,
        `      feature_a number`,
        `      feature_b category`,
        `      outcome boolean label`,
        `    }`,
        `  }`,
        ``,
        `  baseline CurrentProcess {`,
        `    kind heuristic`,
        `    description "TODO: what is done today without the model"`,
        `    expect quality = 0.6`,
        `  }`,
        ``,
        `  model Candidate {`,
        `    algorithm "TODO"`,
        `    trains on training_data`,
        `    features feature_a, feature_b`,
        ...(growth ? [`    version "1.0.0"`] : []),
        ...(maturity ? [`    retrain every 30 d`] : []),
        `    evaluation {`,
        `      on holdout`,
        `      success quality >= 0.7`,
        `    }`,
        `  }`,
    );
    if (growth) {
        add(
            ``,
            `  serving {`,
            `    mode realtime`,
            `    target cloud`,
            `    volume 100_000 req/day`,
            `    peak 10 req/s`,
            `    fallback CurrentProcess`,
            `  }`,
            ``,
            `  slo Latency {`,
            `    indicator latency_p99 <= 200 ms`,
            `    objective 99.5 %`,
            `    window 28 d`,
            `  }`,
            ``,
            `  rollout {`,
            `    strategy canary`,
            `    stage 5 % for 2 d`,
            `    stage 25 % for 3 d`,
            `    stage 100 %`,
            `    rollback when latency_p99 > 400 ms or error_rate > 1 %`,
            `  }`,
            ``,
            `  monitoring {`,
            `    drift training_data.feature_a psi > 0.2`,
            `    drift predictions ks > 0.1`,
            `    alert latency_p99 > 300 ms notify "TODO: on-call channel"`,
            `    alert error_rate > 0.5 % notify "TODO: on-call channel"`,
            `  }`,
            ``,
            `  risk TODO_Risk {`,
            `    description "TODO: what could go wrong"`,
            `    likelihood medium`,
            `    impact medium`,
            `    mitigation "TODO: how it is prevented or contained"`,
            `    owner lead`,
            `  }`,
        );
    }
    if (maturity) {
        add(
            ``,
            `  milestone Prototype { due ${isoDateFromToday(60)} deliverable "TODO: offline evaluation report" owner lead }`,
            `  milestone Launch    { due ${isoDateFromToday(180)} after Prototype owner lead }`,
            ``,
            `  budget {`,
            `    total 100_000 USD`,
            `    serving 1_000 USD/month`,
            `  }`,
        );
    }
    add(`}`, ``);
    return lines.join('\n');
}

function isoDateFromToday(days: number): string {
    const date = new Date(Date.now() + days * 86_400_000);
    return date.toISOString().slice(0, 10);
}
