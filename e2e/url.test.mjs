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
];

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
