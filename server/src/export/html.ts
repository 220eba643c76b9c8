/**
 * The HTML export: one self-contained page (inline CSS, no script, no external request — a
 * Content-Security-Policy says so to the browser too), rendered from the same export document as
 * the Markdown. Diagrams are drawn with HTML and CSS; their Mermaid source is included, collapsed,
 * for pasting elsewhere. Every piece of plan text goes through html-escape.ts.
 */
import type { Block, ExportDocument, Inline, Rich } from './document.js';
import type { PlanExport, RolloutExport } from './export-model.js';
import { escapeHtml, htmlCode, htmlLink, htmlText, htmlWithCode } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { boundInWords, milestoneGantt, rolloutFlowchart } from './mermaid.js';
import { axisTicks, daysBetween, type MilestoneChart } from './milestone-chart.js';
import { buildDocument } from './sections/index.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(model: PlanExport): string {
    return htmlOf(buildDocument(model), model);
}

export function htmlOf(document: ExportDocument, model: PlanExport): string {
    const toc = document.sections.map(s => `<li><a href="#${s.id}">${htmlText(s.title)}</a></li>`).join('');
    const sections = document.sections.map(section => [
        `<section id="${section.id}">`,
        `<h2>${htmlText(section.title)}</h2>`,
        ...section.blocks.map(htmlBlock),
        '</section>',
    ].join('\n'));
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="mlplan">',
        `<title>${htmlText(document.title)}</title>`,
        `<style>${HTML_STYLE}</style>`,
        '</head>',
        '<body>',
        '<div class="page">',
        '<header>',
        `<h1>${htmlText(document.title)}</h1>`,
        ...document.lead.map(htmlBlock),
        '</header>',
        `<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>${toc}</ol></nav>`,
        '<main>',
        ...sections,
        '</main>',
        `<footer>Exported by mlplan from ${htmlCode(model.file)} (export model version ${model.mlplanExportVersion}).</footer>`,
        '</div>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

function htmlBlock(block: Block): string {
    switch (block.kind) {
        case 'heading':
            return `<h3>${rich(block.text)}</h3>`;
        case 'paragraph':
            return `<p>${rich(block.text)}</p>`;
        case 'missing':
            return `<p class="missing">${htmlText(block.text)}</p>`;
        case 'facts':
            return `<dl class="facts">${block.items.map(item => `<div><dt>${htmlText(item.label)}</dt><dd>${rich(item.value)}</dd></div>`).join('')}</dl>`;
        case 'table':
            return table(block.headers, block.rows, block.variant);
        case 'list': {
            const tag = block.ordered ? 'ol' : 'ul';
            return `<${tag}>${block.items.map(item => `<li>${rich(item)}</li>`).join('')}</${tag}>`;
        }
        case 'checklist':
            return `<ul class="checklist">${block.items.map(item => item.met
                ? `<li class="met"><span class="mark" title="met">✓</span>${rich(item.text)}</li>`
                : `<li class="unmet"><span class="mark" title="not met">✗</span>${rich(item.text)}</li>`).join('')}</ul>`;
        case 'rollout-diagram':
            return rolloutFlow(block.rollout);
        case 'milestone-chart':
            return timeline(block.chart);
    }
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly Rich[]>, variant?: 'risk-matrix'): string {
    const head = `<thead><tr>${headers.map(h => `<th scope="col">${htmlText(h)}</th>`).join('')}</tr></thead>`;
    const body = rows.map((row, r) => `<tr>${headers.map((_, c) => {
        const content = rich(row[c] ?? []) || '—';
        if (variant === 'risk-matrix') {
            // Rows run from high impact (3) down to low (1), columns from low likelihood (1) up.
            return c === 0 ? `<th scope="row">${content}</th>` : `<td class="score-${riskScore(3 - r, c)}">${content === '—' ? '' : content}</td>`;
        }
        return `<td>${content}</td>`;
    }).join('')}</tr>`).join('');
    return `<div class="table-wrap"><table${variant ? ` class="${variant}"` : ''}>${head}<tbody>${body}</tbody></table></div>`;
}

/** Likelihood × impact on 1–3 scales: up to 2 low, 3–4 medium, 6 and 9 high. */
function riskScore(impact: number, likelihood: number): 'low' | 'medium' | 'high' {
    const score = impact * likelihood;
    return score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low';
}

function rolloutFlow(rollout: RolloutExport): string {
    const steps: string[] = [];
    if (rollout.shadow) {
        steps.push(`<li class="shadow">Shadow<br>${htmlText(rollout.shadow.text)}</li>`);
    }
    for (const stage of rollout.stages) {
        const duration = stage.duration ? `<br>for ${htmlText(stage.duration.text)}` : '';
        steps.push(`<li>${htmlText(stage.traffic?.text ?? '?')} of traffic${duration}</li>`);
    }
    const conditions = rollout.rollback?.conditions ?? [];
    const rollback = conditions.length > 0
        ? `<p class="rollback">↺ At any stage, roll back when ${conditions.map((c, i) => `${i > 0 ? ` ${htmlText(rollout.rollback!.connectives[i - 1] ?? 'or')} ` : ''}${htmlText(boundInWords(c))}`).join('')}.</p>`
        : '';
    return `<ol class="flow" aria-label="Rollout stages">${steps.join('')}</ol>${rollback}${mermaidSource(rolloutFlowchart(rollout))}`;
}

function timeline(chart: MilestoneChart): string {
    const range = chart.range;
    if (!range) {
        return '';
    }
    const at = (date: string) => (range.days === 0 ? 0 : (daysBetween(range.first, date) / range.days) * 100);
    const pct = (value: number) => `${Math.round(value * 100) / 100}%`;
    const row = (name: string, cls: string, mark: string, date: string) =>
        `<div class="row ${cls}"><span>${name}</span><span class="track">${mark}</span><span class="when">${htmlText(date)}</span></div>`;
    const rows = chart.items.map(item => {
        const mark = item.point
            ? `<span class="point" style="left:${pct(at(item.end))}"></span>`
            : `<span class="bar" style="left:${pct(at(item.start))};width:${pct(at(item.end) - at(item.start))}"></span>`;
        return row(htmlCode(item.name), item.late ? 'late' : '', mark, item.point ? item.end : `${item.start} → ${item.end}`);
    });
    for (const bar of chart.rollout) {
        const mark = `<span class="bar" style="left:${pct(at(bar.start))};width:${pct(at(bar.end) - at(bar.start))}"></span>`;
        rows.push(row(htmlText(bar.name), `rollout${bar.late ? ' late' : ''}`, mark, bar.end > bar.start ? `${bar.start} → ${bar.end}` : bar.start));
    }
    if (chart.deadline) {
        rows.push(row('Plan deadline', 'deadline', `<span class="point" style="left:${pct(at(chart.deadline))}"></span>`, chart.deadline));
    }
    // Ticks chosen from the span and spaced apart (milestone-chart.ts), each at its own place on the track.
    const ticks = axisTicks(range).map(tick =>
        `<span class="tick" style="left:${pct(tick.at)}" title="${htmlText(tick.date)}">${htmlText(tick.label)}</span>`);
    const axis = `<div class="row"><span></span><span class="axis">${ticks.join('')}</span><span></span></div>`;
    const label = chart.rollout.length > 0 ? 'Milestones and rollout on a calendar' : 'Milestones on a calendar';
    return `<div class="timeline" role="img" aria-label="${label}">${rows.join('')}${axis}</div>${mermaidSource(milestoneGantt(chart))}`;
}

function mermaidSource(source: string | undefined): string {
    return source
        ? `<details><summary>Mermaid source of this diagram</summary><pre>${escapeHtml(source)}</pre></details>`
        : '';
}

/** Plain text on one line, escaped, not trimmed (pieces are joined). */
function flat(text: string): string {
    return escapeHtml(text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' '));
}

function rich(text: Rich): string {
    return text.map(inline).join('');
}

function inline(piece: Inline): string {
    if (typeof piece === 'string') {
        return flat(piece);
    }
    if ('code' in piece) {
        return htmlCode(piece.code);
    }
    if ('em' in piece) {
        return `<em>${flat(piece.em)}</em>`;
    }
    if ('strong' in piece) {
        return `<strong>${flat(piece.strong)}</strong>`;
    }
    if ('message' in piece) {
        return htmlWithCode(piece.message);
    }
    return htmlLink(piece.link);
}
