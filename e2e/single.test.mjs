// The single-file build (issue #8): dist-single/parallax.html, copied alone
// into an empty folder and opened from file:// — the list, search, keyboard,
// the reader, a pair view, a cluster, a stance cell and a view restored from
// its URL. Every test fails on a page error, a console error, a CSP violation
// or any request other than the file itself.
//
// Made by `bash scripts/single.sh` (scripts/test.sh runs it, then this file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, TIMEOUT, SEED_IDS, sel, launchBrowser, parseHash, seedsContaining } from './helpers.mjs';
import { cli, seedSlice, squash } from './cli.mjs';

const SINGLE = path.resolve(ROOT, process.env.PARALLAX_SINGLE ?? 'dist-single/parallax.html');
const N = SEED_IDS.length;
const QUERY = 'Taiwan';

let browser;
let tmp;
let fileUrl; // file:///tmp/…/parallax.html, no fragment
let html;

before(async () => {
  if (!fs.existsSync(SINGLE)) throw new Error(`${SINGLE} not found: run \`bash scripts/single.sh\` first`);
  html = fs.readFileSync(SINGLE, 'utf8');
  // The packed wasm must be the current build's (trunk names it by content hash).
  const from = html.match(/id="parallax-wasm"[^>]*data-from="([^"]+)"/)?.[1];
  assert.ok(from, 'the wasm data block names its source file');
  if (fs.existsSync(DIST) && !fs.existsSync(path.join(DIST, from))) {
    throw new Error(`${SINGLE} packs ${from}, which is not in ${DIST}: stale, run \`bash scripts/single.sh --reuse-dist\``);
  }
  // Alone in an empty folder: nothing next to it to load by accident.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-single-'));
  const copy = path.join(tmp, 'parallax.html');
  fs.copyFileSync(SINGLE, copy);
  fileUrl = pathToFileURL(copy).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh context on parallax.html#HASH (null: don't navigate), recording everything. */
async function openFile(t, hash = '/') {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  // Nothing may leave the machine; anything that tries is recorded and refused.
  await context.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const s = { context, page, requests: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (r) => s.requests.push(r.url()));
  page.on('websocket', (ws) => s.requests.push(ws.url()));
  page.on('pageerror', (e) => s.pageErrors.push(String(e?.stack ?? e)));
  page.on('crash', () => s.pageErrors.push('page crashed'));
  page.on('console', (m) => {
    if (m.type() === 'error') s.consoleErrors.push(m.text());
  });
  s.locator = (id) => page.locator(sel(id));
  s.hash = async () => parseHash(await page.evaluate(() => location.hash));
  s.waitForHash = async (pred, what) => {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const h = await s.hash();
      if (pred(h)) return h;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(50);
    }
  };
  s.rowIds = () => page.locator(sel('article-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
  s.waitForRows = async (n) => {
    await page.waitForFunction(([q, n]) => document.querySelectorAll(q).length === n, [sel('article-row'), n]);
    return s.rowIds();
  };
  s.goto = async (h) => {
    await page.goto(`${fileUrl}#${h.replace(/^#/, '')}`);
    await s.locator('corpus-summary').waitFor();
  };
  s.check = async () => {
    for (const e of s.consoleErrors) t.diagnostic(`console error: ${e}`);
    assert.deepEqual(s.pageErrors, [], 'the page threw');
    assert.deepEqual(s.consoleErrors, [], 'console errors');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    const other = s.requests.filter((u) => u.replace(/#.*$/, '') !== fileUrl && !/^data:/.test(u));
    assert.deepEqual(other, [], 'requests other than the file itself');
    assert.ok(s.requests.some((u) => u.replace(/#.*$/, '') === fileUrl), 'the file itself was loaded');
  };
  if (hash !== null) await s.goto(hash);
  return s;
}

/** test() with a fresh context per test, checked after the body ran. */
function fileTest(name, fn) {
  test(name, { timeout: 4 * TIMEOUT + 30_000 }, async (t) => {
    const sessions = [];
    const open = async (hash) => {
      const s = await openFile(t, hash);
      sessions.push(s);
      return s;
    };
    try {
      await fn(t, open);
      for (const s of sessions) await s.check();
    } catch (err) {
      for (const s of sessions) {
        for (const e of s.pageErrors) t.diagnostic(`pageerror: ${e}`);
        for (const e of s.consoleErrors) t.diagnostic(`console error: ${e}`);
      }
      throw err;
    } finally {
      for (const s of sessions) await s.context.close().catch(() => {});
    }
  });
}

const b64sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');

test('the file refers to nothing outside itself and carries a strict CSP', () => {
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const dirs = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(dirs.get('default-src'), ["'none'"]);
  // Scripts: exactly the inline ones, by hash, plus wasm compilation.
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, 'one module script');
  assert.deepEqual(
    [...dirs.get('script-src')].sort(),
    [...scripts.map((s) => `'sha256-${b64sha256(s)}'`), "'wasm-unsafe-eval'"].sort(),
  );
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.deepEqual(dirs.get('style-src'), styles.map((s) => `'sha256-${b64sha256(s)}'`));
  for (const [k, v] of dirs) {
    for (const src of v) assert.doesNotMatch(src, /^'(self|unsafe-inline|unsafe-eval)'$|:\/\/|^\*$|^https?:$/, `${k} ${src}`);
  }
  // Every executable script is inline; no element points at another file.
  assert.doesNotMatch(html, /<script[^>]*\ssrc=/i);
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  for (const m of markup.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
    assert.match(m[1], /^(data:|#)/, `reference to ${m[1]}`);
  }
  assert.doesNotMatch(html, /import\.meta/, 'no import.meta (the glue’s default wasm path is gone)');
});

fileTest('the list, search, keyboard and reader work from file://', async (t, open) => {
  const hits = seedsContaining(QUERY);
  const s = await open('/');
  assert.deepEqual([...(await s.waitForRows(N))].sort(), SEED_IDS);
  assert.match(await s.locator('result-count').innerText(), new RegExp(`\\b${N} of ${N} articles\\b`));
  // "/" focuses the search box; typing filters and records q= (replaceState).
  await s.page.evaluate(() => document.activeElement?.blur?.());
  await s.page.keyboard.press('/');
  await s.page.waitForFunction((q) => document.activeElement?.matches(q), sel('search'));
  await s.page.keyboard.type(QUERY);
  assert.deepEqual([...(await s.waitForRows(hits.length))].sort(), hits);
  await s.waitForHash((h) => h.params.get('q') === QUERY, 'q= in the hash');
  // Opening an article pushes a history entry; Back closes the reader again.
  await s.page.locator(`${sel('article-row')}[data-article-id="${hits[0]}"] a`).first().click();
  await s.locator('reader').waitFor();
  await s.waitForHash((h) => h.params.get('article') === hits[0] && h.params.get('q') === QUERY, 'article= in the hash');
  assert.ok((await s.locator('reader').locator('mark').count()) > 0, 'search hits marked in the reader');
  await s.page.goBack();
  await s.locator('reader').waitFor({ state: 'hidden' });
  await s.waitForHash((h) => !h.params.has('article') && h.params.get('q') === QUERY, 'back to the search');
});

fileTest('a pair view: clicked in the heat map, in the URL, and left with Back', async (t, open) => {
  const byKey = new Map();
  for (const p of cli('passages')) {
    const k = `${p.a.article},${p.b.article}`;
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  const [key, list] = [...byKey].sort((x, y) => y[1].length - x[1].length)[0];
  const [a, b] = key.split(',');
  const s = await open('/overlap');
  await s.locator('heatmap').waitFor();
  await s.page.locator(`${sel('heat-cell')}[data-a="${a}"][data-b="${b}"]`).first().click();
  await s.locator('pair-view').waitFor();
  await s.waitForHash((h) => h.path === '/overlap' && h.params.get('pair') === key, 'pair= in the hash');
  assert.equal(await s.locator('passage').count(), list.length);
  await s.page.keyboard.press('j');
  await s.waitForHash((h) => h.params.get('p') === '0', 'p=0 after j');
  await s.page.goBack();
  await s.waitForHash((h) => !h.params.has('pair'), 'pair= gone after Back');
  await s.locator('heatmap').waitFor();
});

fileTest('a stance cell opened from the URL lists the CLI’s evidence', async (t, open) => {
  const c = [...cli('stances')].sort((x, y) => y.evidence.length - x.evidence.length)[0];
  const s = await open(`/stances?actor=${encodeURIComponent(c.actor)}&issue=${encodeURIComponent(c.issue)}`);
  await s.locator('evidence').waitFor();
  const quotes = await s.locator('evidence-item').locator('blockquote').allInnerTexts();
  const want = c.evidence.map((e) => squash(seedSlice(e.article, e.start, e.end)));
  assert.deepEqual(quotes.map(squash).sort(), [...want].sort());
  // The matrix is there too, with one cell per CLI cell.
  assert.equal(await s.locator('stance-cell').count(), cli('stances').length);
});

fileTest('a view URL opened directly is restored, and survives a reload', async (t, open) => {
  const byKey = new Map();
  for (const p of cli('passages')) {
    const k = `${p.a.article},${p.b.article}`;
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  const [key, list] = [...byKey].sort((x, y) => y[1].length - x[1].length)[0];
  const idx = Math.min(1, list.length - 1);
  const s = await open(`/overlap?pair=${encodeURIComponent(key)}&p=${idx}`);
  const row = s.page.locator(`${sel('passage')}[data-index="${idx}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('aria-current'), 'true');
  const cols = (await row.locator('.pcol').allInnerTexts()).map(squash);
  assert.ok(
    list.some(
      (p) =>
        squash(seedSlice(p.a.article, p.a.start, p.a.end)) === cols[0] &&
        squash(seedSlice(p.b.article, p.b.start, p.b.end)) === cols[1],
    ),
    'the passage shown is one of the CLI’s',
  );
  await s.page.reload();
  await row.waitFor();
  assert.equal(await row.getAttribute('aria-current'), 'true');

  const clusters = cli('passages', '--clusters');
  if (clusters.length > 0) {
    const c = clusters[0];
    const u = await open(`/overlap?cluster=${c.id}`);
    await u.locator('collation').waitFor();
    const rows = await u.locator('collation-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    assert.deepEqual(rows, c.members.map((m) => m.article));
  }
});
