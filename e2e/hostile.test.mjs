// The hostile fixture corpus (project `hostile`): e2e/fixtures/hostile/ built
// by scripts/e2e-pages.sh into target/e2e-hostile (PARALLAX_HOSTILE_DIST
// overrides) and served at /sub/dir/: markup, script URLs, entities and bidi
// controls in articles and metadata, a 100,000-character line, no
// punctuation, an article empty after cleaning, mixed scripts and emoji.
// Every page is instrumented (security.mjs): a payload parsed as HTML would
// either run or be blocked by the CSP, and both fail the tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from './app.mjs';
import { ROOT, TIMEOUT, sel } from './helpers.mjs';
import { test, checkPage } from './security.mjs';

const HOSTILE_IDS = ['empty-after-cleaning', 'long-line', 'mixed', 'no-punctuation', 'xss'];

test('hostile corpus: every article lists and opens, markup shown as text, nothing runs', async ({ open, dist, server }) => {
  test.setTimeout(10 * TIMEOUT);
  const s = await open('/');
  const ids = await s.waitForRows(HOSTILE_IDS.length);
  assert.deepEqual([...ids].sort(), HOSTILE_IDS);
  await expect(s.locator('article-list'), 'the title is text').toContainText("<img src=x onerror=\"window.__pwned='title'\">", { useInnerText: true });
  for (const id of HOSTILE_IDS) {
    await s.page.goto(s.url(`/?article=${id}&boilerplate=1`));
    await s.page.locator(`${sel('reader')}[data-article-id="${id}"]`).waitFor();
  }
  await s.page.goto(s.url('/?article=xss'));
  const reader = s.locator('reader');
  await reader.waitFor();
  const text = await reader.innerText();
  const raw = fs.readFileSync(path.join(ROOT, 'e2e/fixtures/hostile/xss.txt'), 'utf8');
  for (const payload of [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "javascript:window.__pwned='js'",
    "&lt;script&gt;window.__pwned='entity'&lt;/script&gt; &amp; &#x3C;b&#x3E; &quot;",
    '\u202eevil\u202c',
  ]) {
    assert.ok(raw.includes(payload), `fixture has ${payload}`);
    assert.ok(text.includes(payload), `reader shows ${JSON.stringify(payload)} as typed`);
  }
  assert.equal(await reader.locator('img, script, svg, iframe, b').count(), 0, 'no element from the data');
  // The metadata url is a link, as an attribute value, never markup.
  const source = reader.locator('a[target=_blank]');
  if ((await source.count()) > 0) {
    assert.equal(await source.getAttribute('href'), "https://example.org/a?q=\"><script>window.__pwned='url'</script>");
  }
  // The page's only scripts are the ones it shipped.
  const scripts = await s.page.evaluate(() => [...document.scripts].map((x) => x.src || 'inline'));
  assert.ok(scripts.length <= 2, JSON.stringify(scripts));
  await checkPage(s, dist, server);
});

test('hostile corpus: overlap and stances views render under the CSP', async ({ open, dist, server }) => {
  test.setTimeout(6 * TIMEOUT);
  const s = await open('/overlap');
  await s.page.goto(s.url('/stances'));
  await s.ready();
  await s.page.goto(s.url(`/?q=${encodeURIComponent('<script>')}`));
  await s.locator('article-row').first().waitFor();
  const rows = await s.rowIds();
  assert.ok(rows.includes('xss'), `the search for "<script>" finds the article: ${rows}`);
  await checkPage(s, dist, server);
});
