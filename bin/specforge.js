#!/usr/bin/env node
// The compiled CLI (dist/, built by `npm run build`, which `npm ci` runs as `prepare`): no
// TypeScript compiled at start. When dist/ is missing or older than src/ (a `git pull`, an edit),
// the sources run through tsx instead: an old build would run old code and an old workflow bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distMatchesSources } from '../src/config/build-stamp.js';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (distMatchesSources(fileURLToPath(new URL('..', import.meta.url)))) {
  await import(compiled.href);
} else {
  console.error(
    existsSync(compiled)
      ? 'specforge: dist/ is older than src/: npm run build (running the sources through tsx)'
      : 'specforge: dist/ is not built: npm run build (running the sources through tsx)',
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
