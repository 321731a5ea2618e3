import * as vscode from 'vscode';
import { CoverageBand, CoverageModel } from './coverage';

export function isStory(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.uri.scheme === 'file' && /\.story\.md$/i.test(doc.uri.path);
}

/** "2.8 of 2.5-3.5 min": the figure against its band, as the server computed both. */
export function minutesText(minutes: number, band: CoverageBand): string {
  return `${minutes.toFixed(1)} of ${band.min}–${band.max} min`;
}

/** Where the minutes fall: inside the band, short, long (over max) or over the hard limit. */
export function lengthOf(minutes: number, band: CoverageBand): 'short' | 'ok' | 'long' | 'over' {
  return minutes > band.limit ? 'over' : minutes > band.max ? 'long' : minutes < band.min ? 'short' : 'ok';
}

/**
 * Spoken minutes of the active story against its band, both from the server's coverage answer
 * (the story's own settings, `.pmprep.yaml` included, so it agrees with story-too-long). Neutral
 * inside the band, the warning colour only outside it.
 */
export class MinutesStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pmprep.minutes', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly model: CoverageModel) {
    this.item.name = 'PmPrep spoken minutes';
    this.item.command = 'pmprep.showCoverageReport';
    this.subscriptions.push(
      model.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const story = isStory(doc) ? this.model.storyFor(doc.uri) : undefined;
    if (!story || story.minutes === undefined || !story.band) {
      this.item.hide();
      return;
    }
    const { minutes, band } = story;
    const length = story.length ?? lengthOf(minutes, band);
    this.item.text = `$(clock) ${minutesText(minutes, band)}`;
    const where =
      length === 'over' ? `over the ${band.limit} min limit` :
      length === 'long' ? `longer than the ${band.min}–${band.max} min target` :
      length === 'short' ? `shorter than the ${band.min}–${band.max} min target` :
      `within the ${band.min}–${band.max} min target`;
    const words = story.words !== undefined ? ` (${story.words} words at ${band.wordsPerMinute} wpm)` : '';
    this.item.tooltip = `Spoken length of this story: ${minutes.toFixed(1)} min${words}, ${where}. Click for the coverage report.`;
    this.item.accessibilityInformation = { label: `Story length ${minutes.toFixed(1)} minutes, ${where}` };
    this.item.backgroundColor = length === 'ok' ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
