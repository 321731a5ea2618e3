import * as path from 'node:path';
import * as vscode from 'vscode';

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'new-story';
}

/** The template: front matter to fill in and the four parts, each with what belongs there. */
export function storyTemplate(title: string): string {
  const yamlTitle = /[:#\[\]{},&*!|>'"%@`]/.test(title) ? JSON.stringify(title) : title;
  return `---
title: ${yamlTitle}
lps: []       # 2-3 Leadership Principles it proves
project:      # optional
role:         # optional: owner, lead, contributor
question:     # optional: the question it answers
---

# ${title}

## Context

<!-- About 20 seconds: the situation, the stakes, and what was yours to own. -->

## Decision

<!-- About 90 seconds: what I decided and did, because of which data, against which pushback. -->

## Impact

<!-- The measured result: from what baseline to what, over what time, for whom. -->

## Reflection

<!-- Looking back: what I learned and what I would do differently next time. -->
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

/** Where a new story goes: beside the active story, else a `stories` folder, else the workspace root. */
async function targetFolder(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && /\.story\.md$/i.test(active.path)) {
    return vscode.Uri.file(path.dirname(active.fsPath));
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  let folder = folders[0];
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new story' });
    if (!picked) return undefined;
    folder = picked;
  }
  const stories = vscode.Uri.joinPath(folder.uri, 'stories');
  return (await exists(stories)) ? stories : folder.uri;
}

export async function newStory(): Promise<vscode.Uri | undefined> {
  const title = await vscode.window.showInputBox({
    title: 'PmPrep: New Story',
    prompt: 'A short title for the story (the file name is made from it)',
    placeHolder: 'e.g. Tiered late-delivery notifications',
    validateInput: (v) => (v.trim() ? undefined : 'Give the story a title'),
  });
  if (!title?.trim()) return undefined;
  const clean = title.trim();

  const folder = await targetFolder();
  if (!folder) {
    // No folder open: an untitled Markdown document the user can save as NAME.story.md.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: storyTemplate(clean) });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }

  const base = slugify(clean);
  let uri = vscode.Uri.joinPath(folder, `${base}.story.md`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${base}-${n}.story.md`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(storyTemplate(clean), 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  // Put the cursor on the `lps` line: the first thing to decide.
  const lpsLine = doc.getText().split('\n').findIndex((l) => l.startsWith('lps:'));
  if (lpsLine >= 0) {
    const pos = new vscode.Position(lpsLine, 'lps: ['.length);
    editor.selection = new vscode.Selection(pos, pos);
  }
  return uri;
}
