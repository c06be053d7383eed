// The page's transfer size: every file of a built site, gzipped with zlib
// level 9 (as `gzip -9`), summed. What a server with compression sends; the
// page loads every file of the build and nothing else. bench/bench.mjs
// reports it (BENCHMARKS.md), and scripts/test.sh's `size` stage holds the
// seed build to the budget with it:
//
//   node scripts/size.mjs [DIR] [--budget BYTES]   (default: dist, 250000)
//
// Prints the total, its kinds and the margin; exits 1 over the budget, or
// when DIR holds no build (run `trunk build --release` first).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The budget for the seed build, in gzipped bytes. */
export const BUDGET = 250_000;

/** One file, gzipped at level 9: its size in bytes. */
export function gz(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Every file of a built site, gzipped (-9): the total and the bytes by kind (file extension). */
export function transfer(dir) {
  const by = {};
  let total = 0;
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const p = path.join(dir, f);
    if (!fs.statSync(p).isFile()) continue;
    const kind = path.extname(f).slice(1) || 'other';
    const n = gz(p);
    by[kind] = (by[kind] ?? 0) + n;
    total += n;
  }
  return { total, by };
}

const bytes = (n) => `${n.toLocaleString('en')} B`;

function main(argv) {
  let dir = 'dist';
  let budget = BUDGET;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--budget') budget = Number(argv[++i]);
    else dir = argv[i];
  }
  if (!Number.isInteger(budget) || budget <= 0) {
    console.error('size: --budget takes a whole number of bytes');
    return 2;
  }
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`size: no build in ${dir}/ (no index.html): run \`trunk build --release\` first`);
    return 1;
  }
  if (process.env.PARALLAX_CORPUS) {
    console.log(`size: note: PARALLAX_CORPUS=${process.env.PARALLAX_CORPUS}; the budget is for the seed build`);
  }
  const { total, by } = transfer(dir);
  const kinds = Object.keys(by)
    .sort()
    .map((k) => `${k} ${bytes(by[k])}`)
    .join(', ');
  console.log(`size: ${dir}/ ${(total / 1000).toFixed(1)} KB gzipped (${bytes(total)}: ${kinds})`);
  const margin = budget - total;
  if (margin < 0) {
    console.log(`size: FAIL: over the budget of ${bytes(budget)} by ${bytes(-margin)}`);
    return 1;
  }
  console.log(`size: ok: within the budget of ${bytes(budget)}, margin ${bytes(margin)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
