// The reader: opening an article, history (back/forward), the boilerplate toggle.
import assert from 'node:assert/strict';
import { useApp, sel, SEED_IDS } from './helpers.mjs';

const app = useApp();
const N = SEED_IDS.length;
// 001 ends with a comment form the cleaner removes ("Leave A Reply", …).
const ARTICLE = '001_bfc1200b97cbf55b';
const TITLE = 'Russia and China against the United States in Europe and Asia';
const REMOVED = 'Leave A Reply';

app.test('clicking a row opens the reader with its title and article= in the URL', async (t, { open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await s.openArticle(ARTICLE);
  assert.equal((await s.locator('reader-title').innerText()).trim(), TITLE);
  await s.waitForHash((h) => h.params.get('article') === ARTICLE, `article=${ARTICLE} in the hash`);
});

app.test('back closes the reader, forward reopens it', async (t, { open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await s.openArticle(ARTICLE);
  await s.waitForHash((h) => h.params.get('article') === ARTICLE, 'article in the hash');

  await s.page.goBack();
  await s.locator('reader').waitFor({ state: 'hidden' });
  await s.waitForHash((h) => !h.params.has('article'), 'article gone from the hash');
  assert.equal((await s.rowIds()).length, N, 'the list is still there');

  await s.page.goForward();
  await s.locator('reader').waitFor();
  assert.equal((await s.locator('reader-title').innerText()).trim(), TITLE);
});

app.test('the boilerplate toggle reveals removed text and records boilerplate=1', async (t, { open }) => {
  const s = await open(`/?article=${ARTICLE}`);
  await s.locator('reader').waitFor();
  assert.equal((await s.locator('reader-title').innerText()).trim(), TITLE);
  const toggle = s.locator('boilerplate-toggle');
  const removedVisible = s.page.locator(`${sel('removed')}:visible`);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await removedVisible.count(), 0, 'removed text hidden while the toggle is off');
  assert.ok(!(await s.locator('reader').innerText()).includes(REMOVED), `"${REMOVED}" not shown while off`);

  await toggle.click();
  await s.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true', sel('boilerplate-toggle'));
  await removedVisible.first().waitFor();
  const removed = await removedVisible.allInnerTexts();
  assert.ok(removed.some((r) => r.includes(REMOVED)), `a removed element contains "${REMOVED}": ${JSON.stringify(removed.slice(0, 5))}`);
  await s.waitForHash((h) => h.params.get('boilerplate') === '1', 'boilerplate=1 in the hash');

  await toggle.click();
  await s.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'false', sel('boilerplate-toggle'));
  assert.equal(await removedVisible.count(), 0, 'removed text hidden again');
});

app.test('article=…&boilerplate=1 in a fresh context opens the reader with removed text shown', async (t, { open }) => {
  const s = await open(`/?article=${ARTICLE}&boilerplate=1`);
  await s.locator('reader').waitFor();
  assert.equal(await s.locator('boilerplate-toggle').getAttribute('aria-pressed'), 'true');
  await s.page.locator(`${sel('removed')}:visible`).filter({ hasText: REMOVED }).first().waitFor();
});

app.test('every article reads without horizontal overflow: shared passages and long lines wrap', async (t, { open }) => {
  for (const id of SEED_IDS) {
    const s = await open(`/?article=${id}`);
    await s.locator('reader').waitFor();
    const wide = await s.page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const out = [...document.querySelectorAll('.reader *')]
        .filter((e) => e.getBoundingClientRect().right > vw + 1)
        .map((e) => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 60)}`);
      if (document.documentElement.scrollWidth > vw) out.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${vw}`);
      return out;
    });
    assert.deepEqual(wide, [], `${id}: elements past the right edge`);
  }
});
