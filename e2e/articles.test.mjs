// Articles view (#/): the list, search, URL state, empty state, keyboard focus.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './app.mjs';
import { ROOT, SEED_IDS, seedsContaining } from './helpers.mjs';

const EVENTS = new Set(
  [...fs.readFileSync(path.join(ROOT, 'seeds', 'corpus.toml'), 'utf8').matchAll(/^event\s*=\s*"(.*)"/gm)].map((m) => m[1]),
).size;
const N = SEED_IDS.length;
// A word in the body of some seed articles but not all (Taiwan: 002 and 004).
const QUERY = 'Taiwan';
const HITS = seedsContaining(QUERY);

test('lists the five seed articles with a corpus summary and result count', async ({ open }) => {
  const s = await open('/');
  const ids = await s.waitForRows(N);
  assert.deepEqual([...ids].sort(), SEED_IDS);
  const summary = await s.locator('corpus-summary').innerText();
  assert.match(summary, new RegExp(`\\b${N} articles\\b`));
  assert.match(summary, new RegExp(`\\b${EVENTS} events?\\b`));
  await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b${N} of ${N} articles\\b`));
  await expect(s.locator('empty-state'), 'no empty state when everything matches').toHaveCount(0);
});

test('typing in search filters the list, marks hits and puts q= in the URL', async ({ open }) => {
  assert.ok(HITS.length > 0 && HITS.length < N, 'test query must hit some but not all seeds');
  const s = await open('/');
  await s.waitForRows(N);
  const search = s.locator('search');
  await search.click();
  await search.pressSequentially(QUERY);
  const ids = await s.waitForRows(HITS.length);
  assert.deepEqual([...ids].sort(), HITS);
  await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b${HITS.length} of ${N} articles\\b`));
  const marks = await s.locator('article-list').locator('mark').allInnerTexts();
  assert.ok(marks.length > 0, 'search hits are wrapped in <mark>');
  assert.ok(marks.every((m) => m.toLowerCase().includes(QUERY.toLowerCase().slice(0, 5))), `marks: ${marks}`);
  const h = await s.waitForHash((h) => h.params.get('q') === QUERY, `q=${QUERY} in the hash`);
  assert.equal(h.path, '/');
});

test('a search URL opened in a fresh browser context restores list and search box', async ({ open }) => {
  const first = await open(`/?q=${QUERY}`);
  const ids = await first.waitForRows(HITS.length);
  const url = first.page.url();
  assert.ok(url.includes(`q=${QUERY}`), url);

  const second = await open(null); // new context: no shared history or storage
  await second.page.goto(url);
  await second.ready();
  assert.deepEqual(await second.waitForRows(HITS.length), ids);
  await expect(second.locator('search')).toHaveValue(QUERY);
  await expect(second.locator('result-count')).toHaveText(new RegExp(`\\b${HITS.length} of ${N}\\b`));
});

test('a search with no hits shows an empty state naming the query', async ({ open }) => {
  const q = 'zqxjvw';
  const s = await open(`/?q=${q}`);
  const empty = s.locator('empty-state');
  await expect(empty, 'empty state mentions the query').toContainText(q);
  await expect(s.locator('article-row')).toHaveCount(0);
  await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b0 of ${N}\\b`));
});

test('clearing the search brings all articles back', async ({ open }) => {
  const s = await open(`/?q=${QUERY}`);
  await s.waitForRows(HITS.length);
  await s.locator('search').fill('');
  await s.waitForRows(N);
  await s.waitForHash((h) => !h.params.get('q'), 'q removed from the hash');
});

test('"/" focuses the search box', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await s.page.locator('body').click({ position: { x: 2, y: 2 } }).catch(() => {});
  await s.page.evaluate(() => document.activeElement?.blur?.());
  await s.page.keyboard.press('/');
  await expect(s.locator('search')).toBeFocused();
  await expect(s.locator('search'), '"/" itself is not typed into the box').toHaveValue('');
});

test('no request leaves 127.0.0.1; the wasm is served as application/wasm', async ({ open }) => {
  const s = await open(null);
  const wasm = [];
  s.page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.headers()['content-type']);
  });
  await s.goto('/');
  await s.waitForRows(N);
  await s.locator('search').fill(QUERY);
  await s.waitForRows(HITS.length);
  await s.openArticle(HITS[0]);
  assert.ok(s.requests.length > 0, 'requests were recorded');
  assert.deepEqual(wasm, ['application/wasm']);
  assert.deepEqual(s.externalRequests(), []);
});
