// The benchmark suite (BENCHMARKS.md). Run it with `bash scripts/bench.sh` (which
// builds the tools first); it writes BENCHMARKS.md and bench/out/results.json.
//
//   node bench/bench.mjs [--sizes seeds,1000,5000] [--timeout SECONDS]
//                        [--runs N] [--budget SECONDS] [--out FILE]
//                        [--skip build,load,filter,passages,wasm,python,stances,lighthouse]
//
// Every measure runs under its own timeout; one that fails or times out is
// written down as "not measured: why" and the suite goes on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/serve.mjs';
import { staticPage } from './static_page.mjs';
import { report } from './report.mjs';
import { transfer } from '../scripts/size.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');
// Loaded when first needed: it needs playwright-core (e2e/node_modules).
const pageLib = () => import('./page.mjs');
const CLI = path.join(ROOT, 'target', 'release', 'parallax');
const NATIVE = path.join(ROOT, 'bench', 'wasm', 'target', 'release', 'parallax-bench');
const PKG = path.join(OUT, 'pkg');
const ECB_LEXICON = path.join(ROOT, 'crates', 'engine', 'tests', 'data', 'ecbplus_lexicon.toml');

// ---------------------------------------------------------------- options
const opt = { sizes: ['seeds', '1000', '5000'], timeout: 900, runs: 10, budget: 30, out: 'BENCHMARKS.md', skip: [], merge: false };
for (let i = 2; i < process.argv.length; i++) {
  const [k, v0] = process.argv[i].split('=');
  if (k === '--merge') {
    opt.merge = true;
    continue;
  }
  const v = v0 ?? process.argv[++i];
  if (k === '--sizes') opt.sizes = v.split(',').filter(Boolean);
  else if (k === '--timeout') opt.timeout = Number(v);
  else if (k === '--runs') opt.runs = Number(v);
  else if (k === '--budget') opt.budget = Number(v);
  else if (k === '--out') opt.out = v;
  else if (k === '--skip') opt.skip = v.split(',');
  else {
    console.error(`bench: unknown option ${k}`);
    process.exit(2);
  }
}
const skipped = (m) => opt.skip.includes(m);
fs.mkdirSync(OUT, { recursive: true });

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

/** A failure recorded in the results instead of a figure. */
class NotMeasured extends Error {}

/** Runs a command in its own process group; kills the group at the timeout. */
function run(cmd, args, { env = {}, timeoutS = opt.timeout, stdoutFile = null, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'pipe';
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (typeof out === 'number') fs.closeSync(out);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ code, ms, stdout, stderr, timedOut });
    });
  });
}

function check(r, what) {
  if (r.timedOut) throw Object.assign(new NotMeasured(`${what} exceeded the ${opt.timeout} s timeout`), { overS: opt.timeout });
  if (r.code !== 0) throw new NotMeasured(`${what} failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return r;
}

/** Promise with a timeout (the browser side). */
function within(p, what, s = opt.timeout) {
  let t;
  return Promise.race([
    p,
    new Promise((_, rej) => (t = setTimeout(() => rej(new NotMeasured(`${what} exceeded the ${s} s timeout`)), s * 1000))),
  ]).finally(() => clearTimeout(t));
}

const results = { started: new Date().toISOString(), options: opt, machine: {}, sizes: {} };
// --merge: measures skipped in this run keep their figures from the last run.
const RESULTS = path.join(OUT, 'results.json');
const previous = opt.merge && fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')) : null;
// Start from the last run's figures, so a run stopped halfway still has them.
if (previous) results.sizes = JSON.parse(JSON.stringify(previous.sizes));
if (previous) results.previousRuns = [...(previous.previousRuns ?? []), { started: previous.started, finished: previous.finished, options: previous.options, machine: previous.machine }];
const save = () => fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));

/** Runs one measure; its result or `{ notMeasured }` goes to results.sizes[size][name]. */
async function measure(size, name, fn) {
  const slot = (results.sizes[size] ??= {});
  if (skipped(name)) {
    const old = previous?.sizes?.[size]?.[name];
    if (old && !old.notMeasured) {
      slot[name] = { ...old, run: old.run ?? previous.started };
      return slot[name];
    }
    slot[name] = old ?? { notMeasured: 'skipped (--skip)' };
    return null;
  }
  log(`${size}: ${name} …`);
  const t0 = Date.now();
  try {
    slot[name] = { ...(await fn()), run: results.started, load1: os.loadavg()[0] };
    log(`${size}: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } catch (e) {
    slot[name] = { notMeasured: e instanceof NotMeasured ? e.message : `error: ${e?.message ?? e}`, overS: e?.overS, run: results.started };
    log(`${size}: ${name} NOT MEASURED: ${slot[name].notMeasured}`);
  }
  save();
  return slot[name].notMeasured ? null : slot[name];
}

// ---------------------------------------------------------------- machine
function sh(cmd) {
  try {
    return execFileSync('bash', ['-c', cmd], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
results.machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  loadStart: os.loadavg().map((x) => +x.toFixed(2)),
  kernel: `${os.type()} ${os.release()}`,
  node: process.version,
  rustc: sh('rustc --version'),
  chromium: sh('/usr/bin/chromium --version'),
  python: sh('python3 --version'),
  commit: sh(`git -C ${ROOT} rev-parse --short HEAD`) + (sh(`git -C ${ROOT} status --porcelain -- src crates build.rs`) ? ' (with uncommitted changes)' : ''),
};

// ---------------------------------------------------------------- helpers
function corpusPath(size) {
  if (size === 'seeds') return path.join(ROOT, 'seeds');
  return path.join(OUT, `corpus-${size}.jsonl`);
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs) => pct(xs, 50);

const WORDS = { seeds: ['nato', 'taiwan', 'sanction'], other: ['police', 'earthquake', 'killed'] };

/** A page measurement, or an error if the page threw or left 127.0.0.1. */
function clean(r, what) {
  if (r.errors?.length) throw new Error(`${what}: ${r.errors.slice(0, 3).join('; ')}`);
  return r;
}

// ---------------------------------------------------------------- the run
let browser = null;
async function getBrowser() {
  if (!browser || !browser.isConnected()) browser = await (await pageLib()).launch();
  return browser;
}

for (const size of opt.sizes) {
  if (size !== 'seeds' && !/^\d+$/.test(size)) {
    console.error(`bench: --sizes takes "seeds" and article counts, not ${size}`);
    process.exit(2);
  }
  results.sizes[size] = { ...(results.sizes[size] ?? {}), loadAtStart: os.loadavg().map((x) => +x.toFixed(2)) };
  const corpus = corpusPath(size);
  if (size !== 'seeds') {
    await measure(size, 'corpus', async () => {
      check(await run('python3', [path.join(ROOT, 'bench', 'corpus.py'), size, corpus]), 'corpus.py');
      // ECB+'s own stance lexicon (the engine's tests use it), where the
      // loader looks for it: lexicon.toml beside the JSON lines.
      fs.copyFileSync(ECB_LEXICON, path.join(OUT, 'lexicon.toml'));
      return { file: path.relative(ROOT, corpus), bytes: fs.statSync(corpus).size };
    });
  }
  // The CLI's view of the corpus: the static page's rows, and the baseline of stances.
  const corpusJson = path.join(OUT, `corpus-${size}.json`);
  const cliCorpus = await measure(size, 'cliCorpus', async () => {
    const r = check(await run(CLI, ['corpus', '--json', '--corpus', corpus], { stdoutFile: corpusJson }), 'parallax corpus');
    return { ms: r.ms };
  });

  // 1. The page build, and the static baseline page.
  const dist = path.join(OUT, `dist-${size}`);
  const staticDir = path.join(OUT, `static-${size}`);
  const slowPassages = previous?.sizes?.[size]?.passages?.overS;
  const build = await measure(size, 'build', async () => {
    if (slowPassages) {
      // The build runs passage detection in build.rs; it would only time out.
      throw new NotMeasured(`not run: the page build runs passage detection (build.rs), which took over ${slowPassages} s alone at this size (§4)`);
    }
    fs.rmSync(dist, { recursive: true, force: true });
    const env = size === 'seeds' ? { PARALLAX_CORPUS: '' } : { PARALLAX_CORPUS: corpus };
    const r = check(await run('trunk', ['build', '--release', '--dist', dist], { env }), 'trunk build --release');
    return { ms: r.ms };
  });
  const haveDist = build && fs.existsSync(path.join(dist, 'index.html'));
  const whyNoDist = results.sizes[size].build?.notMeasured ?? 'no page build';
  if (cliCorpus) {
    const rows = JSON.parse(fs.readFileSync(corpusJson, 'utf8'));
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), staticPage(rows));
  }
  const haveStatic = fs.existsSync(path.join(staticDir, 'index.html'));

  await measure(size, 'transfer', async () => {
    if (!haveDist) throw new NotMeasured(whyNoDist);
    return { app: transfer(dist), static: haveStatic ? transfer(staticDir) : null };
  });

  // 2, 3, 6. In the browser: the app and the static page, served the same way.
  if (haveDist || haveStatic) {
    const appSrv = haveDist ? await startServer({ root: dist }) : null;
    const stSrv = haveStatic ? await startServer({ root: staticDir }) : null;
    try {
      await measure(size, 'load', async () => {
        if (!haveDist) throw new NotMeasured(whyNoDist);
        const b = await getBrowser();
        const app = [];
        const stat = [];
        const stages = [];
        // Alternate, so drift in the machine's load hits both alike; one warm-up each.
        for (let i = 0; i <= opt.runs; i++) {
          const { coldLoad } = await pageLib();
          const a = clean(await within(coldLoad(b, appSrv.url), 'app cold load', 120), 'app cold load');
          const s = clean(await within(coldLoad(b, stSrv.url), 'static cold load', 120), 'static cold load');
          if (i > 0) {
            app.push(a.ready);
            stat.push(s.ready);
            stages.push(a.stages);
          }
        }
        // The app's stages, median of each (ms from navigation start).
        const stageMedians = Object.fromEntries(
          ['html', 'wasm', 'instantiated', 'firstDom'].map((k) => [k, median(stages.map((x) => x?.[k]).filter((v) => v != null))]),
        );
        return { runs: opt.runs, app, static: stat, appMedian: median(app), staticMedian: median(stat), stages: stageMedians };
      });
      await measure(size, 'filter', async () => {
        if (!haveDist) throw new NotMeasured(whyNoDist);
        const b = await getBrowser();
        const { filterAndMemory } = await pageLib();
        const words = size === 'seeds' ? WORDS.seeds : WORDS.other;
        const summarise = (r) => {
          // Keystrokes that changed the list (its own latency).
          const listed = r.samples.filter((s) => s.list !== null);
          return {
            keystrokes: r.keystrokes,
            changed: r.samples.length,
            paintP50: pct(r.samples.map((s) => s.paint), 50),
            paintP95: pct(r.samples.map((s) => s.paint), 95),
            domP50: pct(r.samples.map((s) => s.dom), 50),
            domP95: pct(r.samples.map((s) => s.dom), 95),
            listSamples: listed.length,
            listPaintP50: pct(listed.map((s) => s.listPaint), 50),
            listPaintP95: pct(listed.map((s) => s.listPaint), 95),
            listP50: pct(listed.map((s) => s.list), 50),
            listP95: pct(listed.map((s) => s.list), 95),
            memory: { heapUsedPeak: r.heapUsedPeak, heapUsedAfterLoad: r.heapUsedAfterLoad, wasmBytes: r.wasmBytes },
            errors: r.errors,
          };
        };
        const app = summarise(clean(await within(filterAndMemory(b, appSrv.url, words), 'app filter'), 'app filter'));
        const stat = summarise(clean(await within(filterAndMemory(b, stSrv.url, words), 'static filter'), 'static filter'));
        return { words, app, static: stat };
      });
      // 7. Lighthouse (its own Chromium, same flags).
      await measure(size, 'lighthouse', async () => {
        if (!haveDist) throw new NotMeasured(whyNoDist);
        const one = async (url, name) => {
          const file = path.join(OUT, `lighthouse-${size}-${name}.json`);
          check(
            await run(
              path.join(ROOT, 'bench', 'node_modules', '.bin', 'lighthouse'),
              [
                url,
                '--output=json',
                `--output-path=${file}`,
                '--only-categories=performance,accessibility',
                '--preset=desktop',
                '--quiet',
                '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
              ],
              { env: { CHROME_PATH: '/usr/bin/chromium' } },
            ),
            'lighthouse',
          );
          const lh = JSON.parse(fs.readFileSync(file, 'utf8'));
          const cat = lh.categories;
          const failing = (lh.categories.accessibility?.auditRefs ?? [])
            .filter((r) => r.weight > 0)
            .map((r) => lh.audits[r.id])
            .filter((a) => a && a.score !== null && a.score < 1)
            .map((a) => ({ id: a.id, title: a.title, items: (a.details?.items ?? []).slice(0, 5).map((i) => i.node?.snippet ?? i.node?.selector ?? '') }));
          const m = (id) => lh.audits[id]?.numericValue ?? null;
          return {
            performance: cat.performance?.score == null ? null : Math.round(cat.performance.score * 100),
            accessibility: cat.accessibility?.score == null ? null : Math.round(cat.accessibility.score * 100),
            fcp: m('first-contentful-paint'),
            lcp: m('largest-contentful-paint'),
            tbt: m('total-blocking-time'),
            failing,
            version: lh.lighthouseVersion,
          };
        };
        return { app: await one(appSrv.url, 'app'), static: haveStatic ? await one(stSrv.url, 'static') : null };
      });
    } finally {
      await appSrv?.close();
      await stSrv?.close();
    }
  } else {
    for (const m of ['load', 'filter', 'lighthouse']) results.sizes[size][m] = { notMeasured: whyNoDist };
  }

  // 4. Passages: the CLI, the same phases natively and in wasm, Python.
  const cli = await measure(size, 'passages', async () => {
    const r = check(await run(CLI, ['passages', '--json', '--corpus', corpus], { stdoutFile: '/dev/null' }), 'parallax passages');
    return { ms: r.ms };
  });
  const jsonl = size === 'seeds' ? path.join(OUT, 'corpus-seeds.jsonl') : corpus;
  if (size === 'seeds' && cliCorpus) {
    // The seeds as JSON lines (same text) for the in-process and wasm runs.
    const rows = JSON.parse(fs.readFileSync(corpusJson, 'utf8'));
    fs.writeFileSync(
      jsonl,
      rows.map((a) => JSON.stringify({ id: a.id, text: fs.readFileSync(path.join(ROOT, 'seeds', `${a.id}.txt`), 'utf8') })).join('\n') + '\n',
    );
  }
  const native = await measure(size, 'native', async () => {
    if (!cli) throw new NotMeasured(`not run: ${results.sizes[size].passages.notMeasured}`);
    const r = check(await run(NATIVE, [jsonl]), 'parallax-bench (native)');
    return JSON.parse(r.stdout);
  });
  await measure(size, 'wasm', async () => {
    if (!native) throw new NotMeasured(`not run: native ${results.sizes[size].native.notMeasured}`);
    if (!fs.existsSync(path.join(PKG, 'parallax_bench_bg.wasm'))) throw new NotMeasured('bench/wasm was not built for wasm32');
    const dir = path.join(OUT, `wasm-page-${size}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(PKG, path.join(dir, 'pkg'), { recursive: true });
    fs.copyFileSync(jsonl, path.join(dir, 'corpus.jsonl'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="en"><title>bench</title><p>wasm passages bench</p>');
    const srv = await startServer({ root: dir });
    // A browser of its own: a timed-out evaluate leaves it busy.
    const { launch, wasmPassages } = await pageLib();
    const b = await launch();
    try {
      return await within(wasmPassages(b, srv.url), 'wasm passages');
    } finally {
      await b.close().catch(() => {});
      await srv.close();
    }
  });
  await measure(size, 'python', async () => {
    const r = check(
      await run('python3', [path.join(ROOT, 'bench', 'difflib_baseline.py'), jsonl, '--budget', String(opt.budget)]),
      'difflib baseline',
    );
    return JSON.parse(r.stdout);
  });

  // 5. Stances. Baselines: `parallax corpus` (the loading and analysis both
  // share), and in one process Corpus::build against extract + matrix.
  await measure(size, 'stances', async () => {
    const reps = async (args, what) => {
      const t = [];
      for (let i = 0; i < 3; i++) {
        t.push(check(await run(CLI, args, { stdoutFile: '/dev/null' }), what).ms);
        if (t[i] > 20_000) break;
      }
      return median(t);
    };
    const ms = await reps(['stances', '--json', '--corpus', corpus], 'parallax stances');
    const corpusMs = await reps(['corpus', '--json', '--corpus', corpus], 'parallax corpus');
    const lexicon = size === 'seeds' ? path.join(ROOT, 'seeds', 'lexicon.toml') : path.join(OUT, 'lexicon.toml');
    const r = check(await run(NATIVE, ['--stances', jsonl, lexicon]), 'parallax-bench --stances');
    return { ms, corpusMs, inProcess: JSON.parse(r.stdout) };
  });
  results.sizes[size].loadAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  save();
}

await browser?.close();
results.finished = new Date().toISOString();
results.machine.loadEnd = os.loadavg().map((x) => +x.toFixed(2));
save();
fs.writeFileSync(path.join(ROOT, opt.out), report(results));
log(`wrote ${opt.out} and bench/out/results.json`);
