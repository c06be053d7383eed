// The single-file build: dist-single/parallax.html, copied alone
// into an empty folder and opened from file:// — the list, search, keyboard,
// the reader, a pair view, a cluster, a stance cell and a view restored from
// its URL. Every test fails on a page error, a console error, a CSP violation
// or any request other than the file itself.
//
// Made by `bash scripts/single.sh` (scripts/test.sh, stage single, runs it, then
// this file as the project `single` of playwright.config.mjs).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as app, expect } from './app.mjs';
import { ROOT, DIST, SEED_IDS, sel, seedsContaining } from './helpers.mjs';
import { cli, seedSlice, squash } from './cli.mjs';

const SINGLE = path.resolve(ROOT, process.env.PARALLAX_SINGLE ?? 'dist-single/parallax.html');
const N = SEED_IDS.length;
const QUERY = 'Taiwan';

/** The packed file's text; it must pack the current build's wasm (trunk names it by content hash). */
function readSingle() {
  if (!fs.existsSync(SINGLE)) throw new Error(`${SINGLE} not found: run \`bash scripts/single.sh\` first`);
  const html = fs.readFileSync(SINGLE, 'utf8');
  const from = html.match(/id="parallax-wasm"[^>]*data-from="([^"]+)"/)?.[1];
  assert.ok(from, 'the wasm data block names its source file');
  if (fs.existsSync(DIST) && !fs.existsSync(path.join(DIST, from))) {
    throw new Error(`${SINGLE} packs ${from}, which is not in ${DIST}: stale, run \`bash scripts/single.sh --reuse-dist\``);
  }
  return html;
}

/** Runs in every page before its own scripts: records CSP violations. */
function recordCsp() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
  );
}

/**
 * app.mjs's fixtures on the file: `appUrl` is file:///tmp/…/parallax.html, a copy
 * alone in an empty folder (nothing next to it to load by accident); every page
 * fails its test on a console error, and, checked after the test, on a CSP
 * violation or a request for anything but the file itself.
 */
const test = app.extend({
  appUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      readSingle();
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-single-'));
      const copy = path.join(tmp, 'parallax.html');
      fs.copyFileSync(SINGLE, copy);
      await use(pathToFileURL(copy).href);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  consoleErrors: 'fail',
  initScripts: [recordCsp],
  open: async ({ open, appUrl }, use) => {
    const sessions = [];
    await use(async (hash) => {
      const s = await open(hash);
      sessions.push(s);
      return s;
    });
    for (const s of sessions) {
      expect(await s.page.evaluate(() => window.__cspViolations), 'CSP violations').toEqual([]);
      const other = s.requests.filter((u) => u.replace(/#.*$/, '') !== appUrl && !/^data:/.test(u));
      expect(other, 'requests other than the file itself').toEqual([]);
      expect(s.requests.some((u) => u.replace(/#.*$/, '') === appUrl), 'the file itself was loaded').toBe(true);
    }
  },
});

const b64sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');

test('the file refers to nothing outside itself and carries a strict CSP', () => {
  const html = readSingle();
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

test('the list, search, keyboard and reader work from file://', async ({ open }) => {
  const hits = seedsContaining(QUERY);
  const s = await open('/');
  assert.deepEqual([...(await s.waitForRows(N))].sort(), SEED_IDS);
  await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b${N} of ${N} articles\\b`));
  // "/" focuses the search box; typing filters and records q= (replaceState).
  await s.page.evaluate(() => document.activeElement?.blur?.());
  await s.page.keyboard.press('/');
  await expect(s.locator('search')).toBeFocused();
  await s.page.keyboard.type(QUERY);
  assert.deepEqual([...(await s.waitForRows(hits.length))].sort(), hits);
  await s.waitForHash((h) => h.params.get('q') === QUERY, 'q= in the hash');
  // Opening an article pushes a history entry; Back closes the reader again.
  await s.page.locator(`${sel('article-row')}[data-article-id="${hits[0]}"] a`).first().click();
  await s.locator('reader').waitFor();
  await s.waitForHash((h) => h.params.get('article') === hits[0] && h.params.get('q') === QUERY, 'article= in the hash');
  await expect(s.locator('reader').locator('mark').first(), 'search hits marked in the reader').toBeAttached();
  await s.page.goBack();
  await expect(s.locator('reader')).toBeHidden();
  await s.waitForHash((h) => !h.params.has('article') && h.params.get('q') === QUERY, 'back to the search');
});

test('a pair view: clicked in the heat map, in the URL, and left with Back', async ({ open }) => {
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
  const rows = cli('passages', '--rows', '--pair', key)[0].items.filter((i) => i.row).map((i) => i.row.id);
  await expect(s.locator('passage')).toHaveCount(rows.length);
  await s.page.keyboard.press('j');
  await s.waitForHash((h) => h.params.get('p') === rows[0], 'the first row after j');
  await s.page.goBack();
  await s.waitForHash((h) => !h.params.has('pair'), 'pair= gone after Back');
  await s.locator('heatmap').waitFor();
});

test('a stance cell opened from the URL lists the CLI’s evidence', async ({ open }) => {
  const c = [...cli('stances')].sort((x, y) => y.evidence.length - x.evidence.length)[0];
  const s = await open(`/stances?actor=${encodeURIComponent(c.actor)}&issue=${encodeURIComponent(c.issue)}`);
  await s.locator('evidence').waitFor();
  const quotes = await s.locator('evidence-item').locator('blockquote').allInnerTexts();
  const want = c.evidence.map((e) => squash(seedSlice(e.article, e.start, e.end)));
  assert.deepEqual(quotes.map(squash).sort(), [...want].sort());
  // The matrix is there too, with one cell per CLI cell.
  await expect(s.locator('stance-cell')).toHaveCount(cli('stances').length);
});

test('a view URL opened directly is restored, and survives a reload', async ({ open }) => {
  const byKey = new Map();
  for (const p of cli('passages')) {
    const k = `${p.a.article},${p.b.article}`;
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  const [key, list] = [...byKey].sort((x, y) => y[1].length - x[1].length)[0];
  const idx = Math.min(1, list.length - 1);
  const s = await open(`/overlap?pair=${encodeURIComponent(key)}&p=${idx}`);
  // An old numbered link opens the row holding that passage, as p=s….
  const h = await s.waitForHash((x) => /^s\d+$/.test(x.params.get('p') ?? ''), 'p=s…');
  const row = s.page.locator(`${sel('passage')}[data-row="${h.params.get('p')}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('aria-current'), 'true');
  const cols = (await row.locator('.pcol').allInnerTexts()).map(squash);
  const p = list[idx];
  assert.ok(
    cols[0].includes(squash(seedSlice(p.a.article, p.a.start, p.a.end))) &&
      cols[1].includes(squash(seedSlice(p.b.article, p.b.start, p.b.end))),
    'the row shown holds the CLI’s passage',
  );
  await s.page.reload();
  await row.waitFor();
  assert.equal(await row.getAttribute('aria-current'), 'true');

  const clusters = cli('passages', '--clusters');
  if (clusters.length > 0) {
    const c = clusters[0];
    const u = await open(`/overlap?cluster=${encodeURIComponent(c.key)}`);
    await u.locator('collation').waitFor();
    const rows = await u.locator('collation-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    assert.deepEqual(rows, [c.members[c.core], ...c.members.filter((_, i) => i !== c.core)].map((m) => m.article));
  }
});
