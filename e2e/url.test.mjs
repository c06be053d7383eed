// URL robustness: malformed or unknown values show a notice and the list still
// renders; the copy-link button copies the current URL.
import assert from 'node:assert/strict';
import { useApp, SEED_IDS } from './helpers.mjs';

const app = useApp();
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
  app.test(`#${hash} shows a notice and a working ${shown}`, async (t, { open }) => {
    const s = await open(hash);
    await s.locator('notice').waitFor();
    assert.match(await s.locator('notice').innerText(), mentions);
    await s.locator(shown).waitFor();
    assert.match(await s.locator('result-count').innerText(), new RegExp(`\\b${N} of ${N} articles`));
  });
}

for (const [hash, mentions] of MALFORMED) {
  app.test(`#${hash} shows a notice and the normal list`, async (t, { open }) => {
    const s = await open(hash);
    const notice = s.locator('notice');
    await notice.waitFor();
    const text = await notice.innerText();
    t.diagnostic(`notice: ${text}`);
    assert.match(text, mentions);
    assert.deepEqual([...(await s.waitForRows(N))].sort(), SEED_IDS);
    assert.equal(await s.locator('reader').count(), 0, 'no reader for an ignored article');
  });
}

app.test('a clean URL shows no notice', async (t, { open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  assert.equal(await s.locator('notice').count(), 0);
});

app.test('copy-link puts the current URL on the clipboard', async (t, { open }) => {
  const s = await open('/?q=Taiwan', { permissions: ['clipboard-read', 'clipboard-write'] });
  await s.locator('copy-link').click();
  const url = s.page.url();
  const copied = await s.page.waitForFunction(
    async () => {
      const text = await navigator.clipboard.readText().catch(() => '');
      return text || false;
    },
    undefined,
    { polling: 100 },
  );
  assert.equal(await copied.jsonValue(), url);
});
