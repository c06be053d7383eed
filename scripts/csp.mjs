// The page's Content Security Policy, finished after the build.
//
// index.html carries the policy in a <meta http-equiv="Content-Security-Policy">
// (see ARCHITECTURE.md, "Content Security Policy"). Its script-src allows
// the page's own files and WebAssembly compilation only. trunk adds an inline
// <script type="module"> that loads the wasm (and, under `trunk serve`, an inline
// live-reload script); this step allows exactly those scripts by their SHA-256
// hash, so no other inline script, event handler attribute or javascript: URL
// can run.
//
//   node scripts/csp.mjs [FILE...]   # default: $TRUNK_STAGING_DIR/index.html (scripts/post-build.mjs runs it in trunk's post_build hook)
//   import { applyCsp, POLICY } from './scripts/csp.mjs';   // e.g. for a single-file build
//
// Fails (exit 1) if a file has no CSP meta, or the policy lacks a directive this
// project depends on.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directives every Parallax page must carry (checked, not added). */
export const POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

const META_RE = /<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/i;
const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** SHA-256 source expressions of the inline scripts of `html`, in order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(SCRIPT_RE)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    // The browser hashes the script's text after the HTML parser normalised
    // newlines (CR LF and lone CR become LF).
    const text = m[2].replace(/\r\n?/g, '\n');
    hashes.push(`'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

function parsePolicy(content) {
  const dirs = new Map();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (name) dirs.set(name.toLowerCase(), values);
  }
  return dirs;
}

function formatPolicy(dirs) {
  return [...dirs].map(([k, v]) => [k, ...v].join(' ')).join('; ');
}

/**
 * trunk serve's live-reload script names the server's address and base path
 * by placeholders that `trunk serve` substitutes in every HTML response: that
 * would change the script after it was hashed. Resolve them in the page
 * instead (the same values trunk would put there), so the text is final.
 */
export function resolveServePlaceholders(html) {
  return html
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replace(/(['`])\{\{__TRUNK_WS_BASE__\}\}\1/g, "new URL('./', window.location.href).pathname");
}

/** Returns `html` with its CSP meta's script-src allowing exactly its inline scripts. */
export function applyCsp(html, { name = 'index.html' } = {}) {
  html = resolveServePlaceholders(html);
  const meta = html.match(META_RE);
  if (!meta) throw new Error(`${name}: no <meta http-equiv="Content-Security-Policy"> (see ARCHITECTURE.md)`);
  const content = meta[0].match(/\bcontent\s*=\s*"([^"]*)"/i);
  if (!content) throw new Error(`${name}: the CSP meta has no content="…"`);
  const dirs = parsePolicy(content[1].replace(/&#39;|&apos;/g, "'"));
  for (const [dir, values] of Object.entries(POLICY)) {
    const have = dirs.get(dir) ?? [];
    for (const v of values) {
      if (!have.includes(v)) throw new Error(`${name}: CSP ${dir} lacks ${v}: ${content[1]}`);
    }
    // Nothing more, but hashes of inline scripts and styles.
    const extra = have.filter((v) => !values.includes(v) && !(/^(script|style)-src$/.test(dir) && /^'sha(256|384|512)-/.test(v)));
    if (extra.length) throw new Error(`${name}: CSP ${dir} allows more than the page's own files: ${extra.join(' ')}`);
  }
  const script = (dirs.get('script-src') ?? []).filter((v) => !/^'sha(256|384|512)-/.test(v));
  dirs.set('script-src', [...script, ...inlineScriptHashes(html)]);
  const newMeta = meta[0].replace(content[0], `content="${formatPolicy(dirs)}"`);
  return html.replace(meta[0], newMeta);
}

/** Applies the CSP to an HTML file in place; returns how many inline scripts it allows. */
export function applyCspToFile(file) {
  const out = applyCsp(fs.readFileSync(file, 'utf8'), { name: file });
  fs.writeFileSync(file, out);
  return inlineScriptHashes(out).length;
}

// CLI / trunk hook.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const staging = process.env.TRUNK_STAGING_DIR;
    if (!staging) {
      console.error('usage: node scripts/csp.mjs FILE... (or run as a trunk post_build hook)');
      process.exit(2);
    }
    files = [path.join(staging, 'index.html')];
  }
  try {
    for (const f of files) {
      const n = applyCspToFile(f);
      console.log(`csp: ${f}: script-src allows ${n} inline script(s) by hash`);
    }
  } catch (e) {
    console.error(`csp: ${e.message}`);
    process.exit(1);
  }
}
