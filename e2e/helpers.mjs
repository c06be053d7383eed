// Shared harness for the end-to-end tests (node:test + playwright-core).
//
//   import { useApp } from './helpers.mjs';
//   const app = useApp();                       // or useApp({ base: '/sub/dir/' })
//   app.test('five articles', async (t, { open }) => {
//     const s = await open('/');                // hash route, e.g. '/?q=taiwan'; null: don't navigate
//     assert.equal((await s.rowIds()).length, 5);
//   });
//
// useApp() starts, once per test file, the static server on dist/ (see serve.mjs)
// and system Chromium. app.test() gives each test fresh browser contexts and,
// after the body ran, fails the test if any page threw (pageerror) or any request
// left 127.0.0.1. Console errors and HTTP errors are printed as diagnostics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.resolve(ROOT, process.env.PARALLAX_DIST ?? 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Per-action timeout (ms): generous, the machine may be busy compiling. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);

/** The seed articles: ids (file stems of seeds/*.txt) and their raw text. */
export const SEEDS = fs
  .readdirSync(path.join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8') }));
export const SEED_IDS = SEEDS.map((s) => s.id);

/** Browser-context options that let a test read the clipboard. */
export const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

export const sel = (testid) => `[data-testid="${testid}"]`;

/** True for URLs the page may load: the local server, and in-page data/blob URLs. */
export function isLocal(url) {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (run scripts/setup.sh, or set CHROMIUM=...)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Parse the query part of a hash route ("#/path?a=1") into { path, params }. */
export function parseHash(hash) {
  const h = hash.replace(/^#/, '');
  const i = h.indexOf('?');
  return { path: i < 0 ? h : h.slice(0, i), params: new URLSearchParams(i < 0 ? '' : h.slice(i + 1)) };
}

class Session {
  constructor(app, context, page) {
    this.app = app;
    this.context = context;
    this.page = page;
    this.pageErrors = [];
    this.consoleErrors = [];
    this.requests = [];
    this.httpErrors = [];
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => this.pageErrors.push(String(e?.stack ?? e)));
    page.on('crash', () => this.pageErrors.push('page crashed'));
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('websocket', (ws) => this.requests.push(ws.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) this.httpErrors.push(`${r.status()} ${r.url()}`);
    });
  }

  /** The app's URL for a hash route ('/', '/?q=x', '#/?article=…'). */
  url(hash = '/') {
    return this.app.server.url + '#' + hash.replace(/^#/, '');
  }

  /** Load the app at a hash route and wait until it rendered its header. */
  async goto(hash = '/') {
    await this.page.goto(this.url(hash));
    await this.ready();
    return this;
  }

  async ready() {
    await this.page.locator(sel('corpus-summary')).waitFor();
  }

  locator(testid) {
    return this.page.locator(sel(testid));
  }

  /** data-article-id of every listed row, in page order. */
  async rowIds() {
    return this.page.locator(sel('article-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
  }

  /** Wait until the list shows exactly `n` rows, then return their ids. */
  async waitForRows(n) {
    await this.page.waitForFunction(
      ([s, n]) => document.querySelectorAll(s).length === n,
      [sel('article-row'), n],
      { timeout: TIMEOUT },
    ).catch(async () => {
      throw new Error(`expected ${n} article rows, found ${(await this.rowIds()).length}`);
    });
    return this.rowIds();
  }

  /** Wait until the facet column is drawn and its counts are the current selection's (they follow the list by a task). */
  async waitForFacetsSettled() {
    await this.page.waitForFunction((s) => {
      const f = document.querySelector(s);
      return f !== null && !f.hasAttribute('aria-busy');
    }, sel('facets'), { timeout: TIMEOUT });
  }

  /** Click an article row the way a user would (its link if it has one) and wait for the reader. */
  async openArticle(id) {
    const row = this.page.locator(`${sel('article-row')}[data-article-id="${id}"]`);
    const link = row.locator('a').first();
    await ((await link.count()) > 0 ? link : row).click();
    await this.locator('reader').waitFor();
  }

  async hash() {
    return this.page.evaluate(() => location.hash);
  }

  /** Wait until location.hash satisfies `pred(parsedHash)`; returns the parsed hash. */
  async waitForHash(pred, what = 'hash condition') {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const h = await this.hash();
      if (pred(parseHash(h))) return parseHash(h);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; location.hash = ${JSON.stringify(h)}`);
      await this.page.waitForTimeout(50);
    }
  }

  /**
   * What the page shows, as comparable text: the route's main area, the search
   * box, the ticked facet values, the sort and the count. Two sessions showing
   * the same view give the same digest.
   */
  async digest() {
    return this.page.evaluate(() => {
      const q = (s) => document.querySelector(s);
      const checked = [...document.querySelectorAll('[data-testid="facet-value"]:checked')].map(
        (e) => `${e.dataset.facet}=${e.dataset.key}`,
      );
      return JSON.stringify({
        main: q('#main')?.innerText ?? '',
        search: q('[data-testid="search"]')?.value ?? '',
        count: q('[data-testid="result-count"]')?.innerText ?? '',
        sort: q('[data-testid="sort"]')?.value ?? null,
        checked,
        notices: [...document.querySelectorAll('[data-testid="notice"]')].map((e) => e.innerText),
      });
    });
  }

  /** Wait until the digest stops changing (two equal reads 150 ms apart). */
  async settledDigest() {
    let prev = await this.digest();
    for (let i = 0; i < 40; i++) {
      await this.page.waitForTimeout(150);
      const d = await this.digest();
      if (d === prev) return d;
      prev = d;
    }
    return prev;
  }

  /** Click "Copy link" and return what reached the clipboard (needs clipboard permissions). */
  async copyLink() {
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.locator('copy-link').click();
    const h = await this.page.waitForFunction(
      async () => (await navigator.clipboard.readText().catch(() => '')) || false,
      undefined,
      { polling: 100, timeout: TIMEOUT },
    );
    return h.jsonValue();
  }

  externalRequests() {
    return this.requests.filter((u) => !isLocal(u));
  }

  /** Fail on page errors and on requests that left 127.0.0.1; print the rest. */
  check(t) {
    for (const e of this.consoleErrors) t.diagnostic(`console error: ${e}`);
    for (const e of this.httpErrors) t.diagnostic(`http error: ${e}`);
    assert.deepEqual(this.pageErrors, [], 'the page threw (pageerror)');
    assert.deepEqual(this.externalRequests(), [], 'requests left 127.0.0.1');
  }
}

/**
 * Register the per-file server + browser, and return { test, server, browser }.
 * `base` is the path the site is served from ('/' or e.g. '/sub/dir/'); `dist`
 * the built site (default: dist/, or PARALLAX_DIST).
 */
export function useApp({ base = '/', dist = DIST } = {}) {
  const app = { server: null, browser: null, base };

  before(async () => {
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      throw new Error(`${dist}/index.html not found: run \`trunk build --release\` (scripts/test.sh does) first`);
    }
    app.server = await startServer({ root: dist, base });
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });

  /** Open a fresh browser context (no shared storage/history) on a hash route. */
  async function newSession(hash, contextOptions = {}) {
    const context = await app.browser.newContext(contextOptions);
    // Record every request and never let one leave the machine.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return isLocal(url) ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const s = new Session(app, context, page);
    page.on('request', (r) => s.requests.push(r.url()));
    if (hash !== null) await s.goto(hash);
    return s;
  }

  app.test = (name, fn, options = {}) =>
    test(name, { timeout: 4 * TIMEOUT + 30_000, ...options }, async (t) => {
      const sessions = [];
      const open = async (hash = '/', contextOptions) => {
        const s = await newSession(hash, contextOptions);
        sessions.push(s);
        return s;
      };
      try {
        await fn(t, { open, app });
        for (const s of sessions) s.check(t);
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

  return app;
}

/** Ids of seed articles whose text contains `word` (case-insensitive). */
export function seedsContaining(word) {
  const w = word.toLowerCase();
  return SEEDS.filter((s) => s.text.toLowerCase().includes(w)).map((s) => s.id);
}
