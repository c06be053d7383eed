// trunk's post_build hook (Trunk.toml). trunk runs the hooks of one stage at
// the same time, so the steps that must follow each other are one hook:
//   1. release builds: minify the JS and CSS, re-hash them (scripts/minify.mjs);
//   2. allow the inline scripts in the CSP by hash (scripts/csp.mjs).
import path from 'node:path';
import { minifyDist } from './minify.mjs';
import { applyCspToFile } from './csp.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: run by trunk (TRUNK_STAGING_DIR is not set)');
  process.exit(2);
}
try {
  if (process.env.TRUNK_PROFILE === 'release') {
    // TRUNK_PUBLIC_URL: "./" (Trunk.toml), or what --public-url says, e.g. "/sub/parallax/".
    for (const d of minifyDist(staging, process.env.TRUNK_PUBLIC_URL || './')) console.log(`minify: ${d.name}: ${d.before} → ${d.after} bytes`);
  }
  const n = applyCspToFile(path.join(staging, 'index.html'));
  console.log(`csp: script-src allows ${n} inline script(s) by hash`);
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}
