// Runs every measurement of the comparison and prints the table (called by run.sh).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const corpus = args.corpus, reps = Number(args.reps ?? 21);
const peersScript = join(here, 'peers.mjs');

const words = t => t.split(/\s+/).filter(Boolean).length;
const bankFiles = readdirSync(join(corpus, 'bank')).filter(f => f.endsWith('.story.md')).sort().map(f => join(corpus, 'bank', f));
const oneFile = join(corpus, 'one', 'story-500.story.md');
const largeFile = join(corpus, 'large', 'large-1mb.story.md');
const W = {
  one: words(readFileSync(oneFile, 'utf8')),
  bank: bankFiles.reduce((n, f) => n + words(readFileSync(f, 'utf8')), 0),
  large: words(readFileSync(largeFile, 'utf8')),
};
const load = () => loadavg().map(x => x.toFixed(2)).join(' ');
const started = new Date().toISOString();
const loadBefore = load();

// ---- warm, in-process
console.error('warm in-process: PmPrep engine ...');
const inproc = [JSON.parse(execFileSync('dotnet', [args['bench-dll'], 'measure', corpus, String(reps)], { encoding: 'utf8' }).trim().split('\n').pop())];
console.error('warm in-process: peers ...');
for (const line of execFileSync('node', [peersScript, 'measure', corpus, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n'))
  inproc.push(JSON.parse(line));

// ---- whole process (spawn to exit), median of N, interleaved: every run of every tool in turn
// (A B A B ...), so a load spike on this shared machine hits all tools alike.
const bank1000Dir = join(corpus, 'bank1000');
const bank1000 = existsSync(bank1000Dir) ? [bank1000Dir] : null;
const procRuns = Math.max(5, Math.min(11, Math.floor(reps / 2)));
const clis = [];
const pm = (name, bin) => ({ name, cmd: bin, argv: f => ['check', ...f, '--format', 'json'], own: true });
// The older build skips the 1,000-story bank: before issue 15 it took minutes and GBs there (n² findings).
if (args['aot-cli-before']) clis.push({ ...pm('pmprep before (Native AOT)', args['aot-cli-before']), skip: ['bank1000Ms'] });
if (args['aot-cli']) clis.push(pm('pmprep (Native AOT)', args['aot-cli']));
clis.push(pm('pmprep (JIT)', args['jit-cli']));
clis.push({ name: 'write-good', cmd: 'node', argv: f => [peersScript, 'run', 'write-good', ...f] });
clis.push({ name: 'markdownlint', cmd: 'node', argv: f => [peersScript, 'run', 'markdownlint', ...f] });
const once = (cmd, argv) => {
  const s = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - s) / 1e6;
};
// Cases: one story, the 100-story bank (every tool); the 1,000-story bank and the 1 MB file (PmPrep's CLIs: its targets).
const cases = [['oneMs', [oneFile], true], ['bankMs', bankFiles, true], ['bank1000Ms', bank1000, false], ['largeMs', [largeFile], false]];
const times = clis.map(() => ({}));
const loadDuring = [];
for (let i = 0; i < procRuns; i++) {
  console.error(`whole process: round ${i + 1} of ${procRuns} ...`);
  loadDuring.push(loadavg()[0]);
  for (const [key, files, everyone] of cases) {
    if (!files) continue;
    clis.forEach((c, k) => {
      if ((!everyone && !c.own) || c.skip?.includes(key)) return;
      (times[k][key] ??= []).push(once(c.cmd, c.argv(files)));
    });
  }
}
const median = (t) => { if (!t) return undefined; const s = [...t].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const whole = clis.map((c, k) => ({ tool: c.name, ...Object.fromEntries(Object.entries(times[k]).map(([key, t]) => [key, median(t)])) }));

// ---- report
const f = (x, d = 1) => x >= 100 ? x.toFixed(0) : x.toFixed(d);
const wps = (w, ms) => Math.round(w / ms * 1000).toLocaleString('en-US');
const pmIn = inproc[0];
let out = '';
const p = s => { out += s + '\n'; };
p(`PmPrep vs peers, ${started} (load before ${loadBefore}, after ${load()}), ${cpus().length} cores, ${cpus()[0].model}`);
p(`corpus: one story ${W.one} words; bank 100 stories ${W.bank} words; large ${(readFileSync(largeFile).length / 1048576).toFixed(2)} MiB ${W.large} words`);
p('');
p('Warm, in-process (median ms; words/s; ratio = peer time / PmPrep time)');
p('| tool | 500-word story | 100-story bank | 1 MB file | words/s (1 MB) |');
p('|---|---|---|---|---|');
for (const r of inproc) {
  const ratio = (k) => r === pmIn ? '' : ` (${(r[k] / pmIn[k]).toFixed(1)}x)`;
  p(`| ${r.tool} ${r.version} | ${f(r.oneMs, 2)} ms${ratio('oneMs')} | ${f(r.bankMs)} ms${ratio('bankMs')} | ${f(r.largeMs)} ms${ratio('largeMs')} | ${wps(W.large, r.largeMs)} |`);
}
p('');
p(`Whole process, spawn to exit (median of ${procRuns} interleaved runs; load average (1 min) during: ${loadDuring.map(x => x.toFixed(1)).join(' ')})`);
p('| tool | one story | 100-story bank | 1,000-story bank | 1 MB file |');
p('|---|---|---|---|---|');
const base = whole.find(r => r.tool === 'pmprep (Native AOT)') ?? whole[0];
for (const r of whole) {
  const cell = (k) => r[k] === undefined ? '—' : `${f(r[k])} ms${r === base ? '' : ` (${(r[k] / base[k]).toFixed(2)}x)`}`;
  p(`| ${r.tool} | ${cell('oneMs')} | ${cell('bankMs')} | ${cell('bank1000Ms')} | ${cell('largeMs')} |`);
}
const wg = whole.find(r => r.tool === 'write-good');
if (wg) {
  p('');
  p('PmPrep as a share of write-good\'s time on the 100-story bank (target under 0.15x):');
  for (const r of whole.filter(r => r.tool.startsWith('pmprep'))) p(`- ${r.tool}: ${(r.bankMs / wg.bankMs).toFixed(3)}x`);
  const aot = whole.find(r => r.tool === 'pmprep (Native AOT)');
  if (aot) p(`- CLI cost per story on the 100-story bank, past start-up: ${((aot.bankMs - aot.oneMs) / 99).toFixed(2)} ms; in process: ${(inproc[0].bankMs / 100).toFixed(2)} ms (ratio ${(((aot.bankMs - aot.oneMs) / 99) / (inproc[0].bankMs / 100)).toFixed(2)}, target within 3)`);
}
p('');
p('The peers check different things: write-good flags weasel words, passives, clichés and wordiness in any English;');
p('markdownlint checks Markdown style and structure. Neither knows STAR stories, Leadership Principles or a story bank.');
process.stdout.write(out);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'results.md'), out);
writeFileSync(join(here, 'out', 'results.json'), JSON.stringify({ started, loadBefore, loadAfter: load(), loadDuring, words: W, inproc, whole }, null, 2));
