// Facets on the Articles view: counts, ticking, clearing, sorting and the
// keyboard — every expectation from `parallax facets --json` (the engine),
// none hard-coded.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';
import { cli } from './cli.mjs';

const N = SEED_IDS.length;
const FLAG = { actors: '--actor', issues: '--issue', outlets: '--outlet', events: '--event', dates: '--date', shares: '--shares', carries: '--carries' };

/** The CLI's facets for a filter given as [[facetKey, value], …] plus extra args. */
function expected(values = [], extra = []) {
  const args = values.flatMap(([k, v]) => [FLAG[k], v]);
  return cli('facets', ...args, ...extra);
}

/** Rows grouped by facet name (a stable sort: each facet keeps its own value order). */
const byFacet = (rows) => rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

/** [facet, key, count, selected] for every value, CLI side. */
function cliRows(r) {
  return byFacet(Object.entries(r.facets).flatMap(([f, vs]) => vs.map((v) => [f, v.key, v.count, v.selected])));
}

/** The same, as the page shows it. */
async function pageRows(s) {
  return s.page
    .locator(sel('facet-value'))
    .evaluateAll((els) => els.map((e) => [e.dataset.facet, e.dataset.key, Number(e.dataset.count), e.checked]))
    .then(byFacet);
}

/** Wait until the page's facets equal the CLI's (they update after each change). */
async function waitForFacets(s, want) {
  await expect.poll(() => pageRows(s), { message: 'the facets are the engine’s', timeout: 15_000 }).toEqual(want);
}

/** A value of `facet` whose count is strictly between 0 and `below`. */
function pick(r, facet, below = N) {
  const v = r.facets[facet].find((v) => v.count > 0 && v.count < below);
  assert.ok(v, `seeds have a ${facet} value selecting some but not all articles`);
  return v;
}

/** A facet checkbox by facet and value (the value quoted for a CSS attribute selector). */
const box = (s, facet, key) =>
  s.page.locator(`${sel('facet-value')}[data-facet="${facet}"][data-key="${key.replace(/["\\]/g, '\\$&')}"]`);

test('every facet value shows the engine’s count', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  const want = cliRows(expected());
  assert.ok(want.length > 0);
  for (const f of Object.keys(FLAG)) assert.ok(want.some((r) => r[0] === f), `facet ${f} is shown`);
  await waitForFacets(s, want);
});

test('ticking values filters the list, moves every count and is recorded in the URL; clear all', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  const actor = pick(expected(), 'actors');
  await box(s, 'actors', actor.key).check();
  await s.waitForHash((h) => h.params.get('actors') === actor.key, 'actors= in the hash');
  let want = expected([['actors', actor.key]]);
  assert.deepEqual(await s.waitForRows(want.articles.length), want.articles);
  await waitForFacets(s, cliRows(want));
  await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b${want.articles.length} of ${N} articles`));

  // A second facet narrows further (AND); its own counts ignore it (OR within).
  const date = want.facets.dates.find((v) => v.count > 0);
  await box(s, 'dates', date.key).check();
  want = expected([['actors', actor.key], ['dates', date.key]]);
  assert.deepEqual(await s.waitForRows(want.articles.length), want.articles);
  await waitForFacets(s, cliRows(want));
  await expect(s.locator('chip'), 'two chips').toHaveCount(2);

  await s.locator('clear-facets').click();
  await s.waitForRows(N);
  await s.waitForHash((h) => !h.params.has('actors') && !h.params.has('dates'), 'facets gone from the hash');
  await waitForFacets(s, cliRows(expected()));
});

test('on a phone-sized screen the list starts within the first screen; the facet strip scrolls sideways and its last group still filters', async ({ open }) => {
  const phone = { viewport: { width: 390, height: 844 } };
  const s = await open('/', phone);
  await s.waitForRows(N);
  await s.waitForFacetsSettled();
  const layout = await s.page.evaluate(([row, facets]) => {
    const f = document.querySelector(facets);
    return {
      rowTop: document.querySelector(row).getBoundingClientRect().top,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      strip: f.scrollWidth - f.clientWidth,
    };
  }, [sel('article-row'), sel('facets')]);
  assert.ok(layout.rowTop < phone.viewport.height - 100, `the first row starts at ${layout.rowTop} px, below the first screen`);
  assert.equal(layout.pageOverflow, 0, 'the page itself does not scroll sideways');
  assert.ok(layout.strip > 0, 'the facet groups are side by side in a strip wider than the screen');

  // The last group is off to the right; ticking one of its values works
  // (the browser scrolls the strip to it) and filters as the engine does.
  const last = await s.page.locator(sel('facet-group')).last().getAttribute('data-facet');
  const values = expected().facets[last];
  const v = values.find((v) => v.count > 0 && v.count < N) ?? values.find((v) => v.count > 0);
  await box(s, last, v.key).check();
  const want = expected([[last, v.key]]);
  assert.deepEqual(await s.waitForRows(want.articles.length), want.articles);
  await waitForFacets(s, cliRows(want));
});

test('each facet opened from the URL selects what the engine selects', async ({ open }) => {
  const all = expected();
  for (const facet of Object.keys(FLAG)) {
    const v = all.facets[facet].find((v) => v.count > 0);
    const want = expected([[facet, v.key]]);
    const s = await open(`/?${facet}=${encodeURIComponent(v.key)}`);
    assert.deepEqual(await s.waitForRows(want.articles.length), want.articles, `${facet}=${v.key}`);
    await waitForFacets(s, cliRows(want));
    await expect(s.locator('notice')).toHaveCount(0);
  }
});

test('the search narrows every facet count', async ({ open }) => {
  const want = expected([], ['--q', 'taiwan']);
  assert.ok(want.articles.length > 0 && want.articles.length < N);
  const s = await open('/?q=taiwan');
  assert.deepEqual(await s.waitForRows(want.articles.length), want.articles);
  await waitForFacets(s, cliRows(want));
});

test('typed searches: the facet counts follow the list, busy until they are the current selection’s', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await s.waitForFacetsSettled();
  await s.locator('search').click();
  // Words that select some articles but not all, as the CLI says.
  const words = ['taiwan', 'aukus', 'sanction', 'energy', 'enlargement', 'nato'].filter((q) => {
    const n = expected([], ['--q', q]).articles.length;
    return n > 0 && n < N;
  });
  assert.ok(words.length >= 2, `two words select some but not all seed articles: ${words}`);
  for (const q of words.slice(0, 2)) {
    await s.locator('search').fill('');
    await s.page.keyboard.type(q, { delay: 20 });
    await s.waitForHash((h) => h.params.get('q') === q, `q=${q}`);
    const want = expected([], ['--q', q]);
    assert.deepEqual(await s.waitForRows(want.articles.length), want.articles);
    // Not busy means up to date: read once, no polling.
    await s.waitForFacetsSettled();
    assert.deepEqual(await pageRows(s), cliRows(want), `facet counts for “${q}”`);
  }
});

test('every sort order is the engine’s', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  const options = await s.locator('sort').locator('option').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(options.length >= 8, `options: ${options}`);
  for (const o of options) {
    await s.locator('sort').selectOption(o);
    const want = expected([], ['--sort', o]).articles;
    if (o !== 'id') await s.waitForHash((h) => h.params.get('sort') === o, `sort=${o}`);
    await expect.poll(() => s.rowIds(), { message: `sort ${o}` }).toEqual(want);
  }
});

test('facet checkboxes work from the keyboard', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  const first = s.page.locator(sel('facet-value')).first();
  const [facet, key] = await first.evaluate((e) => [e.dataset.facet, e.dataset.key]);
  await first.focus();
  await s.page.keyboard.press('Space');
  await s.waitForHash((h) => h.params.get(facet) === key, `${facet}=${key} after Space`);
  const again = box(s, facet, key);
  await again.focus();
  await s.page.keyboard.press('Space');
  await s.waitForHash((h) => !h.params.has(facet), `${facet} gone after a second Space`);
  await s.waitForRows(N);
});

test('the filtered set drives the overlap and stance views ("k of N articles")', async ({ open }) => {
  const ev = expected().facets.events.filter((v) => v.count >= 2 && v.count < N)[0];
  assert.ok(ev, 'an event with at least two but not all articles');
  const k = ev.count;
  const s = await open(`/?events=${encodeURIComponent(ev.key)}`);
  await s.waitForRows(k);
  await s.locator('tab-overlap').click();
  await s.locator('heatmap').waitFor();
  await expect(s.locator('view-count')).toHaveText(new RegExp(`\\b${k} of ${N} articles\\b`));
  await expect(s.page.locator('.heatmap tbody tr')).toHaveCount(k);
  const ids = new Set(expected([['events', ev.key]]).articles);
  const cells = await s.page.locator(sel('heat-cell')).evaluateAll((els) => els.map((e) => [e.dataset.a, e.dataset.b]));
  for (const [a, b] of cells) assert.ok(ids.has(a) && ids.has(b), `${a} × ${b} is inside the selection`);
  await s.locator('tab-stances').click();
  await expect(s.locator('view-count')).toHaveText(new RegExp(`\\b${k} of ${N} articles\\b`));
  await s.waitForHash((h) => h.path === '/stances' && h.params.get('events') === ev.key, 'the filter travels with the tab');
});
