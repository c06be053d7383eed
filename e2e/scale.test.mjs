// The explorer at a size where its long-list machinery shows: ECB+'s 982
// real articles (../shared/corpora/ecbplus; Cybulska & Vossen, LREC 2014;
// CC BY 3.0) compiled into a page by scripts/e2e-pages.sh (target/e2e-scale,
// from target/e2e-scale-corpus/ with the ECB+ lexicon of the engine's tests;
// PARALLAX_SCALE_DIST / PARALLAX_SCALE_CORPUS override). Reading the corpus in steps with a progress bar, the list's
// first page growing as the reader scrolls, search and capped facet groups —
// every expectation from `parallax facets` on the same corpus.
//
// Without ECB+ on the machine there is no such build, and these tests are
// skipped (said in the output), not passed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, note } from './app.mjs';
import { ROOT, sel } from './helpers.mjs';
import { cli } from './cli.mjs';

const CORPUS = path.resolve(ROOT, process.env.PARALLAX_SCALE_CORPUS ?? 'target/e2e-scale-corpus/ecbplus.jsonl');
const PAGE = 15; // rows per page of the list (query.rs PAGE_ROWS)

// The project `scale` serves this build (playwright.config.mjs).
const DIST = path.resolve(ROOT, process.env.PARALLAX_SCALE_DIST ?? 'target/e2e-scale');
const built = fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(CORPUS);
const facets = (...args) => cli('facets', '--corpus', CORPUS, ...args);

test.skip(!built, `no ${path.relative(ROOT, DIST)} (ECB+ is not on this machine)`);
const all = () => facets();

test('a large corpus is read in steps, with its progress on screen, then shows its first page', async ({ open }) => {
  const N = all().articles.length;
  assert.ok(N > 500, `the scale corpus is large (${N} articles)`);
  const s = await open(null);
  // Every frame painted while the corpus is read records what the
  // loading status said (a slower CPU: more steps, as on a small laptop).
  await s.context.addInitScript(() => {
    window.__frames = [];
    const look = () => {
      const el = document.querySelector('[data-testid="loading"]');
      if (el) {
        const bar = el.querySelector('progress');
        window.__frames.push({ value: Number(bar?.value), max: Number(bar?.max), text: el.innerText, role: el.getAttribute('role') });
      }
      if (!document.querySelector('[data-testid="article-row"]')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const cdp = await s.context.newCDPSession(s.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await s.goto('/');
  const ids = await s.waitForRows(PAGE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const frames = await s.page.evaluate(() => window.__frames);
  const values = [...new Set(frames.map((f) => f.value))];
  note(`progress painted: ${values.join(', ')} (${frames.length} frames)`);
  assert.ok(values.length >= 2, `frames were painted at two or more stages of reading: ${values}`);
  for (let i = 1; i < frames.length; i++) assert.ok(frames[i].value >= frames[i - 1].value, 'progress only grows');
  for (const f of frames) {
    assert.equal(f.role, 'status');
    assert.equal(f.max, 100);
    assert.ok(f.value >= 0 && f.value <= 100);
    assert.match(f.text, new RegExp(`Reading the corpus… ${f.value}%`));
  }
  assert.deepEqual(ids, all().articles.slice(0, PAGE), 'the first page, in the engine’s order');
  await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b${N} of ${N} articles`));
  await expect(s.locator('show-more-bar')).toHaveText(new RegExp(`first ${PAGE} of ${N} articles`));
});

test('scrolling to the end grows the list a page at a time; the link keeps it', async ({ open }) => {
  const want = all().articles;
  const s = await open('/');
  await s.waitForRows(PAGE);
  for (const n of [2 * PAGE, 3 * PAGE]) {
    await s.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.deepEqual(await s.waitForRows(n), want.slice(0, n), `${n} rows after scrolling to the end`);
    await s.waitForHash((h) => h.params.get('show') === String(n), `show=${n} in the link`);
  }
  // The "show more" link, by keyboard. Focusing it scrolls it into view,
  // near the end, which may itself add a page: at least one more.
  await s.locator('show-more').focus();
  await s.page.keyboard.press('Enter');
  const h = await s.waitForHash((h) => Number(h.params.get('show')) >= 4 * PAGE, `show=${4 * PAGE} or more`);
  let n = Number(h.params.get('show'));
  for (let settled = false; !settled; ) {
    await s.page.waitForTimeout(300);
    const now = Number((await s.waitForHash(() => true)).params.get('show'));
    settled = now === n;
    n = now;
  }
  assert.equal(n % PAGE, 0, `whole pages: show=${n}`);
  assert.deepEqual(await s.waitForRows(n), want.slice(0, n));
  // A shared link opens with as many rows, at the top of the page.
  const other = await open(await s.hash());
  assert.deepEqual(await other.waitForRows(n), want.slice(0, n));
  assert.equal(await other.page.evaluate(() => window.scrollY), 0);
});

test('typing a search narrows 982 articles to the engine’s hits; long facet groups show their top values', async ({ open }) => {
  const word = 'earthquake';
  const r = facets('--q', word);
  const N = all().articles.length;
  assert.ok(r.articles.length > PAGE && r.articles.length < N / 2, `“${word}” selects a page and more, not most (${r.articles.length})`);
  const s = await open('/');
  await s.waitForRows(PAGE);
  await s.locator('search').click();
  await s.page.keyboard.type(word, { delay: 30 });
  await s.waitForHash((h) => h.params.get('q') === word, `q=${word}`);
  await expect(s.locator('result-count')).toContainText(`${r.articles.length} of ${N} articles`);
  await s.waitForFacetsSettled();
  assert.deepEqual(await s.waitForRows(PAGE), r.articles.slice(0, PAGE));
  // Every row shows the word highlighted (title or snippet).
  const marked = await s.page
    .locator(sel('article-row'))
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('mark')].map((m) => m.innerText.toLowerCase())));
  for (const m of marked) assert.ok(m.some((w) => w.startsWith('earthquake')), `a hit is highlighted: ${m}`);

  // Groups with more than 20 values: the 20 with most articles (selected
  // ones first), each with the engine's count, and a note of the rest.
  for (const [facet, values] of Object.entries(r.facets).filter(([, v]) => v.length > 20)) {
    const group = s.page.locator(`${sel('facet-group')}[data-facet="${facet}"]`);
    const shown = await group
      .locator(sel('facet-value'))
      .evaluateAll((els) => els.map((e) => [e.dataset.key, Number(e.dataset.count)]));
    assert.equal(shown.length, 20, `${facet}: 20 values shown`);
    const count = new Map(values.map((v) => [v.key, v.count]));
    for (const [key, n] of shown) assert.equal(n, count.get(key), `${facet} ${key}: the engine's count`);
    const keys = new Set(shown.map(([k]) => k));
    const least = Math.min(...shown.map(([, n]) => n));
    const hidden = values.filter((v) => !keys.has(v.key));
    assert.ok(hidden.every((v) => v.count <= least), `${facet}: no hidden value has more articles than a shown one`);
    assert.match(await group.locator(sel('facet-more')).innerText(), new RegExp(`^${hidden.length} more values`));
  }
});

test('Overlap at 982 articles lists the pairs that share most; a narrower selection gets the heat map', async ({ open }) => {
  // The engine's passages, counted per pair of articles.
  const perPair = new Map();
  for (const p of cli('passages', '--corpus', CORPUS)) {
    const key = `${p.a.article}|${p.b.article}`;
    perPair.set(key, (perPair.get(key) ?? 0) + 1);
  }
  const N = all().articles.length;
  const s = await open('/overlap');
  await s.locator('top-pairs').waitFor();
  await expect(s.locator('heatmap'), 'no heat map of 982 × 982').toHaveCount(0);
  await expect(s.locator('heatmap-too-large')).toHaveText(new RegExp(`filters select ${N}`));
  assert.match(await s.locator('overview').innerText(), new RegExp(`${perPair.size} of ${(N * (N - 1)) / 2} pairs share something`));
  const rows = await s.page
    .locator(sel('pair-row'))
    .evaluateAll((els) => els.map((e) => [e.dataset.a, e.dataset.b, Number(e.dataset.passages), e.querySelector('a').getAttribute('href')]));
  assert.equal(rows.length, 50, 'the 50 pairs that share most');
  for (const [a, b, n, href] of rows) {
    assert.equal(n, perPair.get(`${a}|${b}`), `${a} × ${b}: the engine's passage count`);
    assert.ok(href.includes(`pair=${encodeURIComponent(a)}%2C${encodeURIComponent(b)}`) || href.includes(`pair=${a},${b}`), href);
  }
  // A pair opens side by side from the list.
  await s.page.locator(sel('pair-row')).first().locator('a').click();
  await s.waitForHash((h) => h.params.get('pair') === `${rows[0][0]},${rows[0][1]}`, 'the pair in the link');
  await s.locator('pair-view').waitFor();

  // Narrowed by a search to a few articles: the heat map, cell for cell the engine's pairs.
  const q = ['earthquake tsunami', 'tara reid', 'oscar'].find((w) => {
    const n = facets('--q', w).articles.length;
    return n >= 5 && n <= 30;
  });
  assert.ok(q, 'a search selects 5 to 30 articles');
  const picked = facets('--q', q).articles;
  const narrow = await open(`/overlap?q=${encodeURIComponent(q)}`);
  await narrow.locator('heatmap').waitFor();
  const cells = await narrow.page
    .locator(sel('heat-cell'))
    .evaluateAll((els) => els.map((e) => [e.dataset.a, e.dataset.b, Number(e.dataset.passages)]));
  const inSel = new Set(picked);
  const want = [...perPair].filter(([k]) => k.split('|').every((id) => inSel.has(id)));
  // Every pair appears twice (above and below the diagonal).
  assert.equal(cells.length, 2 * want.length, `cells for the ${want.length} sharing pairs of ${picked.length} articles`);
  for (const [a, b, n] of cells) assert.equal(n, perPair.get(`${a}|${b}`), `${a} × ${b}`);
});

test('the largest cluster shows its readings a page at a time, core first', async ({ open }) => {
  const clusters = cli('passages', '--clusters', '--corpus', CORPUS);
  const big = clusters.reduce((x, y) => (y.members.length > x.members.length ? y : x));
  // Clusters are stars around a core: the largest holds a few dozen readings.
  assert.ok(big.members.length > 10, `a cluster with over 10 readings (${big.members.length})`);
  const want = [big.members[big.core], ...big.members.filter((_, i) => i !== big.core)].map((m) => m.article);
  const s = await open(`/overlap?cluster=${encodeURIComponent(big.key)}`);
  await s.locator('collation').waitFor();
  const rows = () => s.page.locator(sel('collation-row')).evaluateAll((els) => els.map((e) => e.dataset.articleId));
  assert.deepEqual(await rows(), want.slice(0, 50), 'the first 50 readings, the core first, then in the engine’s order');
  const notCarried = all().articles.length - new Set(want).size;
  assert.match(await s.locator('not-carried-by').innerText(), new RegExp(`and ${notCarried - 30} more articles$`));
  if (want.length > 50) {
    assert.match(await s.locator('collation-more').innerText(), new RegExp(`first 50 of ${want.length} readings`));
    await s.locator('collation-more').locator('a').click();
    await s.waitForHash((h) => h.params.get('show') === '100', 'show=100');
    assert.deepEqual(await rows(), want.slice(0, 100));
  } else {
    await expect(s.locator('collation-more')).toHaveCount(0);
  }
});

test('a stance cell at 982 articles names the first carriers and non-carriers and counts the rest', async ({ open }) => {
  const cells = cli('stances', '--corpus', CORPUS);
  assert.ok(cells.length > 0, 'the ECB+ lexicon finds stances');
  const cell = cells.reduce((x, y) => (y.evidence.length > x.evidence.length ? y : x));
  const carriers = new Set(cell.evidence.map((e) => e.article));
  const N = all().articles.length;
  const s = await open(`/stances?actor=${encodeURIComponent(cell.actor)}&issue=${encodeURIComponent(cell.issue)}`);
  await s.locator('evidence').waitFor();
  const ids = await s.page.locator(sel('evidence-item')).evaluateAll((els) => els.map((e) => e.dataset.articleId));
  assert.deepEqual(ids, cell.evidence.slice(0, 50).map((e) => e.article), 'the engine’s evidence, in its order');
  const carried = await s.page.locator(`${sel('carried-by')} li`).allInnerTexts();
  assert.equal(carried.length, Math.min(carriers.size, 30) + (carriers.size > 30 ? 1 : 0));
  const missing = await s.page.locator(`${sel('not-carried-by')} li`).allInnerTexts();
  assert.ok(N - carriers.size > 30, 'more non-carriers than are named');
  assert.equal(missing.length, 31, '30 named, then the count');
  assert.equal(missing[30], `and ${N - carriers.size - 30} more articles`);
});
