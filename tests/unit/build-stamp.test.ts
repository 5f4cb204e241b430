import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distMatchesSources, removeBuildStamp, stampOfSources, writeBuildStamp } from '../../src/config/build-stamp.js';

let root: string;
let dist: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'specforge-stamp-'));
  dist = path.join(root, 'dist');
  await mkdir(path.join(root, 'src', 'cli'), { recursive: true });
  await mkdir(dist);
  await writeFile(path.join(root, 'src', 'cli', 'main.ts'), 'console.log("one");\n');
  await writeFile(path.join(root, 'src', 'index.ts'), 'export {};\n');
  writeBuildStamp(dist, stampOfSources(root));
});

afterEach(() => rm(root, { recursive: true, force: true }));

/** Moves a file's (and so the sources') newest time past the stamp's. */
async function touch(file: string) {
  const later = new Date(Date.now() + 60_000);
  await utimes(file, later, later);
}

describe('whether dist/ was built from the sources as they are', () => {
  it('matches right after the build', () => {
    expect(distMatchesSources(root, dist)).toBe(true);
  });

  it('still matches when a file was touched but its content is the same (a checkout, a copy)', async () => {
    await touch(path.join(root, 'src', 'cli', 'main.ts'));
    expect(distMatchesSources(root, dist)).toBe(true);
  });

  it('is stale once a source is edited', async () => {
    const file = path.join(root, 'src', 'cli', 'main.ts');
    await writeFile(file, 'console.log("two");\n');
    await touch(file);
    expect(distMatchesSources(root, dist)).toBe(false);
  });

  it('is stale once a source is added or removed', async () => {
    await writeFile(path.join(root, 'src', 'cli', 'extra.ts'), 'export {};\n');
    expect(distMatchesSources(root, dist)).toBe(false);
    await rm(path.join(root, 'src', 'cli', 'extra.ts'));
    await rm(path.join(root, 'src', 'index.ts'));
    expect(distMatchesSources(root, dist)).toBe(false);
  });

  it('is stale without a stamp: never built, or a build under way', () => {
    removeBuildStamp(dist);
    expect(distMatchesSources(root, dist)).toBe(false);
  });
});
