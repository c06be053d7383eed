// In-page measurements for the benchmark suite (bench/bench.mjs): cold load,
// filter latency and memory, the same code for the app and for the static
// baseline page (both have `data-testid="search"` and `"article-row"`).
//
// Only stable selectors (e2e/helpers.mjs `sel`); nothing assumes every row
// is in the DOM (the list may be virtualised): "painted" is the first frame
// after at least one row exists, the document is parsed and the search box
// is there.
import path from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, sel, isLocal } from '../e2e/helpers.mjs';

const require = createRequire(path.join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

// Offline without intercepting requests: every host name but 127.0.0.1
// fails to resolve. (Playwright's request interception, `context.route`,
// sends each request through this process before it goes out: 10-25 ms
// more per cold load of the app's four files, 5-10 ms for the static page's
// one, measured side by side; see bench/NOTES.md.)
export const LAUNCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

// Runs before any of the page's own scripts.
const INIT = ({ row, search }) => {
  const b = (window.__bench = { readyAt: null, wasm: null, pending: null, instantiated: null, firstDom: null });
  // Resolved with readyAt: awaited by page.evaluate, so that waiting for the
  // page adds nothing to its main thread (waitForFunction would inject
  // Playwright's selector engine, 50-60 ms of script parsing on this machine,
  // into the app's start-up: see bench/NOTES.md).
  b.ready = new Promise((resolve) => (b.markReady = resolve));
  // After-paint timestamp: a task queued from requestAnimationFrame runs
  // right after the frame is produced.
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const mc = new MessageChannel();
      mc.port1.onmessage = () => cb(performance.now());
      mc.port2.postMessage(0);
    });
  b.afterPaint = afterPaint;
  // Keep the wasm instance (its memory) whoever instantiates it.
  const keep = (r) => {
    // Compiled and instantiated (before the module's start code runs).
    b.instantiated ??= performance.now();
    const inst = r instanceof WebAssembly.Instance ? r : r?.instance;
    if (inst?.exports?.memory instanceof WebAssembly.Memory) b.wasm = inst.exports.memory;
    return r;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (orig) WebAssembly[name] = (...a) => orig.apply(WebAssembly, a).then(keep);
  }
  // Cold load: first frame after rows + search box exist and parsing ended.
  let armed = true;
  const check = () => {
    if (!armed || document.readyState === 'loading') return;
    if (!document.querySelector(row) || !document.querySelector(search)) return;
    armed = false;
    afterPaint((t) => {
      b.readyAt = t;
      b.markReady(t);
    });
  };
  // The first element added to the body after parsing: the app's first render.
  const firstDom = (records) => {
    if (b.firstDom != null || document.readyState === 'loading') return;
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1))) b.firstDom = performance.now();
  };
  new MutationObserver((records) => {
    firstDom(records);
    check();
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
  // Filter latency: from keydown (its timeStamp) to the first frame after
  // the last DOM change it caused, and after the last change to the list
  // itself (its rows, empty state or "show more", and the result count):
  // the app draws the facet counts a task after the list.
  const LIST = `${row}, [data-testid="article-list"], [data-testid="empty-state"], [data-testid="show-more-bar"], [data-testid="result-count"], .list-pane`;
  const inList = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    return !!el?.closest(LIST);
  };
  const mo = new MutationObserver((records) => {
    if (!b.pending) return;
    const now = performance.now();
    b.pending.lastMut = now;
    if (records.some((r) => inList(r.target))) b.pending.lastListMut = now;
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener(
    'keydown',
    (e) => {
      if (b.pending) b.pending.done = true;
      const p = (b.pending = { t0: e.timeStamp, lastMut: null, lastListMut: null, paints: [], done: false });
      const loop = () =>
        afterPaint((t) => {
          p.paints.push(t);
          if (!p.done && p.paints.length < 600) loop();
        });
      loop();
    },
    true,
  );
};

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT, { row: sel('article-row'), search: sel('search') });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Seen, not intercepted: a request that leaves 127.0.0.1 is an error.
  page.on('request', (r) => isLocal(r.url()) || errors.push(`request left 127.0.0.1: ${r.url()}`));
  return { context, page, errors };
}

/** Cold load in a fresh context (empty cache): ms from navigation start to ready. */
export async function coldLoad(browser, url) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url);
    await page.evaluate(() =>
      Promise.race([
        window.__bench.ready,
        new Promise((_, no) => setTimeout(() => no(new Error('no article list within 60 s')), 60_000)),
      ]),
    );
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => /\.wasm($|\?)/.test(e.name));
      const b = window.__bench;
      // Stages (ms from navigation start): the HTML received, the wasm
      // received, compiled and instantiated, the first render in the DOM.
      const stages = { html: nav?.responseEnd ?? null, wasm: wasm?.responseEnd ?? null, instantiated: b.instantiated ?? null, firstDom: b.firstDom ?? null };
      return { ready: b.readyAt, dcl: nav?.domContentLoadedEventEnd ?? null, stages };
    });
    if (errors.length) r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}

async function heap(cdp) {
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedSize, totalSize };
}

/**
 * Load once, then type each word into the search box key by key and delete
 * it again; one latency sample per keystroke. Memory is sampled after load
 * and after each word; the peak is the largest sample.
 */
export async function filterAndMemory(browser, url, words, rounds = 2) {
  const { context, page, errors } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 60_000 });
    const samples = [];
    const mem = [await heap(cdp)];
    const search = page.locator(sel('search')).first();
    await search.click();
    const one = async (key) => {
      await page.keyboard.press(key);
      // Settled: a DOM change and two frames after it, or 1.5 s without one.
      await page.waitForFunction(
        () => {
          const p = window.__bench.pending;
          if (!p) return false;
          const now = performance.now();
          if (p.lastMut === null) return now - p.t0 > 1500;
          return p.paints.filter((t) => t > p.lastMut).length >= 2;
        },
        null,
        { timeout: 30_000, polling: 'raf' },
      );
      const s = await page.evaluate(() => {
        const p = window.__bench.pending;
        p.done = true;
        if (p.lastMut === null) return null;
        const paint = p.paints.find((t) => t > p.lastMut);
        // The list's own latency (null when the keystroke left the list as it was).
        const list = p.lastListMut === null ? null : p.lastListMut - p.t0;
        const listPaint = list === null ? null : p.paints.find((t) => t > p.lastListMut) - p.t0;
        return { dom: p.lastMut - p.t0, paint: paint - p.t0, list, listPaint };
      });
      if (s) samples.push(s);
    };
    for (let r = 0; r < rounds; r++) {
      for (const w of words) {
        for (const ch of w) await one(ch);
        mem.push(await heap(cdp));
        for (let i = 0; i < w.length; i++) await one('Backspace');
      }
    }
    mem.push(await heap(cdp));
    const wasmBytes = await page.evaluate(() => window.__bench.wasm?.buffer.byteLength ?? null);
    const peak = mem.reduce((a, m) => (m.usedSize > a.usedSize ? m : a));
    return {
      samples,
      keystrokes: rounds * words.reduce((n, w) => n + 2 * w.length, 0),
      heapUsedPeak: peak.usedSize,
      heapTotalAtPeak: peak.totalSize,
      heapUsedAfterLoad: mem[0].usedSize,
      wasmBytes,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** The engine's wasm (bench/wasm) in the page: build + find_passages on a corpus. */
export async function wasmPassages(browser, url) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url);
    const r = await page.evaluate(async () => {
      const at = (p) => new URL(p, location.href).href;
      const mod = await import(at('pkg/parallax_bench.js'));
      await mod.default({ module_or_path: at('pkg/parallax_bench_bg.wasm') });
      const bytes = new Uint8Array(await (await fetch(at('corpus.jsonl'))).arrayBuffer());
      const t0 = performance.now();
      const b = new mod.Bench(bytes);
      const t1 = performance.now();
      const [pairs, clusters] = b.passages();
      const t2 = performance.now();
      return { articles: b.articles(), build_ms: t1 - t0, passages_ms: t2 - t1, pairs, clusters };
    });
    if (errors.length) r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}
