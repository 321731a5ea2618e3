// Runs every measurement of the comparison and prints the table (called by run.sh).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
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

// ---- whole process (spawn to exit), median of N
const wall = (cmd, argv, n) => {
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr}`);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(n / 2)];
};
const procRuns = Math.max(5, Math.min(11, Math.floor(reps / 2)));
const clis = [];
if (args['aot-cli']) clis.push(['pmprep (Native AOT)', args['aot-cli'], f => ['check', ...f, '--format', 'json']]);
clis.push(['pmprep (JIT)', args['jit-cli'], f => ['check', ...f, '--format', 'json']]);
clis.push(['write-good', 'node', f => [peersScript, 'run', 'write-good', ...f]]);
clis.push(['markdownlint', 'node', f => [peersScript, 'run', 'markdownlint', ...f]]);
const whole = [];
for (const [name, cmd, argv] of clis) {
  console.error(`whole process: ${name} ...`);
  whole.push({ tool: name, oneMs: wall(cmd, argv([oneFile]), procRuns), bankMs: wall(cmd, argv(bankFiles), procRuns) });
}

// ---- report
const f = (x, d = 1) => x >= 100 ? x.toFixed(0) : x.toFixed(d);
const wps = (w, ms) => Math.round(w / ms * 1000).toLocaleString('en-US');
const pm = inproc[0];
let out = '';
const p = s => { out += s + '\n'; };
p(`PmPrep vs peers, ${started} (load before ${loadBefore}, after ${load()}), ${cpus().length} cores, ${cpus()[0].model}`);
p(`corpus: one story ${W.one} words; bank 100 stories ${W.bank} words; large ${(readFileSync(largeFile).length / 1048576).toFixed(2)} MiB ${W.large} words`);
p('');
p('Warm, in-process (median ms; words/s; ratio = peer time / PmPrep time)');
p('| tool | 500-word story | 100-story bank | 1 MB file | words/s (1 MB) |');
p('|---|---|---|---|---|');
for (const r of inproc) {
  const ratio = (k) => r === pm ? '' : ` (${(r[k] / pm[k]).toFixed(1)}x)`;
  p(`| ${r.tool} ${r.version} | ${f(r.oneMs, 2)} ms${ratio('oneMs')} | ${f(r.bankMs)} ms${ratio('bankMs')} | ${f(r.largeMs)} ms${ratio('largeMs')} | ${wps(W.large, r.largeMs)} |`);
}
p('');
p(`Whole process, spawn to exit (median of ${procRuns} runs)`);
p('| tool | one story | 100-story bank |');
p('|---|---|---|');
const base = whole[0];
for (const r of whole) {
  const ratio = (k) => r === base ? '' : ` (${(r[k] / base[k]).toFixed(1)}x)`;
  p(`| ${r.tool} | ${f(r.oneMs)} ms${ratio('oneMs')} | ${f(r.bankMs)} ms${ratio('bankMs')} |`);
}
p('');
p('The peers check different things: write-good flags weasel words, passives, clichés and wordiness in any English;');
p('markdownlint checks Markdown style and structure. Neither knows STAR stories, Leadership Principles or a story bank.');
process.stdout.write(out);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'results.md'), out);
writeFileSync(join(here, 'out', 'results.json'), JSON.stringify({ started, loadBefore, loadAfter: load(), words: W, inproc, whole }, null, 2));
