// The peers' side of the comparison, on the corpus bench/compare/run.sh generated.
//   node peers.mjs measure CORPUS_DIR REPS   warm, in-process medians for each peer, one JSON line each
//   node peers.mjs run TOOL FILE...          one whole-process lint of the files (what a CLI run costs)
// write-good lints the raw Markdown text, as its CLI does; markdownlint runs its default rules.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const here = new URL('./peers/', import.meta.url).pathname;
const writeGood = require(join(here, 'node_modules', 'write-good'));
const { lint: markdownlint } = await import(join(here, 'node_modules', 'markdownlint', 'lib', 'exports-sync.mjs'));
const version = name => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

const tools = {
  'write-good': texts => { let n = 0; for (const t of texts) n += writeGood(t).length; return n; },
  'markdownlint': texts => {
    const strings = Object.fromEntries(texts.map((t, i) => [`f${i}.md`, t]));
    const result = markdownlint({ strings });
    let n = 0; for (const k in result) n += result[k].length; return n;
  },
};

const median = (reps, f) => {
  for (let i = 0; i < Math.max(3, Math.floor(reps / 5)); i++) f();
  const t = [];
  for (let i = 0; i < reps; i++) { const s = performance.now(); f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  return t[Math.floor(reps / 2)];
};

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'measure') {
  const [dir, repsArg] = rest;
  const reps = Number(repsArg ?? 21);
  const one = readFileSync(join(dir, 'one', 'story-500.story.md'), 'utf8');
  const bankDir = join(dir, 'bank');
  const bank = readdirSync(bankDir).filter(f => f.endsWith('.story.md')).sort().map(f => readFileSync(join(bankDir, f), 'utf8'));
  const large = readFileSync(join(dir, 'large', 'large-1mb.story.md'), 'utf8');
  for (const [name, lintTexts] of Object.entries(tools)) {
    const oneMs = median(Math.max(reps * 5, 50), () => lintTexts([one]));
    const bankMs = median(reps, () => lintTexts(bank));
    const largeMs = median(Math.max(3, Math.floor(reps / 4)), () => lintTexts([large]));
    console.log(JSON.stringify({ tool: name, version: version(name), oneMs, bankMs, largeMs, findingsOne: lintTexts([one]) }));
  }
} else if (mode === 'run') {
  const [tool, ...files] = rest;
  const n = tools[tool](files.map(f => readFileSync(f, 'utf8')));
  process.stdout.write(`${tool}: ${n} findings in ${files.length} files\n`);
} else {
  console.error('usage: node peers.mjs measure DIR [REPS] | run TOOL FILE...');
  process.exit(2);
}
