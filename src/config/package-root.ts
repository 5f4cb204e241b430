import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where this code runs from: src/config/ under tsx and vitest, dist/ once bundled by
 * scripts/build.ts. Files that are loaded by path rather than imported (the workflow sources, the
 * failure converter, the Mermaid parser thread, the page's assets) are found from the package root,
 * so the same path is right in both; they are read from src/, never copied, so no copy goes stale.
 */
const RUNNING_FROM = path.dirname(fileURLToPath(import.meta.url));

function packageRootFrom(folder: string): string {
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'package.json'))) return current;
    if (path.dirname(current) === current) throw new Error(`no package.json above ${folder}`);
  }
}

export const PACKAGE_ROOT = packageRootFrom(RUNNING_FROM);

/** A file of the package, by its path from the root: `packagePath('src', 'workflows', 'index.ts')`. */
export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}

/** The build's output folder: the compiled entry points and the prebuilt workflow bundles. */
export const DIST_FOLDER = packagePath('dist');

/** True in the compiled code (dist/), false when the sources run (tsx, vitest, benches). */
export const RUNNING_FROM_BUILD = RUNNING_FROM === DIST_FOLDER;
