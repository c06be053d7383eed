// Security: the Content Security Policy holds and the page works under it, no
// script runs from data (corpus text, metadata, the URL), and nothing leaves
// the machine.
//
// Two builds: dist/ (the seeds) and the hostile fixture corpus
// e2e/fixtures/hostile/ built by scripts/test.sh into target/e2e-hostile
// (PARALLAX_HOSTILE_DIST overrides): markup, script URLs, entities and bidi
// controls in articles and metadata, a 100,000-character line, no
// punctuation, an article empty after cleaning, mixed scripts and emoji.
//
// Every page gets, before any of its scripts, a listener that records
// securitypolicyviolation events and a trap on window.__pwned (the flag every
// payload would set). A payload parsed as HTML would either run (flag set) or
// be blocked by the CSP (a violation): both fail the tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, TIMEOUT, sel, isLocal, launchBrowser } from './helpers.mjs';
import { startServer } from './serve.mjs';
import { applyCsp, inlineScriptHashes } from '../scripts/csp.mjs';

const HOSTILE_DIST = path.resolve(ROOT, process.env.PARALLAX_HOSTILE_DIST ?? 'target/e2e-hostile');
const HOSTILE_IDS = ['empty-after-cleaning', 'long-line', 'mixed', 'no-punctuation', 'xss'];

/** Payloads in the URL: each would set window.__pwned if it ran. */
const URL_PAYLOADS = [
  "<script>window.__pwned='q'</script>",
  "<img src=x onerror=\"window.__pwned='q-img'\">",
  "javascript:window.__pwned='q-js'",
  "&lt;script&gt;window.__pwned='q-entity'&lt;/script&gt; &amp;",
  '\u202eevil\u202c \u2066isolated\u2069',
];

/** Runs in the page before its own scripts (CDP: not subject to the CSP). */
function instrument() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
  });
  let pwned;
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => pwned,
    set: (v) => {
      pwned = v;
      window.__violations.push(`payload ran: ${v}`);
    },
  });
}

/** The files a build consists of, as URL paths under `base`. */
function ownFiles(root, base) {
  const out = new Set([base]);
  const walk = (dir, prefix) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(path.join(dir, e.name), `${prefix}${e.name}/`);
      else out.add(`${prefix}${e.name}`);
    }
  };
  walk(root, base);
  return out;
}

/** One build served at one base path, with a browser; sessions record everything. */
function useSite(root, base) {
  const site = { root, base, server: null, browser: null };
  before(async () => {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new Error(`${root}/index.html not found: scripts/test.sh (e2e stage) builds it`);
    }
    site.server = await startServer({ root, base });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });

  site.open = async (hash = '/') => {
    const context = await site.browser.newContext();
    const s = { context, requests: [], pageErrors: [], console: [] };
    // Nothing may leave the machine: record every request, block non-local ones.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return isLocal(url) ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.addInitScript(instrument);
    page.on('request', (r) => s.requests.push(r.url()));
    page.on('websocket', (ws) => s.requests.push(ws.url()));
    page.on('pageerror', (e) => s.pageErrors.push(String(e?.stack ?? e)));
    page.on('console', (m) => s.console.push(`${m.type()}: ${m.text()}`));
    s.page = page;
    s.url = (h) => `${site.server.url}#${h.replace(/^#/, '')}`;
    if (hash !== null) {
      await page.goto(s.url(hash));
      await page.locator(sel('corpus-summary')).waitFor();
    }
    return s;
  };

  /** The page's state of health: no violation, no payload, no error, only own files fetched. */
  site.check = async (s) => {
    const violations = await s.page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], 'CSP violations or payloads that ran');
    assert.equal(await s.page.evaluate(() => window.__pwned), undefined, 'window.__pwned stays unset');
    const cspConsole = s.console.filter((c) => /Content Security Policy|Refused to/i.test(c));
    assert.deepEqual(cspConsole, [], 'CSP messages on the console');
    assert.deepEqual(s.pageErrors, [], 'page errors');
    const own = ownFiles(root, site.server.base);
    const origin = site.server.origin;
    const foreign = s.requests.filter((u) => {
      if (u.startsWith('data:')) return false; // the inline favicon
      const url = new URL(u);
      return url.origin !== origin || !own.has(url.pathname);
    });
    assert.deepEqual(foreign, [], "requests for anything but the page's own files");
  };
  return site;
}

function cspOf(html) {
  const m = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*content="([^"]*)"/i);
  assert.ok(m, 'index.html has a CSP meta');
  return new Map(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v]),
  );
}

// ---------------------------------------------------------------- the policy

const POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
const page = (policy, body) =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"><script src="./x.js"></script>${body}</head></html>`;

test('scripts/csp.mjs hashes exactly the inline scripts, idempotently, and refuses weak policies', () => {
  const loader = "\nimport init from './a.js';\r\nawait init();\n";
  const html = applyCsp(page(POLICY, `<script type="module">${loader}</script>`));
  const want = `'sha256-${crypto.createHash('sha256').update(loader.replace(/\r\n/g, '\n')).digest('base64')}'`;
  assert.deepEqual(inlineScriptHashes(html), [want], 'CR LF hashed as the browser sees it (LF)');
  assert.ok(html.includes(`script-src 'self' 'wasm-unsafe-eval' ${want};`), html);
  assert.equal(applyCsp(html), html, 'running it twice changes nothing');
  // trunk serve's placeholders are resolved before hashing.
  const served = applyCsp(page(POLICY, "<script>const a = '{{__TRUNK_ADDRESS__}}', b = `{{__TRUNK_WS_BASE__}}`;</script>"));
  assert.ok(!served.includes('{{__TRUNK'), served);
  assert.throws(() => applyCsp('<html><head><script>x</script></head></html>'), /no <meta http-equiv="Content-Security-Policy">/);
  assert.throws(() => applyCsp(page(POLICY.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-inline'"), '')), /allows more/);
  assert.throws(() => applyCsp(page(POLICY.replace("connect-src 'self'", 'connect-src *'), '')), /connect-src lacks 'self'/);
  assert.throws(() => applyCsp(page(POLICY.replace("connect-src 'self'", "connect-src 'self' https://x.org"), '')), /allows more/);
});

test('the built index.html carries a strict CSP that allows exactly its inline scripts', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = cspOf(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('connect-src'), ["'self'"], 'no remote connections');
  assert.deepEqual(csp.get('style-src'), ["'self'"]);
  assert.deepEqual(csp.get('base-uri'), ["'none'"]);
  const script = csp.get('script-src');
  assert.deepEqual(script.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  const hashes = script.slice(2);
  assert.ok(hashes.every((h) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(h)), `only hashes follow: ${script}`);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]));
  assert.ok(inline.length >= 1, "trunk's inline loader is there");
  assert.equal(hashes.length, inline.length, 'one hash per inline script');
  assert.ok(!/'unsafe-inline'|'unsafe-eval'|https?:|\*/.test(csp.get('script-src').join(' ')), 'nothing else may run');
  // The CSP must come before anything it governs.
  const metaAt = html.search(/http-equiv=["']?Content-Security-Policy/i);
  const firstAsset = html.search(/<(script|link|style)\b/i);
  assert.ok(metaAt < firstAsset, 'the CSP meta precedes every script, link and style');
});

for (const base of ['/', '/sub/dir/']) {
  const site = useSite(DIST, base);

  test(`seeds at ${base}: every view works under the CSP, with no violation and no foreign request`, { timeout: 6 * TIMEOUT }, async () => {
    const s = await site.open('/');
    try {
      await s.page.locator(sel('article-row')).first().waitFor();
      for (const tab of ['overlap', 'stances', 'articles']) {
        await s.page.locator(sel(`tab-${tab}`)).click();
        await s.page.waitForFunction((t) => location.hash.startsWith(t === 'articles' ? '#/' : `#/${t}`), tab);
      }
      await s.page.locator(sel('tab-stances')).click();
      await s.page.locator(sel('stance-matrix')).waitFor();
      await s.page.locator(sel('tab-articles')).click();
      await s.page.locator(sel('article-row')).first().locator('a').first().click();
      await s.page.locator(sel('reader')).waitFor();
      // The wasm ran (so 'wasm-unsafe-eval' took effect) and trunk's loader ran.
      assert.ok(await s.page.evaluate(() => typeof window.wasmBindings === 'object'));
      await site.check(s);
    } finally {
      await s.context.close();
    }
  });

  test(`seeds at ${base}: an inline script the page did not ship is refused`, async () => {
    const s = await site.open('/');
    try {
      // Control: proves the listener sees violations, so "none" above means none.
      await s.page.evaluate(() => {
        const el = document.createElement('script');
        el.textContent = "window.__pwned = 'injected'";
        document.body.append(el);
      });
      await s.page.waitForFunction(() => window.__violations.length > 0);
      const v = await s.page.evaluate(() => window.__violations);
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
      await s.page.waitForFunction(() => window.__violations.some((x) => x.startsWith('connect-src')));
    } finally {
      await s.context.close();
    }
  });

  test(`seeds at ${base}: script in the URL's search text renders as text`, { timeout: 6 * TIMEOUT }, async () => {
    for (const payload of URL_PAYLOADS) {
      const s = await site.open(`/?q=${encodeURIComponent(payload)}`);
      try {
        const input = s.page.locator(sel('search'));
        await s.page.waitForFunction(([sl, p]) => document.querySelector(sl)?.value === p, [sel('search'), payload.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')]);
        assert.equal(await input.inputValue(), payload);
        assert.equal(await s.page.locator('body img, body iframe, body svg script').count(), 0);
        await site.check(s);
      } finally {
        await s.context.close();
      }
    }
    // Unknown ids and names come back in notices, as text.
    const s = await site.open(`/?article=${encodeURIComponent(URL_PAYLOADS[1])}&actor=${encodeURIComponent(URL_PAYLOADS[0])}&issue=x`);
    try {
      const notices = (await s.page.locator(sel('notice')).allInnerTexts()).join('\n');
      assert.ok(notices.includes('<img src=x onerror='), notices);
      assert.equal(await s.page.locator('body img').count(), 0);
      await site.check(s);
    } finally {
      await s.context.close();
    }
  });
}

// ---------------------------------------------------------------- hostile corpus

const hostile = useSite(HOSTILE_DIST, '/sub/dir/');

test('hostile corpus: every article lists and opens, markup shown as text, nothing runs', { timeout: 10 * TIMEOUT }, async () => {
  const s = await hostile.open('/');
  try {
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid="article-row"]').length === n, HOSTILE_IDS.length);
    const ids = await s.page.locator(sel('article-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    assert.deepEqual([...ids].sort(), HOSTILE_IDS);
    const list = await s.page.locator(sel('article-list')).innerText();
    assert.ok(list.includes("<img src=x onerror=\"window.__pwned='title'\">"), 'the title is text');
    for (const id of HOSTILE_IDS) {
      await s.page.goto(s.url(`/?article=${id}&boilerplate=1`));
      await s.page.locator(`${sel('reader')}[data-article-id="${id}"]`).waitFor();
    }
    await s.page.goto(s.url('/?article=xss'));
    const reader = s.page.locator(sel('reader'));
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
    await hostile.check(s);
  } finally {
    await s.context.close();
  }
});

test('hostile corpus: overlap and stances views render under the CSP', { timeout: 6 * TIMEOUT }, async () => {
  const s = await hostile.open('/overlap');
  try {
    await s.page.goto(s.url('/stances'));
    await s.page.locator(sel('corpus-summary')).waitFor();
    await s.page.goto(s.url(`/?q=${encodeURIComponent('<script>')}`));
    await s.page.locator(sel('article-row')).first().waitFor();
    const rows = await s.page.locator(sel('article-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    assert.ok(rows.includes('xss'), `the search for "<script>" finds the article: ${rows}`);
    await hostile.check(s);
  } finally {
    await s.context.close();
  }
});
