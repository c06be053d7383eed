// The reader: opening an article, history (back/forward), the boilerplate toggle.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';

const N = SEED_IDS.length;
// 001 ends with a comment form the cleaner removes ("Leave A Reply", …).
const ARTICLE = '001_bfc1200b97cbf55b';
const TITLE = 'Russia and China against the United States in Europe and Asia';
const REMOVED = 'Leave A Reply';

test('clicking a row opens the reader with its title and article= in the URL', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await s.openArticle(ARTICLE);
  await expect(s.locator('reader-title')).toHaveText(TITLE);
  await s.waitForHash((h) => h.params.get('article') === ARTICLE, `article=${ARTICLE} in the hash`);
});

test('back closes the reader, forward reopens it', async ({ open }) => {
  const s = await open('/');
  await s.waitForRows(N);
  await s.openArticle(ARTICLE);
  await s.waitForHash((h) => h.params.get('article') === ARTICLE, 'article in the hash');

  await s.page.goBack();
  await expect(s.locator('reader')).toBeHidden();
  await s.waitForHash((h) => !h.params.has('article'), 'article gone from the hash');
  assert.equal((await s.rowIds()).length, N, 'the list is still there');

  await s.page.goForward();
  await expect(s.locator('reader')).toBeVisible();
  await expect(s.locator('reader-title')).toHaveText(TITLE);
});

test('the boilerplate toggle reveals removed text and records boilerplate=1', async ({ open }) => {
  const s = await open(`/?article=${ARTICLE}`);
  await expect(s.locator('reader')).toBeVisible();
  await expect(s.locator('reader-title')).toHaveText(TITLE);
  const toggle = s.locator('boilerplate-toggle');
  const removedVisible = s.page.locator(`${sel('removed')}:visible`);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(removedVisible, 'removed text hidden while the toggle is off').toHaveCount(0);
  await expect(s.locator('reader'), `"${REMOVED}" not shown while off`).not.toContainText(REMOVED, { useInnerText: true });

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await removedVisible.first().waitFor();
  const removed = await removedVisible.allInnerTexts();
  assert.ok(removed.some((r) => r.includes(REMOVED)), `a removed element contains "${REMOVED}": ${JSON.stringify(removed.slice(0, 5))}`);
  await s.waitForHash((h) => h.params.get('boilerplate') === '1', 'boilerplate=1 in the hash');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(removedVisible, 'removed text hidden again').toHaveCount(0);
});

test('article=…&boilerplate=1 in a fresh context opens the reader with removed text shown', async ({ open }) => {
  const s = await open(`/?article=${ARTICLE}&boilerplate=1`);
  await expect(s.locator('reader')).toBeVisible();
  await expect(s.locator('boilerplate-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(s.page.locator(`${sel('removed')}:visible`).filter({ hasText: REMOVED }).first()).toBeVisible();
});

test('every article reads without horizontal overflow: shared passages and long lines wrap', async ({ open }) => {
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
