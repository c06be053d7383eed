// Collations on ECB+'s 982 articles (the `scale` project's build, see
// scale.test.mjs), where one article can carry a passage twice: each of its
// readings can be the base (`base=<article>.<sentence>`). Skipped, and said
// so, without ECB+.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './app.mjs';
import { ROOT, sel } from './helpers.mjs';
import { cli } from './cli.mjs';

const CORPUS = path.resolve(ROOT, process.env.PARALLAX_SCALE_CORPUS ?? 'target/e2e-scale-corpus/ecbplus.jsonl');
const DIST = path.resolve(ROOT, process.env.PARALLAX_SCALE_DIST ?? 'target/e2e-scale');
const built = fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(CORPUS);
test.skip(!built, `no ${path.relative(ROOT, DIST)} (ECB+ is not on this machine)`);
test.setTimeout(4 * 60_000);

for (const width of [1280, 390]) {
  test(`${width} px: either reading of an article that carries a passage twice can be the base`, async ({ open }) => {
    // A small cluster (all its rows on one page) with an article in it twice.
    const found = cli('passages', '--clusters', '--corpus', CORPUS)
      .filter((c) => c.members.length <= 10)
      .map((c) => ({ c, twice: c.members.filter((m, i) => c.members.some((o, j) => j !== i && o.article === m.article)) }))
      .find(({ twice }) => twice.length > 0);
    assert.ok(found, 'ECB+ has a cluster with an article in it twice');
    const { c, twice } = found;
    const s = await open(`/overlap?cluster=${encodeURIComponent(c.key)}`, { viewport: { width, height: 900 } });
    await s.locator('cluster-view').waitFor();
    for (const m of twice) {
      const row = s.page.locator(`${sel('collation-row')}[data-article-id="${m.article}"][data-start="${m.start}"]`);
      await expect(row).toHaveCount(1);
      if ((await row.getAttribute('data-tier')) !== 'base') {
        await row.locator(sel('use-as-base')).click();
        await s.waitForHash((h) => /^.+\.\d+$/.test(h.params.get('base') ?? '') && h.params.get('base').startsWith(`${m.article}.`), 'the reading named in the hash');
      }
      await expect(row, 'this reading is the base').toHaveAttribute('data-tier', 'base');
      const other = s.page.locator(`${sel('collation-row')}[data-article-id="${m.article}"]:not([data-start="${m.start}"])`);
      await expect(other, 'the other reading is not').not.toHaveAttribute('data-tier', 'base');
    }
  });
}
