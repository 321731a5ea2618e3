import * as path from 'node:path';
import * as vscode from 'vscode';
import { slugify } from './newStory';

/**
 * The practice files the server checks, one place on the client side (the server's is
 * `PmPrep.Core.Practice.PracticeFiles`): stories, product-design answers and PR/FAQs.
 */
export const PRACTICE_PATTERNS = ['**/*.story.md', '**/*.design.md', '**/*.prfaq.md'];

export const PRACTICE_SELECTOR = PRACTICE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern }));

export function isPracticeFile(p: string): boolean {
  return /\.(story|design|prfaq)\.md$/i.test(p);
}

/**
 * A new design answer: the prompt and the eight parts, each with what belongs there. The same
 * parts as `DesignAnalyzer.Template` on the server; the placeholders are HTML comments, so an
 * empty template raises no findings until the answer is written.
 */
export function designTemplate(prompt: string): string {
  const yamlPrompt = /[:#\[\]{},&*!|>'"%@`]/.test(prompt) ? JSON.stringify(prompt) : prompt;
  return `---
prompt: ${yamlPrompt}
---

# ${prompt}

## Customer

<!-- Problem definition (5 min together with Problem and Constraints). Who exactly: the segment, how often they hit the problem, in what context (e.g. Prime members in Tier 2 cities who order 3+ times a month). -->

## Problem (cost)

<!-- What the problem costs, in numbers: customer minutes or dollars, and business units (contacts, churn, lost GMV). -->

## Constraints

<!-- The system's and the business's limits: carrier API latency, warehouse staffing, legal, budget, deadline. -->

## Options

<!-- Scoping (10 min). Two or three options, compared on customer impact, effort, risk and reversibility; say why the chosen one wins. -->

## Deep dive

<!-- Solution (20 min with Risks, Pilot and Metrics). The chosen option in depth: the first release, and what you leave out. -->

## Risks

<!-- How it fails: model drift, partner pushback, false positives, abuse; and the mitigation for each. -->

## Pilot

<!-- Where and for how long, and the threshold that stops or reverses it (e.g. roll back if on-time delivery falls below 92% for two days). -->

## Metrics

<!-- The primary metric, and a counter-metric that stops it being gamed. -->
`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Where a new design answer goes: beside the active practice file, else a `design` folder, else the workspace root. */
async function targetFolder(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && isPracticeFile(active.path)) return vscode.Uri.file(path.dirname(active.fsPath));
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  let folder = folders[0];
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new design answer' });
    if (!picked) return undefined;
    folder = picked;
  }
  const design = vscode.Uri.joinPath(folder.uri, 'design');
  return (await exists(design)) ? design : folder.uri;
}

/** "PmPrep: New Design Answer": asks for the prompt, writes NAME.design.md from the template and opens it. */
export async function newDesignAnswer(): Promise<vscode.Uri | undefined> {
  const prompt = await vscode.window.showInputBox({
    title: 'PmPrep: New Design Answer',
    prompt: 'The design prompt you are answering (the file name is made from it)',
    placeHolder: 'e.g. Design a product to reduce late deliveries for Prime members',
    validateInput: (v) => (v.trim() ? undefined : 'Give the prompt'),
  });
  if (!prompt?.trim()) return undefined;
  const clean = prompt.trim();
  const folder = await targetFolder();
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: designTemplate(clean) });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const base = slugify(clean);
  let uri = vscode.Uri.joinPath(folder, `${base}.design.md`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${base}-${n}.design.md`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(designTemplate(clean), 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const customer = doc.getText().split('\n').findIndex((l) => l.startsWith('## Customer'));
  if (customer >= 0) {
    const pos = new vscode.Position(customer + 2, 0);
    editor.selection = new vscode.Selection(pos, pos);
  }
  return uri;
}
