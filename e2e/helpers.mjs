// Plain facts the end-to-end tests (and bench/page.mjs) share: paths, the
// browser and its flags, the seed articles, selectors. No test runner here:
// the fixtures are in app.mjs, the runner's settings in playwright.config.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.resolve(ROOT, process.env.PARALLAX_DIST ?? 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Per-action and per-expect timeout (ms): generous, the machine may be busy compiling. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);

/** The seed articles: ids (file stems of seeds/*.txt) and their raw text. */
export const SEEDS = fs
  .readdirSync(path.join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8') }));
export const SEED_IDS = SEEDS.map((s) => s.id);

/** Browser-context options that let a test read the clipboard. */
export const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** A CSS selector for a data-testid (for compound selectors; plain ones use getByTestId). */
export const sel = (testid) => `[data-testid="${testid}"]`;

/** True for URLs the page may load: the local server, and in-page data/blob URLs. */
export function isLocal(url) {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Parse the query part of a hash route ("#/path?a=1") into { path, params }. */
export function parseHash(hash) {
  const h = hash.replace(/^#/, '');
  const i = h.indexOf('?');
  return { path: i < 0 ? h : h.slice(0, i), params: new URLSearchParams(i < 0 ? '' : h.slice(i + 1)) };
}

/** Ids of seed articles whose text contains `word` (case-insensitive). */
export function seedsContaining(word) {
  const w = word.toLowerCase();
  return SEEDS.filter((s) => s.text.toLowerCase().includes(w)).map((s) => s.id);
}
