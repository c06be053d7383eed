// The pair view: one place per sentence, marks by kind of link, numbers
// explained, lasting passage links — at 1280 and 390 px, checked against
// `parallax passages --rows` (the engine's layout) and the seed bytes.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel } from './helpers.mjs';
import { cli, seedSlice, squash } from './cli.mjs';

const WIDTHS = [1280, 390];
const size = (w) => ({ viewport: { width: w, height: 900 } });
const layouts = () => cli('passages', '--rows');
const rowsOf = (l) => l.items.filter((i) => i.row).map((i) => i.row);
const sentences = (ranges) => ranges.flatMap((r) => Array.from({ length: r.end - r.first }, (_, k) => r.first + k));
const parse = (attr) =>
  (attr ?? '')
    .split(' ')
    .filter(Boolean)
    .flatMap((r) => {
      const [s, e] = r.split('-').map(Number);
      return Array.from({ length: e - s }, (_, k) => s + k);
    });
const CLASS = { changed: 'd-chg', only: 'd-only', exact: 'm-same', stem: 'm-same', concept: 'm-concept' };

/** What the page shows of a pair: rows (sentences and marked words per side) and stretches. */
function shown(page) {
  return page.evaluate(() => {
    const marks = (col) =>
      [...col.querySelectorAll('.d-chg, .d-only, .m-same, .m-concept')].map((m) => [m.textContent, m.className.replace(' hot', ''), m.dataset.m ?? null]);
    const rows = [...document.querySelectorAll('[data-testid="passage"]')].map((r) => {
      const [a, b] = ['A', 'B'].map((s) => r.querySelector(`.pcol[data-side="${s}"]`));
      return { id: r.dataset.row, kind: r.dataset.kind, a: a.dataset.sentences, b: b.dataset.sentences, ma: marks(a), mb: marks(b) };
    });
    const gaps = [...document.querySelectorAll('[data-testid="gap"]')].map((g) => ({ side: g.dataset.side, s: g.dataset.sentences }));
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return { rows, gaps, overflow };
  });
}

for (const width of WIDTHS) {
  test(`${width} px: every pair of the seeds shows each sentence once per side, no stretch holds a shared one, marks as the engine gives them`, async ({ open }) => {
    const all = layouts();
    assert.ok(all.length > 0, 'the seeds share passages');
    const s = await open('/', size(width));
    for (const l of all) {
      await s.goto(`/overlap?pair=${encodeURIComponent(`${l.a},${l.b}`)}`);
      await s.page.locator(`${sel('pair-view')}[data-a="${l.a}"][data-b="${l.b}"]`).waitFor();
      const rows = rowsOf(l);
      await expect(s.locator('passage')).toHaveCount(rows.length);
      const page = await shown(s.page);
      assert.equal(page.overflow, 0, `${l.a} × ${l.b}: no sideways scroll`);
      assert.deepEqual(page.rows.map((r) => r.id), rows.map((r) => r.id), 'rows named as the engine names them');
      for (const side of ['a', 'b']) {
        const inRows = page.rows.flatMap((r) => parse(r[side]));
        const inGaps = page.gaps.filter((g) => g.side === side.toUpperCase()).flatMap((g) => parse(g.s));
        const seen = [...inRows, ...inGaps];
        assert.equal(new Set(seen).size, seen.length, `${l.a} × ${l.b}: a sentence of ${side} twice: ${seen}`);
        const shared = new Set(inRows);
        assert.ok(!inGaps.some((x) => shared.has(x)), `${l.a} × ${l.b}: a fold of ${side} holds a shared sentence`);
        assert.deepEqual(inRows, rows.flatMap((r) => sentences(r[side])), `${side}'s shared sentences are the engine's`);
        const gapsCli = l.items.filter((i) => i.gap).flatMap((i) => sentences(i.gap[side]));
        assert.deepEqual([...inGaps].sort((x, y) => x - y), [...gapsCli].sort((x, y) => x - y), `${side}'s unshared sentences`);
      }
      rows.forEach((r, k) => {
        const p = page.rows[k];
        assert.equal(p.kind, r.copied ? 'copied' : 'reworded');
        for (const [side, id, got] of [['a', l.a, p.ma], ['b', l.b, p.mb]]) {
          const want = r.marks[side].map((m) => [seedSlice(id, m.start, m.end), CLASS[m.kind]]);
          assert.deepEqual(got.map((m) => [m[0], m[1]]), want, `${r.id} side ${side}: the engine's marks`);
        }
        // Copied rows mark only differences, reworded rows only matches.
        const classes = new Set([...p.ma, ...p.mb].map((m) => m[1]));
        const allowed = r.copied ? ['d-chg', 'd-only'] : ['m-same', 'm-concept'];
        assert.ok([...classes].every((c) => allowed.includes(c)), `${r.id}: ${[...classes]}`);
      });
    }
  });

  test(`${width} px: a reworded row marks a synonym on both sides, and hover and focus light its partner`, async ({ open }) => {
    let found;
    for (const l of layouts()) {
      for (const r of rowsOf(l)) {
        const m = !r.copied && r.marks.a.find((x) => x.kind === 'concept');
        if (m && !found) found = { l, r, m };
      }
    }
    assert.ok(found, 'the seeds have a reworded row with a synonym or alias matched');
    const { l, r, m } = found;
    const partner = r.marks.b.find((x) => x.id === m.id);
    assert.ok(partner, 'the concept has a partner in B');
    const s = await open(`/overlap?pair=${encodeURIComponent(`${l.a},${l.b}`)}&p=${r.id}`, size(width));
    const row = s.page.locator(`${sel('passage')}[data-row="${r.id}"]`);
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row).toHaveAttribute('data-kind', 'reworded');
    const word = row.locator('.pcol[data-side="A"] .m-concept', { hasText: seedSlice(l.a, m.start, m.end) }).first();
    const key = await word.getAttribute('data-m');
    const other = row.locator(`.pcol[data-side="B"] [data-m="${key}"]`);
    await expect(other).toHaveText(seedSlice(l.b, partner.start, partner.end));
    await expect(other).toHaveClass(/m-concept/);
    assert.match(await word.getAttribute('title'), /same concept in other words in B/);
    await word.hover();
    await expect(other).toHaveClass(/\bhot\b/);
    await expect(word).toHaveClass(/\bhot\b/);
    // Away, then keyboard focus: the selected row's words take focus.
    await s.locator('pair-summary').hover();
    await expect(other).not.toHaveClass(/\bhot\b/);
    // The pointer off the rows (over the sticky top bar), so that scrolling to a focused word moves no word under it.
    await s.page.mouse.move(1, 1);
    await expect(word).toHaveAttribute('tabindex', '0');
    await word.focus();
    await expect(other).toHaveClass(/\bhot\b/);
    await other.focus();
    await expect(word).toHaveClass(/\bhot\b/);
  });

  test(`${width} px: every number says what it measures (tooltip and screen-reader text), and the legend explains the marks`, async ({ open }) => {
    const l = [...layouts()].sort((x, y) => rowsOf(y).length - rowsOf(x).length)[0];
    const s = await open(`/overlap?pair=${encodeURIComponent(`${l.a},${l.b}`)}`, size(width));
    await s.locator('pair-view').waitFor();
    const legend = await s.locator('pair-legend').innerText();
    for (const w of ['Copied', 'Reworded', 'worded differently', 'only on one side', 'the same word', 'the same concept in other words', 'Similarity', 'Passage k of n']) {
      assert.ok(legend.includes(w), `the legend says “${w}”: ${legend}`);
    }
    const nums = await s.page.locator('.pair-page .num').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, title: e.title, sr: e.querySelector('.visually-hidden')?.textContent ?? '' })),
    );
    // The summary's share, and each row's similarity and share of same words.
    assert.equal(nums.length, 1 + 2 * rowsOf(l).length);
    for (const n of nums) {
      assert.ok(n.title.length > 20, `“${n.text}” has a tooltip`);
      assert.ok(n.sr.includes(n.title), `“${n.text}” has screen-reader text`);
    }
    assert.match(nums[0].text, /\d+% shared/);
    const places = await s.page.locator(`${sel('passage')} .pmeta a`).evaluateAll((els) => els.map((e) => [e.textContent, e.title]));
    places.forEach(([text, title], k) => {
      assert.equal(text, `passage ${k + 1} of ${rowsOf(l).length}`);
      assert.match(title, /place among the pair's shared passages/);
    });
  });

  test(`${width} px: passage links last: p=s… opens its row, an old p=N opens the same passage and becomes p=s…, a gone one says so; j/k and Esc`, async ({ open }) => {
    const l = [...layouts()].sort((x, y) => rowsOf(y).length - rowsOf(x).length)[0];
    const rows = rowsOf(l);
    const pair = encodeURIComponent(`${l.a},${l.b}`);
    // Old numbered link: passage 1 of the CLI's list of this pair.
    const old = rows.find((r) => r.passages.includes(1)) ?? rows[0];
    const s = await open(`/overlap?pair=${pair}&p=${old.passages.includes(1) ? 1 : 0}`, size(width));
    await expect(s.page.locator(`${sel('passage')}[data-row="${old.id}"]`)).toHaveAttribute('aria-current', 'true');
    await s.waitForHash((h) => h.params.get('p') === old.id, `p=${old.id} replaces the old number`);
    const before = cli('passages').filter((p) => p.a.article === l.a && p.b.article === l.b)[old.passages[0]];
    const text = squash(await s.page.locator(`${sel('passage')}[data-row="${old.id}"] .pcol[data-side="A"]`).innerText());
    assert.ok(text.includes(squash(seedSlice(l.a, before.a.start, before.a.end))), 'the old number opens the same passage');

    // A new link, by sentence: any sentence of the row opens it.
    const last = rows[rows.length - 1];
    const inner = sentences(last.a).at(-1);
    await s.goto(`/overlap?pair=${pair}&p=s${inner}`);
    await expect(s.page.locator(`${sel('passage')}[data-row="${last.id}"]`)).toHaveAttribute('aria-current', 'true');

    // A sentence the pair does not share (a link older than the corpus): said so.
    const unshared = l.items.filter((i) => i.gap).flatMap((i) => sentences(i.gap.a))[0];
    if (unshared !== undefined) {
      await s.goto(`/overlap?pair=${pair}&p=s${unshared}`);
      await expect(s.locator('passage-moved')).toContainText(`sentence ${unshared + 1} of A`);
      await expect(s.page.locator(`${sel('passage')}[aria-current="true"]`)).toHaveCount(0);
    }

    await s.goto(`/overlap?pair=${pair}`);
    await s.locator('pair-view').waitFor();
    await s.page.keyboard.press('j');
    await s.waitForHash((h) => h.params.get('p') === rows[0].id, 'j selects the first row');
    if (rows.length > 1) {
      await s.page.keyboard.press('j');
      await s.waitForHash((h) => h.params.get('p') === rows[1].id, 'j j the second');
      await s.page.keyboard.press('k');
      await s.waitForHash((h) => h.params.get('p') === rows[0].id, 'k back to the first');
    }
    await s.page.keyboard.press('Escape');
    await s.locator('heatmap').waitFor();
  });
}
