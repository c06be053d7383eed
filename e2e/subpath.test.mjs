// The built site works from a sub-path (relative asset URLs + hash routing).
import assert from 'node:assert/strict';
import { useApp, sel, SEED_IDS } from './helpers.mjs';

const BASE = '/sub/dir/';
const app = useApp({ base: BASE });
const N = SEED_IDS.length;

app.test(`served from ${BASE}: lists, searches, opens an article`, async (t, { open }) => {
  const s = await open('/');
  assert.ok(s.page.url().startsWith(app.server.url), s.page.url());
  await s.waitForRows(N);
  await s.locator('search').fill('Taiwan');
  await s.waitForHash((h) => h.params.get('q') === 'Taiwan', 'q in the hash');
  const id = (await s.rowIds())[0];
  await s.openArticle(id);
  assert.ok(new URL(s.page.url()).pathname === BASE, `still under ${BASE}: ${s.page.url()}`);
  // Every asset came from under the sub-path (favicon probing aside).
  const outside = app.server.served.filter((p) => !p.startsWith(BASE) && p !== '/favicon.ico');
  assert.deepEqual(outside, [], 'requests outside the sub-path');
});

app.test(`served from ${BASE}: a deep link restores the reader`, async (t, { open }) => {
  const s = await open(`/?article=${SEED_IDS[1]}&boilerplate=1`);
  await s.locator('reader').waitFor();
  assert.ok((await s.locator('reader-title').innerText()).trim().length > 0);
  await s.page.locator(`${sel('removed')}:visible`).first().waitFor();
});
