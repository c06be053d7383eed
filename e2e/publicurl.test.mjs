// The page built with trunk's `--public-url /sub/parallax/` (absolute asset
// URLs: scripts/e2e-pages.sh builds it into target/e2e-publicurl) and served
// there: it loads, lists the seeds, opens deep links, and asks for nothing
// outside the sub-path. The post-build hook (minify, integrity, CSP) must have
// handled the absolute URLs, or the stylesheet and the glue would be refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './app.mjs';
import { sel, SEED_IDS } from './helpers.mjs';
import { cli } from './cli.mjs';
import { localFile } from '../scripts/minify.mjs';

const BASE = '/sub/parallax/';
const N = SEED_IDS.length;

/** The paths this test asked the server for, from `from` on, outside BASE. */
const outside = (server, from) => server.served.slice(from).filter((p) => !p.startsWith(BASE));

test('the build names its assets by absolute URLs under the public URL', async ({ dist, server }) => {
  expect(server.base).toBe(BASE);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/\b(?:href|src)="([^"]+)"|\bfrom '([^']+)'|module_or_path: '([^']+)'/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((u) => !u.startsWith('data:'));
  assert.ok(urls.length >= 4, `the glue, the wasm, the stylesheet: ${urls}`);
  for (const u of urls) assert.ok(u.startsWith(BASE), `${u} is under ${BASE}`);
  // Each asset with an integrity hash is a file of the build (the hook re-hashed it after minifying).
  for (const m of html.matchAll(/href="([^"]+)"[^>]*integrity="sha384-([^"]+)"/g)) {
    assert.ok(fs.existsSync(path.join(dist, m[1].slice(BASE.length))), m[1]);
  }
});

test('the post-build hook finds the files that relative and absolute asset URLs name', () => {
  assert.equal(localFile('./app-1.css', 'D'), path.join('D', 'app-1.css'));
  assert.equal(localFile('app-1.css?v=1', 'D'), path.join('D', 'app-1.css'));
  assert.equal(localFile('/sub/parallax/app-1.css', 'D', '/sub/parallax/'), path.join('D', 'app-1.css'));
  assert.equal(localFile('/sub/parallax/a%20b.js', 'D', '/sub/parallax'), path.join('D', 'a b.js'));
  assert.equal(localFile('https://cdn.example/app.css', 'D'), null, 'another origin');
  assert.equal(localFile('/elsewhere/app.css', 'D', '/sub/parallax/'), null, 'outside the public URL');
  assert.equal(localFile('/app.css', 'D'), null, 'an absolute path is not a relative build\'s');
});

for (const width of [1280, 390]) {
  test(`served from ${BASE} at ${width} px: lists the seeds, searches, opens an article`, async ({ open, server }) => {
    const from = server.served.length;
    const s = await open(null, { viewport: { width, height: 900 } });
    await s.goto('/');
    assert.equal(new URL(s.page.url()).pathname, BASE);
    await s.waitForRows(N);
    // The stylesheet applied (a refused integrity or CSP would leave the page unstyled).
    const styled = await s.page.evaluate(() => [...document.styleSheets].some((x) => x.cssRules.length > 10));
    assert.ok(styled, 'the stylesheet loaded');
    await s.locator('search').fill('Taiwan');
    await s.waitForHash((h) => h.params.get('q') === 'Taiwan', 'q in the hash');
    const id = (await s.rowIds())[0];
    await s.openArticle(id);
    assert.equal(new URL(s.page.url()).pathname, BASE);
    assert.deepEqual(outside(server, from), [], 'requests outside the sub-path');
    assert.ok(server.served.slice(from).some((p) => p.endsWith('.wasm')), 'the wasm came from the sub-path');
    assert.deepEqual(s.consoleErrors, [], 'no CSP or integrity error');
  });
}

test(`served from ${BASE}: deep links open their views`, async ({ open, server }) => {
  const from = server.served.length;
  const s = await open(`/?article=${SEED_IDS[1]}`);
  await s.locator('reader').waitFor();
  await expect(s.locator('reader-title')).not.toHaveText('');
  const [c] = [...cli('stances')].sort((x, y) => y.evidence.length - x.evidence.length);
  const t = await open(`/stances?actor=${encodeURIComponent(c.actor)}&issue=${encodeURIComponent(c.issue)}`);
  await t.locator('evidence').waitFor();
  await expect(t.locator('evidence-item')).toHaveCount(Math.min(c.evidence.length, 50));
  const o = await open('/overlap');
  await o.locator('heatmap').waitFor();
  await expect(o.page.locator(sel('heat-cell')).first()).toBeVisible();
  assert.deepEqual(outside(server, from), [], 'requests outside the sub-path');
});
