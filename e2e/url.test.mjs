// URL robustness: malformed or unknown values show a notice and the list still
// renders; the copy-link button copies the current URL.
import assert from 'node:assert/strict';
import { test, expect, note } from './app.mjs';
import { SEED_IDS } from './helpers.mjs';
import { cli } from './cli.mjs';

const N = SEED_IDS.length;

// hash route → what the notice must mention (the ignored key or value).
const MALFORMED = [
  ['/?article=nope', /nope|article/i],
  ['/?boilerplate=maybe', /maybe|boilerplate/i],
  ['/no-such-view', /no-such-view/i],
  ['/?q=%E0%A4%A', /\bq\b|search|%E0/i],
  ['/?actors=Mars', /actors.*Mars/],
  ['/?issues=Tea+ceremonies', /issues.*Tea ceremonies/],
  ['/?outlets=Nowhere+Gazette', /outlets.*Nowhere Gazette/],
  ['/?events=Yalta', /events.*Yalta/],
  ['/?dates=2099-01-01', /dates.*2099-01-01/],
  ['/?shares=no_such_article', /shares.*no_such_article/],
  ['/?carries=999', /carries.*999/],
  ['/?carries=x%ZZ', /carries/],
  ['/?sort=size', /sort.*size/],
  ['/?sort=-', /sort/],
  ['/?show=lots', /show.*lots/],
  ['/?sort=date&sort=length', /repeated sort/],
  ['/?zoom=3', /zoom/],
];

// Views other than the list: the notice, and the view still works.
const MALFORMED_VIEWS = [
  ['/overlap?outlets=Nowhere', /outlets.*Nowhere/, 'heatmap'],
  ['/overlap?pair=x,y', /pair/, 'heatmap'],
  ['/overlap?cluster=999', /cluster/, 'heatmap'],
  ['/stances?issues=Tea', /issues.*Tea/, 'stance-matrix'],
  ['/stances?actor=Mars&issue=Tea', /Mars/, 'stance-matrix'],
];

for (const [hash, mentions, shown] of MALFORMED_VIEWS) {
  test(`#${hash} shows a notice and a working ${shown}`, async ({ open }) => {
    const s = await open(hash);
    await expect(s.locator('notice')).toHaveText(mentions, { useInnerText: true });
    await s.locator(shown).waitFor();
    await expect(s.locator('result-count')).toHaveText(new RegExp(`\\b${N} of ${N} articles`));
  });
}

for (const [hash, mentions] of MALFORMED) {
  test(`#${hash} shows a notice and the normal list`, async ({ open }) => {
    const s = await open(hash);
    const notice = s.locator('notice');
    await notice.waitFor();
    const text = await notice.innerText();
    note(`notice: ${text}`);
    assert.match(text, mentions);
    assert.deepEqual([...(await s.waitForRows(N))].sort(), SEED_IDS);
    await expect(s.locator('reader'), 'no reader for an ignored article').toHaveCount(0);
  });
}

test('a clean URL shows no notice', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await expect(s.locator('notice')).toHaveCount(0);
});

test('copy-link puts the current URL on the clipboard', async ({ open }) => {
  const s = await open('/?q=Taiwan', { permissions: ['clipboard-read', 'clipboard-write'] });
  await s.locator('copy-link').click();
  const url = s.page.url();
  const clipboard = () => s.page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
  await expect.poll(clipboard, { intervals: [100] }).not.toBe('');
  assert.equal(await clipboard(), url);
});

test('an old carries= link by number selects the same articles, under its lasting key, and says so', async ({ open }) => {
  const [c] = cli('passages', '--clusters');
  assert.ok(c, 'the seeds have a cluster');
  const want = [...c.articles].sort();
  const s = await open('/?carries=0');
  await expect(s.locator('notice')).toContainText(`0 is now ${c.key}`);
  assert.deepEqual([...(await s.waitForRows(want.length))].sort(), want);
  // Dismissing the notice writes the lasting link to the address bar.
  await s.locator('notice').locator('button').click();
  await s.waitForHash((h) => h.params.get('carries') === c.key, 'the lasting key in the hash');
  await expect(s.locator('chip')).toContainText('carries “');
});
