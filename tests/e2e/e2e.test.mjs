// End-to-end test of the packaged extension in a real VS Code: code-server 4.139.1 (VS Code
// 1.139.1) on 127.0.0.1, driven by Debian's chromium through playwright-core. It installs the VSIX
// that `npm run package` wrote, opens a folder with a weak story, and checks what a user sees.
// Screenshots of every step go to test-output/e2e/. Run scripts/e2e-setup.sh first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(root, 'test-output', 'e2e');
const cache = process.env.PMPREP_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'pmprep-e2e');
const env = JSON.parse(fs.readFileSync(path.join(cache, 'env.json'), 'utf8'));

const STORY = 'weak-recommendations.story.md';
// Text from the rule catalog (server/PmPrep.Core/Data/rules.yaml): message of we-language and
// weak-ownership-verb, and the start of we-language's explanation.
const WE_MESSAGE = 'say what you did';
const WEAK_VERB_MESSAGE = 'hides what you owned';
// we-language's hover (title and "why" in rules.yaml).
const HOVER_EXPLANATION = /"We" as the doer of a key action[\s\S]*Bar raisers score the candidate's own judgment/;
// A principle whose name the narrow view cuts, and a piece of its meaning (principles.yaml).
const LONG_PRINCIPLE = { name: 'Success and Scale Bring Broad Responsibility', meaning: 'weigh second-order effects on communities' };
const PRINCIPLES = ['Customer Obsession', 'Dive Deep', 'Bias for Action', 'Learn and Be Curious', 'Hire and Develop the Best'];

let tmp, workspace, userData, extensionsDir, codeServer, browser, page, port, csLog;
let shot = 0;

function findVsix() {
  const dist = path.join(root, 'dist');
  const files = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => /^pmprep-linux-x64-.*\.vsix$/.test(f)) : [];
  if (!files.length) throw new Error('No dist/pmprep-linux-x64-*.vsix: run `npm run package` first.');
  return path.join(dist, files.sort().at(-1));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
  });
}

function childEnv() {
  return {
    ...process.env,
    PATH: `${env.nodeBin}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  };
}

const privateDirs = () => ['--user-data-dir', userData, '--extensions-dir', extensionsDir, '--config', path.join(tmp, 'config.yaml')];

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${ms} ms; see test-output/e2e/code-server.log`);
}

async function screenshot(name, { moveMouse = true } = {}) {
  shot++;
  if (moveMouse) await page.mouse.move(1150, 16).catch(() => {}); // no stray tooltips
  const file = path.join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function runCommand(label) {
  const input = page.locator('.quick-input-widget input');
  // F1 can be swallowed while focus sits in a webview or a closing editor: try again.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press(attempt % 2 ? 'Control+Shift+P' : 'F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } }).catch(() => {});
    }
  }
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** The text of the visible editor, as rendered. */
async function editorText() {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
  });
}

function lineOf(text, needle) {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `fixture has no line with "${needle}"`);
  return i + 1;
}

/** A test step that leaves a screenshot behind when it fails, to see why. */
function step(name, slug, fn) {
  it(name, async () => {
    try {
      await fn();
    } catch (e) {
      if (page) await screenshot(`${slug}-FAILED`).catch(() => {});
      throw e;
    }
  });
}

const fixtureText = () => fs.readFileSync(path.join(workspace, 'stories', STORY), 'utf8');

describe('PmPrep in code-server', { timeout: 300000 }, () => {
  before(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmprep-e2e-'));
    workspace = path.join(tmp, 'interview-stories');
    userData = path.join(tmp, 'user-data');
    extensionsDir = path.join(tmp, 'extensions');
    fs.cpSync(path.join(here, 'fixtures', 'workspace'), workspace, { recursive: true });
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
    fs.writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'workbench.welcomePage.walkthroughs.openOnInstall': false,
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'chat.disableAIFeatures': true,
          'editor.hover.delay': 200,
          'editor.minimap.enabled': false,
          'window.restoreWindows': 'none',
          'files.hotExit': 'off',
          'git.enabled': false,
          'workbench.colorTheme': 'Default Light Modern',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'workbench.editor.enablePreview': false,
        },
        null,
        2,
      ),
    );

    const vsix = findVsix();
    execFileSync(env.codeServer, [...privateDirs(), '--install-extension', vsix, '--force'], { env: childEnv(), stdio: 'pipe' });
    const listed = execFileSync(env.codeServer, [...privateDirs(), '--list-extensions', '--show-versions'], { env: childEnv() }).toString();
    assert.match(listed, /pmprep\.pmprep@/, `extension not installed: ${listed}`);

    port = await freePort();
    csLog = fs.createWriteStream(path.join(outDir, 'code-server.log'));
    codeServer = spawn(
      env.codeServer,
      [
        ...privateDirs(),
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        workspace,
      ],
      { env: childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    codeServer.stdout.pipe(csLog);
    codeServer.stderr.pipe(csLog);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30000);

    browser = await chromium.launch({
      executablePath: env.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60000 });
    // The extension activates on workspaceContains:**/*.story.md: its view appears in the Explorer.
    await page.locator('.pane-header', { hasText: 'LP Coverage' }).first().waitFor({ timeout: 60000 });
    await runCommand('View: Close Secondary Side Bar').catch(() => page.keyboard.press('Escape'));
    await page.waitForTimeout(1000);
    await screenshot('workbench');
  });

  after(async () => {
    try {
      if (page) await screenshot('final').catch(() => {});
      // Keep the extension's own log next to the screenshots.
      const logs = path.join(userData ?? '', 'logs');
      if (userData && fs.existsSync(logs)) {
        // One log per window session (the last step reloads the window): keep them all, in order.
        const files = fs.readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith('PmPrep.log')).sort();
        fs.writeFileSync(path.join(outDir, 'pmprep-output.log'), files.map((f) => `==> ${f}\n` + fs.readFileSync(path.join(logs, f), 'utf8')).join('\n'));
      }
    } finally {
      await browser?.close().catch(() => {});
      if (codeServer?.pid) {
        try {
          process.kill(-codeServer.pid, 'SIGTERM');
        } catch {}
      }
      csLog?.end();
      if (tmp && !process.env.PMPREP_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  step('shows squiggles and Problems entries with rule messages', 'squiggles-problems', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(STORY);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: STORY }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab[aria-label*="${STORY}"]`).first().waitFor();
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 30000 });
    await screenshot('squiggles');

    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor();
    await page.waitForFunction(
      ([a, b]) => {
        const labels = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.getAttribute('aria-label') ?? '');
        return labels.some((l) => l.includes(a)) && labels.some((l) => l.includes(b));
      },
      [WE_MESSAGE, WEAK_VERB_MESSAGE],
      { timeout: 20000 },
    );
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    fs.writeFileSync(path.join(outDir, 'problems.txt'), labels.join('\n') + '\n');
    assert.ok(labels.some((l) => /warning/i.test(l) && l.includes(WE_MESSAGE)), `no we-language warning among ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => l.includes(WEAK_VERB_MESSAGE)), 'no weak-ownership-verb entry');
    await screenshot('problems');
    await page.keyboard.press('Control+Shift+M'); // close the panel again
  });

  step("shows a hover with the rule's explanation", 'hover', async () => {
    const line = lineOf(fixtureText(), 'We decided');
    await page.locator('.editor-instance .view-lines').click();
    await goTo(line, 2);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible' });
    // The server's hover: the rule's title and its explanation, beyond the diagnostic message.
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.monaco-hover:not(.hidden)')?.textContent ?? ''), HOVER_EXPLANATION.source, { timeout: 15000 });
    const text = await hover.textContent();
    fs.writeFileSync(path.join(outDir, 'hover.txt'), text + '\n');
    assert.match(text, HOVER_EXPLANATION);
    await screenshot('hover', { moveMouse: false });
    await page.keyboard.press('Escape');
  });

  /** Opens the quick-fix menu at a line and column and clicks the action titled `title`. */
  async function quickFix(line, column, title, shotName) {
    const item = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    // On a loaded machine the menu can open before the server's actions arrive, or not at all: ask again.
    for (let attempt = 0; ; attempt++) {
      await goTo(line, column);
      await page.keyboard.press('Control+.');
      try {
        await item.waitFor({ state: 'visible', timeout: 15000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
        await page.keyboard.press('Escape');
      }
    }
    if (shotName) await screenshot(shotName);
    await item.click();
  }

  const editorHas = (needle) =>
    page.waitForFunction((n) => {
      const t = [...document.querySelectorAll('.editor-instance .view-lines .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
      return t.includes(n);
    }, needle);

  step('applies the "It was my call: rewrite as first person" quick fix', 'quick-fix', async () => {
    const line = lineOf(fixtureText(), 'We improved CTR');
    await quickFix(line, 2, 'It was my call: rewrite as first person', 'quick-fix-menu');
    await editorHas('I improved CTR by 18%');
    const text = await editorText();
    assert.ok(!text.includes('We improved CTR'), 'the sentence still starts with "We improved"');
    await screenshot('quick-fix-applied');
    await page.keyboard.press('Control+S');
  });

  step('applies "Someone else decided: name them" with the placeholder selected', 'name-them', async () => {
    const line = lineOf(fixtureText(), 'We decided');
    await quickFix(line, 2, 'Someone else decided: name them', 'name-them-menu');
    await editorHas('[who] decided to rebuild the recommendation engine, and I [what I did].');
    // The fix is a snippet: "[who]" is selected, so that typing replaces it.
    await page.waitForFunction(() => document.querySelectorAll('.editor-instance .selected-text').length > 0, null, { timeout: 10000 });
    await screenshot('name-them-placeholder-selected', { moveMouse: false });
    await page.keyboard.type('The VP');
    await editorHas('The VP decided to rebuild the recommendation engine, and I [what I did].');
    await page.keyboard.press('Escape');
    await screenshot('name-them-typed');
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => !document.querySelector('.tab.active.dirty'), null, { timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(500);
    assert.ok(fixtureText().includes('The VP decided to rebuild the recommendation engine, and I [what I did].'), 'the named sentence is not on disk');
  });

  step('disables a rule for one line with a comment the preview does not show', 'disable-line', async () => {
    const text = fixtureText();
    const line = lineOf(text, 'I helped');
    const column = text.split('\n')[line - 1].indexOf('I helped') + 2;
    await quickFix(line, column, 'Disable weak-ownership-verb for this line', 'disable-line-menu');
    await editorHas('<!-- pmprep-disable-next-line weak-ownership-verb -->');
    // The finding is gone from the Problems panel; the other findings stay.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    await page.waitForFunction(
      (msg) => {
        const labels = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.getAttribute('aria-label') ?? '');
        return labels.length > 0 && !labels.some((l) => l.includes(msg));
      },
      WEAK_VERB_MESSAGE,
      { timeout: 20000 },
    );
    await screenshot('disable-line-applied');
    await page.keyboard.press('Control+Shift+M');
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(500);
    const saved = fixtureText();
    assert.match(saved, /<!-- pmprep-disable-next-line weak-ownership-verb -->\nThe VP decided/);
  });

  step('lists the principles in the LP Coverage view, gaps first, and opens a story at its evidence', 'lp-coverage', async () => {
    await runCommand('Explorer: Focus on LP Coverage View');
    // Give the view room: fold the file tree.
    const folders = page.locator('.pane-header', { hasText: 'interview-stories' }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'LP Coverage' }) });
    const rows = pane.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 30000 });
    // The tree is virtualised: scroll through it to see every principle.
    const seen = [];
    const collect = async () => {
      for (const l of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent))) if (!seen.includes(l)) seen.push(l);
    };
    await collect();
    await pane.locator('.monaco-list').first().hover();
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, 150);
      await page.waitForTimeout(150);
      await collect();
    }
    fs.writeFileSync(path.join(outDir, 'coverage-view.txt'), seen.join('\n') + '\n');
    for (const name of PRINCIPLES) assert.ok(seen.some((r) => r.startsWith(name)), `LP Coverage has no row for ${name}: ${seen.join(' | ')}`);
    assert.match(seen[0], /no story gives evidence/i, 'the first row is not a gap');
    const firstCovered = seen.findIndex((r) => !/no story gives evidence|no evidence/i.test(r));
    const lastGap = seen.findLastIndex((r) => /no story gives evidence/i.test(r));
    assert.ok(firstCovered > lastGap, 'a covered principle is listed before a gap');

    // Expand the first covered principle and click its story: the story opens at the evidence.
    const coveredName = seen[firstCovered].split(':')[0];
    const co = rows.filter({ hasText: coveredName }).first();
    await co.click();
    const storyRow = rows.filter({ hasText: 'Tiered late-delivery notifications' }).first();
    await storyRow.waitFor();
    await screenshot('lp-coverage');
    await storyRow.click();
    await page.locator('.tab.active[aria-label*="late-deliveries.story.md"]').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.editor-instance .selected-text').length > 0, null, { timeout: 10000 });
    await screenshot('lp-coverage-open-evidence');
  });

  step("shows a principle's full name and meaning in the LP Coverage tooltip", 'lp-coverage-tooltip', async () => {
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'LP Coverage' }) });
    const list = pane.locator('.monaco-list').first();
    const row = pane.locator('.monaco-list-row', { hasText: LONG_PRINCIPLE.name }).first();
    // The tree is virtualised: scroll to the top, then down until the row is rendered.
    await list.hover();
    await page.mouse.wheel(0, -5000);
    await page.waitForTimeout(200);
    for (let i = 0; i < 20 && !(await row.count()); i++) {
      await page.mouse.wheel(0, 100);
      await page.waitForTimeout(150);
    }
    await row.scrollIntoViewIfNeeded();
    // A MarkdownString tooltip renders as the workbench's custom hover, not a `title` attribute.
    const hover = page.locator('.workbench-hover, .monaco-hover:not(.hidden)', { hasText: LONG_PRINCIPLE.name }).first();
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(5, 5);
      await row.locator('.label-name, .monaco-icon-label').first().hover();
      try {
        await hover.waitFor({ state: 'visible', timeout: 8000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
    const text = (await hover.textContent()).replace(/\s+/g, ' ');
    fs.writeFileSync(path.join(outDir, 'lp-coverage-tooltip.txt'), text + '\n');
    assert.ok(text.includes(LONG_PRINCIPLE.name), `tooltip lacks the full name: ${text}`);
    assert.ok(text.includes(LONG_PRINCIPLE.meaning), `tooltip lacks the meaning: ${text}`);
    assert.match(text, /No story gives evidence|Evidenced in \d+ stor/, `tooltip lacks the coverage status: ${text}`);
    await screenshot('lp-coverage-tooltip', { moveMouse: false });
    await page.mouse.move(1150, 16);
  });

  step("shows the active story's spoken minutes in the status bar", 'status-bar', async () => {
    await page.locator(`.tab[aria-label*="${STORY}"]`).first().click();
    const item = page.locator('.statusbar-item', { hasText: /\d+\.\d min/ }).first();
    await item.waitFor({ state: 'visible', timeout: 20000 });
    const text = (await item.textContent()).trim();
    fs.writeFileSync(path.join(outDir, 'status-bar.txt'), text + '\n');
    assert.match(text, /^\d+\.\d of \d+(\.\d+)?–\d+(\.\d+)? min$/); // minutes against the band
    // The weak story is far below 2.5 minutes: the item is coloured as a warning.
    const cls = await item.getAttribute('class');
    assert.match(cls ?? '', /warning-kind|has-background-color/, `status item not coloured: ${cls}`);
    await screenshot('status-bar');
  });

  step('opens a design answer: design diagnostics and the timebox inlay hints', 'design-answer', async () => {
    const DESIGN = 'grocery.design.md';
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(DESIGN);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: DESIGN }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab[aria-label*="${DESIGN}"]`).first().waitFor();
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 30000 });
    // Inlay hints after the part headings: spoken minutes against the 5/10/20 timebox. VS Code
    // draws them as CSS generated content (::before/::after of a span), not as text nodes.
    const linesWithHints = () =>
      page.evaluate(() => {
        const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line')];
        lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
        const generated = (el, pseudo) => {
          const c = getComputedStyle(el, pseudo).content;
          return c && c !== 'none' && c !== 'normal' ? c.replace(/^"|"$/g, '').replace(/\\"/g, '"') : '';
        };
        return lines
          .map((l) => [...l.querySelectorAll('span')].map((sp) => (sp.children.length ? '' : generated(sp, '::before') + sp.textContent + generated(sp, '::after'))).join('').replace(/\u00a0/g, ' '))
          .join('\n');
      });
    let text = '';
    for (let i = 0; i < 60 && !/problem definition \d+\.\d\/5 min/.test(text); i++) {
      await page.waitForTimeout(500);
      text = await linesWithHints();
    }
    fs.writeFileSync(path.join(outDir, 'design-editor.txt'), text + '\n');
    assert.match(text, /## Customer.*problem definition \d+\.\d\/5 min/);
    assert.match(text, /## Options.*scoping \d+\.\d\/10 min/);
    assert.match(text, /## Pilot.*solution \d+\.\d\/20 min/);
    await screenshot('design-inlay-hints');

    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor();
    // Design rules (rules.yaml): solution-before-problem and pilot-without-rollback messages.
    await page.waitForFunction(
      () => {
        const labels = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.getAttribute('aria-label') ?? '');
        return labels.some((l) => l.includes('comes before the customer')) && labels.some((l) => l.includes('no threshold that would stop or reverse it'));
      },
      null,
      { timeout: 20000 },
    );
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    fs.writeFileSync(path.join(outDir, 'design-problems.txt'), labels.join('\n') + '\n');
    assert.ok(!labels.some((l) => l.includes('The story claims 0 principles')), 'story rules ran on a design answer');
    await screenshot('design-problems');
    await page.keyboard.press('Control+Shift+M');
    await page.keyboard.press('Control+W');
  });

  step('opens the coverage report webview', 'coverage-report', async () => {
    await runCommand('PmPrep: Show Coverage Report');
    await page.locator('.tab', { hasText: 'Coverage Report' }).first().waitFor();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    // The server's report page (pmprep/report, the renderer of `pmprep report`), not a client copy.
    await frame.locator('table#heatmap').waitFor({ timeout: 20000 });
    const text = await frame.locator('body').textContent();
    assert.match(text, /Customer Obsession/);
    assert.match(text, /Spoken length/);
    // The renderer's own policy survives in the webview (VS Code may add a stricter one of its own).
    const policy = await frame.locator('meta[http-equiv="Content-Security-Policy"][content^="default-src"]').getAttribute('content');
    assert.match(policy ?? '', /^default-src 'none'; style-src 'sha256-[^']+'; img-src 'none'/);
    assert.equal(await frame.locator('main script').count(), 0);
    await screenshot('coverage-report');
    await page.keyboard.press('Control+W');
  });

  step('creates a story from the New Story command', 'new-story', async () => {
    await runCommand('PmPrep: New Story');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Launch pricing test');
    await page.keyboard.press('Enter');
    const created = path.join(workspace, 'stories', 'launch-pricing-test.story.md');
    await page.locator('.tab[aria-label*="launch-pricing-test.story.md"]').first().waitFor();
    assert.ok(fs.existsSync(created), `${created} was not written`);
    const text = fs.readFileSync(created, 'utf8');
    for (const part of ['## Context', '## Decision', '## Impact', '## Reflection', 'title: Launch pricing test', 'lps:']) assert.ok(text.includes(part), `template lacks ${part}`);
    // The new story joins the bank: the LP Coverage summary counts it.
    await page.waitForFunction(() => [...document.querySelectorAll('.pane')].some((p) => p.querySelector('.pane-header')?.textContent?.includes('LP Coverage') && p.textContent.includes('3 stories')), null, { timeout: 15000 });
    await screenshot('new-story');
  });

  step('restarts the server from the command palette', 'restart-server', async () => {
    await page.locator(`.tab[aria-label*="${STORY}"]`).first().click();
    await runCommand('PmPrep: Restart Server');
    // The old server's diagnostics go away with it; the new one publishes them again.
    await page.waitForTimeout(1500);
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: /\d+\.\d min/ }).first().waitFor({ timeout: 20000 });
    assert.equal(await page.locator('.notification-toast', { hasText: 'could not start' }).count(), 0, 'a failure notification after a restart');
    await screenshot('restarted');
  });

  step('explains once when the server cannot start', 'server-cannot-start', async () => {
    // Point the extension at a server that does not exist, then reload the window so that it
    // starts again with that setting.
    const settingsFile = path.join(userData, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    settings['pmprep.server.path'] = '/nonexistent/pmprep';
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    const toast = page.locator('.notification-toast', { hasText: 'could not start its language server' });
    // code-server picks the file up through a watcher: give it a moment, and if the reloaded window
    // still started with the old settings (seen once on a busy machine), reload once more.
    for (let attempt = 0; ; attempt++) {
      await page.waitForTimeout(2000);
      await runCommand('Developer: Reload Window');
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      try {
        await toast.first().waitFor({ timeout: 20000 });
        break;
      } catch (err) {
        if (attempt >= 1) throw err;
      }
    }
    assert.equal(await toast.count(), 1, 'more than one notification for one failure');
    assert.match(await toast.first().textContent(), /pmprep\.server\.path/);
    await screenshot('server-cannot-start');
  });
});
