import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
// Opens the story-bank report that `pmprep report` writes for examples/ in headless Debian
// Chromium, checks the DOM (heat-map cells, claimed and gap marks, minutes), that the page makes
// no network request and trips no CSP violation, and saves screenshots (screen and print) and a
// PDF under test-output/report/ for a person to look at.
//
// Run `npm run setup` once (installs chromium if missing, and playwright-core), then `npm test`.
// PMPREP: a command that runs pmprep (default: `dotnet run --project server/PmPrep.Server --`).
// CHROMIUM_PATH: the browser (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const out = path.join(root, 'test-output', 'report');
mkdirSync(out, { recursive: true });

function pmprep(args) {
  const cmd = process.env.PMPREP
    ? process.env.PMPREP.split(' ')
    : ['dotnet', 'run', '--project', path.join(root, 'server', 'PmPrep.Server'), '--'];
  try {
    return execFileSync(cmd[0], [...cmd.slice(1), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    // `check` exits 1 when a story has errors (the weak examples do); its output is still complete.
    if (e.status === 1 && e.stdout) return e.stdout;
    throw e;
  }
}

const examples = path.join(root, 'examples');
const weak = readdirSync(examples).filter(f => f.startsWith('weak-') && f.endsWith('.story.md')).map(f => path.join('examples', f));
const fullHtml = path.join(out, 'examples.html');
const weakHtml = path.join(out, 'weak-only.html');
let browser, json;

before(async () => {
  pmprep(['report', 'examples', '--out', fullHtml]);
  // The weak stories as a bank of their own: a folder of just them, named as the bank (a subset of
  // examples/ would otherwise be judged in the examples bank it belongs to).
  const weakBank = mkdtempSync(path.join(tmpdir(), 'pmprep-weak-'));
  for (const w of weak) copyFileSync(path.join(root, w), path.join(weakBank, path.basename(w)));
  pmprep(['report', weakBank, '--bank', weakBank, '--out', weakHtml]);
  json = JSON.parse(pmprep(['check', 'examples', '--format', 'json']));
  // The heat map, minutes and findings sections are about stories; design answers and PR/FAQs have their own sections.
  json.files = json.files.filter(f => (f.kind ?? 'story') === 'story');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => { await browser?.close(); });

/** Opens a report, recording every request and every console message. */
async function open(file, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests = [];
  const console = [];
  await context.route('**/*', route => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') ? route.continue() : route.abort();
  });
  page.on('console', m => console.push(m.text()));
  page.on('pageerror', e => console.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  return { page, context, requests, console };
}

const name = p => path.basename(p);

test('the report is one self-contained page: no requests but itself, no CSP violation, styles applied', async () => {
  const { page, context, requests, console } = await open(fullHtml);
  assert.deepEqual(requests, [pathToFileURL(fullHtml).href]);
  assert.equal(console.filter(m => /Content Security Policy|Refused/i.test(m)).length, 0, console.join('\n'));
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(await page.locator('script, link, img, iframe, object, embed').count(), 0);
  // The hashed inline stylesheet really applied (a strong cell is dark green).
  const bg = await page.locator('#heatmap td.cell.e4').first().evaluate(el => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(31, 138, 76)');
  await context.close();
});

test('heat map: 16 principles x 9 stories, counts, claimed cells and claimed-but-unshown cells', async () => {
  const { page, context } = await open(fullHtml);
  const stories = json.files.map(f => name(f.path)).sort();
  assert.equal(stories.length, 9);
  assert.equal(await page.locator('#heatmap tbody tr').count(), 16);
  assert.equal(await page.locator('#heatmap thead th.story-col').count(), 9);
  assert.equal(await page.locator('#heatmap td.cell').count(), 16 * 9);

  // Every cell agrees with the CLI's JSON: evidence signals per story and principle, and claims.
  const cells = await page.$$eval('#heatmap tbody tr', rows => rows.map(r => ({
    lp: r.querySelector('th').textContent.replace(/\s*gap$/, '').trim(),
    cells: [...r.querySelectorAll('td.cell')].map(c => ({ story: c.dataset.story, signals: +c.dataset.signals, claimed: c.dataset.claimed === 'true', cls: c.className, text: c.textContent })),
  })));
  for (const f of json.files) {
    for (const row of cells) {
      const cell = row.cells.find(c => name(c.story) === name(f.path));
      assert.ok(cell, `${row.lp} x ${f.path}`);
      const ev = f.lps.evidenced.find(e => e.lp === row.lp);
      assert.equal(cell.signals, ev ? ev.signals : 0, `${row.lp} x ${f.path}`);
      assert.equal(cell.claimed, f.lps.claimed.includes(row.lp), `${row.lp} x ${f.path} claimed`);
      if (cell.claimed && cell.signals === 0) { assert.match(cell.cls, /claimed-only/); assert.equal(cell.text, '0'); }
      if (cell.claimed && cell.signals > 0) assert.match(cell.cls, /\bclaimed\b/);
    }
  }
  const guestBias = page.locator('#heatmap tr[data-lp="bias-for-action"] td[data-story$="weak-guest-checkout.story.md"]');
  assert.match(await guestBias.getAttribute('class'), /claimed-only/);
  assert.match(await guestBias.getAttribute('title'), /claimed, but no evidence/);
  // The five strong stories show 15 principles in the candidate's own clauses; Are Right, A Lot
  // (claimed by none of them) is the one gap row.
  assert.deepEqual(await page.$$eval('#heatmap tr.gap', rows => rows.map(r => r.dataset.lp)), ['are-right-a-lot']);
  assert.equal(await page.locator('#card-principles .value').innerText(), '15/16');
  await context.close();
});

test('gaps are highlighted when the bank does not cover a principle', async () => {
  const { page, context } = await open(weakHtml);
  const gaps = await page.$$eval('#heatmap tr.gap', rows => rows.map(r => r.dataset.lp));
  assert.ok(gaps.includes('hire-and-develop-the-best'), gaps.join(', '));
  assert.ok(gaps.includes('learn-and-be-curious'), gaps.join(', '));
  const row = page.locator('#heatmap tr.gap[data-lp="hire-and-develop-the-best"]');
  assert.equal(await row.locator('.gap-badge').innerText(), 'GAP'); // uppercase by CSS
  assert.equal(await row.locator('th.lp').evaluate(el => getComputedStyle(el).backgroundColor), 'rgb(255, 240, 238)');
  assert.equal(await row.locator('td.total').innerText(), '0');
  assert.match(await page.locator('#next-steps').innerText(), /No story shows .*Hire and Develop the Best/);
  await page.screenshot({ path: path.join(out, 'weak-only.png'), fullPage: true });
  await context.close();
});

test('minutes: every story against the 2.5-3.5 band, matching the CLI', async () => {
  const { page, context } = await open(fullHtml);
  const rows = await page.$$eval('#minutes-table tbody tr', trs => trs.map(tr => ({
    story: tr.dataset.story, minutes: +tr.dataset.minutes, cls: tr.className, label: tr.querySelector('.band-label').textContent,
    dot: tr.querySelector('circle.dot').getBoundingClientRect().x, limit: tr.querySelector('line.limit').getBoundingClientRect().x,
    bandFrom: tr.querySelector('rect.band').getBoundingClientRect().left, bandTo: tr.querySelector('rect.band').getBoundingClientRect().right,
  })));
  assert.equal(rows.length, 9);
  for (const f of json.files) {
    const r = rows.find(x => name(x.story) === name(f.path));
    assert.ok(Math.abs(r.minutes - f.minutes) < 0.01, `${f.path}: ${r.minutes} vs ${f.minutes}`);
    const expected = f.minutes > 4 ? 'over' : f.minutes > 3.5 ? 'long' : f.minutes < 2.5 ? 'short' : 'in-band';
    assert.equal(r.cls, expected, f.path);
    const centre = r.dot + 5;
    if (expected === 'in-band') assert.ok(centre >= r.bandFrom - 1 && centre <= r.bandTo + 1, `${f.path} dot inside the band`);
    if (expected === 'over') assert.ok(centre > r.limit, `${f.path} dot past the limit line`);
    if (expected === 'short') assert.ok(centre < r.bandFrom, `${f.path} dot before the band`);
  }
  const scanners = rows.find(r => r.story.endsWith('weak-warehouse-scanners.story.md'));
  assert.equal(scanners.label, 'over the limit');
  assert.equal(rows.filter(r => r.cls === 'in-band').length, 5);
  await context.close();
});

test('findings grouped by story, the role conflict across the bank, three to five follow-ups per story', async () => {
  const { page, context } = await open(fullHtml);
  assert.equal(await page.locator('article.story[data-story$=".story.md"]').count(), 9);
  for (const f of json.files) {
    const art = page.locator(`article.story[data-story$="${name(f.path)}"]`);
    const followups = await art.locator('.followups li').count();
    assert.ok(followups >= 3 && followups <= 5, `${f.path}: ${followups} follow-ups`); // the drill: 3-5 per story
    // Findings folded into another on the same words are listed in the JSON with foldedInto, not shown twice.
    assert.equal(await art.locator('.story-findings li.finding:not(:has(.bank-badge))').count(), f.diagnostics.filter(d => !d.foldedInto).length, f.path);
  }
  const role = page.locator('#bank-findings li[data-rule="role-inconsistency"]');
  assert.equal(await role.count(), 1);
  const text = await role.innerText();
  assert.match(text, /I led the migration of the web checkout/);
  assert.match(text, /I supported the migration of checkout/);
  const guest = page.locator('article.story[data-story$="weak-guest-checkout.story.md"]');
  assert.equal(await guest.locator('li.finding[data-rule="role-inconsistency"] .bank-badge').count(), 1);
  // The drill: questions from what the story lacks, each quoting its sentence, the scale question last.
  assert.match(await guest.locator('.followups li').first().innerText(), /“[^”]+”/);
  assert.match(await guest.locator('.followups li').last().innerText(), /10x data/);
  await context.close();
});

test('screenshots and print: the page a candidate sees, on screen and on paper', async () => {
  const { page, context } = await open(fullHtml);
  await page.screenshot({ path: path.join(out, 'report.png'), fullPage: true });
  await page.locator('#coverage').screenshot({ path: path.join(out, 'heatmap.png') });
  await page.locator('article.story').nth(5).screenshot({ path: path.join(out, 'story.png') });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#stories').evaluate(el => getComputedStyle(el).breakBefore), 'page');
  assert.equal(await page.locator('article.story .followups').first().evaluate(el => getComputedStyle(el).breakInside), 'avoid');
  assert.equal(await page.locator('#heatmap').evaluate(el => getComputedStyle(el).breakInside), 'avoid');
  await page.screenshot({ path: path.join(out, 'report-print.png'), fullPage: true });
  await page.pdf({ path: path.join(out, 'report.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.ok(existsSync(path.join(out, 'report.pdf')));
  await context.close();
});
