// Minifies the built page's JS (wasm-bindgen's glue) and CSS in place with
// esbuild, and updates their Subresource Integrity hashes in index.html.
// trunk 0.21's own `minify` option would also rewrite index.html (it drops
// <head> and reorders attributes, which scripts/csp.mjs and the single-file
// build parse), so only the two assets are minified here: 7.7 KB → 5.9 KB of
// JS and 4.8 → 4.1 KB of CSS, gzipped (bench/NOTES.md).
//
//   node scripts/minify.mjs DIR [PUBLIC_URL]   # minify DIR's .js and .css, fix DIR/index.html
//   import { minifyDist } from './scripts/minify.mjs';
//
// Fails (exit 1) if an asset does not parse, or index.html names an
// integrity hash for a file that is not there.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// esbuild is pinned in e2e/package.json (scripts/setup.sh installs it).
const esbuild = createRequire(path.join(ROOT, 'e2e', 'package.json'))('esbuild');

const LOADERS = { '.js': 'js', '.css': 'css' };

/**
 * Minifies the .js and .css files of `dir` and re-hashes them in its index.html.
 * `publicUrl` is trunk's public URL (`--public-url`, TRUNK_PUBLIC_URL): the prefix
 * of the assets' URLs in index.html ("./" or "/sub/parallax/"). Returns what it did.
 */
export function minifyDist(dir, publicUrl = './') {
  const done = [];
  for (const name of fs.readdirSync(dir)) {
    const loader = LOADERS[path.extname(name)];
    if (!loader) continue;
    const file = path.join(dir, name);
    const before = fs.readFileSync(file, 'utf8');
    let code;
    try {
      ({ code } = esbuild.transformSync(before, { loader, minify: true, legalComments: 'none', charset: 'utf8' }));
    } catch (e) {
      throw new Error(`${file}: ${e.message}`);
    }
    fs.writeFileSync(file, code);
    done.push({ name, before: Buffer.byteLength(before), after: Buffer.byteLength(code) });
  }
  const html = path.join(dir, 'index.html');
  if (fs.existsSync(html)) fs.writeFileSync(html, rehash(fs.readFileSync(html, 'utf8'), dir, publicUrl));
  return done;
}

/** The file of `dir` that `url` names, if the page's own: under `publicUrl`, or relative; else null. */
export function localFile(url, dir, publicUrl = './') {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  let rel;
  if (base !== './' && url.startsWith(base)) rel = url.slice(base.length);
  else if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(url)) return null; // another origin, or a path outside the public URL
  else rel = url.replace(/^\.\//, '');
  return path.join(dir, decodeURIComponent(rel.split(/[?#]/)[0]));
}

/** `html` with every integrity="shaNNN-…" of a local href recomputed from the file in `dir`. */
export function rehash(html, dir, publicUrl = './') {
  return html.replace(/<(link|script)\b[^>]*>/gi, (tag) => {
    const integrity = tag.match(/\bintegrity="(sha(256|384|512))-[^"]*"/i);
    const href = tag.match(/\b(?:href|src)="([^"]+)"/i);
    const file = href && localFile(href[1], dir, publicUrl);
    if (!integrity || !file) return tag;
    if (!fs.existsSync(file)) throw new Error(`index.html: integrity for ${href[1]}, which is not in ${dir}`);
    const algo = integrity[1].toLowerCase();
    const digest = crypto.createHash(algo).update(fs.readFileSync(file)).digest('base64');
    return tag.replace(integrity[0], `integrity="${algo}-${digest}"`);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/minify.mjs DIR');
    process.exit(2);
  }
  try {
    for (const d of minifyDist(dir, process.argv[3])) console.log(`minify: ${d.name}: ${d.before} → ${d.after} bytes`);
  } catch (e) {
    console.error(`minify: ${e.message}`);
    process.exit(1);
  }
}
