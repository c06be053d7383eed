// Expectations for the end-to-end tests come from the command line (the same
// engine, no UI) and from the seed files' bytes — never hard-coded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const cache = new Map();

// PARALLAX_CLI: the binary scripts/test.sh built before the tests, run as it is;
// without it, `cargo run` (which first waits for cargo's lock on the target
// directory, and rebuilds if the sources changed: minutes inside a test's timeout).
const run = (args) =>
  process.env.PARALLAX_CLI
    ? execFileSync(process.env.PARALLAX_CLI, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : execFileSync('cargo', ['run', '-q', '--bin', 'parallax', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** `parallax ARGS… --json`, parsed. */
export function cli(...args) {
  const key = args.join(' ');
  if (!cache.has(key)) cache.set(key, JSON.parse(run([...args, '--json'])));
  return cache.get(key);
}

/** `parallax ARGS…`, its standard output as text (e.g. `--csv`). */
export function cliText(...args) {
  return run(args);
}

/** Bytes [start, end) of a seed file, as text. */
export function seedSlice(id, start, end) {
  const bytes = fs.readFileSync(path.join(ROOT, 'seeds', `${id}.txt`));
  return bytes.subarray(start, end).toString('utf8');
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();
