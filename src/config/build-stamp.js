// Whether dist/ was built from the sources as they are now. Plain JavaScript, because
// bin/specforge.js asks before it decides whether to load TypeScript at all; the types are in
// build-stamp.d.ts. Synchronous: one stat walk of src/ (a few hundred files) costs milliseconds.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Written last by scripts/build.ts, so a build that stopped halfway never looks current. */
export const BUILD_STAMP_FILE = 'build-stamp.json';

/**
 * The files the build reads, by a stat walk of src/: how many, and the newest change among them
 * and their folders (a folder's time moves when a file is added, removed or renamed in it).
 */
export function sourceFootprint(packageRoot) {
  const footprint = { files: 0, newestMtimeMs: 0 };
  const walk = (folder) => {
    footprint.newestMtimeMs = Math.max(footprint.newestMtimeMs, statSync(folder).mtimeMs);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        footprint.files += 1;
        footprint.newestMtimeMs = Math.max(footprint.newestMtimeMs, statSync(file).mtimeMs);
      }
    }
  };
  walk(path.join(packageRoot, 'src'));
  return footprint;
}

/** The sources' content (paths and bytes), for when their times moved but maybe not their content (a checkout, a copy). */
export function sourceHash(packageRoot) {
  const hash = createHash('sha256');
  const walk = (folder) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(`${path.relative(packageRoot, file)}\0`).update(readFileSync(file));
    }
  };
  walk(path.join(packageRoot, 'src'));
  return hash.digest('hex');
}

/** What the sources are now, taken before a build starts: an edit made while it runs leaves it stale. */
export function stampOfSources(packageRoot, builtAt = Date.now()) {
  return { builtAt, ...sourceFootprint(packageRoot), sha256: sourceHash(packageRoot) };
}

/** The stamp of the last complete build, or undefined (never built, a build under way or stopped). */
export function readBuildStamp(distFolder) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(distFolder, BUILD_STAMP_FILE), 'utf8'));
    return typeof stamp.sha256 === 'string' && typeof stamp.builtAt === 'number' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole then renamed: a process checking meanwhile reads the old stamp or the new one. */
export function writeBuildStamp(distFolder, stamp) {
  const file = path.join(distFolder, BUILD_STAMP_FILE);
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(stamp));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

export function removeBuildStamp(distFolder) {
  rmSync(path.join(distFolder, BUILD_STAMP_FILE), { force: true });
}

/**
 * True when dist/ holds a complete build of the sources as they are now. Cheap when nothing
 * changed (same file count, nothing newer than the stamp); when times moved, the content decides.
 */
export function distMatchesSources(packageRoot, distFolder = path.join(packageRoot, 'dist')) {
  const stamp = readBuildStamp(distFolder);
  if (!stamp) return false;
  const now = sourceFootprint(packageRoot);
  if (now.files === stamp.files && now.newestMtimeMs <= stamp.newestMtimeMs) return true;
  return sourceHash(packageRoot) === stamp.sha256;
}
