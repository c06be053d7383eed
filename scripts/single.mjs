// Packs the release build (dist/) into one self-contained HTML file that
// works when opened from disk (file://): dist-single/parallax.html.
//
//   node scripts/single.mjs [--reuse-dist] [--dist DIR] [--out FILE]
//
// Normally run through scripts/single.sh, which puts trunk and wasm-opt on PATH.
// dist/ is rebuilt with `trunk build --release` unless this script built it
// itself for the same corpus (PARALLAX_CORPUS) and no input changed since;
// --reuse-dist takes dist/ as it is (scripts/test.sh: its build stage just
// made it, with the same environment).
//
// The file holds, inline: the page's <head> (minus trunk's loader and asset
// links), the CSS in a <style>, the wasm gzipped and base64-encoded in a
// non-executed data block, and one module script = wasm-bindgen's JS glue
// (with its `import.meta.url` default path removed) + a loader that decodes
// the bytes and calls the glue's init({ module_or_path: bytes }). Its own
// Content-Security-Policy allows exactly that script and that style by
// sha256 hash, plus 'wasm-unsafe-eval'; everything else is 'none' (data: for
// the empty favicon only), so the page can load nothing from anywhere.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the user ran scripts/single.sh from (it changes to the repo root). */
const CALLER = process.env.PARALLAX_CALLER_DIR ?? process.cwd();

function die(msg) {
  console.error(`single: ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const o = { reuse: false, dist: path.join(ROOT, 'dist'), out: path.join(ROOT, 'dist-single', 'parallax.html') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reuse-dist') o.reuse = true;
    else if (a === '--dist') o.dist = path.resolve(CALLER, argv[++i] ?? die('--dist needs a directory'));
    else if (a === '--out') o.out = path.resolve(CALLER, argv[++i] ?? die('--out needs a file name'));
    else if (a === '-h' || a === '--help') {
      console.log('usage: scripts/single.sh [--reuse-dist] [--dist DIR] [--out FILE]');
      process.exit(0);
    } else die(`unknown argument ${a}`);
  }
  return o;
}

const sha256 = (data) => createHash('sha256').update(data).digest();

// ---------------------------------------------------------------- freshness

/** The corpus the build compiles in, as build.rs sees it ('' = seeds/). */
function corpusKey() {
  const c = process.env.PARALLAX_CORPUS;
  return c ? path.resolve(c) : '';
}

/** Newest mtime (ms) of the files a release build depends on. */
function newestInput() {
  const tracked = execFileSync(
    'git',
    ['ls-files', '-co', '--exclude-standard', '--', 'src', 'crates', 'style', 'seeds', 'index.html', 'Trunk.toml', 'build.rs', 'Cargo.toml', 'Cargo.lock'],
    { cwd: ROOT, encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean)
    .map((f) => path.join(ROOT, f));
  const files = [...tracked];
  const corpus = corpusKey();
  if (corpus) files.push(...walk(corpus));
  let newest = 0;
  for (const f of files) {
    try {
      newest = Math.max(newest, fs.statSync(f).mtimeMs);
    } catch {
      // deleted but still listed: the build no longer reads it
    }
  }
  return newest;
}

function walk(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((e) => walk(path.join(p, e)));
}

const STAMP = path.join(ROOT, 'target', 'single', 'dist.stamp.json');

function stampFor(dist) {
  return { corpus: corpusKey(), dist, index: sha256(fs.readFileSync(path.join(dist, 'index.html'))).toString('hex') };
}

function isFresh(dist) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index) || !fs.existsSync(STAMP)) return false;
  const want = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  const have = stampFor(dist);
  if (want.corpus !== have.corpus || want.dist !== have.dist || want.index !== have.index) return false;
  return fs.statSync(index).mtimeMs >= newestInput();
}

function ensureDist(o) {
  if (o.reuse) {
    if (!fs.existsSync(path.join(o.dist, 'index.html'))) die(`--reuse-dist: ${o.dist}/index.html not found`);
    console.log(`single: using ${path.relative(ROOT, o.dist) || '.'}/ as built`);
  } else if (isFresh(o.dist)) {
    console.log(`single: ${path.relative(ROOT, o.dist)}/ is fresh for this corpus; not rebuilding`);
  } else {
    const corpus = corpusKey() || 'seeds/';
    console.log(`single: trunk build --release (corpus: ${corpus}) …`);
    execFileSync('trunk', ['build', '--release', '--dist', o.dist], { cwd: ROOT, stdio: 'inherit' });
  }
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, JSON.stringify(stampFor(o.dist), null, 2) + '\n');
}

// ---------------------------------------------------------------- packing

/** The attributes of a start tag, lowercased names: `<link rel=x href="y">`. */
function attrs(tag) {
  const out = {};
  const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const body = tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(re)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

const isInline = (url) => /^data:/i.test(url);

/** Text that must not end its <script>/<style> element early or open a comment state. */
function checkRawText(kind, text) {
  if (new RegExp(`</${kind}`, 'i').test(text)) die(`the ${kind} contains "</${kind}"`);
  if (text.includes('<!--')) die(`the ${kind} contains "<!--"`);
}

/** wasm-bindgen's glue, made fit for an inline module script; returns { js, init }. */
function adaptGlue(glue, wasmName) {
  const lines = glue.split('\n');
  if (lines.some((l) => /^\s*import\s/.test(l))) {
    die('the wasm-bindgen glue imports other modules (snippets?); a single file cannot import them');
  }
  // The default path, `new URL('x_bg.wasm', import.meta.url)`, is the only use of
  // import.meta; we always pass the bytes, so it becomes an error if ever reached.
  const re = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  const found = [...glue.matchAll(re)];
  // (trunk renames the files after wasm-bindgen wrote the glue: the name inside
  // lacks the hash, e.g. 'parallax-app_bg.wasm' for '${wasmName}'.)
  if (found.length !== 1 || !found[0][2].endsWith('_bg.wasm')) {
    die(`expected one new URL('…_bg.wasm', import.meta.url) in the glue, found ${found.length}`);
  }
  let js = glue.replace(re, '(() => { throw new Error("parallax.html carries its wasm inline; there is no file to load"); })()');
  if (/import\.meta/.test(js)) die('the glue still uses import.meta after removing the default path');
  // The default export is the async init function; bind it to a name we know.
  let init;
  const plain = /^export default (\w+);$/m;
  const listed = /\b(\w+) as default\b/;
  if (plain.test(js)) {
    init = js.match(plain)[1];
    js = js.replace(plain, '');
  } else if (listed.test(js)) {
    init = js.match(listed)[1];
  } else die('no default export (the init function) in the glue');
  return { js, init };
}

/** The loader: decode the inline wasm, instantiate it through the glue's init. */
function loader(init) {
  return `
// ---- parallax.html loader (scripts/single.mjs) ----
try {
  const block = document.getElementById('parallax-wasm');
  const gz = Uint8Array.from(atob(block.textContent.trim()), (c) => c.charCodeAt(0));
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = await new Response(stream).arrayBuffer();
  const wasm = await ${init}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  console.error(e);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'Parallax could not start in this browser: ' + e;
  document.body.append(p);
}
`;
}

function pack(dist) {
  const indexPath = path.join(dist, 'index.html');
  const html = fs.readFileSync(indexPath, 'utf8');
  const headMatch = html.match(/<head[^>]*>([\s\S]*?)<\/head>/i);
  const bodyMatch = html.match(/<body[^>]*>([\s\S]*?)<\/body>/i);
  if (!headMatch || !bodyMatch) die(`${indexPath}: no <head> or <body>`);
  const htmlTag = html.match(/<html[^>]*>/i)?.[0] ?? '<html>';

  // The wasm and its glue: trunk names them NAME-HASH_bg.wasm and NAME-HASH.js.
  const wasms = fs.readdirSync(dist).filter((f) => f.endsWith('_bg.wasm'));
  if (wasms.length !== 1) die(`expected one *_bg.wasm in ${dist}, found ${wasms.length}`);
  const wasmName = wasms[0];
  const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
  if (!fs.existsSync(path.join(dist, glueName))) die(`${glueName} not found next to ${wasmName}`);
  if (fs.existsSync(path.join(dist, 'snippets'))) die(`${dist}/snippets exists: JS snippets are not supported`);
  const wasm = fs.readFileSync(path.join(dist, wasmName));
  const { js, init } = adaptGlue(fs.readFileSync(path.join(dist, glueName), 'utf8'), wasmName);

  // Walk the head: keep metadata, inline stylesheets, drop trunk's loader,
  // preloads and any CSP meant for the served page.
  const css = [];
  const head = [];
  const tokens = headMatch[1].match(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<title\b[\s\S]*?<\/title>|<[^>]+>/gi) ?? [];
  for (const tok of tokens) {
    const name = tok.match(/^<([a-z]+)/i)?.[1]?.toLowerCase();
    const a = name ? attrs(tok.match(/^<[^>]*>/)[0]) : {};
    if (!name || name === 'script' || name === 'base') continue; // comments, trunk's loader, <base href="./">
    if (name === 'style') {
      css.push(tok.replace(/^<style[^>]*>/i, '').replace(/<\/style>$/i, ''));
    } else if (name === 'link') {
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('stylesheet')) {
        if (isInline(a.href)) die(`data: stylesheet not supported: ${tok}`);
        css.push(fs.readFileSync(path.join(dist, decodeURI(a.href.replace(/^\.\//, ''))), 'utf8'));
      } else if (rel.includes('preload') || rel.includes('modulepreload')) {
        continue;
      } else if (a.href !== undefined && !isInline(a.href)) {
        die(`cannot inline ${tok}`);
      } else head.push(tok);
    } else if (name === 'meta' && (a['http-equiv'] ?? '').toLowerCase() === 'content-security-policy') {
      continue;
    } else if (name === 'meta' && a.charset !== undefined) {
      continue; // written first, below
    } else {
      head.push(tok);
    }
  }
  const style = css.join('\n');
  if (/url\(\s*(?!['"]?data:)|@import/i.test(style)) die('the CSS refers to another file (url() or @import)');
  checkRawText('style', style);

  const script = `${js}\n${loader(init)}`;
  checkRawText('script', script);
  const body = bodyMatch[1].replace(/<script\b[\s\S]*?<\/script>/gi, '');
  if (/\b(src|href)\s*=\s*["']?(?!data:|#)/i.test(body)) die('the body refers to another file');

  const b64 = zlib.gzipSync(wasm, { level: 9 }).toString('base64').replace(/.{1,120}/g, '$&\n');
  const hash = (text) => `'sha256-${sha256(Buffer.from(text, 'utf8')).toString('base64')}'`;
  const csp = [
    "default-src 'none'",
    `script-src ${hash(script)} 'wasm-unsafe-eval'`,
    `style-src ${hash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const out = [
    '<!doctype html>',
    htmlTag,
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    ...head.map((t) => `    ${t}`),
    `    <style>${style}</style>`,
    `    <script type="module">${script}</script>`,
    '  </head>',
    '  <body>',
    `    ${body.trim()}`,
    `    <script type="application/octet-stream" id="parallax-wasm" data-encoding="gzip, base64" data-from="${wasmName}">`,
    b64 + '    </script>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
  return { out, csp, wasmBytes: wasm.length };
}

function kb(n) {
  return `${(n / 1024).toFixed(0)} KB`;
}

/** Total raw and gzip -9 bytes of the served files (dist/). */
function servedSizes(dist) {
  let raw = 0;
  let gz = 0;
  for (const f of walk(dist)) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

const o = parseArgs(process.argv.slice(2));
ensureDist(o);
const { out, wasmBytes } = pack(o.dist);
fs.mkdirSync(path.dirname(o.out), { recursive: true });
const tmp = `${o.out}.tmp`;
fs.writeFileSync(tmp, out);
fs.renameSync(tmp, o.out);
const gz = zlib.gzipSync(Buffer.from(out), { level: 9 }).length;
const served = servedSizes(o.dist);
console.log(`single: wrote ${path.relative(process.cwd(), o.out)}`);
console.log(`single: ${kb(Buffer.byteLength(out))} raw, ${kb(gz)} gzipped (wasm ${kb(wasmBytes)} before gzip+base64)`);
console.log(`single: served build ${path.relative(ROOT, o.dist)}/: ${kb(served.raw)} raw, ${kb(served.gz)} gzipped in all`);
