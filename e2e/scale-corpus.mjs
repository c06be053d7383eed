// The scale test's corpus (e2e/scale.test.mjs): ECB+'s articles
// (../shared/corpora/ecbplus; Cybulska & Vossen, LREC 2014; CC BY 3.0) as the
// JSON lines PARALLAX_CORPUS and `parallax --corpus` read: id = its `doc`,
// event = its topic, as bench/corpus.py writes them; beside it as
// lexicon.toml, the ECB+ lexicon of the engine's tests (actors and issues of
// ECB+'s events), which `parallax --corpus` and the page build then use.
//
//   node e2e/scale-corpus.mjs OUT.jsonl    exit 0: written; exit 3: no ECB+ here
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const source = process.env.PARALLAX_ECBPLUS ?? path.resolve(ROOT, '..', 'shared', 'corpora', 'ecbplus', 'ecbplus_docs.jsonl');
const out = process.argv[2];
if (!out) {
  console.error('usage: node e2e/scale-corpus.mjs OUT.jsonl');
  process.exit(2);
}
if (!fs.existsSync(source)) {
  console.error(`scale-corpus: no ECB+ at ${source}: the scale tests will be skipped`);
  process.exit(3);
}
const lines = fs
  .readFileSync(source, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const d = JSON.parse(l);
    if (d.doc === undefined || typeof d.text !== 'string') throw new Error(`${source}:${i + 1}: no doc or text`);
    return JSON.stringify({ id: String(d.doc), text: d.text, event: String(d.topic ?? 'unknown') });
  });
const text = lines.join('\n') + '\n';
// Rewritten only when it changes, so that the page build after it is cached.
if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out + '.tmp', text);
  fs.renameSync(out + '.tmp', out);
}
const lexicon = fs.readFileSync(path.join(ROOT, 'crates', 'engine', 'tests', 'data', 'ecbplus_lexicon.toml'), 'utf8');
const lexOut = path.join(path.dirname(out), 'lexicon.toml');
if (!fs.existsSync(lexOut) || fs.readFileSync(lexOut, 'utf8') !== lexicon) fs.writeFileSync(lexOut, lexicon);
console.error(`scale-corpus: ${lines.length} articles in ${out}, lexicon in ${lexOut}`);
