// Security of the seeds' build, in the projects `seeds` (served at /) and
// `subdir` (at /sub/dir/): the page works under its Content Security Policy,
// no script runs from the URL, and nothing leaves the machine. Every page is
// instrumented (security.mjs): a CSP violation or a payload that ran fails the
// test. The policy itself: csp.test.mjs; the hostile corpus: hostile.test.mjs.
import assert from 'node:assert/strict';
import { expect } from './app.mjs';
import { TIMEOUT, sel } from './helpers.mjs';
import { test, checkPage } from './security.mjs';

/** Payloads in the URL: each would set window.__pwned if it ran. */
const URL_PAYLOADS = [
  "<script>window.__pwned='q'</script>",
  "<img src=x onerror=\"window.__pwned='q-img'\">",
  "javascript:window.__pwned='q-js'",
  "&lt;script&gt;window.__pwned='q-entity'&lt;/script&gt; &amp;",
  '\u202eevil\u202c \u2066isolated\u2069',
];

test('seeds: every view works under the CSP, with no violation and no foreign request', async ({ open, dist, server }) => {
  test.setTimeout(6 * TIMEOUT);
  const s = await open('/');
  await s.locator('article-row').first().waitFor();
  for (const tab of ['overlap', 'stances', 'articles']) {
    await s.locator(`tab-${tab}`).click();
    await expect.poll(() => s.hash()).toMatch(tab === 'articles' ? /^#\// : new RegExp(`^#/${tab}`));
  }
  await s.locator('tab-stances').click();
  await s.locator('stance-matrix').waitFor();
  await s.locator('tab-articles').click();
  await s.locator('article-row').first().locator('a').first().click();
  await s.locator('reader').waitFor();
  // The wasm ran (so 'wasm-unsafe-eval' took effect) and trunk's loader ran.
  assert.ok(await s.page.evaluate(() => typeof window.wasmBindings === 'object'));
  await checkPage(s, dist, server);
});

test('seeds: an inline script the page did not ship is refused', async ({ open }) => {
  const s = await open('/');
  // Control: proves the listener sees violations, so "none" above means none.
  await s.page.evaluate(() => {
    const el = document.createElement('script');
    el.textContent = "window.__pwned = 'injected'";
    document.body.append(el);
  });
  const violations = () => s.page.evaluate(() => window.__violations);
  await expect.poll(violations).not.toEqual([]);
  const v = await violations();
  assert.ok(v.some((x) => x.startsWith('script-src')), JSON.stringify(v));
  assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
  // And a connection to elsewhere is refused by the page itself, not only by the test's router.
  const fetched = await s.page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.2:9/x');
      return 'fetched';
    } catch (e) {
      return String(e);
    }
  });
  assert.notEqual(fetched, 'fetched');
  await expect.poll(async () => (await violations()).some((x) => x.startsWith('connect-src')), { message: 'a connect-src violation' }).toBe(true);
});

test("seeds: script in the URL's search text renders as text", async ({ open, dist, server }) => {
  test.setTimeout(6 * TIMEOUT);
  for (const payload of URL_PAYLOADS) {
    const s = await open(`/?q=${encodeURIComponent(payload)}`);
    const input = s.locator('search');
    await expect(input).toHaveValue(payload.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
    assert.equal(await input.inputValue(), payload);
    await expect(s.page.locator('body img, body iframe, body svg script')).toHaveCount(0);
    await checkPage(s, dist, server);
  }
  // Unknown ids and names come back in notices, as text.
  const s = await open(`/?article=${encodeURIComponent(URL_PAYLOADS[1])}&actor=${encodeURIComponent(URL_PAYLOADS[0])}&issue=x`);
  const notices = (await s.page.locator(sel('notice')).allInnerTexts()).join('\n');
  assert.ok(notices.includes('<img src=x onerror='), notices);
  assert.equal(await s.page.locator('body img').count(), 0);
  await checkPage(s, dist, server);
});
