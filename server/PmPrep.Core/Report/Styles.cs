namespace PmPrep.Core.Report;

/// <summary>
/// The report's one stylesheet. It is inlined and allowed by its hash in the page's CSP, so it must
/// stay free of '&lt;' and '&amp;' (the page is also well-formed XML). Colours read VS Code's theme
/// variables when the page is shown in a webview and fall back to a light print-friendly palette.
/// </summary>
internal static class Styles
{
    public const string Css = """
:root {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --line: var(--vscode-panel-border, #d1d9e0);
  --panel: var(--vscode-textCodeBlock-background, #f6f8fa);
  --link: var(--vscode-textLink-foreground, #0550ae);
  --e1: #dcf3e4; --e2: #a7e0bd; --e3: #5cbf86; --e4: #1f8a4c;
  --gap: #fff0ee; --gap-fg: #a40e26;
  --err: #cf222e; --warn: #9a6700; --info: #0969da;
  --band: #d5efdd; --ok: #1a7f37; --short: #b58407; --long: #d1570b;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 30px; line-height: 1.2; margin: 2px 0 8px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 18px; margin: 0; display: flex; gap: 10px; align-items: baseline; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 8px; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
q { quotes: "\201C" "\201D"; font-style: italic; }
.kicker { margin: 0; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.08em; }
.lede { margin: 0 0 18px; color: var(--muted); max-width: 60em; }
.hint { margin: 4px 0 12px; color: var(--muted); font-size: 13.5px; max-width: 60em; }
.ok { color: var(--ok); margin: 4px 0; }

.cards { list-style: none; margin: 0 0 18px; padding: 0; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-left-width: 5px; border-radius: 8px; padding: 10px 14px; background: var(--panel); display: flex; flex-direction: column; }
.card .value { font-size: 28px; font-weight: 650; line-height: 1.15; }
.card .value small { font-size: 15px; font-weight: 500; color: var(--muted); }
.card .label { font-size: 13px; color: var(--muted); }
.card.good { border-left-color: var(--ok); }
.card.fair { border-left-color: var(--short); }
.card.poor { border-left-color: var(--err); }

.next { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px 8px; }
.next h2 { margin: 0 0 4px; border: 0; padding: 0; font-size: 15px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.next ol { margin: 0; padding-left: 22px; }
.next li { margin: 3px 0; }
.next li::marker { font-weight: 700; }
.next li.sev-error::marker { color: var(--err); }
.next li.sev-warning::marker { color: var(--warn); }
.next li.sev-information::marker { color: var(--info); }

.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 0 0 10px; font-size: 12.5px; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .swatch { display: inline-block; width: 26px; min-width: 26px; height: 20px; line-height: 20px; text-align: center; font-size: 11px; border-radius: 3px; font-weight: 600; }
.swatch.gap-swatch { background: var(--gap); border: 1px solid #f3b8b3; }

.scroll { overflow-x: auto; }
.coverage-grid { display: flex; flex-wrap: wrap; gap: 20px 32px; align-items: flex-start; }
.glance { flex: 1 1 220px; max-width: 340px; font-size: 13.5px; }
.glance h4 { margin: 14px 0 4px; }
.glance h4:first-child { margin-top: 0; }
.glance ul { list-style: none; padding: 0; margin: 0; }
.glance li { margin: 2px 0; }
.glance .gaps li { color: var(--gap-fg); font-weight: 600; }
.glance .small { margin: 0 0 4px; color: var(--muted); font-size: 12.5px; }
.ref { display: inline-block; min-width: 18px; height: 18px; line-height: 18px; border-radius: 9px; background: var(--panel); border: 1px solid var(--line); text-align: center; font-size: 11px; font-weight: 700; color: var(--fg); margin-right: 4px; }
.heatmap { border-collapse: separate; border-spacing: 3px; font-size: 13.5px; }
.heatmap th.corner { text-align: left; vertical-align: bottom; color: var(--muted); font-weight: 600; padding: 0 8px 4px 0; }
.heatmap th.story-col { vertical-align: bottom; padding: 0 0 4px; width: 40px; font-weight: 500; }
.heatmap th.story-col a { display: flex; flex-direction: column-reverse; align-items: center; gap: 4px; color: var(--fg); }
.heatmap th.story-col .num { font-size: 11px; font-weight: 700; color: var(--muted); }
.heatmap .vt { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 15em; overflow: hidden; text-overflow: ellipsis; font-size: 12.5px; line-height: 1.2; }
.heatmap th.total { vertical-align: bottom; font-size: 11px; color: var(--muted); font-weight: 600; padding: 0 4px 4px; }
.heatmap th.lp { text-align: left; font-weight: 500; white-space: nowrap; padding: 0 12px 0 6px; border-radius: 4px; }
.heatmap td.total { text-align: center; font-weight: 600; color: var(--muted); min-width: 34px; }
.heatmap td.total.zero { color: var(--gap-fg); }
.heatmap tr.gap th.lp { background: var(--gap); color: var(--gap-fg); font-weight: 650; }
.heatmap tr.gap td.cell { background-color: var(--gap); }
.cell { width: 40px; min-width: 40px; height: 30px; text-align: center; border-radius: 4px; font-variant-numeric: tabular-nums; font-weight: 600; background: var(--panel); }
.cell.e0 { color: var(--muted); }
.cell.e1 { background: var(--e1); }
.cell.e2 { background: var(--e2); }
.cell.e3 { background: var(--e3); color: #ffffff; }
.cell.e4 { background: var(--e4); color: #ffffff; }
.cell.claimed { box-shadow: inset 0 0 0 2px #1f2328, inset 0 0 0 3px #ffffff; }
.cell.claimed-only { box-shadow: inset 0 0 0 2px var(--err); color: var(--err); background: repeating-linear-gradient(135deg, #fff 0 4px, #fde2df 4px 8px); }
.badge { display: inline-block; font-size: 10.5px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; border-radius: 10px; padding: 0 7px; vertical-align: 1px; }
.gap-badge { background: var(--gap-fg); color: #fff; }
.bank-badge { background: var(--panel); color: var(--muted); border: 1px solid var(--line); }

.minutes { border-collapse: collapse; width: 100%; font-size: 13.5px; }
.minutes th, .minutes td { padding: 3px 8px 3px 0; text-align: left; vertical-align: middle; }
.minutes thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
.minutes tbody th { font-weight: 500; white-space: nowrap; max-width: 330px; overflow: hidden; text-overflow: ellipsis; }
.minutes tbody th a { color: var(--fg); }
.minutes td.bar, .minutes th.axis { width: 570px; }
.minutes .num-col { white-space: nowrap; }
.chart { display: block; overflow: visible; }
.chart .tick { font-size: 11px; fill: var(--muted); }
.chart .track { fill: var(--panel); stroke: var(--line); stroke-width: 0.5; }
.chart .band { fill: var(--band); }
.chart .limit { stroke: var(--err); stroke-width: 2; stroke-dasharray: 3 2; }
.chart .value { opacity: 0.35; }
.chart .in-band { fill: var(--ok); }
.chart .short { fill: var(--short); }
.chart .long { fill: var(--long); }
.chart .over { fill: var(--err); }
.min { font-weight: 700; font-variant-numeric: tabular-nums; }
.min.in-band { color: var(--ok); }
.min.short { color: var(--short); }
.min.long { color: var(--long); }
.min.over { color: var(--err); }
.band-label { color: var(--muted); font-size: 12.5px; }

.findings { list-style: none; padding: 0; margin: 0; }
.finding { padding: 5px 0 5px 10px; border-left: 3px solid var(--line); margin: 4px 0; font-size: 14px; }
.finding .sev { display: inline-block; min-width: 58px; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; }
.finding .line { color: var(--muted); font-size: 12.5px; font-variant-numeric: tabular-nums; }
.finding .rule { color: var(--muted); font-size: 11.5px; }
.finding.sev-error { border-left-color: var(--err); }
.finding.sev-error .sev { color: var(--err); }
.finding.sev-warning { border-left-color: var(--warn); }
.finding.sev-warning .sev { color: var(--warn); }
.finding.sev-information { border-left-color: var(--info); }
.finding.sev-information .sev { color: var(--info); }
.finding.sev-hint .sev { color: var(--muted); }

.story { border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; }
.story h3 .num { display: inline-flex; align-items: center; justify-content: center; min-width: 26px; height: 26px; border-radius: 13px; background: var(--fg); color: var(--bg); font-size: 13px; flex: none; }
.story .meta { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.story .meta code { color: var(--muted); }
.story .question { margin: 6px 0 0; font-style: italic; color: var(--muted); }
.story .question::before { content: "Answers: "; font-style: normal; font-weight: 600; }
.chips { list-style: none; padding: 0; margin: 12px 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chip { border-radius: 14px; padding: 2px 10px; font-size: 13px; border: 1px solid var(--line); }
.chip small { color: var(--muted); }
.chip .mark { font-weight: 700; margin-right: 5px; }
.chip.shown { background: var(--e1); border-color: #8fd2a8; }
.chip.shown .mark { color: var(--ok); }
.chip.unshown { background: #fff0ee; border-color: #f3b8b3; color: var(--gap-fg); }
.chip.unknown { background: #fff8e1; border-color: #e7c66b; }
.chip.also { color: var(--muted); border-style: dashed; }
.chip-label { font-size: 12px; color: var(--muted); align-self: center; margin-left: 6px; }
.cols { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 24px; }
.followups ol { margin: 0; padding-left: 20px; }
.followups li { margin: 0 0 10px; }
.followups .q { display: block; font-weight: 600; }
.followups .why { display: block; color: var(--muted); font-size: 13px; }
.counts { margin: 0 0 4px; color: var(--muted); font-size: 13px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); padding-top: 10px; }

@media screen and (max-width: 820px) {
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .cols { grid-template-columns: 1fr; }
  main { padding: 16px; }
}
body.vscode-dark .cell.e1, body.vscode-dark .chip.shown { background: #1d3b2a; border-color: #2f6b47; }
body.vscode-dark .cell.e2 { background: #23603d; }
body.vscode-dark .chip.unshown, body.vscode-dark .heatmap tr.gap th.lp, body.vscode-dark .heatmap tr.gap td.cell { background: #4a1f1f; color: #ffb4ab; }
body.vscode-dark .cell.claimed { box-shadow: inset 0 0 0 2px #e6edf3; }
body.vscode-dark .cell.claimed-only { background: #4a1f1f; color: #ffb4ab; }

@page { size: A4; margin: 12mm 11mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; color: #000; background: #fff; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 20pt; }
  h2 { font-size: 13pt; margin-top: 16pt; }
  a { color: inherit; }
  .scroll { overflow: visible; }
  .cards { gap: 6pt; }
  .card { padding: 5pt 8pt; }
  .card .value { font-size: 18pt; }
  .next, .cards, .heatmap, .glance, .minutes, .followups, .finding, .chips { break-inside: avoid; }
  h2, h3, h4, .story header { break-after: avoid; }
  .coverage-grid { flex-wrap: nowrap; gap: 14pt; }
  .glance { flex: 1 1 0; min-width: 0; font-size: 8.5pt; }
  #coverage, #stories { break-before: page; }
  #coverage h2 { margin-top: 0; }
  #stories h2 { margin-top: 0; }
  .story { padding: 8pt 10pt; margin: 8pt 0; }
  .minutes tbody th { max-width: 190px; }
  .minutes td.bar, .minutes th.axis { width: 340px; }
  .chart { width: 340px; height: auto; }
  .heatmap { font-size: 9pt; border-spacing: 2px; }
  .cell { width: 30px; min-width: 30px; height: 17pt; }
  .heatmap th.story-col { width: 30px; }
  .heatmap .vt { font-size: 8pt; max-height: 12em; }
  .cols { gap: 12pt; }
  .finding { font-size: 9pt; padding: 2pt 0 2pt 6pt; margin: 2pt 0; }
  .followups .why { font-size: 8.5pt; }
}
""";
}
