// Whether a build in dist/ is still that of the sources in the checkout. A build records every
// source file it read (path, mtime, size, SHA-1) in its build.json; it is stale when one of them
// changed. A new file can only matter if an existing one imports it, and that one changed too.
// Plain JavaScript with no dependencies: bin/parley.js runs it before anything is loaded.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What each build writes, where it records its inputs, and the file that proves it is there. */
export const BUILDS = {
  server: { dir: join(ROOT, 'dist/server'), main: 'cli.js' },
  web: { dir: join(ROOT, 'dist/web'), main: 'index.html' },
};
const RECORD = 'build.json';

const sha1 = (path) => createHash('sha1').update(readFileSync(path)).digest('hex');

/** The record of a build's inputs (paths relative to root), written next to its output. */
export function inputRecord(paths, root = ROOT) {
  const inputs = {};
  for (const path of [...new Set(paths.map((p) => relative(root, p)))].sort()) {
    const { mtimeMs, size } = statSync(join(root, path));
    inputs[path] = { mtimeMs, size, sha1: sha1(join(root, path)) };
  }
  return { builtAt: new Date().toISOString(), inputs };
}

export const recordPath = (dir) => join(dir, RECORD);

/** Why the build must run again, or null when it is fresh. Sources absent (an installed copy): fresh. */
export function staleness(name) {
  const { dir, main } = BUILDS[name];
  if (!existsSync(join(dir, main)) || !existsSync(recordPath(dir)))
    return `dist/${name} is missing`;
  if (!existsSync(join(ROOT, 'src'))) return null;
  return changedInput(JSON.parse(readFileSync(recordPath(dir), 'utf8')).inputs, ROOT);
}

/** The first recorded input (relative to root) that is gone or holds other bytes, or null. */
export function changedInput(inputs, root) {
  for (const [path, was] of Object.entries(inputs)) {
    const file = join(root, path);
    if (!existsSync(file)) return `${path} was removed`;
    const { mtimeMs, size } = statSync(file);
    if (mtimeMs === was.mtimeMs && size === was.size) continue;
    // Touched (a checkout, a copy) but the same bytes: still fresh.
    if (size !== was.size || sha1(file) !== was.sha1) return `${path} changed`;
  }
  return null;
}
