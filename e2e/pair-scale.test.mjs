// The pair view on ECB+'s 982 articles (the `scale` project's build, see
// scale.test.mjs), where some reports copy one another: copied rows mark
// only their differences, reworded rows only their matches, as
// `parallax passages --rows` on the same corpus says. Skipped, and said
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
// The engine's rows of all ECB+ pairs (a whole bundle built by the CLI, once
// per worker) and two page loads of 982 articles: minutes on a shared machine.
test.setTimeout(6 * 60_000);

const CLASS = { changed: 'd-chg', only: 'd-only', exact: 'm-same', stem: 'm-same', concept: 'm-concept' };
const text = fs.existsSync(CORPUS)
  ? new Map(fs.readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.id, Buffer.from(r.text)]))
  : new Map();
const slice = (id, s, e) => text.get(id).subarray(s, e).toString('utf8');

for (const width of [1280, 390]) {
  test(`${width} px: a copied row marks only its differences, a reworded row only its matches`, async ({ open }) => {
    const all = cli('passages', '--rows', '--corpus', CORPUS);
    const pick = (copied) =>
      all
        .flatMap((l) => l.items.filter((i) => i.row).map((i) => ({ l, r: i.row })))
        .find(({ r }) => r.copied === copied && r.marks.a.length > 0 && r.marks.b.length > 0);
    for (const copied of [true, false]) {
      const found = pick(copied);
      assert.ok(found, `ECB+ has a ${copied ? 'copied' : 'reworded'} row with marks`);
      const { l, r } = found;
      const s = await open(`/overlap?pair=${encodeURIComponent(`${l.a},${l.b}`)}&p=${r.id}`, { viewport: { width, height: 900 } });
      const row = s.page.locator(`${sel('passage')}[data-row="${r.id}"]`);
      await expect(row).toHaveAttribute('aria-current', 'true');
      await expect(row).toHaveAttribute('data-kind', copied ? 'copied' : 'reworded');
      for (const [side, id] of [['A', l.a], ['B', l.b]]) {
        const got = await row
          .locator(`.pcol[data-side="${side}"]`)
          .locator('.d-chg, .d-only, .m-same, .m-concept')
          .evaluateAll((els) => els.map((e) => [e.textContent, e.className.replace(' hot', '')]));
        const want = r.marks[side.toLowerCase()].map((m) => [slice(id, m.start, m.end), CLASS[m.kind]]);
        assert.deepEqual(got, want, `${r.id} side ${side}`);
        const allowed = copied ? ['d-chg', 'd-only'] : ['m-same', 'm-concept'];
        assert.ok(got.every(([, c]) => allowed.includes(c)), `${side}: only ${allowed}`);
      }
      const legend = await s.locator('pair-legend').innerText();
      assert.match(legend, copied ? /Copied rows/ : /Reworded rows/);
    }
  });
}
