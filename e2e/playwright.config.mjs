// @playwright/test settings for the end-to-end tests (scripts/test.sh runs
// `playwright test -c e2e/playwright.config.mjs --project …`).
//
// One project per page under test, each served by the worker's `server`
// fixture (app.mjs) on 127.0.0.1:
//   seeds    dist/ at /              the views, URLs, the CSP
//   subdir   dist/ at /sub/dir/      the same build from a sub-path, the CSP again
//   publicurl target/e2e-publicurl at /sub/parallax/   the seeds built with trunk's
//            --public-url /sub/parallax/ (absolute asset URLs)
//   hostile  target/e2e-hostile at /sub/dir/   e2e/fixtures/hostile built as a page
//   scale    target/e2e-scale at /   ECB+'s 982 articles (skipped without ECB+)
//   single   dist-single/parallax.html from file:// (stage single)
// scripts/e2e-pages.sh builds publicurl, hostile and scale; PARALLAX_DIST, PARALLAX_PUBLICURL_DIST,
// PARALLAX_HOSTILE_DIST, PARALLAX_SCALE_DIST and PARALLAX_SINGLE point elsewhere, CHROMIUM at another browser.
//
// Retries: none, in CI too (PARALLAX_E2E_RETRIES=N to try). Every wait is on a
// condition, never a sleep, so a test that passes only on a second try shows a
// race in the app — a retry would count it as passed and hide it.
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, DIST, ROOT, TIMEOUT } from './helpers.mjs';

if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`Chromium not found at ${CHROMIUM} (run scripts/setup.sh, or set CHROMIUM=...)`);
}
const at = (env, dir) => path.resolve(ROOT, process.env[env] ?? dir);

export default defineConfig({
  testDir: '.',
  testMatch: '*.test.mjs',
  outputDir: path.join(ROOT, 'target', 'e2e-results'),
  // One at a time, as the tests have always run: the machine has two cores,
  // and the tests' expectations come from the CLI, run as they go.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: true,
  retries: Number(process.env.PARALLAX_E2E_RETRIES ?? 0),
  timeout: 4 * TIMEOUT + 30_000,
  expect: { timeout: TIMEOUT },
  reporter: [['list'], ['./tap-summary.mjs']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    actionTimeout: TIMEOUT,
    navigationTimeout: TIMEOUT,
    testIdAttribute: 'data-testid',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'seeds',
      testIgnore: ['subpath.test.mjs', 'publicurl.test.mjs', 'hostile.test.mjs', 'scale.test.mjs', 'pair-scale.test.mjs', 'collation-scale.test.mjs', 'single.test.mjs'],
      use: { dist: DIST, base: '/' },
    },
    { name: 'subdir', testMatch: ['subpath.test.mjs', 'security.test.mjs'], use: { dist: DIST, base: '/sub/dir/' } },
    {
      name: 'publicurl',
      testMatch: 'publicurl.test.mjs',
      use: { dist: at('PARALLAX_PUBLICURL_DIST', 'target/e2e-publicurl'), base: '/sub/parallax/' },
    },
    { name: 'hostile', testMatch: 'hostile.test.mjs', use: { dist: at('PARALLAX_HOSTILE_DIST', 'target/e2e-hostile'), base: '/sub/dir/' } },
    { name: 'scale', testMatch: ['scale.test.mjs', 'pair-scale.test.mjs', 'collation-scale.test.mjs'], use: { dist: at('PARALLAX_SCALE_DIST', 'target/e2e-scale'), base: '/' } },
    { name: 'single', testMatch: 'single.test.mjs' },
  ],
});
