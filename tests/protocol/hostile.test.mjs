// Issue 12, the server against a hostile disk and a hostile client, out of process over real stdio.
// Each test is a break that was reproduced on the server before the fix (see the issue).
// The child's managed heap is capped at 1 GB (DOTNET_GCHeapHardLimit) so a regression fails fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, symlinkSync, rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir, platform } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnServer, DiagnosticsSink } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = name => readFileSync(join(here, 'fixtures', name), 'utf8');
const capped = { DOTNET_GCHeapHardLimit: '0x40000000' };
const posix = platform() !== 'win32';
const deepStory = n => '---\ntitle: Deep\nlps: ' + '['.repeat(n) + '\n---\n# Deep\n\nI decided.\n';

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
}

function start(t, ws) {
  const s = spawnServer([], capped);
  const { connection } = s;
  const diags = new DiagnosticsSink(connection);
  const logs = [];
  connection.onNotification('window/logMessage', p => logs.push(p.message));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  t.after(() => { connection.dispose(); s.proc.kill('SIGKILL'); if (ws) rmSync(ws, { recursive: true, force: true }); });
  return { ...s, diags, logs };
}

async function initialize(connection, ws) {
  const folders = ws ? [{ uri: pathToFileURL(ws).href, name: 'ws' }] : null;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: ws ? pathToFileURL(ws).href : null, workspaceFolders: folders, capabilities: {} });
  connection.sendNotification('initialized', {});
}

test('a story with 50,000 nested [ in its front matter: front-matter-invalid, and the server lives on', async t => {
  const s = start(t, null);
  await initialize(s.connection, null);
  const uri = 'file:///tmp/pmprep-deep-' + process.pid + '.story.md';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: deepStory(50_000) } });
  const p = await s.diags.version(uri, 1, 20000);
  const fm = p.diagnostics.find(d => d.code === 'front-matter-invalid');
  assert.ok(fm, 'front-matter-invalid');
  assert.match(fm.message, /more than 64 levels deep/);
  const symbols = await withTimeout(s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 10000, 'documentSymbol');
  assert.equal(symbols.length, 1);
  assert.equal(s.proc.exitCode, null, 'the server is still running');
});

test('a hostile workspace: deep .pmprep.yaml and story, a FIFO, /dev/zero, a link outside, stray watched files', { skip: !posix && 'FIFOs and symlinks are POSIX cases' }, async t => {
  const ws = mkdtempSync(join(tmpdir(), 'pmprep-hostile-ws-'));
  const outside = mkdtempSync(join(tmpdir(), 'pmprep-hostile-out-'));
  t.after(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(ws, '.pmprep.yaml'), 'rules: ' + '['.repeat(50_000) + '\n');
  writeFileSync(join(ws, 'deep.story.md'), deepStory(50_000));
  writeFileSync(join(ws, 'ok.story.md'), fixture('good-late-deliveries.story.md'));
  execFileSync('mkfifo', [join(ws, 'fifo.story.md')]);
  symlinkSync('/dev/zero', join(ws, 'zero.story.md'));
  writeFileSync(join(outside, 'secret.story.md'), fixture('weak-recommendations.story.md'));
  symlinkSync(join(outside, 'secret.story.md'), join(ws, 'leak.story.md'));
  mkdirSync(join(ws, 'sub'));
  symlinkSync(join(ws, 'ok.story.md'), join(ws, 'sub', 'alias.story.md'));   // inside the folder: followed, and the same file once

  const s = start(t, ws);
  await initialize(s.connection, ws);
  const names = cov => cov.stories.map(x => x.uri.split('/').pop()).sort();

  await t.test('indexing finishes: coverage lists the two real stories only', async () => {
    const cov = await withTimeout(s.connection.sendRequest('pmprep/coverage', {}), 20000, 'pmprep/coverage');
    assert.deepEqual(names(cov), ['deep.story.md', 'ok.story.md']);
  });

  await t.test('the deep .pmprep.yaml is reported to the editor', async () => {
    assert.ok(s.logs.some(m => /\.pmprep\.yaml/.test(m) && /64 levels/.test(m)), 'a logMessage names .pmprep.yaml and the depth limit: ' + JSON.stringify(s.logs));
  });

  await t.test('watched-file events for the FIFO, /dev/zero and files outside the folder change nothing', async () => {
    const outsideUri = pathToFileURL(join(outside, 'secret.story.md')).href;
    s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [
      { uri: pathToFileURL(join(ws, 'fifo.story.md')).href, type: 2 },
      { uri: pathToFileURL(join(ws, 'zero.story.md')).href, type: 1 },
      { uri: pathToFileURL(join(ws, 'leak.story.md')).href, type: 1 },
      { uri: outsideUri, type: 1 },
    ] });
    for (let i = 0; i < 3; i++) {
      await new Promise(r => setTimeout(r, 300));
      const cov = await withTimeout(s.connection.sendRequest('pmprep/coverage', {}), 20000, 'pmprep/coverage after the events');
      assert.deepEqual(names(cov), ['deep.story.md', 'ok.story.md']);
    }
  });

  await t.test('a document opened from outside the folders is analysed, but not banked', async () => {
    const uri = pathToFileURL(join(outside, 'secret.story.md')).href;
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fixture('weak-recommendations.story.md') } });
    const p = await s.diags.version(uri, 1, 20000);
    assert.ok(p.diagnostics.some(d => d.code === 'we-language'));
    const cov = await withTimeout(s.connection.sendRequest('pmprep/coverage', {}), 20000, 'pmprep/coverage');
    assert.deepEqual(names(cov), ['deep.story.md', 'ok.story.md']);
  });

  await t.test('report and coverage still answer, and a repeated report is the same answer', async () => {
    const a = await withTimeout(s.connection.sendRequest('pmprep/report', {}), 20000, 'pmprep/report');
    const b = await withTimeout(s.connection.sendRequest('pmprep/report', {}), 20000, 'pmprep/report');
    assert.match(a.html, /<table/);
    assert.equal(a.html, b.html);
    assert.equal(s.proc.exitCode, null, 'the server is still running');
  });
});

// A client that pipelines requests and never reads stdout. The bound is the one docs/protocol.md states.
const RSS_BOUND_MB = 300;
const SECONDS = Number(process.env.PMPREP_BACKPRESSURE_SECONDS ?? 10);

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch { return null; }
}

function frame(obj) {
  const body = Buffer.from(JSON.stringify(obj), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

test(`a client that never reads: ${SECONDS} s of pipelined pmprep/report keep the server under ${RSS_BOUND_MB} MB`, { skip: platform() !== 'linux' && 'reads RSS from /proc' }, async t => {
  const ws = mkdtempSync(join(tmpdir(), 'pmprep-backpressure-'));
  writeFileSync(join(ws, 'good.story.md'), fixture('good-late-deliveries.story.md'));
  writeFileSync(join(ws, 'weak.story.md'), fixture('weak-recommendations.story.md'));
  const s = spawnServer([], capped);
  const { proc } = s;
  t.after(() => { proc.kill('SIGKILL'); rmSync(ws, { recursive: true, force: true }); });
  proc.stdout.pause();   // never read: the kernel pipe fills and the server's writes wait

  proc.stdin.write(frame({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(ws).href, capabilities: {} } }));
  proc.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));

  const deadline = Date.now() + SECONDS * 1000;
  let id = 1, peak = 0, stalledMs = 0, blockedSince = null, draining = false;
  while (Date.now() < deadline) {
    if (!draining) {
      const batch = Buffer.concat(Array.from({ length: 20 }, () => frame({ jsonrpc: '2.0', id: id++, method: 'pmprep/report', params: {} })));
      if (!proc.stdin.write(batch)) {
        // The pipe to the server is full: wait for it to take more (it will not while we do not read).
        draining = true;
        blockedSince = Date.now();
        proc.stdin.once('drain', () => { draining = false; blockedSince = null; });
      }
    }
    await new Promise(r => setTimeout(r, draining ? 100 : 1));
    if (blockedSince !== null) stalledMs = Math.max(stalledMs, Date.now() - blockedSince);
    const rss = rssMb(proc.pid);
    if (rss !== null) peak = Math.max(peak, rss);
    assert.ok(peak < RSS_BOUND_MB, `server RSS ${peak.toFixed(0)} MB after ${id - 1} requests is over the ${RSS_BOUND_MB} MB bound`);
    assert.equal(proc.exitCode, null, 'the server is still running');
  }
  t.diagnostic(`sent ${id - 1} pmprep/report requests; peak RSS ${peak.toFixed(0)} MB; longest stall ${stalledMs} ms`);
  assert.ok(stalledMs >= 1000, 'the server stopped reading while the client did not read (backpressure)');

  // Once the client reads again, answers flow.
  let seen = '';
  const answered = new Promise(resolve => proc.stdout.on('data', d => { seen = (seen + d.toString('utf8')).slice(-200000); if (/"html":/.test(seen)) resolve(true); }));
  proc.stdout.resume();
  assert.equal(await withTimeout(answered, 30000, 'reading the answers'), true);
});
