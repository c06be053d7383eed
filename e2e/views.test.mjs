// Shared views: every view set up by clicking, its link copied with the
// "Copy link" button and opened in a fresh browser context shows the same
// thing; back and forward step through committed navigation, not keystrokes.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS, CLIPBOARD } from './helpers.mjs';
import { cli } from './cli.mjs';

const N = SEED_IDS.length;

/** Tick the first value of `facet` that selects some but not all articles; returns its key. */
async function tickSome(s, facet) {
  const v = cli('facets').facets[facet].find((v) => v.count > 1 && v.count < N) ?? cli('facets').facets[facet].find((v) => v.count > 0);
  await s.page.locator(`${sel('facet-value')}[data-facet="${facet}"][data-key="${v.key.replace(/["\\]/g, '\\$&')}"]`).check();
  await s.waitForHash((h) => h.params.get(facet) === v.key, `${facet}= in the hash`);
  await s.waitForRows(v.count);
  return v.key;
}

// name → set the view up by clicking, starting from '/'.
const VIEWS = {
  'article list with a facet, a sort and a search; reader open': async (s) => {
    await tickSome(s, 'events');
    await s.locator('sort').selectOption('length');
    await s.waitForHash((h) => h.params.get('sort') === 'length', 'sort=length');
    await s.locator('search').fill('statement');
    await s.waitForHash((h) => h.params.get('q') === 'statement', 'q=statement');
    const first = (await s.rowIds())[0];
    await s.openArticle(first);
    await s.locator('boilerplate-toggle').click();
    await s.waitForHash((h) => h.params.get('boilerplate') === '1', 'boilerplate=1');
  },
  'overlap overview of a filtered set': async (s) => {
    await tickSome(s, 'events');
    await s.locator('tab-overlap').click();
    await s.locator('heatmap').waitFor();
  },
  'pair view with a passage selected': async (s) => {
    await s.locator('tab-overlap').click();
    await s.page.locator(sel('heat-cell')).first().click();
    await s.locator('pair-view').waitFor();
    await s.page.keyboard.press('j');
    await s.waitForHash((h) => /^s\d+$/.test(h.params.get('p') ?? ''), 'p=s… (the first row)');
  },
  'cluster view': async (s) => {
    await s.locator('tab-overlap').click();
    await s.page.locator(`${sel('cluster')} a`).first().click();
    await s.locator('cluster-view').waitFor();
  },
  'stance matrix of a filtered set with a cell open': async (s) => {
    await tickSome(s, 'events');
    await s.locator('tab-stances').click();
    await s.page.locator(sel('stance-cell')).first().click();
    await s.locator('evidence').waitFor();
  },
};

for (const [name, setUp] of Object.entries(VIEWS)) {
  test(`${name}: the copied link reproduces it in a fresh context`, async ({ open }) => {
    const a = await open('/', CLIPBOARD);
    await a.waitForRows(N);
    await setUp(a);
    const link = await a.copyLink();
    assert.equal(link, a.page.url(), 'copy link copies the address');
    const shown = await a.settledDigest();

    const b = await open(null); // a new context: no shared history or storage
    await b.page.goto(link);
    await b.ready();
    await expect.poll(async () => JSON.parse(await b.settledDigest()), { timeout: 15_000, intervals: [200] }).toEqual(JSON.parse(shown));
    assert.equal(JSON.parse(shown).notices.length, 0, 'a copied link needs no notice');
  });
}

test('back and forward restore each committed view; typing adds one entry, not one per key', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  const d0 = await s.settledDigest();
  await tickSome(s, 'events');
  const d1 = await s.settledDigest();
  await s.locator('tab-overlap').click();
  await s.locator('heatmap').waitFor();
  const d2 = await s.settledDigest();
  await s.page.locator(sel('heat-cell')).first().click();
  await s.locator('pair-view').waitFor();
  const d3 = await s.settledDigest();

  const expectDigest = (want, what) =>
    expect.poll(async () => JSON.parse(await s.settledDigest()), { message: what, timeout: 15_000, intervals: [50] }).toEqual(JSON.parse(want));
  await s.page.goBack();
  await expectDigest(d2, 'back: the overview');
  await s.page.goBack();
  await expectDigest(d1, 'back: the filtered list');
  await s.page.goForward();
  await expectDigest(d2, 'forward: the overview again');
  await s.page.goForward();
  await expectDigest(d3, 'forward: the pair again');
  await s.page.goBack();
  await s.page.goBack();
  await s.page.goBack();
  await expectDigest(d0, 'back to the start');

  // Typing a search: one entry for the whole word.
  const before = await s.page.evaluate(() => history.length);
  await s.locator('search').click();
  await s.locator('search').pressSequentially('taiwan');
  await s.waitForHash((h) => h.params.get('q') === 'taiwan', 'q=taiwan');
  const after = await s.page.evaluate(() => history.length);
  assert.ok(after - before <= 1, `history grew by ${after - before} while typing 6 keys`);
  await s.page.goBack();
  await s.waitForHash((h) => !h.params.has('q'), 'back undoes the whole search');
  await s.waitForRows(N);
});
