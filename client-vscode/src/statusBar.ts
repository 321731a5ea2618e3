import * as vscode from 'vscode';
import { CoverageModel } from './coverage';

export function isStory(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.uri.scheme === 'file' && /\.story\.md$/i.test(doc.uri.path);
}

interface Band { min: number; max: number; limit: number; wpm: number }

function band(uri: vscode.Uri): Band {
  const c = vscode.workspace.getConfiguration('pmprep', uri);
  return {
    min: c.get<number>('minMinutes', 2.5),
    max: c.get<number>('maxMinutes', 3.5),
    limit: c.get<number>('limitMinutes', 4),
    wpm: c.get<number>('wordsPerMinute', 150),
  };
}

/**
 * Spoken minutes of the active story, from the server's coverage answer (the same figure as the
 * code lens). Yellow outside the target band, red above the hard limit.
 */
export class MinutesStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pmprep.minutes', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly model: CoverageModel, private readonly lensMinutes: (uri: vscode.Uri) => Promise<number | undefined>) {
    this.item.name = 'PmPrep spoken minutes';
    this.item.command = 'pmprep.showCoverageReport';
    this.subscriptions.push(
      model.onDidChange(() => void this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('pmprep') && void this.update()),
    );
    void this.update();
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isStory(doc)) {
      this.item.hide();
      return;
    }
    let minutes = this.model.storyFor(doc.uri)?.minutes;
    let words = this.model.storyFor(doc.uri)?.words;
    if (minutes === undefined) {
      minutes = await this.lensMinutes(doc.uri).catch(() => undefined);
      words = undefined;
    }
    if (vscode.window.activeTextEditor?.document !== doc) return;
    if (minutes === undefined) {
      this.item.hide();
      return;
    }
    const b = band(doc.uri);
    this.item.text = `$(clock) ${minutes.toFixed(1)} min`;
    const where =
      minutes > b.limit ? `over the ${b.limit} min limit` :
      minutes > b.max ? `longer than the ${b.min}–${b.max} min target` :
      minutes < b.min ? `shorter than the ${b.min}–${b.max} min target` :
      `within the ${b.min}–${b.max} min target`;
    this.item.tooltip = `Spoken length of this story: ${minutes.toFixed(1)} min${words !== undefined ? ` (${words} words at ${b.wpm} wpm)` : ''}, ${where}. Click for the coverage report.`;
    this.item.accessibilityInformation = { label: `Story length ${minutes.toFixed(1)} minutes, ${where}` };
    if (minutes > b.limit) {
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (minutes < b.min || minutes > b.max) {
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}

/** Reads "2.7 min" out of a code lens title. */
export function minutesFromLensTitle(title: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*min/i.exec(title);
  return m ? Number(m[1]) : undefined;
}
