// What the security tests (security.test.mjs, hostile.test.mjs) check in a
// page: a listener that records securitypolicyviolation events and a trap on
// window.__pwned (the flag every payload would set), installed before any of
// the page's scripts. A payload parsed as HTML would either run (flag set) or
// be blocked by the CSP (a violation): both fail the tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test as base } from './app.mjs';

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

/** The fixtures of app.mjs, every page instrumented. */
export const test = base.extend({ initScripts: [instrument] });

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

/** The page's state of health: no violation, no payload, no error, only the build's own files fetched. */
export async function checkPage(s, dist, server) {
  const violations = await s.page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], 'CSP violations or payloads that ran');
  assert.equal(await s.page.evaluate(() => window.__pwned), undefined, 'window.__pwned stays unset');
  const cspConsole = s.console.map((m) => `${m.type}: ${m.text}`).filter((c) => /Content Security Policy|Refused to/i.test(c));
  assert.deepEqual(cspConsole, [], 'CSP messages on the console');
  assert.deepEqual(s.pageErrors, [], 'page errors');
  const own = ownFiles(dist, server.base);
  const foreign = s.requests.filter((u) => {
    if (u.startsWith('data:')) return false; // the inline favicon
    const url = new URL(u);
    return url.origin !== server.origin || !own.has(url.pathname);
  });
  assert.deepEqual(foreign, [], "requests for anything but the page's own files");
}
