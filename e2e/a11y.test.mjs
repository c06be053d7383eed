// Keyboard and screen readers: the skip link, one <h1> per view, the
// document title, focus after a change of view, arrow keys in the heat map,
// Esc closing the innermost open thing; and what the numbers and colours
// mean (heat map legend and labels, the reader's underlines, dark contrast).
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';
import { cli } from './cli.mjs';

const PHONE = { viewport: { width: 390, height: 844 } };
const LAPTOP = { viewport: { width: 1280, height: 900 } };

/** The pair that shares most passages: "a,b". */
function bestPair() {
  const n = new Map();
  for (const p of cli('passages')) {
    const k = `${p.a.article},${p.b.article}`;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n].sort((x, y) => y[1] - x[1])[0][0];
}

/** A stance cell with evidence: [actor, issue]. */
function someCell() {
  const c = [...cli('stances')].sort((x, y) => y.evidence.length - x.evidence.length)[0];
  return [c.actor, c.issue];
}

/** Every view with something open, as hash routes, and what its title must name. */
function views() {
  const [actor, issue] = someCell();
  const pair = bestPair();
  return [
    ['/', 'Articles'],
    [`/?article=${SEED_IDS[1]}`, 'Articles'],
    ['/overlap', 'Overlap'],
    [`/overlap?pair=${encodeURIComponent(pair)}`, 'Overlap'],
    ['/overlap?cluster=0', 'Overlap'],
    ['/stances', 'Stances'],
    [`/stances?actor=${encodeURIComponent(actor)}&issue=${encodeURIComponent(issue)}`, 'Stances'],
  ];
}

test('every view has one <h1> and a document title that names the view and what is open', async ({ open }) => {
  const titles = new Set();
  const s = await open('/', LAPTOP);
  for (const [hash, view] of views()) {
    await s.goto(hash);
    await expect(s.page.locator('h1'), `${hash}: one h1`).toHaveCount(1);
    await expect(s.page.locator('h1')).toContainText(view);
    await expect(s.page).toHaveTitle(new RegExp(`${view} — `));
    titles.add(await s.page.title());
  }
  assert.equal(titles.size, views().length, `a title per view: ${[...titles].join(' | ')}`);
  // The open article's title is in the document title.
  await s.goto(`/?article=${SEED_IDS[1]}`);
  const t = (await s.locator('reader-title').innerText()).slice(0, 30);
  assert.ok((await s.page.title()).includes(t), `title names “${t}”`);
});

for (const [name, opts] of [['1280 px', LAPTOP], ['390 px', PHONE]]) {
  test(`${name}: the skip link is the first stop and moves focus to the results`, async ({ open }) => {
    const s = await open('/', opts);
    await s.waitForRows(SEED_IDS.length);
    await s.page.keyboard.press('Tab');
    await expect(s.locator('skip-link')).toBeFocused();
    await expect(s.locator('skip-link')).toBeInViewport();
    await s.page.keyboard.press('Enter');
    await expect(s.page.locator('#results')).toBeFocused();
    // The next Tab is the first result.
    await s.page.keyboard.press('Tab');
    const focused = await s.page.evaluate(() => document.activeElement.closest('[data-testid="article-row"]')?.dataset.articleId);
    assert.ok(focused, 'a row has the focus after one Tab');
    // And the hash did not change (the route is kept).
    assert.equal(await s.hash(), '#/');
  });

  test(`${name}: after switching views the focus is on the new view's heading`, async ({ open }) => {
    const s = await open('/', opts);
    for (const v of ['overlap', 'stances', 'articles']) {
      await s.locator(`tab-${v}`).focus();
      await s.page.keyboard.press('Enter');
      await expect(s.locator('view-heading')).toBeFocused();
      await expect(s.locator('view-heading')).toContainText(v[0].toUpperCase() + v.slice(1));
    }
    // Opening a pair from the heat map is a new screen too.
    await s.locator('tab-overlap').click();
    await s.page.locator(sel('heat-cell')).first().click();
    await s.locator('pair-view').waitFor();
    await expect(s.locator('view-heading')).toBeFocused();
    await expect(s.locator('view-heading')).toContainText('side by side');
  });
}

test('arrow keys move between heat-map cells, one tab stop, Enter opens the pair; every cell is labelled', async ({ open }) => {
  const s = await open('/overlap', LAPTOP);
  await s.locator('heatmap').waitFor();
  const stops = s.page.locator(`${sel('heatmap')} [data-r][tabindex="0"]`);
  await expect(stops).toHaveCount(1);
  await stops.focus();
  await expect(s.page.locator('#hm-0-1')).toBeFocused();
  await s.page.keyboard.press('ArrowRight');
  await expect(s.page.locator('#hm-0-2')).toBeFocused();
  await s.page.keyboard.press('ArrowDown');
  await expect(s.page.locator('#hm-1-2')).toBeFocused();
  await s.page.keyboard.press('ArrowLeft');
  await s.page.keyboard.press('ArrowLeft');
  await expect(s.page.locator('#hm-1-0')).toBeFocused();
  await s.page.keyboard.press('End');
  await expect(s.page.locator(`#hm-1-${SEED_IDS.length - 1}`)).toBeFocused();
  // Still one tab stop, now where the focus is.
  await expect(stops).toHaveCount(1);
  // Every cell says what it shows: passages and share, "nothing shared", or the diagonal.
  const labels = await s.page.locator(`${sel('heatmap')} [data-r]`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  assert.equal(labels.length, SEED_IDS.length ** 2);
  for (const l of labels) assert.match(l, /share \d+ passages?: \d+% of the shorter article's words|nothing shared|the same article/);
  for (const l of await s.page.locator(sel('heat-none')).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
    assert.match(l, /nothing shared/);
  }
  // The legend explains the numbers.
  await expect(s.locator('heat-legend')).toContainText('shorter article');
  await expect(s.locator('heat-legend')).toContainText('passages');
  // Enter on a cell with a link opens its pair.
  const link = s.page.locator(sel('heat-cell')).first();
  await link.focus();
  await s.page.keyboard.press('Enter');
  await s.locator('pair-view').waitFor();
});

/** WCAG contrast of two CSS colours as getComputedStyle gives them (rgb() or color(srgb …)). */
function contrastFn() {
  const parse = (c) => {
    const n = c.match(/[\d.]+/g).map(Number);
    return c.startsWith('color(') ? n.slice(0, 3) : n.slice(0, 3).map((x) => x / 255);
  };
  const lum = (c) => {
    const [r, g, b] = parse(c).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
}

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: heat-map shading is visible from the first step, and its text keeps contrast`, async ({ open }) => {
    const s = await open('/overlap', { ...LAPTOP, colorScheme: scheme });
    await s.locator('heatmap').waitFor();
    const res = await s.page.evaluate(`(() => {
      const contrast = (${contrastFn.toString()})();
      const bg = getComputedStyle(document.body).backgroundColor;
      const out = [];
      for (const l of [1, 2, 3, 4, 5]) {
        const cell = document.querySelector('.heat-scale .l' + l);
        const cs = getComputedStyle(cell);
        out.push({ l, shade: contrast(cs.backgroundColor, bg), text: contrast(cs.color, cs.backgroundColor) });
      }
      for (const a of document.querySelectorAll('[data-testid="heat-cell"]')) {
        const td = getComputedStyle(a.parentElement).backgroundColor;
        for (const span of a.querySelectorAll('span')) out.push({ cell: true, text: contrast(getComputedStyle(span).color, td) });
      }
      return out;
    })()`);
    for (const r of res) {
      assert.ok(r.text >= 4.5, `text contrast ${r.text.toFixed(2)} (${JSON.stringify(r)})`);
      if (r.l === 1) assert.ok(r.shade >= 1.15, `first shade stands out from the page: ${r.shade.toFixed(2)}`);
    }
  });
}

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: the stance legend's badges keep text contrast`, async ({ open }) => {
    const s = await open('/stances', { ...LAPTOP, colorScheme: scheme });
    await s.page.locator('.badge').first().waitFor();
    const res = await s.page.evaluate(`(() => {
      const contrast = (${contrastFn.toString()})();
      const bg = getComputedStyle(document.body).backgroundColor;
      return [...document.querySelectorAll('.badge')].map((b) => ({ cls: b.className, text: contrast(getComputedStyle(b).color, bg) }));
    })()`);
    assert.ok(res.length >= 3, `support, oppose and mixed badges: ${JSON.stringify(res)}`);
    for (const r of res) assert.ok(r.text >= 4.5, `badge contrast ${r.text.toFixed(2)} (${JSON.stringify(r)})`);
  });
}

test('the reader explains its underlines; pair-only and cluster links differ; "all versions" opens the collation', async ({ open }) => {
  const s = await open('/', LAPTOP);
  let found = null;
  for (const id of SEED_IDS) {
    await s.goto(`/?article=${id}`);
    await s.locator('reader').waitFor();
    const kinds = await s.page.locator(sel('shared-link')).evaluateAll((els) => els.map((e) => e.classList.contains('pair-only')));
    if (kinds.length === 0) {
      await expect(s.locator('reader-legend')).toHaveCount(0);
      continue;
    }
    await expect(s.locator('reader-legend')).toBeVisible();
    if (kinds.includes(true) && kinds.includes(false)) {
      found = id;
      break;
    }
  }
  const colour = (loc) => loc.evaluate((e) => [getComputedStyle(e).textDecorationColor, getComputedStyle(e).textDecorationStyle]);
  // The legend's two samples differ, as do the links they describe.
  const [lc, lp] = [await colour(s.locator('legend-cluster')), await colour(s.locator('legend-pair'))];
  assert.notDeepEqual(lc, lp);
  if (found) {
    const c = await colour(s.page.locator(`${sel('shared-link')}:not(.pair-only)`).first());
    const p = await colour(s.page.locator(`${sel('shared-link')}.pair-only`).first());
    assert.notEqual(c[0], p[0], 'two colours');
    assert.notEqual(c[1], p[1], 'two line styles');
  }
  // A sentence of a cluster offers all its versions.
  for (const id of SEED_IDS) {
    await s.goto(`/?article=${id}`);
    await s.locator('reader').waitFor();
    if ((await s.locator('all-versions').count()) === 0) continue;
    await s.locator('all-versions').first().click();
    await s.locator('cluster-view').waitFor();
    await s.waitForHash((h) => h.path === '/overlap' && h.params.has('cluster'), 'a cluster in the hash');
    return;
  }
  assert.fail('no reader offers "all versions" although the seeds have clusters');
});

test('Esc closes the innermost open thing in every view', async ({ open }) => {
  const [actor, issue] = someCell();
  const s = await open(`/stances?actor=${encodeURIComponent(actor)}&issue=${encodeURIComponent(issue)}`, LAPTOP);
  // Stances: the evidence panel, the focus back in the matrix.
  await s.locator('evidence').waitFor();
  await s.page.locator(sel('stance-cell')).first().focus();
  await s.page.keyboard.press('Escape');
  await expect(s.locator('evidence')).toHaveCount(0);
  await s.waitForHash((h) => !h.params.has('actor'), 'cell gone after Esc');
  await expect(s.locator('stance-matrix')).toBeVisible();

  // Articles: the reader.
  await s.goto(`/?article=${SEED_IDS[0]}`);
  await s.locator('reader').waitFor();
  await s.page.keyboard.press('Escape');
  await expect(s.locator('reader')).toHaveCount(0);
  await s.waitForHash((h) => !h.params.has('article'), 'reader closed');

  // Overlap, pair: a folded stretch first (when one is open), then back to the overview.
  await s.goto(`/overlap?pair=${encodeURIComponent(bestPair())}`);
  await s.locator('pair-view').waitFor();
  const details = s.page.locator(`${sel('pair-view')} details`).first();
  if ((await details.count()) > 0) {
    await details.locator('summary').click();
    await expect(details).toHaveAttribute('open', '');
    await s.page.keyboard.press('Escape');
    await expect(details).not.toHaveAttribute('open', '');
    await expect(s.locator('pair-view')).toBeVisible();
  }
  await s.page.keyboard.press('Escape');
  await s.locator('heatmap').waitFor();

  // Overlap, collation: back to the overview.
  await s.goto('/overlap?cluster=0');
  await s.locator('cluster-view').waitFor();
  await s.page.keyboard.press('Escape');
  await s.locator('heatmap').waitFor();
  await s.waitForHash((h) => !h.params.has('cluster'), 'cluster gone after Esc');
  // The search box: Esc clears its text first, and the reader stays open;
  // a second Esc (the box empty) closes the reader.
  await s.goto(`/?article=${SEED_IDS[0]}`);
  await s.locator('reader').waitFor();
  await s.locator('search').fill('putin');
  await s.waitForHash((h) => h.params.get('q') === 'putin', 'search in the hash');
  await s.page.keyboard.press('Escape');
  await expect(s.locator('search')).toHaveValue('');
  await s.waitForHash((h) => !h.params.has('q'), 'search cleared by Esc');
  await expect(s.locator('reader')).toBeVisible();
  await s.page.keyboard.press('Escape');
  await expect(s.locator('reader')).toHaveCount(0);
});
