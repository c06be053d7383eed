// The built site works from a sub-path (relative asset URLs + hash routing).
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';

const BASE = '/sub/dir/';
const N = SEED_IDS.length;

test(`served from ${BASE}: lists, searches, opens an article`, async ({ open, server }) => {
  expect(server.base, 'the project serves the build from a sub-path').toBe(BASE);
  const served = server.served.length; // the worker's server: count this test's requests only
  const s = await open('/');
  assert.ok(s.page.url().startsWith(server.url), s.page.url());
  await s.waitForRows(N);
  await s.locator('search').fill('Taiwan');
  await s.waitForHash((h) => h.params.get('q') === 'Taiwan', 'q in the hash');
  const id = (await s.rowIds())[0];
  await s.openArticle(id);
  assert.ok(new URL(s.page.url()).pathname === BASE, `still under ${BASE}: ${s.page.url()}`);
  // Every asset came from under the sub-path (favicon probing aside).
  const outside = server.served.slice(served).filter((p) => !p.startsWith(BASE) && p !== '/favicon.ico');
  assert.deepEqual(outside, [], 'requests outside the sub-path');
});

test(`served from ${BASE}: a deep link restores the reader`, async ({ open }) => {
  const s = await open(`/?article=${SEED_IDS[1]}&boilerplate=1`);
  await s.locator('reader').waitFor();
  await expect(s.locator('reader-title')).not.toHaveText('');
  await expect(s.page.locator(`${sel('removed')}:visible`).first()).toBeVisible();
});
