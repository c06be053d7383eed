// The Content Security Policy itself: scripts/csp.mjs, and what it wrote into
// the built index.html. The pages under it: security.test.mjs, hostile.test.mjs.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { DIST } from './helpers.mjs';
import { applyCsp, inlineScriptHashes } from '../scripts/csp.mjs';

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
