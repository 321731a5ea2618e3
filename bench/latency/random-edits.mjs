// Edit -> publishDiagnostics latency with edits at random places, as issue 7 describes a typist:
// insertions and deletions anywhere in a 500-word story (tests/protocol/bench-latency.mjs types
// one character after another at one place). Uses the protocol tests' spawn helper and their
// vscode-jsonrpc install:  (cd tests/protocol && npm ci)  then
//   PMPREP_SERVER=/path/to/pmprep node bench/latency/random-edits.mjs [--json]
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnServer, DiagnosticsSink } from '../../tests/protocol/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const EDITS = Number(process.env.BENCH_EDITS ?? 500);
const base = readFileSync(join(here, '..', '..', 'tests', 'protocol', 'fixtures', 'good-late-deliveries.story.md'), 'utf8');
let text = base.replace('## Impact', 'I also wrote a one-page FAQ for the support team, and I reviewed the first two hundred contacts myself to check that the wording was understood. When finance asked whether the free reschedule would cost more than it saved, I modelled the cost per alert against the renewal lift and shared the sheet before the review.\n\n## Impact');
const words = text.split(/\s+/).filter(Boolean).length;

// A seeded generator, so every run makes the same edits.
let seed = 12345;
const rnd = n => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const pieces = ['I ', 'we ', 'decided ', 'because ', '30% ', 'the team ', 'maybe ', '. ', ', ', 'a', 'e', ' ', '\n'];
const positionOf = (t, offset) => {
  let line = 0, start = 0;
  for (let i = 0; i < offset; i++) if (t[i] === '\n') { line++; start = i + 1; }
  return { line, character: offset - start };
};
const pct = (s, p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];

const s = spawnServer();
const diags = new DiagnosticsSink(s.connection);
s.connection.listen();
await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
s.connection.sendNotification('initialized', {});
const uri = pathToFileURL('/tmp/pmprep-random-edits/typing.story.md').href;
s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
await diags.version(uri, 1, 30000);

const latencies = [];
const bodyStart = text.indexOf('# ');
for (let v = 2; v < 2 + EDITS; v++) {
  let start = bodyStart + rnd(text.length - bodyStart), end = start, insert = '';
  if (rnd(3) === 0 && text.length > bodyStart + 50) end = Math.min(text.length, start + 1 + rnd(8));   // delete 1-8 characters
  else insert = pieces[rnd(pieces.length)];
  const range = { start: positionOf(text, start), end: positionOf(text, end) };
  text = text.slice(0, start) + insert + text.slice(end);
  const wait = diags.version(uri, v, 30000);
  const t0 = process.hrtime.bigint();
  s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert }] });
  await wait;
  latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8'))[1]) / 1024;
await s.connection.sendRequest('shutdown');
s.connection.sendNotification('exit');
await s.exited;
s.connection.dispose();
const sorted = [...latencies].sort((a, b) => a - b);
const r = { server: s.server, words, edits: EDITS, p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), max: sorted.at(-1), rssMB: rss };
if (process.argv.includes('--json')) console.log(JSON.stringify(r));
else console.log(`random edits (${EDITS}, ${words}-word story): p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  max ${r.max.toFixed(2)} ms; RSS ${rss.toFixed(1)} MB  [${r.server}]`);
