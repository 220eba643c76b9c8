/**
 * The HTML export's only style sheet, inlined in the page: no font, image or script is fetched.
 * Readable on screen and on paper (`@media print`: no navigation, no collapsed sources, links
 * followed by their address, colours kept for the risk matrix and the timeline).
 */
export const HTML_STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b5cad;
  --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --low: #dafbe1; --mid: #fff1c2; --high: #ffd8d3; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 64rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
p { margin: .5rem 0; }
code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 .25em; overflow-wrap: break-word; }
a { color: var(--accent); overflow-wrap: anywhere; }
.missing { color: var(--muted); font-style: italic; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .4rem 1.5rem; margin: .75rem 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: .75rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
tbody tr:nth-child(even) td { background: #fbfcfd; }
table.risk-matrix { width: auto; }
table.risk-matrix td { min-width: 9rem; height: 3rem; }
table.risk-matrix td.score-low { background: var(--low); }
table.risk-matrix td.score-medium { background: var(--mid); }
table.risk-matrix td.score-high { background: var(--high); }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist li { margin: .15rem 0; }
.mark { display: inline-block; width: 1.4em; font-weight: 700; }
li.met .mark { color: var(--ok); }
li.unmet .mark { color: var(--bad); }
ol.flow { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem 1.6rem; padding: 0; margin: 1rem 0 .5rem; }
ol.flow li { position: relative; border: 1px solid var(--accent); border-radius: 6px; padding: .4rem .7rem; background: #eef5fd; }
ol.flow li.shadow { border-style: dashed; background: var(--soft); }
ol.flow li + li::before { content: "→"; position: absolute; left: -1.3rem; top: 50%; transform: translateY(-50%); color: var(--muted); }
p.rollback { border-left: 4px solid var(--bad); padding: .3rem .7rem; background: #fff5f5; }
.timeline { margin: 1rem 0; font-size: .9rem; overflow-x: auto; }
.timeline .row { display: grid; grid-template-columns: 12rem minmax(18rem, 1fr) 12.5rem; align-items: center; gap: .75rem; margin: .25rem 0; }
.timeline .track { position: relative; height: 1.1rem; background: var(--soft); border-radius: 3px; }
.timeline .bar { position: absolute; top: 0; bottom: 0; min-width: 3px; background: var(--accent); border-radius: 3px; }
.timeline .point { position: absolute; top: 50%; width: .8rem; height: .8rem; background: var(--accent); transform: translate(-50%, -50%) rotate(45deg); }
.timeline .rollout .bar { background: #6ea8e0; }
.timeline .late .bar, .timeline .late .point { background: var(--bad); }
.timeline .deadline .point { background: var(--ink); }
.timeline .axis { position: relative; height: 1.3rem; color: var(--muted); font-size: .85em; font-variant-numeric: tabular-nums; }
.timeline .axis .tick { position: absolute; top: 0; transform: translateX(-50%); white-space: nowrap; }
@media (max-width: 50rem) {
  /* A preview beside the editor: the columns narrow, a period's end date goes under its start. */
  .timeline .row { grid-template-columns: 8.5rem minmax(8rem, 1fr) 6.5rem; }
  .timeline .when { font-variant-numeric: tabular-nums; }
}
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
nav.toc { margin: 1rem 0 1.5rem; padding: .6rem .9rem; background: var(--soft); border-radius: 6px; font-size: .92rem; }
nav.toc ol { margin: .3rem 0 0; padding-left: 2.2rem; columns: 2; column-gap: 3rem; }
nav.toc li { padding-left: .4rem; break-inside: avoid; }
nav.toc li::marker { font-variant-numeric: tabular-nums; color: var(--muted); }
details { margin: .5rem 0; color: var(--muted); font-size: .88rem; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .75rem; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav.toc, details { display: none; }
  h2, h3 { break-after: avoid; }
  tr, .facts > div, ol.flow li, .timeline .row { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: .85em; }
  a { color: inherit; text-decoration: none; }
  a[href]:not(.bare)::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
