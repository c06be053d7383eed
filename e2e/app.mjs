// The fixtures of the end-to-end tests, on @playwright/test.
//
//   import { test, expect } from './app.mjs';
//   test('five articles', async ({ open }) => {
//     const s = await open('/');              // hash route, e.g. '/?q=taiwan'; null: don't navigate
//     expect(await s.waitForRows(5)).toHaveLength(5);
//   });
//
// Per worker (the project in playwright.config.mjs says which build and path):
// `server` serves `dist` at `base` on 127.0.0.1 (serve.mjs); `appUrl` is the
// page's address (the single-file project replaces it with a file:// URL).
// Per test: `open` gives a fresh browser context per call (no shared history or
// storage), records what its page does, and after the test fails it if any page
// threw (pageerror) or any request left 127.0.0.1 — or, with `consoleErrors:
// 'fail'`, logged a console error (otherwise these are printed).
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DIST, TIMEOUT, isLocal, parseHash, sel } from './helpers.mjs';
import { startServer } from './serve.mjs';

export { expect };

/** Print a note under the test's name and keep it with its results. */
export function note(text) {
  base.info().annotations.push({ type: 'note', description: text });
  console.log(text);
}

/** One browser context and its page, with what they did. */
export class Session {
  constructor(appUrl, context, page) {
    this.appUrl = appUrl;
    this.context = context;
    this.page = page;
    this.pageErrors = [];
    this.console = []; // every console message, as { type, text }
    this.requests = []; // every URL requested (documents, assets, data:, websockets)
    this.httpErrors = [];
    page.on('pageerror', (e) => this.pageErrors.push(String(e?.stack ?? e)));
    page.on('crash', () => this.pageErrors.push('page crashed'));
    page.on('console', (m) => this.console.push({ type: m.type(), text: m.text() }));
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('websocket', (ws) => this.requests.push(ws.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) this.httpErrors.push(`${r.status()} ${r.url()}`);
    });
  }

  get consoleErrors() {
    return this.console.filter((m) => m.type === 'error').map((m) => m.text);
  }

  /** The app's URL for a hash route ('/', '/?q=x', '#/?article=…'). */
  url(hash = '/') {
    return `${this.appUrl}#${hash.replace(/^#/, '')}`;
  }

  /** Load the app at a hash route and wait until it rendered its header. */
  async goto(hash = '/') {
    await this.page.goto(this.url(hash));
    await this.ready();
    return this;
  }

  async ready() {
    await this.locator('corpus-summary').waitFor();
  }

  locator(testid) {
    return this.page.getByTestId(testid);
  }

  /** data-article-id of every listed row, in page order. */
  rowIds() {
    return this.locator('article-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
  }

  /** Wait until the list shows exactly `n` rows, then return their ids. */
  async waitForRows(n) {
    await expect(this.locator('article-row'), `${n} article rows`).toHaveCount(n);
    return this.rowIds();
  }

  /** Wait until the facet column is drawn and its counts are the current selection's (they follow the list by a task). */
  async waitForFacetsSettled() {
    await expect(this.page.locator(`${sel('facets')}:not([aria-busy])`), 'the facets, not busy').toBeAttached();
  }

  /** Click an article row the way a user would (its link if it has one) and wait for the reader. */
  async openArticle(id) {
    const row = this.page.locator(`${sel('article-row')}[data-article-id="${id}"]`);
    const link = row.locator('a').first();
    await ((await link.count()) > 0 ? link : row).click();
    await this.locator('reader').waitFor();
  }

  hash() {
    return this.page.evaluate(() => location.hash);
  }

  /** Wait until location.hash satisfies `pred(parsedHash)`; returns the parsed hash. */
  async waitForHash(pred, what = 'hash condition') {
    // The poll's value is `true` once it holds, and the hash itself until then (shown on failure).
    await expect
      .poll(async () => {
        const h = await this.hash();
        return pred(parseHash(h)) || `location.hash = ${JSON.stringify(h)}`;
      }, { message: what })
      .toBe(true);
    return parseHash(await this.hash());
  }

  /**
   * What the page shows, as comparable text: the route's main area, the search
   * box, the ticked facet values, the sort and the count. Two sessions showing
   * the same view give the same digest.
   */
  digest() {
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
    const read = () => this.page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.locator('copy-link').click();
    await expect.poll(read, { message: 'the clipboard holds the link', intervals: [100] }).not.toBe('');
    return read();
  }

  /** Requests that left 127.0.0.1 (the page's own file:// address aside). */
  externalRequests() {
    const own = this.appUrl.replace(/#.*$/, '');
    return this.requests.filter((u) => !isLocal(u) && u.replace(/#.*$/, '') !== own);
  }
}

export const test = base.extend({
  /** The built site this project serves. */
  dist: [DIST, { scope: 'worker', option: true }],
  /** The path it is served from: '/' or e.g. '/sub/dir/'. */
  base: ['/', { scope: 'worker', option: true }],

  server: [
    async ({ dist, base }, use) => {
      if (!fs.existsSync(path.join(dist, 'index.html'))) {
        throw new Error(`${dist}/index.html not found: run \`trunk build --release\` (scripts/test.sh does) first`);
      }
      const server = await startServer({ root: dist, base });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  /** The page's address, without the hash. */
  appUrl: [async ({ server }, use) => use(server.url), { scope: 'worker' }],

  /** 'report' prints console errors; 'fail' fails the test on them. */
  consoleErrors: ['report', { option: true }],
  /** Functions run in every page before its own scripts. */
  initScripts: [[], { option: true }],

  open: async ({ browser, appUrl, consoleErrors, initScripts }, use) => {
    const sessions = [];
    await use(async (hash = '/', contextOptions = {}) => {
      const context = await browser.newContext(contextOptions);
      // Never let a request leave the machine (each one is also recorded, and checked below).
      await context.route(/^(https?|wss?|ftp):/, (route) =>
        isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
      );
      for (const script of initScripts) await context.addInitScript(script);
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      const s = new Session(appUrl, context, page);
      sessions.push(s);
      if (hash !== null) await s.goto(hash);
      return s;
    });
    for (const s of sessions) {
      for (const e of s.pageErrors) note(`pageerror: ${e}`);
      for (const e of s.consoleErrors) note(`console error: ${e}`);
      for (const e of s.httpErrors) note(`http error: ${e}`);
    }
    try {
      for (const s of sessions) {
        expect(s.pageErrors, 'the page threw (pageerror)').toEqual([]);
        expect(s.externalRequests(), 'requests left 127.0.0.1').toEqual([]);
        if (consoleErrors === 'fail') expect(s.consoleErrors, 'console errors').toEqual([]);
      }
    } finally {
      for (const s of sessions) await s.context.close().catch(() => {});
    }
  },
});
