// A tiny static file server for the built site (no dependencies).
//
//   import { startServer } from './serve.mjs';
//   const srv = await startServer({ root: 'dist', base: '/sub/dir/' });
//   srv.url   // "http://127.0.0.1:PORT/sub/dir/"
//   await srv.close();
//
// CLI: node e2e/serve.mjs [ROOT=dist] [--base /sub/dir/] [--port 0]
//
// Binds 127.0.0.1 only, on a free port unless one is given. Serves ROOT under
// BASE; anything outside BASE is a 404 (so a page that asks for /index.js while
// served from /sub/dir/ fails loudly). Directories serve their index.html.
// Files are sent with no-store caching so every test sees the current build.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
  '.postcard': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

/** Normalise a base path to "/", or "/a/b/" (leading and trailing slash). */
export function normaliseBase(base = '/') {
  const parts = String(base).split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

export function startServer({ root = 'dist', base = '/', port = 0, host = '127.0.0.1', log = false } = {}) {
  const rootDir = path.resolve(root);
  const prefix = normaliseBase(base);
  const served = []; // every request path, for tests that want to inspect them

  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n', { 'Content-Type': 'text/plain' });
    }
    served.push(pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { 'Content-Type': 'text/plain', Allow: 'GET, HEAD' });
    }
    // "/sub/dir" without the slash: redirect so relative asset URLs resolve.
    if (prefix !== '/' && pathname === prefix.slice(0, -1)) {
      return send(301, '', { Location: prefix });
    }
    if (!pathname.startsWith(prefix)) {
      return send(404, `not found (outside ${prefix})\n`, { 'Content-Type': 'text/plain' });
    }
    let file = path.join(rootDir, pathname.slice(prefix.length));
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      return send(403, 'forbidden\n', { 'Content-Type': 'text/plain' });
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
      }
      fs.readFile(file, (err2, data) => {
        if (err2) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
        const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        send(200, data, { 'Content-Type': type, 'Content-Length': data.length });
      });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const origin = `http://${host}:${actual}`;
      resolve({
        origin,
        url: origin + prefix,
        base: prefix,
        port: actual,
        served,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opts = { root: 'dist', base: '/', port: 0, log: true };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--base') opts.base = args[++i];
    else if (args[i] === '--port') opts.port = Number(args[++i]);
    else if (args[i] === '-h' || args[i] === '--help') {
      console.log('usage: node e2e/serve.mjs [ROOT=dist] [--base /sub/dir/] [--port 0]');
      process.exit(0);
    } else opts.root = args[i];
  }
  if (!fs.existsSync(path.join(opts.root, 'index.html'))) {
    console.error(`serve: ${path.resolve(opts.root)}/index.html not found (run trunk build --release first)`);
    process.exit(1);
  }
  const srv = await startServer(opts);
  console.log(`serving ${path.resolve(opts.root)} at ${srv.url}`);
}
