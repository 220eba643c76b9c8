/**
 * A plan whose every string tries to break out of the export: HTML, Markdown structure, table
 * cells, Mermaid directives and labels, and links. Strings cannot hold a newline (the lexer
 * refuses it) but `\"` and `\\` are valid escapes. Its names are words that are keywords of
 * Mermaid and its Gantt syntax (`click`, `title`, `section`, `end`, `style`, `dateFormat`, …).
 */
export const HOSTILE_STRINGS = {
    title: '<script>alert("title")</script> # not a heading',
    summary: '# Heading | with | pipes',
    doc: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) %%{init: {"theme":"dark"}}%%',
    regulation: '<b>GDPR</b>',
    stakeholder: '| cell | break |',
    source: 'javascript:alert(1)',
    consent: '" onmouseover="alert(1)" x="',
    algorithm: '**bold** _em_ `code` ~~strike~~ <u>u</u>',
    fallback: '"]] --> x["pwned"] click x call alert()',
    notify: '%%{init: {"securityLevel":"loose"}}%% #chan',
    dashboard: 'javascript:alert(1)',
    mitigation: '1. not a list',
    deliverable: '> not a quote',
    description: '- not a bullet &amp; &lt;b&gt; \\ backslash',
    persona: '<iframe src=x></iframe> | who | [x](http://evil.example) @everyone',
    decision: '## not a heading `tick` <b onclick=alert(1)>decide</b> %%',
    version: '`1.0` <script>v</script> | ~~old~~',
    registry: '"]] %%{init:{}}%% <a href=javascript:alert(1)>r</a>',
} as const;

/** `s` as an .mlplan string literal. */
function literal(s: string): string {
    return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const H = Object.fromEntries(Object.entries(HOSTILE_STRINGS).map(([k, v]) => [k, literal(v)])) as Record<keyof typeof HOSTILE_STRINGS, string>;

export const HOSTILE_PLAN = `/**
 * ${HOSTILE_STRINGS.doc}
 */
plan click {
  title ${H.title}
  summary ${H.summary}
  description ${H.description}
  owner style
  stage maturity
  start 2026-01-05
  deadline 2026-12-31
  deployment assist
  regulations GDPR, ${H.regulation}

  person style { name ${H.title} role ${H.stakeholder} }
  team end { members style }

  metric section { kind ml better higher description ${H.algorithm} }
  metric latency { kind software unit ms better lower }
  metric revenue { kind business unit % better higher }

  persona accTitle { description ${H.persona} decision ${H.decision} }

  objective title {
    description ${H.summary}
    kpi section >= 0.8
    kpi revenue >= 1 %
    stakeholder ${H.stakeholder}
    value 1_000 USD/year
    for accTitle
  }

  dataset click {
    source ${H.source}
    owner end
    version ${H.title}
    refresh daily
    labels after 7 d
    consent ${H.consent}
    retention 30 d
    fields {
      end number
      style text pii
      target boolean label
    }
    check missing end < 1 %
  }

  dataset holdout {
    source ${H.description}
    version "1"
    consent ${H.consent}
    retention 30 d
    fields { end number style text pii target boolean label }
  }

  // PII without consent: a pii-policy-missing error whose message quotes the regulations.
  dataset extra { source "s" version "1" fields { style text pii } }

  baseline classDef { kind heuristic description ${H.fallback} expect section = 0.5 }

  model subgraph {
    algorithm ${H.algorithm}
    trains on click
    features end
    latency 20 ms
    version ${H.version}
    registry ${H.registry}
    explain ${H.doc}
    retrain every 30 d
    evaluation { on holdout success section >= 0.7 success latency <= 100 ms }
  }

  serving {
    mode realtime
    volume 100_000 req/day
    peak 5 req/s
    cost 0.00001 USD/req
    fallback ${H.fallback}
  }

  slo linkStyle { indicator latency <= 100 ms objective 99.9 % window 30 d description ${H.mitigation} }

  rollout {
    strategy canary
    starts after href
    stage 10 % for 1 d
    stage 100 %
    rollback when latency > 200 ms
  }

  monitoring {
    drift click.end psi > 0.2
    alert latency > 150 ms notify ${H.notify}
    dashboard ${H.dashboard}
    log predictions for 30 d
  }

  risk call { likelihood high impact high mitigation ${H.mitigation} owner style description ${H.deliverable} }

  milestone href { due 2026-01-01 deliverable ${H.deliverable} owner style }
  milestone todayMarker { due 2026-02-01 after href owner style }
  milestone excludes { due 2026-03-01 after todayMarker description ${H.fallback} owner style }
  milestone dateFormat { due 2026-04-01 after excludes owner style needs holdout }
  milestone gantt { due 2026-05-01 after dateFormat owner style }

  budget { total 10_000 USD serving 100 USD/month }
}
`;
