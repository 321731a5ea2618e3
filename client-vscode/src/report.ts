import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { cellsOf, CoverageModel, CoverageResult, openEvidence, storyLabel, uriKey } from './coverage';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * "PmPrep: Show Coverage Report": the LP x story heat map in a webview. Everything is inline (no
 * network, no remote fonts); the content security policy allows only this page's own nonce'd
 * style and script.
 */
export class CoverageReport implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly model: CoverageModel) {
    this.sub = model.onDidChange(() => this.render());
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      this.panel = vscode.window.createWebviewPanel('pmprep.coverageReport', 'PmPrep: Coverage Report', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
        enableCommandUris: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: { open?: string }) => {
        if (typeof m?.open !== 'string') return;
        const r = this.model.current;
        // Only open stories the server reported, never an arbitrary URI from the page.
        const story = r?.stories.find((s) => uriKey(s.uri) === uriKey(m.open!));
        if (!story) return;
        const best = r!.principles
          .flatMap((p) => cellsOf(p))
          .filter((c) => uriKey(c.uri) === uriKey(story.uri) && c.strongest)
          .sort((a, b) => b.signals - a.signals)[0];
        void openEvidence(story.uri, best?.strongest?.range);
      });
    }
    this.render();
    await this.model.refresh();
  }

  private render(): void {
    if (!this.panel) return;
    this.panel.webview.html = html(this.model.current, vscode.workspace.getConfiguration('pmprep'));
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}

function html(r: CoverageResult | undefined, config: vscode.WorkspaceConfiguration): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`;
  const min = config.get<number>('minMinutes', 2.5);
  const max = config.get<number>('maxMinutes', 3.5);
  let body: string;
  if (!r) {
    body = '<p>Waiting for the PmPrep language server…</p>';
  } else if (r.stories.length === 0) {
    body = '<p>No stories yet. A story is a Markdown file named <code>*.story.md</code>; run <b>PmPrep: New Story</b>.</p>';
  } else {
    const maxSignals = Math.max(1, ...r.principles.flatMap((p) => cellsOf(p).map((c) => c.signals)));
    const head = r.stories
      .map((s) => {
        const m = s.minutes ?? 0;
        const cls = m < min || m > max ? 'out' : 'in';
        return `<th scope="col"><button class="story" data-uri="${esc(s.uri)}" title="${esc(s.uri)}">${esc(storyLabel(s, s.uri))}</button><div class="min ${cls}">${m.toFixed(1)} min</div></th>`;
      })
      .join('');
    const rows = r.principles
      .map((p) => {
        const cells = r.stories
          .map((s) => {
            const c = (p.cells ?? p.stories ?? []).find((x) => uriKey(x.uri) === uriKey(s.uri));
            const n = c?.signals ?? 0;
            const alpha = n === 0 ? 0 : 0.2 + 0.8 * (n / maxSignals);
            const claimed = c?.claimed ? '<span class="claimed" title="claimed in front matter">●</span>' : '';
            const warn = c?.claimed && n === 0 ? ' unsupported' : '';
            const tip = c?.strongest?.text ? ` title="${esc(c.strongest.text)}"` : '';
            return `<td class="cell${warn}" data-alpha="${alpha.toFixed(2)}"${tip}>${n || ''}${claimed}</td>`;
          })
          .join('');
        return `<tr class="${p.gap ? 'gap' : ''}"><th scope="row">${esc(p.name)}${p.gap ? ' <span class="badge">gap</span>' : ''}</th>${cells}</tr>`;
      })
      .join('\n');
    const diags = r.diagnostics.length
      ? `<h2>Story-bank findings</h2><ul>${r.diagnostics
          .map((d) => `<li class="sev${d.severity}"><code>${esc(d.rule)}</code> ${esc(d.message)}</li>`)
          .join('')}</ul>`
      : '';
    const gaps = r.principles.filter((p) => p.gap).length;
    body = `<p>${r.stories.length} ${r.stories.length === 1 ? 'story' : 'stories'}; ${r.principles.length - gaps} of ${r.principles.length} principles evidenced; ${gaps} ${gaps === 1 ? 'gap' : 'gaps'}. Numbers are evidence signals; ● marks a principle the story claims in its front matter.</p>
<table><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table>${diags}`;
  }
  // Cell shading is applied by the script from data-alpha: inline style attributes would need
  // 'unsafe-inline'.
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PmPrep: Coverage Report</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 3px 8px; }
th[scope=row] { text-align: left; font-weight: normal; white-space: nowrap; }
th[scope=col] { vertical-align: bottom; max-width: 9em; }
td.cell { text-align: center; min-width: 3em; }
td.unsupported { outline: 2px dashed var(--vscode-editorWarning-foreground, #c90); outline-offset: -3px; }
tr.gap th[scope=row] { color: var(--vscode-editorWarning-foreground, #c90); }
.badge { font-size: 80%; border: 1px solid currentColor; border-radius: 3px; padding: 0 3px; }
.claimed { font-size: 70%; margin-left: 3px; }
.min { font-weight: normal; font-size: 85%; }
.min.out { color: var(--vscode-editorWarning-foreground, #c90); }
button.story { background: none; border: none; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; padding: 0; text-align: left; }
li.sev1 code { color: var(--vscode-editorError-foreground); }
li.sev2 code { color: var(--vscode-editorWarning-foreground); }
</style></head>
<body><h1>LP coverage</h1>${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const td of document.querySelectorAll('td.cell')) {
  const a = Number(td.dataset.alpha || 0);
  if (a > 0) td.style.backgroundColor = 'rgba(46, 160, 67, ' + a + ')';
}
for (const b of document.querySelectorAll('button.story')) {
  b.addEventListener('click', () => vscode.postMessage({ open: b.dataset.uri }));
}
</script></body></html>`;
}
