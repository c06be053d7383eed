// Expectations for the end-to-end tests come from the command line (the same
// engine, no UI) and from the seed files' bytes — never hard-coded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const cache = new Map();

/** `parallax ARGS… --json`, parsed. */
export function cli(...args) {
  const key = args.join(' ');
  if (!cache.has(key)) {
    const out = execFileSync('cargo', ['run', '-q', '--bin', 'parallax', '--', ...args, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    cache.set(key, JSON.parse(out));
  }
  return cache.get(key);
}

/** `parallax ARGS…`, its standard output as text (e.g. `--csv`). */
export function cliText(...args) {
  return execFileSync('cargo', ['run', '-q', '--bin', 'parallax', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Bytes [start, end) of a seed file, as text. */
export function seedSlice(id, start, end) {
  const bytes = fs.readFileSync(path.join(ROOT, 'seeds', `${id}.txt`));
  return bytes.subarray(start, end).toString('utf8');
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();
