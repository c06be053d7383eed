// A phone (390 px) and a laptop (1280 px): the header stays short with
// filter chips, the stance matrix keeps its actor column and says that more
// columns exist, issue names are whole, the evidence opens in view.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';
import { cli } from './cli.mjs';

const PHONE = { viewport: { width: 390, height: 844 } };
const LAPTOP = { viewport: { width: 1280, height: 900 } };

/** A view with a search, a long "shares with" chip and an outlet chip. */
function chipsHash() {
  const outlet = cli('facets').facets.outlets.find((v) => v.count > 0).key;
  return `/?q=summit&shares=${encodeURIComponent(SEED_IDS[0])}&outlets=${encodeURIComponent(outlet)}`;
}

for (const [name, opts] of [['390 px', PHONE], ['390 px, dark', { ...PHONE, colorScheme: 'dark' }], ['1280 px', LAPTOP]]) {
  test(`${name}: the sticky header is at most 100 px high with three chips, each × in view`, async ({ open }) => {
    const s = await open(chipsHash(), opts);
    await expect(s.locator('chip')).toHaveCount(2);
    await expect(s.locator('chip-q')).toBeVisible();
    const h = await s.page.locator('.topbar').evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(h <= 100, `header ${h} px high`);
    // The header stays in place when the page scrolls.
    await s.page.mouse.wheel(0, 600);
    await expect.poll(() => s.page.locator('.topbar').evaluate((e) => e.getBoundingClientRect().top)).toBe(0);
    // Every chip's × lies inside its chip, and the strip scrolls to show each chip in the viewport.
    for (const chip of await s.page.locator('.topbar .chip').all()) {
      await chip.scrollIntoViewIfNeeded();
      const [c, x] = await chip.evaluate((e) => [e.getBoundingClientRect(), e.querySelector('.chip-x').getBoundingClientRect()].map((r) => r.toJSON()));
      assert.ok(x.width > 0 && x.left >= c.left && x.right <= c.right + 0.5, `× inside its chip: ${JSON.stringify([c, x])}`);
      assert.ok(x.right <= opts.viewport.width && x.left >= 0, `× on screen: ${JSON.stringify(x)}`);
    }
    // Long labels are cut, not the ×: the "shares with" chip's label has an ellipsis or fits.
    const title = await s.page.locator(`.topbar .chip[title*="shares with"]`).getAttribute('title');
    assert.ok(title.includes('shares with'), 'the full label is the chip’s tooltip');
  });
}

for (const [name, opts] of [['390 px', PHONE], ['1280 px', LAPTOP]]) {
  test(`${name}: issue names are whole, and the actor column stays when the matrix scrolls sideways`, async ({ open }) => {
    const cells = cli('stances');
    const s = await open('/stances', opts);
    await s.locator('stance-matrix').waitFor();
    const heads = await s.page.locator('.matrix th.issue').evaluateAll((els) =>
      els.map((th) => {
        const span = th.querySelector('span');
        const [a, b] = [th.getBoundingClientRect(), span.getBoundingClientRect()];
        return { text: span.textContent, title: th.title, fits: b.height <= a.height + 1 && b.width <= a.width + 1, clipped: span.scrollHeight > span.clientHeight + 1 || span.scrollWidth > span.clientWidth + 1 };
      }),
    );
    const issues = new Set(cells.map((c) => c.issue));
    for (const h of heads) {
      assert.ok(h.fits && !h.clipped, `"${h.text}" is shown whole`);
      assert.equal(h.title, h.text, 'the full name on hover too');
    }
    for (const i of issues) assert.ok(heads.some((h) => h.text === i), `column "${i}" named in full`);
    // Every cell names its issue in full for the keyboard and screen readers.
    const labels = await s.page.locator(sel('stance-cell')).evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label'), e.dataset.issue]));
    for (const [label, issue] of labels) assert.ok(label.includes(issue), `${label} names ${issue}`);

    const wrap = s.page.locator('.matrix-wrap');
    const [sw, cw] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    if (opts === PHONE) {
      assert.ok(sw > cw, 'at 390 px the matrix is wider than the screen');
      await expect(s.locator('matrix-hint')).toBeVisible();
      await expect(s.locator('matrix-hint')).toContainText(`${issues.size} issues across`);
    }
    if (sw <= cw) return;
    const before = await s.page.locator('.matrix th.actor').first().evaluate((e) => e.getBoundingClientRect().left);
    await wrap.evaluate((e) => { e.scrollLeft = e.scrollWidth; });
    await expect.poll(() => wrap.evaluate((e) => e.scrollLeft)).toBeGreaterThan(50);
    const after = await s.page.locator('.matrix th.actor').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    for (const left of after) assert.ok(Math.abs(left - before) < 1, `actor column stays at ${before}, is at ${left}`);
    // And nothing covers it: the element at its middle is the actor's cell.
    const top = await s.page.locator('.matrix th.actor').first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('th')?.className;
    });
    assert.equal(top, 'actor');
  });

  test(`${name}: a cell's evidence opens in view`, async ({ open }) => {
    const s = await open('/stances', opts);
    await s.locator('stance-matrix').waitFor();
    // The last row's first cell with evidence: the panel is furthest down on a phone.
    const cell = s.page.locator(sel('stance-cell')).last();
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await s.locator('evidence').waitFor();
    await expect
      .poll(() => s.page.locator('#evidence-title').evaluate((e) => {
        const r = e.getBoundingClientRect();
        const header = document.querySelector('.topbar').getBoundingClientRect().bottom;
        return r.top >= header - 1 && r.bottom <= innerHeight;
      }), { message: 'the evidence heading is on screen, below the header' })
      .toBe(true);
  });
}
