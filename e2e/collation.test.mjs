// The collation of one passage across the outlets that carry it: every row
// shares content with the cluster's core, shows its closeness and tier, can
// become the base; counts are the whole corpus's, hidden readings are said
// and shown on request; links name clusters by a lasting key. At 1280 and
// 390 px, checked against `parallax passages --clusters` and the pairs.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';
import { cli, squash } from './cli.mjs';

const clusters = () => cli('passages', '--clusters');
const overlaps = (s, m) => s.article === m.article && s.start < m.end && m.start < s.end;
/** Does a pair passage of `parallax passages` join members x and y? */
const linked = (x, y) =>
  cli('passages').some((p) => (overlaps(p.a, x) && overlaps(p.b, y)) || (overlaps(p.a, y) && overlaps(p.b, x)));
/** The CLI's rows in the page's order: the core (the default base) first, then the others. */
const ordered = (c) => [c.members[c.core], ...c.members.filter((_, i) => i !== c.core)];

const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

async function rows(s) {
  await s.locator('collation').waitFor();
  return s.page.locator(sel('collation-row')).evaluateAll((els) =>
    els.map((e) => ({
      article: e.getAttribute('data-article-id'),
      closeness: Number(e.getAttribute('data-closeness')),
      tier: e.getAttribute('data-tier'),
      base: e.getAttribute('data-tier') === 'base',
      text: e.querySelector('td:last-child').innerText,
      title: e.querySelector('td.closeness')?.getAttribute('title') ?? '',
      spoken: e.querySelector('td.closeness .visually-hidden')?.textContent ?? '',
      marks: e.querySelectorAll('.d-chg, .d-only, .m-same, .m-concept').length,
      diffs: e.querySelectorAll('.d-chg, .d-only').length,
      matches: e.querySelectorAll('.m-same, .m-concept').length,
    })),
  );
}

test('every member of every cluster links directly to its core (the CLI oracle)', () => {
  const cs = clusters();
  assert.ok(cs.length > 0, 'the seeds have clusters');
  for (const c of cs) {
    assert.equal(c.members[c.core].tier, 'base', `${c.key}: the core is the base`);
    assert.equal(c.key, `${c.members[c.core].article}.${c.key.split('.').pop()}`, `${c.key} names the core's article`);
    assert.ok(new Set(c.members.map((m) => m.article)).size >= 3, `${c.key} reaches three articles`);
    c.members.forEach((m, i) => i === c.core || assert.ok(linked(c.members[c.core], m), `${c.key}: ${m.text.slice(0, 60)} links to the core`));
  }
  assert.equal(new Set(cs.map((c) => c.key)).size, cs.length, 'keys are unique');
});

for (const [name, viewport] of Object.entries(sizes)) {
  test(`${name}: each collation shows the core's members, with closeness and tier explained`, async ({ open }) => {
    for (const c of clusters()) {
      const s = await open(`/overlap?cluster=${encodeURIComponent(c.key)}`, { viewport });
      await expect(s.locator('cluster-view')).toHaveAttribute('data-cluster', c.key);
      const got = await rows(s);
      const want = ordered(c);
      assert.deepEqual(got.map((r) => r.article), want.map((m) => m.article), `${c.key}: one row per member, core first`);
      got.forEach((r, i) => {
        const m = want[i];
        assert.equal(squash(r.text), squash(m.text), `${c.key} row ${i}: its text`);
        assert.equal(r.closeness, Math.round(m.closeness * 100), `${c.key} row ${i}: closeness`);
        assert.equal(r.tier, m.tier, `${c.key} row ${i}: tier`);
        // Copied: the few differences; reworded: what it shares with the base, the rest plain.
        if (r.tier === 'reworded') assert.ok(r.diffs === 0 && r.matches > 0, `${c.key} row ${i}: a reworded reading marks its matches only`);
        if (r.tier === 'copied') assert.equal(r.matches, 0, `${c.key} row ${i}: a copied reading marks its differences only`);
        assert.equal(r.base, i === 0, `${c.key} row ${i}: only the core is the base`);
        assert.match(r.title, /share of words/, 'a tooltip explains closeness');
        assert.match(r.spoken, /Closeness/, 'screen readers hear what the number is');
      });
      await expect(s.locator('closeness-legend')).toContainText('Copied: 60% or more');
      await expect(s.locator('collation-legend')).toContainText('Reworded readings mark what they share with the base');
      const text = await s.locator('cluster-view').innerText();
      assert.match(text, new RegExp(`Carried by ${c.articles.length} of the corpus's ${SEED_IDS.length} articles`));
    }
  });

  test(`${name}: "Use as base" moves the base, its marks and the URL`, async ({ open }) => {
    const c = clusters()[0];
    const s = await open(`/overlap?cluster=${encodeURIComponent(c.key)}`, { viewport });
    const before = await rows(s);
    const other = ordered(c)[1].article;
    await s.page.locator(`${sel('collation-row')}[data-article-id="${other}"] ${sel('use-as-base')}`).click();
    await s.waitForHash((h) => h.params.get('base') === other && h.params.get('cluster') === c.key, 'base= in the hash');
    await expect(s.page.locator(sel('collation-row')).first()).toHaveAttribute('data-article-id', other);
    const after = await rows(s);
    assert.equal(after[0].base, true);
    assert.equal(after[0].marks, 0, 'the base itself has no marks');
    const core = after.find((r) => r.article === c.members[c.core].article);
    assert.ok(core.marks > 0 && core.tier !== 'base', 'the former base is now compared with the new one');
    assert.notDeepEqual(after.map((r) => r.marks), before.map((r) => r.marks), 'the marks changed');
  });

  test(`${name}: readings hidden by a search are counted, shown on request; "Not carried by" is the whole corpus's`, async ({ open }) => {
    const c = clusters()[0];
    // A word of the core's reading that some, not all, carriers hold.
    const words = [...new Set(c.members[c.core].text.match(/\p{L}{5,}/gu))];
    let q, selected;
    for (const w of words) {
      selected = cli('facets', '--q', w).articles;
      const shown = c.members.filter((m) => selected.includes(m.article)).length;
      if (shown > 0 && shown < c.members.length && selected.includes(c.members[c.core].article)) {
        q = w;
        break;
      }
    }
    test.skip(!q, 'no word of the core selects some but not all carriers');
    const hidden = c.members.filter((m) => !selected.includes(m.article)).length;
    const s = await open(`/overlap?cluster=${encodeURIComponent(c.key)}&q=${encodeURIComponent(q)}`, { viewport });
    assert.equal((await rows(s)).length, c.members.length - hidden);
    const note = s.locator('hidden-readings');
    await expect(note).toContainText(`${hidden} more version${hidden === 1 ? '' : 's'} hidden by your search`);
    const missing = SEED_IDS.filter((id) => !c.articles.includes(id));
    const footer = await s.locator('not-carried-by').innerText();
    assert.doesNotMatch(footer, /every selected article/);
    if (missing.length === 0) assert.match(footer, /every article in the corpus carries it/);
    else assert.match(footer, new RegExp(`\\(${missing.filter((id) => selected.includes(id)).length} of them selected\\)`));
    await s.locator('show-hidden').click();
    await s.waitForHash((h) => h.params.get('all') === '1' && h.params.get('q') === q, 'all=1 in the hash');
    assert.deepEqual((await rows(s)).map((r) => r.article), ordered(c).map((m) => m.article), 'every reading shown');
  });

  test(`${name}: an old numbered link opens the cluster at that number with a notice; the key link is stable`, async ({ open }) => {
    const cs = clusters();
    const s = await open('/overlap?cluster=0', { viewport });
    await expect(s.locator('cluster-view')).toHaveAttribute('data-cluster', cs[0].key);
    await expect(s.locator('notice')).toContainText(`cluster=${cs[0].key}`);
    // Dismissing the notice writes the lasting link to the address bar.
    await s.locator('notice').locator('button').click();
    await s.waitForHash((h) => h.params.get('cluster') === cs[0].key, 'the hash names the key');
    const o = await open('/overlap', { viewport });
    const hrefs = await o.page.locator(`${sel('cluster')} a`).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    assert.deepEqual(
      hrefs.map((h) => new URLSearchParams(h.split('?')[1]).get('cluster')).sort(),
      cs.map((c) => c.key).sort(),
      'the overview links each cluster by its key',
    );
  });

  test(`${name}: a collation opens scrolled to its top`, async ({ open }) => {
    const s = await open('/overlap', { viewport });
    const link = s.page.locator(`${sel('cluster')} a`).last();
    await link.scrollIntoViewIfNeeded();
    await s.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await link.click();
    await s.locator('collation').waitFor();
    await expect.poll(() => s.page.evaluate(() => window.scrollY)).toBe(0);
    const top = await s.locator('collation').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top < viewport.height, `the table starts on the first screen (at ${top} px)`);
  });
}

test('with a search on, the overview counts each passage\'s carriers in the whole corpus, then the selected ones', async ({ open }) => {
  const byKey = new Map(clusters().map((c) => [c.key, c]));
  const selected = cli('facets', '--q', 'AUKUS').articles;
  const s = await open('/overlap?q=AUKUS');
  await s.locator('overview').waitFor();
  const items = await s.page.locator(sel('cluster')).evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-cluster'), e.querySelector('a').innerText]),
  );
  assert.ok(items.length > 0, 'some passage is carried by two or more selected articles');
  for (const [key, label] of items) {
    const c = byKey.get(key);
    const n = c.articles.filter((a) => selected.includes(a)).length;
    assert.equal(label, `Carried by ${c.articles.length} articles, ${n} of them selected`);
    assert.ok(c.articles.length >= 3, 'never fewer than the heading\'s three');
  }
});
