import * as path from 'node:path';
import * as vscode from 'vscode';

// ---- The answer to `pmprep/coverage` (docs/protocol.md). Fields the client does not need are
// left out; optional fields are read defensively so an older or newer server still shows something.

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

export interface CoverageEvidence { text: string; reason?: string; range: LspRange }
export interface CoverageCell { uri: string; signals: number; claimed: boolean; strongest?: CoverageEvidence | null }
export interface CoveragePrinciple { name: string; key?: string; meaning?: string | null; gap: boolean; gapSeverity?: number | null; cells?: CoverageCell[]; stories?: CoverageCell[] }
/** The spoken-length band a story is judged against, from its own settings on the server. */
export interface CoverageBand { min: number; max: number; limit: number; wordsPerMinute: number }
export interface CoverageStory {
  uri: string; title?: string | null; words?: number; minutes?: number; band?: CoverageBand; length?: 'short' | 'ok' | 'long' | 'over';
  open?: boolean; version?: number | null; claimed?: string[];
}
export interface CoverageDiagnostic { rule: string; severity: number; message: string; uri?: string | null; range?: LspRange | null }
export interface CoverageResult { version?: number; stories: CoverageStory[]; principles: CoveragePrinciple[]; diagnostics: CoverageDiagnostic[] }

export const COVERAGE_REQUEST = 'pmprep/coverage';

/** A URI as a comparable key: servers and editors may percent-encode differently. */
export function uriKey(uri: string | vscode.Uri): string {
  try {
    // The server may answer with URIs or with plain file paths.
    const u = typeof uri !== 'string' ? uri : /^(\/|[a-zA-Z]:[\\/])/.test(uri) ? vscode.Uri.file(uri) : vscode.Uri.parse(uri);
    return u.scheme === 'file' ? 'file:' + path.normalize(u.fsPath) : u.toString();
  } catch {
    return String(uri);
  }
}

export function cellsOf(p: CoveragePrinciple): CoverageCell[] {
  return (p.cells ?? p.stories ?? []).filter((c) => c.signals > 0 || c.claimed);
}

export function toUri(uri: string): vscode.Uri {
  return /^(\/|[a-zA-Z]:[\\/])/.test(uri) ? vscode.Uri.file(uri) : vscode.Uri.parse(uri);
}

export function storyLabel(story: CoverageStory | undefined, uri: string): string {
  if (story?.title) return story.title;
  try {
    return path.basename(toUri(uri).fsPath).replace(/\.story\.md$/i, '');
  } catch {
    return uri;
  }
}

/** The last coverage answer, shared by the tree view, the status bar and the report. */
export class CoverageModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageResult | undefined>();
  readonly onDidChange = this.changed.event;
  private result: CoverageResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private again = false;

  constructor(private readonly fetch: () => Promise<CoverageResult | undefined>, private readonly log: (msg: string) => void) {}

  get current(): CoverageResult | undefined {
    return this.result;
  }

  storyFor(uri: vscode.Uri): CoverageStory | undefined {
    const key = uriKey(uri);
    return this.result?.stories.find((s) => uriKey(s.uri) === key);
  }

  /** Asks again after a short pause, so a burst of edits costs one request. */
  schedule(delayMs = 400): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      const r = await this.fetch();
      if (r) {
        this.result = normalise(r);
        this.changed.fire(this.result);
      }
    } catch (e) {
      this.log(`pmprep/coverage failed: ${(e as Error).message ?? e}`);
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.schedule(100);
      }
    }
  }

  clear(): void {
    this.result = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function normalise(r: CoverageResult): CoverageResult {
  return {
    version: r.version,
    stories: Array.isArray(r.stories) ? r.stories : [],
    principles: Array.isArray(r.principles) ? r.principles : [],
    diagnostics: Array.isArray(r.diagnostics) ? r.diagnostics : [],
  };
}

// ---- The "LP Coverage" tree view

type Node = PrincipleNode | StoryNode;

class PrincipleNode {
  constructor(readonly principle: CoveragePrinciple) {}
}
class StoryNode {
  constructor(readonly principle: CoveragePrinciple, readonly cell: CoverageCell, readonly story: CoverageStory | undefined) {}
}

export class CoverageTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: CoverageModel) {
    model.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    const r = this.model.current;
    if (!r) return [];
    if (!node) {
      // Gaps first (what the candidate still has to prepare), then the rest in the server's order.
      const ps = r.principles.map((p, i) => ({ p, i }));
      ps.sort((a, b) => Number(b.p.gap) - Number(a.p.gap) || a.i - b.i);
      return ps.map(({ p }) => new PrincipleNode(p));
    }
    if (node instanceof PrincipleNode) {
      const cells = [...cellsOf(node.principle)].sort((a, b) => b.signals - a.signals);
      return cells.map((c) => new StoryNode(node.principle, c, r.stories.find((s) => uriKey(s.uri) === uriKey(c.uri))));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node instanceof PrincipleNode) {
      const p = node.principle;
      const cells = cellsOf(p);
      const evidenced = cells.filter((c) => c.signals > 0).length;
      const item = new vscode.TreeItem(p.name, cells.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `lp:${p.key ?? p.name}`;
      item.contextValue = p.gap ? 'pmprep.gap' : 'pmprep.principle';
      let status: string;
      if (p.gap) {
        item.description = cells.length ? 'gap: claimed, no evidence' : 'gap: no story';
        item.iconPath = gapIcon(p.gapSeverity);
        status = `No story gives evidence for this principle yet (${severityName(p.gapSeverity)}).`;
      } else {
        item.description = `${evidenced} ${evidenced === 1 ? 'story' : 'stories'}`;
        item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        status = `Evidenced in ${evidenced} ${evidenced === 1 ? 'story' : 'stories'}.`;
      }
      // The full name (the label may be cut) and what the principle means.
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown('**');
      tip.appendText(p.name);
      tip.appendMarkdown('**\n\n');
      if (p.meaning) {
        tip.appendText(p.meaning);
        tip.appendMarkdown('\n\n');
      }
      tip.appendText(status);
      item.tooltip = tip;
      item.accessibilityInformation = { label: `${p.name}: ${status}` };
      return item;
    }
    const { cell, story, principle } = node;
    const item = new vscode.TreeItem(storyLabel(story, cell.uri), vscode.TreeItemCollapsibleState.None);
    item.id = `lp:${principle.key ?? principle.name}:${cell.uri}`;
    const parts = [`${cell.signals} ${cell.signals === 1 ? 'signal' : 'signals'}`];
    if (cell.claimed) parts.push('claimed');
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(cell.signals > 0 ? 'book' : 'circle-slash');
    item.resourceUri = toUri(cell.uri);
    const tip = new vscode.MarkdownString();
    tip.appendText(`${principle.name} in ${storyLabel(story, cell.uri)}`);
    if (cell.strongest?.text) {
      tip.appendMarkdown('\n\n');
      tip.appendText(`“${cell.strongest.text}”`);
      if (cell.strongest.reason) tip.appendText(` — ${cell.strongest.reason}`);
    } else if (cell.claimed && cell.signals === 0) {
      tip.appendText('\n\nClaimed in front matter, but the story gives no evidence for it.');
    }
    item.tooltip = tip;
    item.command = { command: 'pmprep.openEvidence', title: 'Open evidence', arguments: [cell.uri, cell.strongest?.range] };
    return item;
  }
}

/** The icon of a gap follows the severity of its lp-coverage-gap finding: only warnings get the triangle. */
export function gapIcon(severity: number | null | undefined): vscode.ThemeIcon {
  switch (severity) {
    case 1: return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 2: return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 3: return new vscode.ThemeIcon('info', new vscode.ThemeColor('notificationsInfoIcon.foreground'));
    default: return new vscode.ThemeIcon('circle-outline');
  }
}

export function severityName(severity: number | null | undefined): string {
  return severity === 1 ? 'error' : severity === 2 ? 'warning' : severity === 3 ? 'information' : severity === 4 ? 'hint' : 'not reported';
}

/** Opens a story, selecting the evidence when a range is given. */
export async function openEvidence(uri: string, range?: LspRange | null): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(toUri(uri));
  const selection = range
    ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)
    : undefined;
  const editor = await vscode.window.showTextDocument(doc, { selection, preview: false });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The view's one-line summary of the bank. */
export function bankSummary(r: CoverageResult | undefined): string | undefined {
  if (!r) return undefined;
  const gaps = r.principles.filter((p) => p.gap).length;
  const n = r.stories.length;
  return `${n} ${n === 1 ? 'story' : 'stories'} · ${r.principles.length - gaps} of ${r.principles.length} principles evidenced`;
}
