// The Overlap view: heat map, pair view, cluster view — opened from URLs and
// by clicking, checked against `parallax passages`.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';
import { cli, seedSlice, squash } from './cli.mjs';

function pairsByKey() {
  const m = new Map();
  for (const p of cli('passages')) {
    const k = `${p.a.article},${p.b.article}`;
    if (!m.has(k)) m.set(k, []);
    m.get(k).push(p);
  }
  return m;
}

test('the heat map has one cell per pair that shares passages, with the CLI count', async ({ open }) => {
  const byKey = pairsByKey();
  const s = await open('/overlap');
  await s.locator('heatmap').waitFor();
  const cells = await s.page.locator(sel('heat-cell')).evaluateAll((els) =>
    els.map((e) => [`${e.getAttribute('data-a')},${e.getAttribute('data-b')}`, Number(e.getAttribute('data-passages'))]),
  );
  // Each unordered pair appears twice (above and below the diagonal).
  const seen = new Map(cells);
  assert.equal(cells.length, 2 * byKey.size, 'two cells per sharing pair');
  for (const [k, list] of byKey) assert.equal(seen.get(k), list.length, `passages of ${k}`);
  await expect(s.page.locator('.heatmap tbody tr')).toHaveCount(SEED_IDS.length);
});

test('clicking a cell opens the pair side by side; j/k select passages; Esc goes back', async ({ open }) => {
  const byKey = pairsByKey();
  const [key, list] = [...byKey].sort((x, y) => y[1].length - x[1].length)[0];
  const [a, b] = key.split(',');
  const s = await open('/overlap');
  await s.page.locator(`${sel('heat-cell')}[data-a="${a}"][data-b="${b}"]`).first().click();
  await s.locator('pair-view').waitFor();
  await s.waitForHash((h) => h.path === '/overlap' && h.params.get('pair') === key, 'pair= in the hash');
  // Passages that share a sentence are one row (the engine's layout).
  const rows = cli('passages', '--rows', '--pair', key)[0].items.filter((i) => i.row).map((i) => i.row.id);
  assert.ok(rows.length <= list.length);
  await expect(s.locator('passage')).toHaveCount(rows.length);

  await s.page.keyboard.press('j');
  await s.waitForHash((h) => h.params.get('p') === rows[0], 'the first row after j');
  if (rows.length > 1) {
    await s.page.keyboard.press('j');
    await s.waitForHash((h) => h.params.get('p') === rows[1], 'the second after j j');
    await s.page.keyboard.press('k');
    await s.waitForHash((h) => h.params.get('p') === rows[0], 'the first after k');
  }
  await expect(s.page.locator(`${sel('passage')}[aria-current="true"]`)).toHaveAttribute('data-index', '0');
  await s.page.keyboard.press('Escape');
  await s.locator('heatmap').waitFor();
  await s.waitForHash((h) => !h.params.has('pair'), 'pair gone after Esc');
});

test('a pair link with p= opens that passage, with both sides’ text from the seed bytes', async ({ open }) => {
  const byKey = pairsByKey();
  const [key, list] = [...byKey].sort((x, y) => y[1].length - x[1].length)[0];
  const idx = Math.min(1, list.length - 1);
  // An old numbered link opens the row that holds that passage.
  const s = await open(`/overlap?pair=${encodeURIComponent(key)}&p=${idx}`);
  const row = s.page.locator(`${sel('passage')}[aria-current="true"]`);
  await expect(row).toHaveCount(1);
  const p = list[idx];
  const cols = (await row.locator('.pcol').allInnerTexts()).map(squash);
  assert.ok(cols[0].includes(squash(seedSlice(p.a.article, p.a.start, p.a.end))), `A holds passage ${idx}: ${cols[0].slice(0, 80)}`);
  assert.ok(cols[1].includes(squash(seedSlice(p.b.article, p.b.start, p.b.end))), `B holds passage ${idx}: ${cols[1].slice(0, 80)}`);
  // Marked on both sides, and never by colour alone.
  const marked = await row.locator('.d-chg, .d-only, .m-same, .m-concept').count();
  assert.ok(marked > 0, 'the row marks its words');
});

test('a cluster link opens the collation table: one row per carrier, the core first, non-carriers named', async ({ open }) => {
  const clusters = cli('passages', '--clusters');
  test.skip(clusters.length === 0, 'the corpus has no cluster');
  const c = clusters[0];
  const want = [c.members[c.core], ...c.members.filter((_, i) => i !== c.core)];
  const s = await open(`/overlap?cluster=${encodeURIComponent(c.key)}`);
  await s.locator('collation').waitFor();
  const rows = await s.page.locator(sel('collation-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
  assert.deepEqual(rows, want.map((m) => m.article));
  const texts = await s.page.locator(`${sel('collation-row')} td:last-child`).allInnerTexts();
  want.forEach((m, i) => assert.equal(squash(texts[i]), squash(m.text)));
  const missing = SEED_IDS.filter((id) => !c.articles.includes(id));
  const footer = await s.locator('not-carried-by').innerText();
  if (missing.length === 0) assert.match(footer, /every article in the corpus/);
  else assert.doesNotMatch(footer, /every article/);
});

test('a bad pair or cluster in the URL gives a notice and the overview', async ({ open }) => {
  for (const hash of ['/overlap?pair=nope,zzz', '/overlap?cluster=999', `/overlap?pair=${SEED_IDS[0]}`]) {
    const s = await open(hash);
    await expect(s.locator('notice')).toBeVisible();
    await expect(s.locator('heatmap')).toBeVisible();
  }
});
