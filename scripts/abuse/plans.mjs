// Inputs for abusing the language server, all seeded and reproducible: a base plan, a script of
// rapid edits that types, deletes and breaks it, a plan of any size with many declarations, and
// random bytes. Nothing here talks to the server.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, ROOT } from './lsp-connection.mjs';

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        int: (min, max) => min + Math.floor(next() * (max - min + 1)),
        pick: items => items[Math.floor(next() * items.length)],
        chance: p => next() < p,
    };
}

/**
 * The plan the edit script starts from. Its `peak` line is never edited, so a final hover on the
 * figure can be checked: 2,000,000 req/day is a mean of 23.1 req/s.
 */
export const BASE_PLAN = `/** A plan typed, broken and repaired a thousand times a second. */
plan Abuse {
  title "Abuse"
  owner ana
  stage growth
  deadline 2026-12-31

  person ana { name "Ana Lima" role "ML lead" }
  person raj { name "Raj Patel" role "Data engineer" }
  team core { members ana, raj }

  metric auc { kind ml better higher }
  metric latency_p99 { kind software unit ms better lower }
  metric error_rate { kind software unit % better lower }

  objective Retain {
    kpi auc >= 0.8
  }

  dataset events {
    source "warehouse://events"
    version "1"
    fields {
      tenure number
      region category sensitive
      churned boolean label
    }
  }

  baseline Rule { kind heuristic expect auc = 0.6 }

  model Gbm {
    trains on events
    features tenure
    evaluation {
      on events
      success auc >= 0.75
    }
  }

  serving {
    mode realtime
    volume 2_000_000 req/day
    peak 60 req/s
  }
}
`;

/** The line whose figure the final hover asks about, and what the hover must say. */
export const HOVER_ANCHOR = { text: 'peak 60 req/s', column: 'peak '.length + 1, expect: /23\.1\s*req\/s/ };

/** Lines the edit script types into the plan body (some valid, some raising findings). */
const POOL = [
  'metric m{n} { kind ml better higher }',
  'person p{n} { name "P {n}" role "r" }',
  'risk R{n} { likelihood high impact low mitigation "watch it" owner ana }',
  'milestone M{n} { due 2026-0{d}-1{d} deliverable "step {n}" }',
  'slo S{n} { indicator latency_p99 <= {k}0 ms objective 99.{d} % window 28 d }',
  'baseline B{n} { kind human expect auc = 0.{d} }',
  'dataset d{n} { source "s{n}" version "v" fields { f{n} number } check missing f{n} < {d} % }',
  'objective O{n} { kpi error_rate <= {d} % priority high }',
  'metric dup { kind ml better higher }',
  'owner nobody{n}',
  'milestone Late{n} { due 2026-02-30 }',
  'risk Bad{n} { likelihood sometimes }',
];

/** How a line the script typed begins (base-plan lines never do). */
const TYPED = /^ {2}(metric [mdu]|person p|risk|milestone|slo|baseline B|dataset d|objective O|owner nobody)/;

/** Characters typed by mistake and taken back a moment later. */
const NOISE = ['{', '}', '"', '/*', '@', '\u0000', 'é', '🙂', ' ', '\n', '<=', '%'];

/**
 * A script of `count` rapid edits of BASE_PLAN, as an editor sends them while someone types
 * fast: lines typed a few characters at a time inside the plan, lines deleted, numbers changed,
 * stray characters typed and removed, and now and then the whole text replaced. Each edit is
 * `{ change, text }`: the LSP content change (a range edit, or `{ text }` for a full replace)
 * and the document text after it. The final text never contains the stray characters.
 */
export function editScript(count, seed = 20261123, options = {}) {
    const maxTypedLines = options.maxTypedLines ?? Infinity;
    const r = rng(seed);
    let text = BASE_PLAN;
    const edits = [];
    /** Pending keystrokes of a line being typed: [offset, chunks]. */
    let typing;
    /** A stray character to take back: its offset and length. */
    let stray;
    let serial = 0;
    const apply = (start, end, insert) => {
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        text = text.slice(0, start) + insert + text.slice(end);
        edits.push({ change: { range, text: insert }, text });
    };
    const bodyLineStarts = () => {
        // Offsets of line starts at the plan's top level (brace depth 1), where a declaration may go.
        const starts = [];
        let depth = 0;
        let inString = false;
        for (let at = 0; at < text.length; at++) {
            const c = text[at];
            if (inString) {
                if (c === '\\') at++;
                else if (c === '"' || c === '\n') inString = false;
            } else if (c === '"') inString = true;
            else if (c === '{') depth++;
            else if (c === '}') depth--;
            else if (c === '\n' && depth === 1) starts.push(at + 1);
        }
        return starts;
    };
    while (edits.length < count) {
        const left = count - edits.length;
        if (stray) {
            apply(stray.offset, stray.offset + stray.length, '');
            stray = undefined;
            continue;
        }
        if (typing) {
            const chunk = typing.chunks.shift();
            apply(typing.offset, typing.offset, chunk);
            typing.offset += chunk.length;
            if (typing.chunks.length === 0) typing = undefined;
            continue;
        }
        const typedLines = () => bodyLineStarts().filter(at => TYPED.test(text.slice(at)));
        const roll = typedLines().length >= maxTypedLines ? 0.5 : r.next();
        if (roll < 0.45 && left > 12) {
            // Type a new line a few characters at a time.
            const n = ++serial;
            const line = `  ${r.pick(POOL).replace(/\{n\}/g, String(n)).replace(/\{d\}/g, () => String(r.int(1, 9))).replace(/\{k\}/g, () => String(r.int(1, 30)))}\n`;
            const chunks = [];
            for (let at = 0; at < line.length;) {
                const size = Math.min(line.length - at, r.int(1, 6));
                chunks.push(line.slice(at, at + size));
                at += size;
            }
            typing = { offset: r.pick(bodyLineStarts()), chunks };
        } else if (roll < 0.6) {
            // Delete a line that was typed (never one of the base plan, so the anchors stay).
            const typed = typedLines();
            if (typed.length > 0) {
                const at = r.pick(typed);
                apply(at, text.indexOf('\n', at) + 1, '');
            }
        } else if (roll < 0.75) {
            // Change a number somewhere (the figure under the hover anchor excepted).
            const numbers = [...text.matchAll(/\b\d+\b/g)].filter(m => !text.slice(Math.max(0, m.index - 5), m.index).endsWith('peak ')
                && text[m.index - 1] !== '-' && text[m.index + m[0].length] !== '-');
            if (numbers.length > 0) {
                const m = r.pick(numbers);
                apply(m.index, m.index + m[0].length, String(r.int(0, 99)));
            }
        } else if (roll < 0.97) {
            // A stray character, taken back by the next edit.
            const insert = r.pick(NOISE);
            const offset = r.int(0, text.length);
            apply(offset, offset, insert);
            stray = { offset, length: insert.length };
        } else {
            // The whole text at once (paste, undo of a large block, format on save).
            text = r.chance(0.5) ? text : text.replace(/\n\n/g, '\n');
            edits.push({ change: { text }, text });
        }
    }
    // A script cut short in the middle of a typed line ends with the line unfinished: valid input too.
    if (stray) {
        edits[edits.length - 1] = { change: { text: text.slice(0, stray.offset) + text.slice(stray.offset + stray.length) }, text: text.slice(0, stray.offset) + text.slice(stray.offset + stray.length) };
    }
    return edits;
}

/**
 * The LSP position of `offset` in `text`: UTF-16 code units (as JavaScript strings count), and
 * lines ended by `\n`, `\r\n` or a lone `\r`, as the protocol and the server's text documents count.
 */
export function positionAt(text, offset) {
    let line = 0;
    let lineStart = 0;
    for (let at = 0; at < offset; at++) {
        const c = text.charCodeAt(at);
        if (c === 13 /* \r */) {
            if (text.charCodeAt(at + 1) === 10 && at + 1 < offset) at++;
            else if (text.charCodeAt(at + 1) === 10) break; // offset between \r and \n: still on this line
            line++;
            lineStart = at + 1;
        } else if (c === 10 /* \n */) {
            line++;
            lineStart = at + 1;
        }
    }
    return { line, character: offset - lineStart };
}

/**
 * A valid plan of about `bytes` bytes with many declarations of every kind (each group adds
 * metrics, people, datasets with fields and checks, baselines, models with evaluations, SLOs,
 * risks and milestones that refer to each other), and one serving, rollout, monitoring and
 * budget block. It checks clean under every rule, those of language v2 included (a persona, a
 * business kpi, label delays, model versions and latencies, milestone owners, the served model),
 * so that any diagnostic on it is a finding of the server, not of the plan.
 */
export function bigPlan(bytes, name = 'Huge') {
    const parts = [`/** A generated plan of about ${bytes} bytes. */\nplan ${name} {\n  title "Generated"\n  owner lead\n  stage growth\n  deadline 2099-12-31\n  person lead { name "Lead" role "ML lead" }\n  metric latency_p99 { kind software unit ms better lower }\n  metric error_rate { kind software unit % better lower }\n  metric loss_rate { kind business unit % better lower }\n  persona reviewer { description "Analyst reviewing the cases the models flag" decision "which flagged case to handle first" }\n  objective Losses { description "Cut losses in every group" kpi loss_rate <= 2 % by 2027-06-30 priority high value 500_000 USD/year for reviewer }\n`];
    let size = parts[0].length;
    const tail = `  serving {\n    mode realtime\n    volume 2_000_000 req/day\n    peak 60 req/s\n    serves M0\n    replicas 3\n    capacity 40 req/s\n    fallback B0\n  }\n  rollout {\n    strategy canary\n    stage 1 % for 2 d\n    stage 100 %\n    rollback when latency_p99 > 300 ms\n  }\n  monitoring {\n    drift d0.f0 psi > 0.2\n    alert latency_p99 > 200 ms notify "#oncall"\n    log predictions for 30 d\n  }\n  budget { total 150_000 USD serving 2_500 USD/month }\n}\n`;
    for (let g = 0; size + tail.length < bytes; g++) {
        const group = `
  /** Group ${g}. */
  metric auc${g} { kind ml better higher description "area under the curve, group ${g}" }
  person p${g} { name "Person ${g}" role "engineer" }
  team t${g} { members lead, p${g} }
  objective O${g} { description "Objective ${g}" kpi auc${g} >= 0.8 by 2027-06-30 priority medium stakeholder "Group ${g}" }
  dataset d${g} {
    source "warehouse://group${g}.events"
    owner p${g}
    version "v${g}"
    refresh daily
    size ${1000 + g} rows
    labels after 7 d
    fields {
      f${g} number
      c${g} category
      y${g} boolean label
    }
    check missing f${g} < 1 %
    check range f${g} from 0 to ${g + 10}
  }
  dataset h${g} { source "warehouse://group${g}.holdout" owner p${g} version "h${g}" fields { f${g} number c${g} category y${g} boolean label } }
  baseline B${g} { kind heuristic description "Rule ${g}" expect auc${g} = 0.6 }
  model M${g} {
    algorithm "Gradient-boosted trees ${g}"
    trains on d${g}
    features f${g}, c${g}
    compute cpu
    latency 20 ms
    version "1.${g}.0"
    retrain every 30 d
    evaluation { on h${g} success auc${g} >= 0.75 success latency_p99 <= 150 ms }
  }
  slo S${g} { indicator latency_p99 <= 150 ms objective 99.5 % window 28 d }
  risk R${g} { description "Risk ${g}" likelihood low impact medium mitigation "Mitigate ${g}" owner t${g} }
  milestone K${g} { due ${new Date(Date.UTC(2027, 0, 1 + g)).toISOString().slice(0, 10)} deliverable "Step ${g}" owner p${g}${g > 0 ? ` after K${g - 1}` : ''} }
`;
        parts.push(group);
        size += group.length;
    }
    parts.push(tail);
    return parts.join('');
}

/** `size` random bytes from `seed`, with NUL bytes and invalid UTF-8 among them. */
export function randomBytes(size, seed = 7) {
    const r = rng(seed);
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) {
        bytes[i] = r.chance(0.05) ? 0 : r.int(0, 255);
    }
    return bytes;
}

/** What `mlplan check --format json` reports for `text`, checked as a file in a fresh folder. */
export function checkText(text, fileName = 'plan.mlplan') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlplan-abuse-check-'));
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, text);
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [BIN, 'check', '--format', 'json', file], {
            cwd: ROOT, maxBuffer: 256 * 1024 * 1024, timeout: 300_000, env: { ...process.env, MLPLAN_DEBUG: '' },
        }, (error, stdout, stderr) => {
            fs.rmSync(dir, { recursive: true, force: true });
            if (error && typeof error.code !== 'number') {
                reject(error);
                return;
            }
            try {
                resolve(JSON.parse(stdout).files[0].diagnostics);
            } catch {
                reject(new Error(`mlplan check gave no JSON: ${stderr}`));
            }
        });
    });
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * Diagnostics of the CLI's JSON and of LSP `publishDiagnostics` in one comparable form, sorted:
 * `code severity line:col-line:col message`.
 */
/**
 * A message as the language server publishes it: `x` quoted 'x' for the Problems panel
 * (server/src/lsp/plain-text.ts), so that `mlplan check`'s Markdown messages compare equal.
 */
function asPublished(message) {
    const backticks = message.split('`').length - 1;
    return backticks > 0 && backticks % 2 === 0 ? message.replace(/`([^`]*)`/g, "'$1'") : message;
}

export function normalizeDiagnostics(diagnostics) {
    return diagnostics.map(d => {
        const severity = typeof d.severity === 'number' ? SEVERITY[d.severity] : d.severity;
        const { start, end } = d.range;
        return `${d.code} ${severity} ${start.line}:${start.character}-${end.line}:${end.character} ${asPublished(d.message)}`;
    }).sort();
}
