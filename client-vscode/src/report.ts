import * as vscode from 'vscode';
import { CoverageModel } from './coverage';
import { placeholderPage, ReportResult, reportPage } from './reportPage';

/**
 * "PmPrep: Show Coverage Report": the story-bank report in a webview. The page is the language
 * server's (`pmprep/report`, the renderer `pmprep report` uses), shown as it is: scripts, forms
 * and command links are off, no local resources are allowed, and the page's own policy
 * (`default-src 'none'` plus its one hashed stylesheet) is never loosened; a page without that
 * policy is not shown (see reportPage.ts). It is fetched again whenever the coverage changes.
 */
export class CoverageReport implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly sub: vscode.Disposable;
  private generation = 0;

  constructor(
    model: CoverageModel,
    private readonly fetch: () => Promise<ReportResult | undefined>,
    private readonly log: (msg: string) => void,
  ) {
    this.sub = model.onDidChange(() => void this.render());
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      this.panel = vscode.window.createWebviewPanel('pmprep.coverageReport', 'PmPrep: Coverage Report', vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableForms: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.html = placeholderPage('Loading the story-bank report…');
    }
    await this.render();
  }

  private async render(): Promise<void> {
    if (!this.panel) return;
    const gen = ++this.generation;
    let html: string;
    try {
      html = reportPage(await this.fetch());
    } catch (e) {
      this.log(`pmprep/report failed: ${(e as Error)?.message ?? e}`);
      html = placeholderPage('The PmPrep language server could not build the report. See the PmPrep output.');
    }
    // A newer render started while this one waited: it wins.
    if (gen !== this.generation || !this.panel) return;
    this.panel.webview.html = html;
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}
